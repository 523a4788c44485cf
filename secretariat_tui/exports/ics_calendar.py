"""The calendar as an ICS file (RFC 5545) that calendar clients import and, later, update.

The events are built with the ``ics`` package, which gets the content lines right when it is
given the right values; what it gets wrong is fixed on its unfolded lines. Measured with
ics 0.7.3 (the evidence is in the notes on issue 6):

- a naive datetime is written as UTC (18:00 local became ``18:00Z``): we give it the UTC
  instant of the Europe/Stockholm wall-clock time, so every event is written as ``…Z``. ics
  cannot write ``TZID`` at all (``arrow_to_iso`` always converts to UTC), and UTC needs no
  VTIMEZONE: calcurse and khal both place it in their own local zone;
- an all-day event takes its date *after* converting to UTC, so a Stockholm-aware midnight
  lands a day early: it is given a plain ``date``. ``make_all_day`` reads the end as the
  last day, and adds one (an exclusive end came out a day late) and leaves one-day events
  without DTEND: the exclusive end is set after it, through ``Event.end``;
- no DTSTAMP unless ``created`` is set (ics writes ``created`` as DTSTAMP); a random UID
  unless one is given; its own PRODID unless ``creator`` is set: all three are set;
- lines are never folded (a 137-octet SUMMARY), there is no CRLF after ``END:VCALENDAR``,
  events come out in the order of a set (hashed by UID), a CR in text becomes ``\\r`` (no
  RFC escape) and the UID is not escaped: events are serialized one by one in calendar
  order, text gets LF line ends only, and the lines are folded at 75 octets, never inside a
  UTF-8 character, each ended by CRLF.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import ics

from secretariat_tui.domain.activities import Category, ics_description, ics_uid
from secretariat_tui.domain.calendar import CalendarItem, calendar_order
from secretariat_tui.domain.local_time import instant, local_zone

PRODID = "-//secretariat-tui//Kansliet//SV"
DEFAULT_DURATION = timedelta(hours=1)
"""An end not after the start (older data; the forms refuse it) is written an hour later."""
FOLD_OCTETS = 75
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class IcsFilter:
    """Which items go into the file; every condition given must hold.

    ``year`` is the year of the item's (first) day. ``start`` and ``end`` are inclusive, and an
    item counts when any of its days falls in the range, so a conference that began before
    ``start`` is still in. ``platform_meetings_only`` is ``category=PLATFORM_MEETING``.
    """

    year: int | None = None
    start: date | None = None
    end: date | None = None
    category: Category | None = None
    platform_meetings_only: bool = False

    def __post_init__(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValueError(
                f"Slutdatumet {self.end.isoformat()} ligger före startdatumet "
                f"{self.start.isoformat()}."
            )

    def admits(self, item: CalendarItem) -> bool:
        """True when ``item`` passes; a month-only item spans its whole month here."""
        first, last = item.day, item.last_day
        if item.month_only:
            last = _month_end(first)
        if self.year is not None and first.year != self.year:
            return False
        if self.start and last < self.start or self.end and first > self.end:
            return False
        if self.category is not None and item.category is not self.category:
            return False
        return not (self.platform_meetings_only and item.category is not Category.PLATFORM_MEETING)


@dataclass(frozen=True)
class IcsExport:
    data: bytes
    """The ICS file, UTF-8."""
    events: int
    month_only_left_out: int
    """Items that passed the filter but have only a month, which a calendar cannot place."""


def export_ics(
    items: Sequence[CalendarItem], *, filter: IcsFilter = IcsFilter(), stamp: datetime
) -> IcsExport:
    """The items passing ``filter`` as an ICS calendar, one VEVENT each, in calendar order.

    ``stamp`` is every event's DTSTAMP (when the file was made), an aware datetime; it is a
    parameter so that the same items always give the same bytes apart from it.
    """
    if stamp.tzinfo is None:
        raise ValueError("DTSTAMP needs an aware datetime (UTC), not a naive one.")
    chosen = sorted((i for i in items if filter.admits(i)), key=calendar_order)
    dated = [i for i in chosen if not i.month_only]
    lines = ics.Calendar(creator=PRODID).serialize().split("\r\n")
    body = [line for item in dated for line in _event(item, stamp).serialize().split("\r\n")]
    lines[-1:-1] = body
    data = b"".join(folded + b"\r\n" for line in lines for folded in _fold(line))
    return IcsExport(data=data, events=len(dated), month_only_left_out=len(chosen) - len(dated))


def _event(item: CalendarItem, stamp: datetime) -> ics.Event:
    event = ics.Event(
        name=_text(item.title),
        uid=_escape_uid(ics_uid(item.uid or _fallback_uid(item))),
        created=stamp.astimezone(UTC),
        location=_text(item.location) or None,
        description=_description(item) or None,
        categories={item.category.value},
    )
    if item.starts_at is None:
        event.begin = item.day
        event.make_all_day()
        event.end = item.last_day + timedelta(days=1)
    else:
        event.begin, event.end = _instants(item, item.starts_at)
    return event


def _instants(item: CalendarItem, starts_at: time) -> tuple[datetime, datetime | None]:
    """Start and end in UTC of the local wall-clock times (each time's fold picks its pass
    of the autumn night's repeated hour).

    Without an end time, an item on one day has no DTEND: RFC 5545 §3.6.1 lets a DATE-TIME
    DTSTART stand alone (the event ends where it starts; khal shows an hour, calcurse a
    point), and an invented end would come back as a real one when the file is imported.
    One over several days lasts to the end of its last day, which the import reads back as
    no end time. An end not after the start (the forms do not allow it) gets the default
    duration rather than an event that ends before it begins.
    """
    start = instant(item.day, starts_at)
    if item.ends_at is not None:
        end = instant(item.last_day, item.ends_at)
    elif item.ends_on is not None:
        end = datetime.combine(item.last_day + timedelta(days=1), time(), local_zone()).astimezone(
            UTC
        )
    else:
        return start, None
    return start, end if end > start else start + DEFAULT_DURATION


def _description(item: CalendarItem) -> str:
    return ics_description(_text(item.notes), _text(item.participants))


def _text(value: str) -> str:
    """Line ends as LF (which ics escapes as ``\\n``), no other control characters but tab."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _escape_uid(uid: str) -> str:
    """UID is TEXT, but ics writes it as given: escape it as it escapes SUMMARY."""
    return uid.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def event_uid(item: CalendarItem) -> str:
    """The UID ``item``'s event has in every file and on the calendar server (unescaped)."""
    return ics_uid(item.uid or _fallback_uid(item))


def _fallback_uid(item: CalendarItem) -> str:
    """A record stored without a uid (older data) still gets one that never changes."""
    return f"{item.source.name.lower()}-{item.source_id}"


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _fold(line: str) -> Iterator[bytes]:
    """RFC 5545 §3.1: at most 75 octets a line, continuations start with a space; a UTF-8
    character is never split, so each physical line is valid UTF-8 on its own."""
    if "\r" in line or "\n" in line:
        raise ValueError(f"An unescaped line end in the content line {line[:40]!r}.")
    chunk: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > FOLD_OCTETS:
            yield "".join(chunk).encode("utf-8")
            chunk, size = [" "], 1
        chunk.append(char)
        size += octets
    yield "".join(chunk).encode("utf-8")
