"""The ICS export, checked on its bytes against RFC 5545 and read back by ``icalendar``.

The byte checks unfold and unescape with the small readers in ``ics_samples``, not with the
``ics`` package that wrote the file; ``icalendar`` is a second, independent parser.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from secretariat_tui.domain.activities import Category, ics_uid
from secretariat_tui.exports.ics_calendar import (
    PRODID,
    IcsExport,
    IcsFilter,
    export_ics,
)
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)
from tests.exports.ics_samples import (
    DATED_2024,
    LATER_STAMP,
    LONG_TITLE,
    MONTH_ONLY,
    MONTH_ONLY_PLATFORM,
    NEXT_YEAR,
    ONE_DAY,
    OVER_DST_END,
    PLATFORM,
    SAMPLES,
    STAMP,
    SUMMER,
    TWO_DAYS,
    WINTER,
    by_summary,
    content_lines,
    events,
    physical_lines,
    unescape,
)


def export(flt: IcsFilter | None = None, stamp: datetime = STAMP) -> IcsExport:
    return export_ics(SAMPLES, filter=flt or IcsFilter(), stamp=stamp)


def summaries(result: IcsExport) -> list[str]:
    return [unescape(e["SUMMARY"]) for e in events(result.data)]


# --- bytes -------------------------------------------------------------------------------


def test_every_line_ends_with_crlf_including_the_last() -> None:
    data = export().data
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == data.count(b"\r")
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_no_line_is_longer_than_75_octets_and_each_is_utf8_on_its_own() -> None:
    lines = physical_lines(export().data)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # a split character would raise here
    assert any(line.startswith(b" ") for line in lines), "the long title must have been folded"


def test_folding_at_75_octets_never_splits_a_two_octet_letter() -> None:
    # "SUMMARY:" is 8 octets; 66 a's put "å" (2 octets) on octets 75-76 of the first line.
    title = "a" * 66 + "åäö" * 40
    data = export_ics([replace(WINTER, title=title)], stamp=STAMP).data
    lines = physical_lines(data)
    summary = next(i for i, line in enumerate(lines) if line.startswith(b"SUMMARY:"))
    assert lines[summary] == b"SUMMARY:" + b"a" * 66
    assert all(len(line) <= 75 for line in lines)
    assert [e["SUMMARY"] for e in events(data)] == [title]


def test_unfolding_restores_the_long_swedish_title_exactly() -> None:
    data = export().data
    assert LONG_TITLE.encode() not in data, "so long a line must be folded"
    assert LONG_TITLE in by_summary(data)


def test_prodid_names_this_product() -> None:
    lines = content_lines(export().data)
    assert [line for line in lines if line.startswith("PRODID")] == [f"PRODID:{PRODID}"]
    assert "secretariat-tui" in PRODID


def test_each_event_has_one_dtstamp_the_given_instant_in_utc() -> None:
    data = export().data
    found = events(data)
    assert len(found) == 7
    assert all(e["DTSTAMP"] == "20241230T091500Z" for e in found)
    assert data.count(b"DTSTAMP") == 7


def test_uids_are_unique_stable_and_come_from_the_record() -> None:
    first, second = export(stamp=STAMP).data, export(stamp=LATER_STAMP).data
    uids = [e["UID"] for e in events(first)]
    assert len(set(uids)) == len(uids) == 7
    assert uids == [e["UID"] for e in events(second)]
    expected = {ics_uid(i.uid) for i in (*DATED_2024, NEXT_YEAR)}
    assert set(uids) == expected
    assert by_summary(first)[WINTER.title]["UID"] == f"{WINTER.uid}@secretariat-tui"
    assert by_summary(first)[ONE_DAY.title]["UID"] == "extern-4711@kalender.example.org"


def test_two_exports_differ_only_in_dtstamp() -> None:
    first, second = export(stamp=STAMP).data, export(stamp=LATER_STAMP).data
    assert first != second
    assert first.replace(b"20241230T091500Z", b"20250304T100000Z") == second
    assert export().data == first, "the same items give the same bytes"


def test_events_come_in_calendar_order() -> None:
    assert summaries(export(IcsFilter(year=2024))) == [
        WINTER.title,
        ONE_DAY.title,
        PLATFORM.title,
        SUMMER.title,
        OVER_DST_END.title,
        TWO_DAYS.title,
    ]


def test_all_day_items_are_dates_with_the_exclusive_end() -> None:
    found = by_summary(export().data)
    one_day, two_days = found[ONE_DAY.title], found[LONG_TITLE]
    assert one_day["DTSTART;VALUE=DATE"] == "20240301"
    assert one_day["DTEND;VALUE=DATE"] == "20240302"
    assert two_days["DTSTART;VALUE=DATE"] == "20241121"
    assert two_days["DTEND;VALUE=DATE"] == "20241123", "the day after the last day"
    assert "DTSTART" not in one_day and "DTEND" not in one_day


def test_a_winter_evening_is_utc_plus_one_and_a_summer_evening_utc_plus_two() -> None:
    found = by_summary(export().data)
    assert found[WINTER.title]["DTSTART"] == "20240116T170000Z"
    assert found[WINTER.title]["DTEND"] == "20240116T190000Z"
    assert found[SUMMER.title]["DTSTART"] == "20240618T160000Z"


def test_a_timed_item_without_end_time_has_no_dtend_rather_than_an_invented_hour() -> None:
    """RFC 5545 §3.6.1: a DATE-TIME DTSTART alone ends where it starts; an invented end
    would be read back by the import as a real one."""
    found = by_summary(export().data)[SUMMER.title]
    assert found["DTSTART"] == "20240618T160000Z"
    assert "DTEND" not in found and "DURATION" not in found


def test_a_timed_item_over_two_days_spans_the_night_the_clocks_go_back() -> None:
    found = by_summary(export().data)[OVER_DST_END.title]
    assert found["DTSTART"] == "20241026T070000Z", "09:00 summer time"
    assert found["DTEND"] == "20241027T150000Z", "16:00 winter time"


def test_a_timed_item_over_days_without_end_time_lasts_to_the_end_of_its_last_day() -> None:
    no_end = replace(OVER_DST_END, ends_at=None)
    [found] = events(export_ics([no_end], stamp=STAMP).data)
    assert found["DTEND"] == "20241027T230000Z", "midnight after 27 October, winter time"


def test_an_end_time_before_the_start_gives_the_default_hour_not_a_negative_event() -> None:
    # The forms refuse it; older or hand-edited data must still export.
    backwards = replace(WINTER, ends_at=time(17, 0))
    [found] = events(export_ics([backwards], stamp=STAMP).data)
    assert (found["DTSTART"], found["DTEND"]) == ("20240116T170000Z", "20240116T180000Z")


def test_month_only_items_are_left_out_and_counted() -> None:
    result = export()
    assert result.events == 7
    assert result.month_only_left_out == 2
    assert MONTH_ONLY.title not in summaries(result)
    assert b"Medlemsutskick" not in result.data


def test_month_only_count_respects_the_other_filters() -> None:
    assert export(IcsFilter(year=2025)).month_only_left_out == 0
    assert export(IcsFilter(platform_meetings_only=True)).month_only_left_out == 1
    assert export(IcsFilter(start=date(2024, 2, 29), end=date(2024, 3, 1))).month_only_left_out == 1
    assert export(IcsFilter(start=date(2024, 3, 1), end=date(2024, 8, 31))).month_only_left_out == 0


def test_filter_by_year_goes_by_the_first_day() -> None:
    assert summaries(export(IcsFilter(year=2025))) == [NEXT_YEAR.title]
    assert len(summaries(export(IcsFilter(year=2024)))) == 6
    assert export(IcsFilter(year=2023)).events == 0


def test_filter_by_range_takes_every_item_that_overlaps_it() -> None:
    # 22 November is the second day of the two-day item: it overlaps, so it is in.
    result = export(IcsFilter(start=date(2024, 11, 22), end=date(2025, 1, 9)))
    assert summaries(result) == [LONG_TITLE]
    both_ends = IcsFilter(start=date(2024, 3, 1), end=date(2024, 5, 23))
    assert summaries(export(both_ends)) == [ONE_DAY.title, PLATFORM.title]
    assert summaries(export(IcsFilter(start=date(2025, 1, 10)))) == [NEXT_YEAR.title]
    assert summaries(export(IcsFilter(end=date(2024, 1, 16)))) == [WINTER.title]


def test_a_range_that_ends_before_it_starts_is_refused_in_swedish() -> None:
    with pytest.raises(ValueError, match="ligger före startdatumet"):
        IcsFilter(start=date(2024, 5, 1), end=date(2024, 4, 1))


def test_filter_by_category() -> None:
    assert summaries(export(IcsFilter(category=Category.EVENT))) == [
        OVER_DST_END.title,
        LONG_TITLE,
    ]
    assert export(IcsFilter(category=Category.CAMPAIGN)).events == 0


def test_filter_platform_meetings_only() -> None:
    result = export(IcsFilter(platform_meetings_only=True))
    assert summaries(result) == [PLATFORM.title]
    assert (result.events, result.month_only_left_out) == (1, 1)
    assert MONTH_ONLY_PLATFORM.title.encode() not in result.data


def test_text_is_escaped_and_categories_location_description_written() -> None:
    found = by_summary(export().data)[WINTER.title]
    assert found["LOCATION"] == r"Göteborg\; Ågatan 3\, plan 2"
    assert found["DESCRIPTION"] == (
        r"Dagordning:\n1. Budget\\prognos\n2. Övrigt\nDeltagare: Styrelsen\, kansliet"
    )
    assert unescape(found["DESCRIPTION"]) == (
        "Dagordning:\n1. Budget\\prognos\n2. Övrigt\nDeltagare: Styrelsen, kansliet"
    )
    assert found["CATEGORIES"] == "styrelse"
    assert by_summary(export().data)[TWO_DAYS.title]["CATEGORIES"] == "utbildning/event"


def test_no_location_or_description_is_written_when_there_is_none() -> None:
    found = by_summary(export().data)[SUMMER.title]
    assert "LOCATION" not in found and "DESCRIPTION" not in found


def test_an_empty_selection_is_still_a_valid_calendar() -> None:
    result = export(IcsFilter(category=Category.CAMPAIGN))
    assert result.data == (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:{PRODID}\r\nEND:VCALENDAR\r\n".encode()
    )
    assert icalendar.Calendar.from_ical(result.data).walk("VEVENT") == []


def test_a_naive_stamp_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        export_ics(SAMPLES, stamp=datetime(2024, 12, 30, 9, 15))


def test_a_record_without_uid_gets_a_stable_one_from_its_id() -> None:
    bare = replace(WINTER, uid="")
    first = events(export_ics([bare], stamp=STAMP).data)[0]["UID"]
    assert first == f"activity-{WINTER.source_id}@secretariat-tui"
    assert events(export_ics([bare], stamp=LATER_STAMP).data)[0]["UID"] == first


# --- read back by icalendar ----------------------------------------------------------------


def parsed_events() -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(export().data)
    assert str(calendar["PRODID"]) == PRODID
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_icalendar_reads_the_same_instants() -> None:
    """Without DTEND, icalendar's end is the start (RFC 5545 §3.6.1)."""
    found = parsed_events()
    expected = {
        WINTER.title: (utc(2024, 1, 16, 17), utc(2024, 1, 16, 19)),
        SUMMER.title: (utc(2024, 6, 18, 16), utc(2024, 6, 18, 16)),
        PLATFORM.title: (utc(2024, 5, 23, 11), utc(2024, 5, 23, 14)),
        OVER_DST_END.title: (utc(2024, 10, 26, 7), utc(2024, 10, 27, 15)),
    }
    for title, (start, end) in expected.items():
        event = found[title]
        assert event.decoded("DTSTART").astimezone(UTC) == start, title
        assert event.end.astimezone(UTC) == end, title


