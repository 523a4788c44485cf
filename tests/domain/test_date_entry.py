"""Fast date entry: short Swedish forms are read as the date meant, and anything that would
need a guess is refused with a message that quotes the input and says how to write it."""

from __future__ import annotations

from datetime import date, time

import pytest

from secretariat_tui.domain.date_entry import (
    MONTH_NAMES,
    EnteredDate,
    Precision,
    _dateutil_reading,
    parse_date_entry,
    parse_day_entry,
    parse_time_entry,
)

TODAY = date(2026, 6, 1)


def day(year: int, month: int, dom: int) -> EnteredDate:
    return EnteredDate(date(year, month, dom))


def month(year: int, number: int) -> EnteredDate:
    return EnteredDate(date(year, number, 1), Precision.MONTH)


ACCEPTED = [
    # ISO, as the UI shows dates; single digits as in domain.dates.parse_date.
    ("2024-01-15", TODAY, day(2024, 1, 15)),
    ("2024-01-05", TODAY, day(2024, 1, 5)),  # dayfirst would make dateutil read 1 May
    (" 2024-4-8 ", TODAY, day(2024, 4, 8)),
    ("2024-05", TODAY, month(2024, 5)),
    # day/month, Swedish order; the year from today when left out.
    ("15/1", TODAY, day(2026, 1, 15)),
    ("1/2", TODAY, day(2026, 2, 1)),
    ("31/12", TODAY, day(2026, 12, 31)),
    ("15/1 2024", TODAY, day(2024, 1, 15)),
    ("15/1/2024", TODAY, day(2024, 1, 15)),
    ("15/1-2024", TODAY, day(2024, 1, 15)),
    ("15 / 1", TODAY, day(2026, 1, 15)),
    # day and month name.
    ("15 jan", TODAY, day(2026, 1, 15)),
    ("15 januari", TODAY, day(2026, 1, 15)),
    ("15 jan 2024", TODAY, day(2024, 1, 15)),
    ("15 januari 2024", TODAY, day(2024, 1, 15)),
    ("15 jan. 2024", TODAY, day(2024, 1, 15)),
    ("  15   JANUARI  2024 ", TODAY, day(2024, 1, 15)),
    ("1 maj", TODAY, day(2026, 5, 1)),
    ("3 sept 2024", TODAY, day(2024, 9, 3)),
    ("29 feb 2024", TODAY, day(2024, 2, 29)),
    ("29 feb", date(2024, 3, 1), day(2024, 2, 29)),
    ("1 jan 1900", TODAY, day(1900, 1, 1)),
    ("31 dec 2100", TODAY, day(2100, 12, 31)),
    # a whole month.
    ("jan", TODAY, month(2026, 1)),
    ("januari", TODAY, month(2026, 1)),
    ("jan 2024", TODAY, month(2024, 1)),
    ("januari 2024", TODAY, month(2024, 1)),
    ("maj 2024", TODAY, month(2024, 5)),
    ("Mars 2024", TODAY, month(2024, 3)),
    ("dec.", TODAY, month(2026, 12)),
    # relative to today.
    ("idag", TODAY, day(2026, 6, 1)),
    ("i dag", TODAY, day(2026, 6, 1)),
    ("IDAG", TODAY, day(2026, 6, 1)),
    ("imorgon", TODAY, day(2026, 6, 2)),
    ("i  morgon", TODAY, day(2026, 6, 2)),
    ("igår", TODAY, day(2026, 5, 31)),
    ("i går", TODAY, day(2026, 5, 31)),
    ("imorgon", date(2024, 12, 31), day(2025, 1, 1)),
    ("igår", date(2025, 1, 1), day(2024, 12, 31)),
    ("+3", date(2024, 2, 27), day(2024, 3, 1)),  # leap year: over 29 February
    ("+3", date(2023, 2, 27), day(2023, 3, 2)),
    ("+3", TODAY, day(2026, 6, 4)),
    ("+ 3", TODAY, day(2026, 6, 4)),
    ("-2", TODAY, day(2026, 5, 30)),
    ("+0", TODAY, day(2026, 6, 1)),
    ("+2v", TODAY, day(2026, 6, 15)),
    ("-1v", TODAY, day(2026, 5, 25)),
    ("+10", date(2024, 12, 28), day(2025, 1, 7)),
]


