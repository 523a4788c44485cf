"""The calendar: month grouping (all twelve months, month-only items last) and derived items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.calendar import (
    Source,
    calendar_items,
    in_month,
    marked_days,
    month_groups,
    next_item,
    on_day,
)
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus


def day(iso: str) -> EnteredDate:
    return EnteredDate(date.fromisoformat(iso))


def month(iso: str) -> EnteredDate:
    return EnteredDate(date.fromisoformat(iso + "-01"), Precision.MONTH)


def activity(title: str, when: EnteredDate, id: int, **kw: object) -> Activity:
    return Activity(title=title, when=when, category=Category.MEETING, id=id, uid=f"u{id}", **kw)  # type: ignore[arg-type]


def submission(title: str, when: EnteredDate, status: SubmissionStatus, id: int) -> Submission:
    return Submission(
        kind=SubmissionKind.DEBATE_ARTICLE, title=title, when=when, status=status, id=id
    )


def test_every_month_is_there_in_order_and_an_empty_month_is_empty() -> None:
    items = calendar_items([activity("Möte", day("2024-01-15"), 1)])
    groups = month_groups(items, 2024)
    assert [g.month for g in groups] == list(range(1, 13))
    assert [g.heading for g in groups][:3] == ["Januari", "Februari", "Mars"]
    assert [len(g.items) for g in groups] == [1] + [0] * 11


def test_a_month_lists_dated_items_by_day_then_time_and_month_only_items_last() -> None:
    items = calendar_items(
        [
            activity("Bara månad", month("2024-05"), 1),
            activity("Eftermiddag", day("2024-05-02"), 2, starts_at=time(13)),
            activity("Förmiddag", day("2024-05-02"), 3, starts_at=time(9)),
            activity("Heldag", day("2024-05-02"), 4),
            activity("Först", day("2024-05-01"), 5),
        ]
    )
    titles = [i.title for i in month_groups(items, 2024)[4].items]
    assert titles == ["Först", "Heldag", "Förmiddag", "Eftermiddag", "Bara månad"]


def test_items_of_other_years_stay_out_of_the_year() -> None:
    items = calendar_items([activity("Förra året", day("2023-05-02"), 1)])
    assert all(not g.items for g in month_groups(items, 2024))


def test_a_sent_submission_appears_in_its_month_exactly_once() -> None:
    sent = submission("Debattartikel i GP", day("2024-01-10"), SubmissionStatus.PUBLISHED, 7)
    items = calendar_items([activity("Möte", day("2024-01-20"), 1)], [sent])
    january = in_month(items, 2024, 1)
    assert [i.title for i in january] == ["Debattartikel i GP", "Möte"]
    assert [i.source for i in january] == [Source.SUBMISSION, Source.ACTIVITY]
    assert january[0].category is Category.ADVOCACY


def test_the_calendar_follows_an_edited_submission_without_a_copy() -> None:
    sent = submission("Framställan", day("2024-09-10"), SubmissionStatus.SUBMITTED, 7)
    moved = replace(sent, title="Framställan (rättad)", when=day("2024-10-01"))
    items = calendar_items([], [moved])
    assert in_month(items, 2024, 9) == []
    assert [i.title for i in in_month(items, 2024, 10)] == ["Framställan (rättad)"]


def test_a_draft_submission_is_not_in_the_calendar() -> None:
    draft = submission("Utkast", day("2024-01-10"), SubmissionStatus.DRAFT, 7)
    assert calendar_items([], [draft]) == []


def test_an_annual_meeting_is_a_calendar_item_of_its_day() -> None:
    meeting = AnnualMeeting(held_on=date(2024, 4, 18), id=2)
    [item] = calendar_items([], [], [meeting])
    assert (item.title, item.day, item.source) == ("Årsmöte", date(2024, 4, 18), Source.MEETING)


def test_keys_are_unique_across_sources_with_the_same_id() -> None:
    items = calendar_items(
        [activity("A", day("2024-01-01"), 1)],
        [submission("S", day("2024-01-01"), SubmissionStatus.SUBMITTED, 1)],
        [AnnualMeeting(held_on=date(2024, 1, 1), id=1)],
    )
    assert len({i.key for i in items}) == 3


def test_a_multi_day_item_is_on_each_of_its_days_and_marks_them() -> None:
    items = calendar_items(
        [activity("MR-dagarna", day("2024-11-27"), 1, ends_on=date(2024, 12, 2))]
    )
    assert [i.title for i in on_day(items, date(2024, 11, 30))] == ["MR-dagarna"]
    assert on_day(items, date(2024, 12, 3)) == []
    assert marked_days(items, 2024, 11) == {27, 28, 29, 30}
    assert marked_days(items, 2024, 12) == {1, 2}
    assert [i.title for i in in_month(items, 2024, 11)] == ["MR-dagarna"]
    assert in_month(items, 2024, 12) == []


def test_a_month_only_item_is_on_no_day() -> None:
    items = calendar_items([activity("Juli", month("2024-07"), 1)])
    assert on_day(items, date(2024, 7, 1)) == []
    assert marked_days(items, 2024, 7) == set()


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2024, 1, 1), "Vår"), (date(2024, 5, 15), "Höst"), (date(2024, 12, 1), None)],
)
def test_the_next_platform_meeting(today: date, expected: str | None) -> None:
    meetings = [
        Activity("Vår", day("2024-05-14"), Category.PLATFORM_MEETING, id=1),
        Activity("Höst", day("2024-11-14"), Category.PLATFORM_MEETING, id=2),
        Activity("Fika", day("2024-06-01"), Category.INTERNAL, id=3),
    ]
    found = next_item(calendar_items(meetings), today, Category.PLATFORM_MEETING)
    assert (found.title if found else None) == expected
