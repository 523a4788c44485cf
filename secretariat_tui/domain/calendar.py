"""The calendar: every activity, every submission that has left the house, every annual meeting.

Items are derived each time from the registers that own them, never copied: a submission or
an annual meeting is edited in its own register and the calendar follows. Month lists put
the dated items in date order (all-day before timed, then by start time) and month-precision
items after them; all twelve months are always there, an empty month empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from secretariat_tui.domain.activities import Activity, Category, DaySpan
from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.date_entry import MONTH_NAMES, EnteredDate
from secretariat_tui.domain.submissions import Submission

ANNUAL_MEETING_TITLE = "Årsmöte"


class Source(StrEnum):
    """Which register owns the item (and where it is edited)."""

    ACTIVITY = "aktivitet"
    SUBMISSION = "påverkan"
    MEETING = "årsmöte"


@dataclass(frozen=True)
class CalendarItem(DaySpan):
    source: Source
    source_id: int
    title: str
    when: EnteredDate
    category: Category
    starts_at: time | None = None
    ends_at: time | None = None
    ends_on: date | None = None
    location: str = ""
    participants: str = ""
    notes: str = ""
    in_report: bool = True
    network_id: int | None = None
    uid: str = ""

    @property
    def key(self) -> str:
        """Unique across sources: ``aktivitet-12``, ``påverkan-3``, ``årsmöte-2``."""
        return f"{self.source.value}-{self.source_id}"

    @property
    def time_text(self) -> str:
        """``18:00–20:00``, ``18:00``, or empty for an all-day item."""
        if self.starts_at is None:
            return ""
        end = f"–{self.ends_at:%H:%M}" if self.ends_at else ""
        return f"{self.starts_at:%H:%M}{end}"

    @property
    def date_text(self) -> str:
        """``2024-04-18``, ``2024-04-18–2024-04-19`` or ``2024-04`` (month only)."""
        if self.ends_on:
            return f"{self.when.iso()}–{self.ends_on.isoformat()}"
        return self.when.iso()


def from_activity(activity: Activity) -> CalendarItem:
    assert activity.id is not None, "only stored activities are in the calendar"
    return CalendarItem(
        source=Source.ACTIVITY,
        source_id=activity.id,
        title=activity.title,
        when=activity.when,
        category=activity.category,
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        ends_on=activity.ends_on,
        location=activity.location,
        participants=activity.participants,
        notes=activity.notes,
        in_report=activity.in_report,
        network_id=activity.network_id,
        uid=activity.uid,
    )


def from_submission(submission: Submission) -> CalendarItem:
    assert submission.id is not None, "only stored submissions are in the calendar"
    facts = [f"{submission.kind.label}, {submission.status.value}"]
    facts += [f"till {submission.recipient}"] if submission.recipient else []
    facts += [f"ref. {submission.reference}"] if submission.reference else []
    notes = "; ".join(facts) + "." + (f" {submission.notes}" if submission.notes else "")
    return CalendarItem(
        source=Source.SUBMISSION,
        source_id=submission.id,
        title=submission.title,
        when=submission.when,
        category=Category.ADVOCACY,
        notes=notes,
        in_report=submission.in_report,
        uid=submission.uid,
    )


def from_meeting(meeting: AnnualMeeting) -> CalendarItem:
    assert meeting.id is not None, "only stored meetings are in the calendar"
    return CalendarItem(
        source=Source.MEETING,
        source_id=meeting.id,
        title=ANNUAL_MEETING_TITLE,
        when=EnteredDate(meeting.held_on),
        category=Category.INTERNAL,
        notes=meeting.notes,
        uid=f"annual-meeting-{meeting.held_on.isoformat()}",
    )


def calendar_items(
    activities: Iterable[Activity],
    submissions: Iterable[Submission] = (),
    meetings: Iterable[AnnualMeeting] = (),
) -> list[CalendarItem]:
    """All items in calendar order: activities, the submissions sent, the annual meetings."""
    items = [from_activity(a) for a in activities]
    items += [from_submission(s) for s in submissions if s.in_calendar]
    items += [from_meeting(m) for m in meetings]
    return sorted(items, key=calendar_order)


def calendar_order(item: CalendarItem) -> tuple[object, ...]:
    """Month by month; in a month dated items by day, all-day first, then month-only items."""
    return (
        item.day.year,
        item.day.month,
        item.month_only,
        item.day,
        item.starts_at is not None,
        item.starts_at or time.min,
        swedish_key(item.title),
        item.key,
    )


@dataclass(frozen=True)
class MonthGroup:
    year: int
    month: int
    items: tuple[CalendarItem, ...]

    @property
    def name(self) -> str:
        return MONTH_NAMES[self.month - 1]

    @property
    def heading(self) -> str:
        """ "Januari": the month as the report's left column has it."""
        return self.name.capitalize()


def in_month(items: Iterable[CalendarItem], year: int, month: int) -> list[CalendarItem]:
    """The month's items (by the month they start in), in calendar order."""
    found = [i for i in items if (i.day.year, i.day.month) == (year, month)]
    return sorted(found, key=calendar_order)


def month_groups(items: Iterable[CalendarItem], year: int) -> list[MonthGroup]:
    """All twelve months of ``year`` in order, each with its items (as ``in_month`` gives
    them); an empty month is empty. One pass over the items, not one per month."""
    months: list[list[CalendarItem]] = [[] for _ in range(12)]
    for item in items:
        day = item.day
        if day.year == year:
            months[day.month - 1].append(item)
    return [
        MonthGroup(year, month, tuple(sorted(found, key=calendar_order)))
        for month, found in enumerate(months, 1)
    ]


def on_day(items: Iterable[CalendarItem], day: date) -> list[CalendarItem]:
    """What takes place on ``day`` (a multi-day item on each of its days)."""
    return sorted((i for i in items if i.covers(day)), key=calendar_order)


def marked_days(items: Iterable[CalendarItem], year: int, month: int) -> set[int]:
    """The days of the month with something on them, for the month grid."""
    marked: set[int] = set()
    for item in items:
        if item.month_only:
            continue
        day = item.day
        while day <= item.last_day:
            if (day.year, day.month) == (year, month):
                marked.add(day.day)
            day = date.fromordinal(day.toordinal() + 1)
    return marked


def next_item(
    items: Iterable[CalendarItem], today: date, category: Category | None = None
) -> CalendarItem | None:
    """The first dated item on or after ``today`` (of ``category``), or None."""
    coming = [
        i
        for i in items
        if not i.month_only and i.last_day >= today and (category is None or i.category is category)
    ]
    return min(coming, key=calendar_order, default=None)
