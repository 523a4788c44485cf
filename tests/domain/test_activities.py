"""An activity's rules and its typed fields: times, month precision, multi-day, the uid."""

from __future__ import annotations

from datetime import date, time

import pytest

from secretariat_tui.domain.activities import (
    Category,
    ics_description,
    ics_uid,
    split_description,
    uid_from_ics,
)
from secretariat_tui.domain.activity_fields import (
    activity_fields,
    edited_activity,
    parse_activity_fields,
)
from secretariat_tui.domain.date_entry import Precision
from secretariat_tui.domain.errors import FieldErrors

TODAY = date(2026, 6, 1)


def fields(**changes: str) -> dict[str, str]:
    return {
        "when": "2024-11-14",
        "title": "Höstens plattformsmöte",
        "category": "plattformsmöte",
    } | changes


def errors_of(**changes: str) -> dict[str, str]:
    with pytest.raises(FieldErrors) as caught:
        parse_activity_fields(fields(**changes), TODAY)
    return caught.value.errors


def test_a_timed_activity_from_fast_entry() -> None:
    activity = parse_activity_fields(
        fields(when="14 nov 2024", starts_at="13", ends_at="16.30"), TODAY
    )
    assert activity.day == date(2024, 11, 14)
    assert (activity.starts_at, activity.ends_at) == (time(13), time(16, 30))
    assert activity.category is Category.PLATFORM_MEETING
    assert activity.in_report and activity.uid


def test_a_month_only_activity() -> None:
    activity = parse_activity_fields(fields(when="juli 2024"), TODAY)
    assert activity.when.precision is Precision.MONTH
    assert activity.month_only and activity.day == date(2024, 7, 1)


def test_a_time_on_a_month_only_item_is_refused_with_what_to_write() -> None:
    message = errors_of(when="juli 2024", starts_at="10:00")["starts_at"]
    assert "hel månad" in message and "15 juli 2024" in message


def test_an_end_before_the_start_is_refused() -> None:
    assert "före starttiden" in errors_of(starts_at="16:00", ends_at="13:00")["ends_at"]
    assert "före startdagen" in errors_of(ends_on="2024-11-13")["ends_on"]


def test_an_end_time_needs_a_start_time() -> None:
    assert "starttid" in errors_of(ends_at="13:00")["starts_at"]


def test_a_multi_day_activity_may_end_earlier_in_the_day_on_a_later_day() -> None:
    activity = parse_activity_fields(
        fields(starts_at="18:00", ends_at="12:00", ends_on="2024-11-15"), TODAY
    )
    assert activity.last_day == date(2024, 11, 15)


def test_every_faulty_field_is_reported_at_once() -> None:
    errors = errors_of(when="31/2", title=" ", category="fest", starts_at="25:00")
    assert set(errors) == {"when", "title", "category", "starts_at"}
    assert "februari" in errors["when"]


def test_an_edit_keeps_the_id_and_the_uid() -> None:
    first = parse_activity_fields(fields(), TODAY)
    stored = first.__class__(**{**first.__dict__, "id": 5})
    moved = edited_activity(stored, {"when": "2024-11-21"}, TODAY)
    assert (moved.id, moved.uid, moved.day) == (5, first.uid, date(2024, 11, 21))


def test_fields_round_trip_through_their_text() -> None:
    activity = parse_activity_fields(
        fields(starts_at="13:00", ends_at="16:00", location="Stockholm", in_report="nej"), TODAY
    )
    again = parse_activity_fields(activity_fields(activity), TODAY, base=activity)
    assert again == activity


def test_new_activities_get_different_uids() -> None:
    assert parse_activity_fields(fields(), TODAY).uid != parse_activity_fields(fields(), TODAY).uid


@pytest.mark.parametrize(
    ("uid", "in_file"),
    [
        ("3f2a9c", "3f2a9c@secretariat-tui"),
        (
            "040000008200E00074C5B7101A82E008@outlook.com",
            "040000008200E00074C5B7101A82E008@outlook.com",
        ),
        ("abc@google.com", "abc@google.com"),
    ],
)
def test_a_uid_survives_an_export_and_an_import(uid: str, in_file: str) -> None:
    assert ics_uid(uid) == in_file
    assert uid_from_ics(in_file) == uid


@pytest.mark.parametrize(
    ("notes", "participants"),
    [("Fika från 12:30", "Medlemmarna"), ("", "Medlemmarna"), ("Två\nrader", ""), ("", "")],
)
def test_notes_and_participants_survive_a_description(notes: str, participants: str) -> None:
    assert split_description(ics_description(notes, participants)) == (notes, participants)
