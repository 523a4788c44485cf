"""The calendar: every activity, every submission that has left the house, every annual meeting.

Items are derived each time from the registers that own them, never copied: a submission or
an annual meeting is edited in its own register and the calendar follows. Month lists put
the dated items in date order (all-day before timed, then by start time) and month-precision
items after them; all twelve months are always there, an empty month empty.

The coordinator may put a month in another order (the report's April has the statistics
report handed over before the annual meeting, a week earlier): each item of that month then
has a stored ``Placement``, and its ``rank`` orders it. A placement holds while the item keeps
the date it had when it was placed; an item added or moved to the month later finds its place
by date among the placed ones (``ranked``). A month nobody has ordered stays in date order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
    rank: int | None = None
    """Its place in a month the coordinator has ordered (``ranked``); None: date order."""

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
    placements: Iterable[Placement] = (),
) -> list[CalendarItem]:
    """All items in calendar order: activities, the submissions sent, the annual meetings;
    the months the coordinator has ordered in that order (``ranked``)."""
    items = [from_activity(a) for a in activities]
    items += [from_submission(s) for s in submissions if s.in_calendar]
    items += [from_meeting(m) for m in meetings]
    return ranked(items, placements)


def calendar_order(item: CalendarItem) -> tuple[object, ...]:
    """Month by month; in a month the coordinator's order (``rank``) where there is one, else
    ``date_order``."""
    return (item.day.year, item.day.month, item.rank is None, item.rank or 0, *date_order(item))


def date_order(item: CalendarItem) -> tuple[object, ...]:
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
class Placement:
    """The coordinator's place for one item (by ``CalendarItem.key``) in its month.

    ``when`` is the item's date when it was placed (``EnteredDate.iso()``): an item given
    another date has left the order it was placed in, and takes its place by date again.
    """

    key: str
    when: str
    position: int


def ranked(items: Iterable[CalendarItem], placements: Iterable[Placement]) -> list[CalendarItem]:
    """``items`` in calendar order, each month with placements in the coordinator's order.

    In such a month the placed items keep their order, and the others (added or moved there
    since) are merged in by date: one goes before the first placed item that comes after it
    in date order. Every item of the month then has its ``rank``, so any part of the month
    (a day, a filtered list) sorts the same way with ``calendar_order``.
    """
    where = {p.key: p for p in placements}
    unranked = (replace(i, rank=None) if i.rank is not None else i for i in items)
    in_order = sorted(unranked, key=date_order)
    if not where:
        return in_order
    result: list[CalendarItem] = []
    start = 0
    while start < len(in_order):
        month = (in_order[start].day.year, in_order[start].day.month)
        end = start
        while end < len(in_order) and (in_order[end].day.year, in_order[end].day.month) == month:
            end += 1
        result += _ranked_month(in_order[start:end], where)
        start = end
    return result


def _ranked_month(
    items: Sequence[CalendarItem], where: dict[str, Placement]
) -> Sequence[CalendarItem]:
    def placement(item: CalendarItem) -> Placement | None:
        found = where.get(item.key)
        return found if found is not None and found.when == item.when.iso() else None

    placed = sorted(
        (i for i in items if placement(i) is not None),
        key=lambda i: placement(i).position,  # type: ignore[union-attr]
    )
    if not placed:
        return items
    rest = [i for i in items if placement(i) is None]
    merged: list[CalendarItem] = []
    while placed and rest:
        earlier = date_order(rest[0]) < date_order(placed[0])
        merged.append(rest.pop(0) if earlier else placed.pop(0))
    merged += placed + rest
    return [replace(item, rank=n) for n, item in enumerate(merged)]


def moved(
    month: Sequence[CalendarItem], shown: Sequence[CalendarItem], key: str, step: int
) -> list[Placement] | None:
    """The placements of ``month`` (all its items, in calendar order) after the item ``key``
    trades places with its neighbour ``step`` (-1 up, 1 down) in ``shown``, the list it is
    moved in (its day, the month-only items, the month, as filtered); None when there is no
    neighbour there in the same month. Back in date order, the month needs no placements: [].
    """
    keys = [i.key for i in shown]
    if key not in keys:
        return None
    at = keys.index(key)
    if not 0 <= at + step < len(shown):
        return None
    one, other = shown[at], shown[at + step]
    order = [i.key for i in month]
    if one.key not in order or other.key not in order:
        return None
    i, j = order.index(one.key), order.index(other.key)
    reordered = list(month)
    reordered[i], reordered[j] = reordered[j], reordered[i]
    if [i.key for i in sorted(month, key=date_order)] == [i.key for i in reordered]:
        return []
    return [Placement(item.key, item.when.iso(), n) for n, item in enumerate(reordered)]


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
    return min(coming, key=date_order, default=None)