@pytest.mark.parametrize(("text", "today", "expected"), ACCEPTED)
def test_accepted_entries_are_read_as_the_date_meant(
    text: str, today: date, expected: EnteredDate
) -> None:
    assert parse_date_entry(text, today) == expected


ABBREVIATIONS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@pytest.mark.parametrize("number", range(1, 13))
def test_every_swedish_month_name_and_abbreviation_is_understood(number: int) -> None:
    for name in (MONTH_NAMES[number - 1], ABBREVIATIONS[number - 1]):
        assert parse_date_entry(f"15 {name} 2024", TODAY) == day(2024, number, 15)
        assert parse_date_entry(name, TODAY) == month(2026, number)


def test_month_names_are_swedish_and_in_calendar_order() -> None:
    assert MONTH_NAMES == (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    )


REFUSED = [
    # not understood
    ("15 jann", "förstods inte"),
    ("hej", "förstods inte"),
    ("15 jan 18:00", "förstods inte"),
    ("20240115", "förstods inte"),
    ("15.1", "förstods inte"),
    ("1５/1", "förstods inte"),
    # impossible: says what was understood
    ("31/2", "31 februari 2026 finns inte i kalendern."),
    ("2023-02-29", "29 februari 2023 finns inte i kalendern."),
    ("32 jan", "32 januari 2026 finns inte i kalendern."),
    ("29 feb", "29 februari 2026 finns inte i kalendern."),
    ("29/2 2023", "29 februari 2023 finns inte i kalendern."),
    ("31 apr 2024", "31 april 2024 finns inte i kalendern."),
    ("0/1", "0 januari 2026 finns inte i kalendern."),
    ("2024-02-30", "30 februari 2024 finns inte i kalendern."),
    ("1/13", "det finns ingen månad 13."),  # dateutil alone would read 13 January
    ("2024-13", "det finns ingen månad 13."),
    ("2024-00-10", "det finns ingen månad 0."),
    # ambiguous: dateutil would fill in or guess a part that was not typed
    ("5", "kan vara en dag eller en månad"),
    ("2024", "är bara ett år: skriv t.ex. 15/1 2024 eller jan 2024."),
    ("1/2/24", "tvetydigt årtal: skriv året med fyra siffror"),
    ("15/1-24", "tvetydigt årtal"),
    ("15/1 24", "tvetydigt årtal"),
    ("15 jan 24", "tvetydigt årtal"),
    ("1/2/3", "tvetydigt årtal"),
    ("jan 24", "dagen före månaden (24 jan) eller året med fyra siffror (jan 2026)"),
    ("12-01", "dag-månad eller månad-dag"),
    ("15-1-2024", "dag-månad eller månad-dag"),
    ("24-01-15", "dag-månad eller månad-dag"),
    ("1/2/2024/5", "för många delar"),
    # outside 1900–2100
    ("1899-12-31", "utanför 1900–2100; skrev du fel år?"),
    ("1 jan 2101", "blir 1 januari 2101, utanför 1900–2100"),
    ("0024-01-01", "utanför 1900–2100"),
    ("+9999v", "utanför 1900–2100"),
]


@pytest.mark.parametrize(("text", "part"), REFUSED)
def test_refusals_say_what_was_understood_and_how_to_write_it(text: str, part: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date_entry(text, TODAY)
    assert part in str(caught.value)


@pytest.mark.parametrize("text", [text for text, _ in REFUSED] + ["  5  "])
def test_each_refusal_quotes_the_input_as_typed(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date_entry(text, TODAY)
    assert str(caught.value).startswith(f"”{text.strip()}”")


def test_text_not_understood_is_answered_with_examples() -> None:
    with pytest.raises(ValueError) as caught:
        parse_date_entry("15 jann", TODAY)
    assert str(caught.value) == (
        "”15 jann” förstods inte som ett datum: skriv t.ex. "
        "2024-01-15, 15/1, 15 jan, jan 2024, i dag, i morgon eller +3."
    )


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_entry_asks_for_a_date(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date_entry(text, TODAY)
    assert str(caught.value) == "Ange ett datum, t.ex. 2024-01-15, 15/1, 15 jan eller i dag."


def test_dateutil_reports_the_parts_it_filled_in_and_would_swap_an_impossible_month() -> None:
    assert _dateutil_reading("jan 2024") == (2024, 1, None)
    assert _dateutil_reading("15 jan") == (None, 1, 15)
    assert _dateutil_reading("1/13") == (None, 1, 13)  # why the month is checked first


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("jan 2024", "15 jan 2024"),
        ("2024-05", "15 maj 2024"),
        ("jan", "15 jan 2026"),
        ("september", "15 sep 2026"),
    ],
)
def test_a_whole_month_is_refused_where_a_day_is_needed(text: str, example: str) -> None:
    expected = f"”{text}” är en hel månad; här behövs en dag, t.ex. {example}."
    with pytest.raises(ValueError) as caught:
        parse_date_entry(text, TODAY, allow_month=False)
    assert str(caught.value) == expected
    with pytest.raises(ValueError) as caught:
        parse_day_entry(text, TODAY)
    assert str(caught.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("15 jan", date(2026, 1, 15)), ("+3", date(2026, 6, 4))]
)
def test_a_day_is_accepted_where_a_day_is_needed(text: str, expected: date) -> None:
    assert parse_date_entry(text, TODAY, allow_month=False) == EnteredDate(expected)
    assert parse_day_entry(text, TODAY) == expected


