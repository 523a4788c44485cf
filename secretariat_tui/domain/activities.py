"""Activities: the lines of the monthly calendar ("Löpande verksamhet (månadsvis)").

An activity has a date with day precision, or month precision for what is only known by month
(those stay out of the ICS calendar). Times are local Europe/Stockholm wall-clock times; the
ICS export turns them into instants. The ``uid`` is made once, when the activity is created,
and never changes: the ICS UID is built from it, so a re-imported calendar updates events
instead of duplicating them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.errors import FieldErrors

TIMEZONE = "Europe/Stockholm"
TITLE_MAX = 300


class Category(StrEnum):
    """The fixed list of kinds of activity, in the order forms offer them."""

    PLATFORM_MEETING = "plattformsmöte"
    BOARD = "styrelse"
    MEETING = "möte"
    MEMBER_COFFEE = "medlemsfika"
    """An informal meeting for the members; the annual report counts them ("två medlemsfikor")."""
    ADVOCACY = "påverkan"
    MEDIA = "media"
    EVENT = "utbildning/event"
    CERTIFICATION = "certifiering"
    NETWORK = "nätverk"
    CAMPAIGN = "kampanj"
    INTERNAL = "intern"

    @property
    def label(self) -> str:
        return self.value[0].upper() + self.value[1:]


UID_DOMAIN = "secretariat-tui"
"""Appended to our own uids in ICS files (``…@secretariat-tui``), and taken off on import."""


def new_uid() -> str:
    """A fresh, globally unique id for a new activity (kept for its whole life)."""
    return uuid.uuid4().hex


def ics_uid(uid: str) -> str:
    """The UID an item gets in an ICS file: ours get a domain, an imported one is kept as is,
    so exporting an imported event again gives the calendar the UID it already knows."""
    return uid if "@" in uid else f"{uid}@{UID_DOMAIN}"


PARTICIPANTS_LABEL = "Deltagare"


def ics_description(notes: str, participants: str) -> str:
    """An event's DESCRIPTION: the notes, then ``Deltagare: …`` on a line of its own."""
    parts = [notes.strip()]
    if participants.strip():
        parts.append(f"{PARTICIPANTS_LABEL}: {participants.strip()}")
    return "\n".join(p for p in parts if p)


def split_description(text: str) -> tuple[str, str]:
    """The inverse of ``ics_description``: (notes, participants)."""
    head, _, last = text.strip().rpartition("\n")
    prefix = f"{PARTICIPANTS_LABEL}: "
    if last.startswith(prefix):
        return head.strip(), last.removeprefix(prefix).strip()
    return text.strip(), ""


def uid_from_ics(text: str) -> str:
    """The inverse of ``ics_uid``: re-importing our own export updates instead of duplicating."""
    uid = text.strip()
    suffix = f"@{UID_DOMAIN}"
    return uid.removesuffix(suffix) if uid.endswith(suffix) else uid


class DaySpan:
    """The days something takes place: one day, several (``ends_on``), or a whole month.

    Shared by an activity and a calendar item, which both have ``when`` and ``ends_on``.
    """

    when: EnteredDate
    ends_on: date | None

    @property
    def day(self) -> date:
        """The (first) day; for a month-precision item, the first of its month."""
        return self.when.day

    @property
    def month_only(self) -> bool:
        return self.when.precision is Precision.MONTH

    @property
    def last_day(self) -> date:
        return self.ends_on or self.when.day

    def covers(self, day: date) -> bool:
        """True on every day it takes place (never for a month-precision item)."""
        return not self.month_only and self.day <= day <= self.last_day


@dataclass(frozen=True)
class Activity(DaySpan):
    title: str
    """The line as it will stand in the annual report."""
    when: EnteredDate
    category: Category
    starts_at: time | None = None
    ends_at: time | None = None
    ends_on: date | None = None
    """The last day of an activity over several days (a conference); None: one day."""
    location: str = ""
    participants: str = ""
    notes: str = ""
    in_report: bool = True
    network_id: int | None = None
    """The network membership this was participation in, if any."""
    uid: str = ""
    id: int | None = None


def parse_title(text: str) -> str:
    """A report line: not empty, not a page long. Shared by activities and submissions."""
    title = " ".join(text.split())
    if not title:
        raise ValueError("Skriv rubriken som den ska stå i verksamhetsberättelsen.")
    if len(title) > TITLE_MAX:
        raise ValueError(f"Rubriken är för lång (högst {TITLE_MAX} tecken).")
    return title


def check_activity(activity: Activity) -> None:
    """The rules between fields; raise FieldErrors naming the field to correct."""
    errors: dict[str, str] = {}
    try:
        parse_title(activity.title)
    except ValueError as err:
        errors["title"] = str(err)
    if activity.month_only:
        if activity.starts_at or activity.ends_at:
            field = "starts_at" if activity.starts_at else "ends_at"
            month = activity.when.describe()
            errors[field] = f"”{month}” är en hel månad; en tid kräver en dag, t.ex. 15 {month}."
        if activity.ends_on:
            errors["ends_on"] = "En aktivitet som bara har månad kan inte ha ett slutdatum."
    if activity.ends_at and not activity.starts_at:
        errors["starts_at"] = "Ange en starttid när sluttiden är ifylld."
    if activity.ends_on is not None and not activity.month_only:
        if activity.ends_on < activity.day:
            errors["ends_on"] = (
                f"Slutdagen {activity.ends_on.isoformat()} ligger före startdagen "
                f"{activity.day.isoformat()}."
            )
        elif activity.ends_on == activity.day:
            errors["ends_on"] = "Slutdagen är samma som startdagen; lämna fältet tomt."
    same_day = activity.ends_on is None or activity.ends_on == activity.day
    starts, ends = activity.starts_at, activity.ends_at
    if starts and ends and same_day and ends <= starts:
        errors["ends_at"] = (
            f"Sluttiden {activity.ends_at:%H:%M} ligger före starttiden {activity.starts_at:%H:%M}."
        )
    if errors:
        raise FieldErrors(errors)