def test_icalendar_reads_the_local_wall_clock_times_in_stockholm() -> None:
    stockholm = ZoneInfo("Europe/Stockholm")
    found = parsed_events()
    assert found[WINTER.title].decoded("DTSTART").astimezone(stockholm).hour == 18
    assert found[SUMMER.title].decoded("DTSTART").astimezone(stockholm).hour == 18
    assert found[PLATFORM.title].decoded("DTEND").astimezone(stockholm).hour == 16


def test_icalendar_reads_all_day_items_as_dates() -> None:
    found = parsed_events()
    one_day, two_days = found[ONE_DAY.title], found[LONG_TITLE]
    assert one_day.decoded("DTSTART") == date(2024, 3, 1)
    assert one_day.decoded("DTEND") == date(2024, 3, 2)
    assert type(two_days.decoded("DTSTART")) is date
    assert two_days.decoded("DTEND") - two_days.decoded("DTSTART") == timedelta(days=2)


def test_icalendar_reads_text_with_swedish_letters_intact() -> None:
    found = parsed_events()
    assert LONG_TITLE in found
    winter = found[WINTER.title]
    assert str(winter["LOCATION"]) == "Göteborg; Ågatan 3, plan 2"
    assert str(winter["DESCRIPTION"]).startswith("Dagordning:\n1. Budget\\prognos\n2. Övrigt")
    assert [str(c) for c in winter["CATEGORIES"].cats] == ["styrelse"]
    assert str(found[TWO_DAYS.title]["DESCRIPTION"]) == "Deltagare: Göteborgs Räddningsmission"