@pytest.mark.parametrize(
    ("entered", "iso", "words"),
    [
        (day(2024, 5, 3), "2024-05-03", "3 maj 2024"),
        (day(2024, 1, 15), "2024-01-15", "15 januari 2024"),
        (month(2024, 1), "2024-01", "januari 2024"),
        (month(2024, 9), "2024-09", "september 2024"),
        (day(1900, 1, 1), "1900-01-01", "1 januari 1900"),
    ],
)
def test_iso_and_describe_write_the_stored_and_the_spoken_form(
    entered: EnteredDate, iso: str, words: str
) -> None:
    assert entered.iso() == iso
    assert entered.describe() == words
    assert EnteredDate.from_iso(iso) == entered
    assert entered.month_only is (entered.precision is Precision.MONTH)


@pytest.mark.parametrize(("text", "today", "expected"), ACCEPTED)
def test_every_accepted_entry_survives_the_iso_round_trip(
    text: str, today: date, expected: EnteredDate
) -> None:
    entered = parse_date_entry(text, today)
    assert EnteredDate.from_iso(entered.iso()) == entered


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2024-5-3",
        "2024-02-30",
        "2024-13",
        "15/1",
        " 2024-05-03",
        "2024-05-03T10:00",
        # Other forms date.fromisoformat reads, and digits that are not ASCII.
        "20240503",
        "2024-W18-5",
        "2024-05-0٣",
        "٢٠٢٤-05",
    ],
)
def test_from_iso_refuses_anything_iso_did_not_write(text: str) -> None:
    with pytest.raises(ValueError, match="inget sparat datum"):
        EnteredDate.from_iso(text)


def test_a_whole_month_must_be_stored_as_its_first_day() -> None:
    with pytest.raises(ValueError, match="första dag"):
        EnteredDate(date(2024, 5, 3), Precision.MONTH)


def test_entered_dates_sort_by_day() -> None:
    entries = [day(2024, 2, 1), month(2024, 1), day(2024, 1, 15)]
    assert sorted(entries) == [month(2024, 1), day(2024, 1, 15), day(2024, 2, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18", time(18, 0)),
        ("18:00", time(18, 0)),
        ("18.00", time(18, 0)),
        ("1800", time(18, 0)),
        ("9.30", time(9, 30)),
        ("09:05", time(9, 5)),
        ("0", time(0, 0)),
        ("23:59", time(23, 59)),
        (" kl 18 ", time(18, 0)),
        ("Kl. 9.30", time(9, 30)),
    ],
)
def test_times_are_read_in_the_usual_swedish_forms(text: str, expected: time) -> None:
    assert parse_time_entry(text) == expected


@pytest.mark.parametrize(
    "text", ["25:00", "18:60", "24", "kl", "18:5", "930", "18:00:00", "9,30", "halv sju"]
)
def test_a_time_that_is_not_one_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_time_entry(text)
    assert str(caught.value) == f"”{text}” är ingen tid: skriv t.ex. 18:00 eller 9.30."


@pytest.mark.parametrize("text", ["", "  "])
def test_an_empty_time_asks_for_one(text: str) -> None:
    with pytest.raises(ValueError, match="Ange en tid, t.ex. 18:00 eller 9.30."):
        parse_time_entry(text)
