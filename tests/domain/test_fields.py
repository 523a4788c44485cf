"""The field kinds: one reader per kind of value, the same for every form and flag."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from enum import StrEnum

import pytest

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import (
    Amount,
    Choice,
    Day,
    Field,
    FieldReader,
    Flag,
    Listed,
    Ref,
    Text,
    Time,
    Year,
    new_record_text,
    parse_year,
    record_text,
)
from secretariat_tui.domain.registers import ALL_FIELDS

TODAY = date(2026, 6, 1)


class Colour(StrEnum):
    RED = "red"
    DARK_BLUE = "dark/blue"


def read(field: Field, text: str) -> object:
    return field.parse(text, TODAY)


def test_a_day_takes_the_fast_entry_and_iso_alike() -> None:
    day = Field("d", "Dag", Day())
    assert read(day, "15/1") == read(day, "2026-01-15") == read(day, "15 jan") == date(2026, 1, 15)
    assert read(day, "idag") == TODAY
    with pytest.raises(ValueError, match="hel månad"):
        read(day, "jan 2026")


def test_a_day_or_month_keeps_a_whole_month() -> None:
    when = Field("when", "Datum", Day(month=True), required=True)
    assert read(when, "jan 2026") == EnteredDate(date(2026, 1, 1), Precision.MONTH)
    assert when.text(read(when, "jan 2026")) == "2026-01"


def test_an_empty_optional_field_is_none_or_empty_text_and_a_required_one_is_refused() -> None:
    assert read(Field("d", "Dag", Day()), " ") is None
    assert read(Field("t", "Plats"), "") == ""
    with pytest.raises(ValueError, match="Ange ett datum"):
        read(Field("d", "Dag", Day(), required=True), "")
    with pytest.raises(ValueError, match="Fyll i plats"):
        read(Field("t", "Plats", required=True), " ")


def test_time_year_and_amount_read_as_typed() -> None:
    assert read(Field("t", "Kl", Time()), "9.30") == time(9, 30)
    assert read(Field("y", "År", Year()), "2024") == 2024 == parse_year(" 2024 ")
    assert read(Field("a", "Belopp", Amount()), "1 500,50 kr") == Decimal("1500.50")
    with pytest.raises(ValueError, match="större än noll"):
        read(Field("a", "Belopp", Amount()), "0")
    assert read(Field("fee", "Avgift", Amount(positive=False), required=True), "0") == 0


@pytest.mark.parametrize("typed", ["24", "20244", "tjugo", "1899", "2101"])
def test_a_year_is_four_digits_within_the_registers_span(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_year(typed)


def test_a_choice_takes_any_case_either_half_or_its_label() -> None:
    colour = Field("c", "Färg", Choice(Colour, "färg", labels=("Röd", "Mörkblå")))
    assert read(colour, "RED") is Colour.RED
    assert read(colour, "blue") is read(colour, "mörkblå") is Colour.DARK_BLUE
    assert colour.kind.options() == (("Röd", "red"), ("Mörkblå", "dark/blue"))  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="”grön” är ingen färg; välj red, dark/blue"):
        read(colour, "grön")
    with pytest.raises(ValueError, match="Välj färg"):
        read(colour, "")


def test_a_choice_with_none_offers_it_first_and_reads_it_as_none() -> None:
    kind = Choice(Category, "kategori", none="Alla kategorier")
    assert kind.options()[0] == ("Alla kategorier", "")
    assert read(Field("c", "Kategori", kind), "") is None


@pytest.mark.parametrize(
    ("typed", "value"), [("ja", True), ("J", True), ("nej", False), ("", True)]
)
def test_yes_no_reads_swedish_words_and_an_empty_answer_is_the_default(
    typed: str, value: bool
) -> None:
    assert read(Field("f", "Med", Flag(), default=True), typed) is value


def test_a_listed_choice_and_a_reference_need_their_value() -> None:
    assert read(Field("f", "Format", Listed("format"), required=True), ".txt") == ".txt"
    assert read(Field("n", "Nätverk", Ref("nätverk", none="(inget)")), "") is None
    assert read(Field("n", "Nätverk", Ref("nätverk")), "12") == 12
    with pytest.raises(ValueError, match="inget nätverks-id"):
        read(Field("n", "Nätverk", Ref("nätverk")), "Sju")


def test_a_reader_reports_every_faulty_field_at_once() -> None:
    fields = (
        Field("when", "Datum", Day(), required=True),
        Field("title", "Rubrik", Text(), required=True),
        Field("start", "Kl", Time()),
    )
    reader = FieldReader(fields, {"when": "31/2", "title": "", "start": "25"}, TODAY)
    values = reader.read()
    assert values == {"when": None, "title": None, "start": None}
    with pytest.raises(FieldErrors) as caught:
        reader.done()
    assert set(caught.value.errors) == {"when", "title", "start"}


def test_a_record_written_as_text_reads_back_the_same() -> None:
    fields = (
        Field("day", "Dag", Day()),
        Field("on", "Med", Flag()),
        Field("sum", "Belopp", Amount()),
    )

    class Record:
        day, on, sum = date(2024, 4, 18), False, Decimal("1500.50")

    text = record_text(fields, Record())
    assert text == {"day": "2024-04-18", "on": "nej", "sum": "1500,50"}
    assert FieldReader(fields, text, TODAY).read() == {
        "day": Record.day,
        "on": False,
        "sum": Record.sum,
    }


def test_a_new_record_opens_with_the_declared_defaults() -> None:
    fields = (Field("on", "Med", Flag(), default=True), Field("t", "Text"))
    assert new_record_text(fields) == {"on": "ja"}


def test_every_declared_field_has_a_swedish_label_and_a_flag() -> None:
    for field in ALL_FIELDS:
        assert field.label and field.label[0].isupper(), field.name
        assert field.option.startswith("--") and " " not in field.option, field.name