def test_icalendar_sees_one_dtstamp_and_uid_per_event() -> None:
    for title, event in parsed_events().items():
        assert event.decoded("DTSTAMP") == STAMP, title
        assert re.fullmatch(r"[\w.-]+@[\w.-]+", str(event["UID"])), title


# --- the demo database -------------------------------------------------------------------


def demo_autumn_platform_meetings(tmp_path: Path) -> IcsExport:
    with open_database(copy_of_demo(tmp_path)) as db:
        items = CalendarRepository(db).items()
    autumn = IcsFilter(start=date(2024, 9, 1), end=date(2024, 12, 31), platform_meetings_only=True)
    return export_ics(items, filter=autumn, stamp=STAMP)


def test_the_demo_autumn_2024_platform_meeting_is_the_one_event(tmp_path: Path) -> None:
    result = demo_autumn_platform_meetings(tmp_path)
    assert (result.events, result.month_only_left_out) == (1, 0)
    [event] = events(result.data)
    assert unescape(event["SUMMARY"]) == "Höstens plattformsmöte"
    assert event["DTSTART"] == "20241114T120000Z", "13:00 in Stockholm in November"
    assert event["DTEND"] == "20241114T150000Z"
    assert event["UID"] == "demo-2024-11-hostens-plattformsmote@secretariat-tui"
    assert event["LOCATION"] == "Stockholm"
    assert event["CATEGORIES"] == "plattformsmöte"
