"""ICS import at the edges: both summer-time changes, DURATION as exact time, and line folds
inside a multi-byte character. Each fixture is a file in the shape its generator writes it
(``ics_fixtures/edges``), and each test says what a calendar client shows for it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from secretariat_tui.domain.activities import Activity
from secretariat_tui.imports.ics_calendar import IcsFormatError, plan_ics_import

EDGES = Path(__file__).parent / "ics_fixtures" / "edges"
WINDOWS_1252 = "tecken som inte är UTF-8 (filen är troligen sparad som Windows-1252/latin-1)"


def added(name: str) -> dict[str, Activity]:
    found = plan_ics_import((EDGES / name).read_bytes(), [])
    assert not found.skipped, found.skipped
    return {activity.uid: activity for activity in found.added}


def times(activity: Activity) -> tuple[date, time | None, int, time | None, int]:
    """(day, start, its fold, end, its fold): ``==`` on times alone ignores the fold."""
    start, end = activity.starts_at, activity.ends_at
    return (
        activity.day,
        start,
        start.fold if start else 0,
        end,
        end.fold if end else 0,
    )


def test_a_tzid_time_in_the_spring_gap_is_stored_as_the_time_calendars_show() -> None:
    """RFC 5545 §3.3.5: 02:30 that does not exist is read with the offset before the gap,
    01:30Z, which every calendar shows as 03:30; the register agrees."""
    [night] = added("spring_gap_tzid.ics").values()
    assert times(night) == (date(2025, 3, 30), time(3, 30), 0, time(4, 0), 0)


def test_a_utc_time_in_the_repeated_hour_keeps_its_pass() -> None:
    found = added("autumn_utc.ics")
    second = found["2b7c0d1e9f@google.com"]
    first = found["3c8d1e2f0a@google.com"]
    assert times(second) == (date(2025, 10, 26), time(2, 30), 1, time(3, 0), 0)
    assert times(first) == (date(2025, 10, 26), time(2, 30), 0, time(2, 0), 1), (
        "00:30Z-01:00Z: from the first 02:30 to the second 02:00, half an hour later"
    )


def test_duration_hours_are_exact_and_days_nominal_over_the_autumn_change() -> None:
    found = added("autumn_duration.ics")
    assert times(found["duration-hours"]) == (date(2025, 10, 26), time(1, 30), 0, time(2, 30), 1)
    by_day = found["duration-day"]
    assert (by_day.day, by_day.starts_at, by_day.ends_on, by_day.ends_at) == (
        date(2025, 10, 25),
        time(10, 0),
        date(2025, 10, 26),
        time(10, 0),
    ), "P1D is a day on the calendar (25 hours that night), not 24 hours (09:00)"


def test_a_fold_inside_a_multi_byte_character_is_rejoined_before_decoding() -> None:
    data = (EDGES / "folds_in_characters.ics").read_bytes()
    assert b"m\xc3\r\n \xb6te" in data, "the fixture splits ö across the fold"
    [event] = added("folds_in_characters.ics").values()
    assert event.title == ("Planeringsmöte för hösten med styrelsen och valberedningen på Åland")
    assert event.location == "Kansliet, Storgatan 12, Göteborg – sal Å"
    assert event.notes == "Fika efteråt 🎉 alla välkomna"


def test_windows_1252_is_still_told_as_such_at_the_line_of_the_byte() -> None:
    """Rejoining folds on bytes does not hide a wrong encoding: the error names the physical
    line the byte stands on, also on a continuation line."""
    data = (EDGES / "folds_in_characters.ics").read_bytes()
    broken = data.replace("Göteborg".encode(), "Göteborg".encode("cp1252"))
    broken = broken.replace(b"sal \xc3\r\n \x85", "sal \r\n Å".encode("cp1252"))
    with pytest.raises(IcsFormatError) as raised:
        plan_ics_import(broken, [])
    assert WINDOWS_1252 in str(raised.value)
    assert raised.value.line == broken[: broken.index(b"G\xf6teborg")].count(b"\n") + 1
    only_continuation = data.replace(b"sal \xc3\r\n \x85", "sal \r\n Å".encode("cp1252"))
    with pytest.raises(IcsFormatError) as raised:
        plan_ics_import(only_continuation, [])
    assert WINDOWS_1252 in str(raised.value)
    assert (
        raised.value.line == only_continuation[: only_continuation.index(b" \xc5")].count(b"\n") + 1
    ), "the continuation line, not the line the property begins on"


def test_an_import_of_the_other_pass_is_a_change_not_unchanged() -> None:
    """``==`` takes the two 02:30 for one; the plan does not."""
    data = (EDGES / "autumn_utc.ics").read_bytes()
    second_pass = added("autumn_utc.ics")["2b7c0d1e9f@google.com"]
    stored = [replace(second_pass, starts_at=time(2, 30), id=7)]  # the first pass
    again = plan_ics_import(data, stored)
    assert [(old.id, new.starts_at.fold if new.starts_at else 0) for old, new in again.updated] == [
        (7, 1)
    ]
    assert "(ändras: Börjar kl.)" in again.preview_lines()[1]
    assert plan_ics_import(data, [replace(second_pass, id=7)]).updated == ()
