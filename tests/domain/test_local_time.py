"""Stockholm wall-clock times at both summer-time changes: the spring gap is refused with the
next valid time, the repeated autumn hour keeps its two passes apart, typed and shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from secretariat_tui.domain.activities import Activity, Category, check_activity
from secretariat_tui.domain.activity_fields import activity_fields, parse_activity_fields
from secretariat_tui.domain.date_entry import EnteredDate, parse_time_entry, time_text
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.local_time import instant, repeated, time_problem, wall_clock

SPRING = date(2025, 3, 30)
AUTUMN = date(2025, 10, 26)
TODAY = date(2025, 1, 1)
GAP = (
    "02:30 finns inte den 30 mars 2025: klockan ställdes fram till sommartid; "
    "närmaste giltiga tid är 03:00"
)


def test_a_time_in_the_spring_gap_says_why_and_names_the_next_valid_time() -> None:
    assert time_problem(SPRING, time(2, 30)) == GAP
    assert time_problem(SPRING, time(2, 0)) is not None
    assert time_problem(SPRING, time(1, 59)) is None
    assert time_problem(SPRING, time(3, 0)) is None
    assert time_problem(date(2025, 3, 29), time(2, 30)) is None, "the day before has 02:30"


def test_the_repeated_hour_is_two_instants_an_hour_apart() -> None:
    first, second = time(2, 30), time(2, 30, fold=1)
    assert instant(AUTUMN, first) == datetime(2025, 10, 26, 0, 30, tzinfo=UTC)
    assert instant(AUTUMN, second) == datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    assert repeated(AUTUMN, first) and not repeated(AUTUMN, time(3, 0))
    assert not repeated(date(2025, 10, 25), first)
    assert wall_clock(datetime(2025, 10, 26, 1, 30, tzinfo=UTC)).time().fold == 1


def test_a_utc_instant_in_the_spring_gap_cannot_happen_and_a_naive_one_moves_an_hour_on() -> None:
    assert wall_clock(datetime(2025, 3, 30, 2, 30)) == datetime(2025, 3, 30, 3, 30)


def test_second_pass_is_typed_and_shown_as_vintertid() -> None:
    second = parse_time_entry("2.30 vintertid")
    assert (second, second.fold) == (time(2, 30), 1)
    assert parse_time_entry("02:30").fold == 0
    assert time_text(second) == "02:30 vintertid"
    assert time_text(time(2, 30)) == "02:30"
    with pytest.raises(ValueError, match="ingen tid"):
        parse_time_entry("vintertid")


def activity(day: date, starts: time | None, ends: time | None = None) -> Activity:
    return Activity("Nattmöte", EnteredDate(day), Category.MEETING, starts, ends)


def test_the_rules_refuse_a_start_or_an_end_in_the_spring_gap() -> None:
    with pytest.raises(FieldErrors) as raised:
        check_activity(activity(SPRING, time(2, 30)))
    assert raised.value.errors == {"starts_at": f"{GAP}."}
    with pytest.raises(FieldErrors) as raised:
        check_activity(activity(SPRING, time(1, 0), time(2, 15)))
    assert set(raised.value.errors) == {"ends_at"}
    assert "närmaste giltiga tid är 03:00" in raised.value.errors["ends_at"]


def test_an_end_in_the_second_pass_may_read_earlier_than_a_start_in_the_first() -> None:
    check_activity(activity(AUTUMN, time(2, 40), time(2, 10, fold=1)))  # half an hour
    with pytest.raises(FieldErrors) as raised:
        check_activity(activity(AUTUMN, time(2, 40, fold=1), time(2, 10)))
    assert raised.value.errors == {"ends_at": "Sluttiden 02:10 ligger före starttiden 02:40."}


def test_vintertid_outside_the_repeated_hour_is_refused() -> None:
    with pytest.raises(FieldErrors) as raised:
        check_activity(activity(date(2025, 6, 1), time(2, 30, fold=1)))
    assert "går bara en gång" in raised.value.errors["starts_at"]


def test_a_form_edit_of_a_second_pass_activity_keeps_its_pass() -> None:
    typed = {"when": "2025-10-26", "title": "Natt", "category": "möte", "starts_at": "01:30"}
    stored = parse_activity_fields({**typed, "ends_at": "02:30 vintertid"}, TODAY)
    assert activity_fields(stored)["ends_at"] == "02:30 vintertid"
    assert stored.ends_at is not None and stored.ends_at.fold == 1


def test_the_calendar_shows_the_second_pass_as_the_form_does() -> None:
    from secretariat_tui.domain.calendar import from_activity

    def shown(starts: time, ends: time) -> str:
        return from_activity(replace(activity(AUTUMN, starts, ends), id=1)).time_text

    assert shown(time(2, 30, fold=1), time(3, 0)) == "02:30 vintertid–03:00"
    assert shown(time(2, 30), time(2, 45)) == "02:30–02:45"
