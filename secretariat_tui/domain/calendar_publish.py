"""What a publish to the shared calendar will do: the plan from the events and the record.

The record is what was last published to one calendar (UID → digest of the event, the
server's ETag, the resource's name). Publishing compares the events with it: an event not in
the record is created, one whose digest changed is updated, a UID in the record with no event
any more (deleted, moved to a month only, or to a category not published) is deleted, and the
rest is left alone, so a second publish with no change sends nothing. A UID the record does
not hold is never deleted: the calendar may hold other people's events.

The digest leaves out DTSTAMP, the time the file was made: it changes on every run, the event
does not.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from secretariat_tui.domain.activities import Category

DEFAULT_CATEGORIES = (Category.PLATFORM_MEETING,)
PASSWORD_ENV_VAR = "SECRETARIAT_CALDAV_PASSWORD"
_STAMP_LINE = re.compile(rb"^DTSTAMP[;:]")
_SAFE_NAME = re.compile(r"[A-Za-z0-9@._-]{1,200}")


@dataclass(frozen=True)
class Published:
    """One event as the record holds it."""

    digest: str
    etag: str = ""
    href: str = ""
    label: str = ""
    """``2024-05-14 Plattformsmöte``: what the preview calls it when it is to be deleted."""


@dataclass(frozen=True)
class OutgoingEvent:
    """One event to publish: a whole VCALENDAR with this one VEVENT (one resource per UID,
    RFC 4791 §4.1)."""

    uid: str
    title: str
    day: date
    data: bytes

    @property
    def digest(self) -> str:
        return event_digest(self.data)

    @property
    def label(self) -> str:
        return f"{self.day.isoformat()} {self.title}"


@dataclass(frozen=True)
class PublishPlan:
    create: tuple[OutgoingEvent, ...] = ()
    update: tuple[OutgoingEvent, ...] = ()
    delete: tuple[str, ...] = ()
    """UIDs in the record that are no longer published."""
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not (self.create or self.update or self.delete)

    def summary(self) -> str:
        """``2 nya, 1 ändrad, 1 tas bort, 14 oförändrade`` or ``Inget att ändra (14 …)``."""
        if self.empty:
            same = _count(self.unchanged, "händelse", "händelser")
            return f"Inget att ändra i kalendern ({same} som förut)."
        parts = [
            f"{len(self.create)} {'ny' if len(self.create) == 1 else 'nya'}",
            f"{len(self.update)} {'ändrad' if len(self.update) == 1 else 'ändrade'}",
            f"{len(self.delete)} tas bort",
            f"{self.unchanged} {'oförändrad' if self.unchanged == 1 else 'oförändrade'}",
        ]
        return ", ".join(parts) + "."

    def lines(self, record: Mapping[str, Published]) -> list[str]:
        """One line per change, for the preview: ``ny: 2024-05-14 Plattformsmöte``; a deleted
        event by the label the record kept."""
        return [
            *(f"ny: {event.label}" for event in self.create),
            *(f"ändras: {event.label}" for event in self.update),
            *(f"tas bort: {_label(record, uid)}" for uid in self.delete),
        ]


def plan_publish(events: Sequence[OutgoingEvent], record: Mapping[str, Published]) -> PublishPlan:
    """Compare ``events`` with what was last published (``record``)."""
    create, update, unchanged = [], [], 0
    for event in events:
        before = record.get(event.uid)
        if before is None:
            create.append(event)
        elif before.digest != event.digest:
            update.append(event)
        else:
            unchanged += 1
    wanted = {event.uid for event in events}
    delete = tuple(uid for uid in record if uid not in wanted)
    return PublishPlan(tuple(create), tuple(update), delete, unchanged)


def event_digest(data: bytes) -> str:
    """SHA-256 of the event's lines without DTSTAMP (which only says when it was written)."""
    kept = b"\n".join(line for line in data.splitlines() if not _STAMP_LINE.match(line))
    return hashlib.sha256(kept).hexdigest()


def resource_name(uid: str) -> str:
    """The name of the event's resource in the calendar, the same on every publish: the UID
    where it is plain, else its hash (a name must be a safe URL segment)."""
    if _SAFE_NAME.fullmatch(uid) and not uid.startswith("."):
        return f"{uid}.ics"
    return f"{hashlib.sha256(uid.encode('utf-8')).hexdigest()[:40]}.ics"


def parse_categories(text: str) -> tuple[Category, ...]:
    """``plattformsmöte, medlemsfika`` → the categories; ValueError in Swedish otherwise."""
    words = [word.strip().casefold() for word in re.split(r"[,;]", text) if word.strip()]
    if not words:
        raise ValueError("Ange minst en kategori, t.ex. plattformsmöte.")
    by_value = {category.value: category for category in Category}
    unknown = [word for word in words if word not in by_value]
    if unknown:
        known = ", ".join(category.value for category in Category)
        raise ValueError(f"Okänd kategori ”{unknown[0]}”; välj bland {known}.")
    return tuple(dict.fromkeys(by_value[word] for word in words))


def calendar_url(text: str) -> str:
    """The calendar's URL as stored and as the record's key: http(s), ending in ``/`` (a
    collection); ValueError in Swedish for anything else. No user or password in it: the
    user is a setting of its own and the password is never stored."""
    url = text.strip()
    scheme, _, rest = url.partition("://")
    if scheme.casefold() not in {"http", "https"} or not rest.split("/")[0]:
        raise ValueError(
            f"”{url}” är ingen kalenderadress; den ska börja med https://, t.ex. "
            "https://moln.example.se/remote.php/dav/calendars/USER/KALENDER/."
        )
    if "@" in rest.split("/")[0]:
        raise ValueError("Skriv inte användare eller lösenord i adressen; ange --user.")
    return url if url.endswith("/") else url + "/"


def categories_text(categories: Iterable[Category]) -> str:
    return ", ".join(category.value for category in categories)


def _label(record: Mapping[str, Published], uid: str) -> str:
    kept = record.get(uid)
    return kept.label if kept is not None and kept.label else uid


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
