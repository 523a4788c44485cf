"""An iCalendar file (Outlook, Google, Thunderbird …) → a plan of activities to add and update.

Idempotent by UID: an event whose UID (ours without its ``@secretariat-tui``) is already an
activity updates it when something changed and is counted as unchanged otherwise, so
importing the same file twice changes nothing. An update keeps what only the register knows
(id, in_report, network, participants, and the category when the event names none of ours).
The whole file is read and checked before a plan exists: a broken file is an IcsFormatError
and there is nothing to write, so an import never lands half-way.

Not imported, each with its reason in the plan: recurring events (one line per occurrence
in the annual report is a decision for a person, not for the import) and their changed
occurrences, cancelled events, events without a start or a title, and anything that breaks
the activity rules (an end before the start). An event without a UID gets one made from its
start and title, so that importing the file again finds it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta

from secretariat_tui.domain.activities import (
    Activity,
    Category,
    check_activity,
    parse_title,
    split_description,
    uid_from_ics,
)
from secretariat_tui.domain.activity_fields import ACTIVITY_LABELS
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.dates import EARLIEST, LATEST
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.local_time import same_clock
from secretariat_tui.domain.text import text_problem
from secretariat_tui.imports.ics_source import IcsEvent, IcsFormatError, read_events
from secretariat_tui.imports.plan_report import PlanReport

__all__ = ["IcsFormatError", "IcsImportPlan", "SkippedEvent", "ics_plan_report", "plan_ics_import"]

CATEGORY_WORDS = {
    **{category.value.casefold(): category for category in Category},
    **{part: c for c in Category if "/" in c.value for part in c.value.casefold().split("/")},
}
KNOWN_CANCELLED = "; den finns i registret: ta bort den där om den inte blev av"
OWNED_ELSEWHERE = "finns redan i kalendern som inlaga eller årsmöte; ändras i det registret"
_FROM_FILE = ("title", "when", "starts_at", "ends_at", "ends_on", "location", "notes")
"""What an update takes from the file; participants too when the file names them."""


@dataclass(frozen=True)
class SkippedEvent:
    """An event not imported: ``what`` names it (date and title), ``reason`` says why."""

    line: int
    what: str
    reason: str


@dataclass(frozen=True)
class IcsImportPlan:
    """What importing the file would do; nothing is written until the caller writes it."""

    events: int
    """VEVENTs read: each one added, updated, unchanged or skipped."""
    added: tuple[Activity, ...] = ()
    """New activities, each with its uid (from the file) and no id."""
    updated: tuple[tuple[Activity, Activity], ...] = ()
    """(stored, new): the new keeps the stored id, to be saved in its place."""
    unchanged: int = 0
    skipped: tuple[SkippedEvent, ...] = ()

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.updated)

    def summary(self) -> str:
        """``2 läggs till, 1 uppdateras, 3 oförändrade, 2 hoppas över``."""
        return (
            f"{len(self.added)} läggs till, {len(self.updated)} uppdateras, "
            f"{self.unchanged} {'oförändrad' if self.unchanged == 1 else 'oförändrade'}, "
            f"{len(self.skipped)} hoppas över"
        )

    def preview_lines(self) -> list[str]:
        """One line per change, the unchanged count, one line per skipped event."""
        lines = [f"Läggs till: {activity_text(a)}" for a in self.added]
        lines += [
            f"Uppdateras: {activity_text(new)} (ändras: {', '.join(changed_labels(old, new))})"
            for old, new in self.updated
        ]
        lines.append(f"Oförändrade: {self.unchanged}")
        lines += [f"Hoppas över, rad {s.line}: {s.what} – {s.reason}" for s in self.skipped]
        return lines


def plan_ics_import(
    data: bytes,
    existing: Sequence[Activity],
    *,
    default_category: Category = Category.MEETING,
    elsewhere: Collection[str] = (),
) -> IcsImportPlan:
    """Read ``data`` and decide, event by event, what is new, changed, the same, or skipped.

    ``elsewhere``: the uids of calendar items other registers own (submissions, annual
    meetings; our export has them too), skipped so that re-importing it adds no copies.
    Raises IcsFormatError when the file cannot be read (encoding, not iCalendar, cut off,
    an unreadable date or time zone): no plan, nothing half-way.
    """
    events = read_events(data)
    stored = {a.uid: a for a in existing if a.uid}
    added: list[Activity] = []
    updated: list[tuple[Activity, Activity]] = []
    skipped: list[SkippedEvent] = []
    seen: dict[str, int] = {}
    unchanged = 0
    for event in events:
        try:
            activity = _activity(event, default_category)
        except _Skip as skip:
            known = event.status == "CANCELLED" and uid_from_ics(event.uid) in stored
            reason = skip.reason + (KNOWN_CANCELLED if known else "")
            skipped.append(SkippedEvent(event.line, _event_text(event), reason))
            continue
        if activity.uid in elsewhere:
            skipped.append(SkippedEvent(event.line, _event_text(event), OWNED_ELSEWHERE))
            continue
        if activity.uid in seen:
            reason = f"samma UID som händelsen på rad {seen[activity.uid]}"
            skipped.append(SkippedEvent(event.line, _event_text(event), reason))
            continue
        seen[activity.uid] = event.line
        old = stored.get(activity.uid)
        if old is None:
            added.append(activity)
            continue
        new = _updated(old, activity, has_category=_category(event) is not None)
        if not changed_labels(old, new):
            unchanged += 1
        else:
            updated.append((old, new))
    return IcsImportPlan(
        events=len(events),
        added=tuple(sorted(added, key=_date_order)),
        updated=tuple(sorted(updated, key=lambda pair: _date_order(pair[1]))),
        unchanged=unchanged,
        skipped=tuple(skipped),
    )


class _Skip(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _activity(event: IcsEvent, default_category: Category) -> Activity:
    """The event as a new activity; ``_Skip`` with the Swedish reason if it is not imported."""
    if event.recurring:
        raise _Skip("återkommande händelse, läggs inte in (lägg in tillfällena för hand)")
    if event.recurrence_of:
        raise _Skip("ändrat tillfälle av en återkommande händelse, läggs inte in")
    if event.status == "CANCELLED":
        raise _Skip("inställd (STATUS:CANCELLED)")
    if event.start is None:
        raise _Skip("saknar startdatum (DTSTART)")
    if not event.summary.strip():
        raise _Skip("saknar rubrik (SUMMARY)")
    for name, text, multiline in (
        ("SUMMARY", event.summary, False),
        ("LOCATION", event.location, False),
        ("DESCRIPTION", event.description, True),
    ):
        problem = text_problem(text, multiline=multiline)
        if problem:
            raise _Skip(f"{name}: {problem}")
    try:
        title = parse_title(event.summary)
    except ValueError as err:
        raise _Skip(str(err)) from None
    when, starts_at, ends_at, ends_on = _span(event.start, event.end)
    notes, participants = split_description(event.description)
    activity = Activity(
        title=title,
        when=when,
        category=_category(event) or default_category,
        starts_at=starts_at,
        ends_at=ends_at,
        ends_on=ends_on,
        location=" ".join(event.location.split()),
        notes=notes,
        participants=participants,
    )
    if not EARLIEST <= activity.day <= LATEST:
        raise _Skip(f"datumet ligger utanför {EARLIEST.year}–{LATEST.year}")
    try:
        check_activity(activity)
    except FieldErrors as err:
        raise _Skip(" ".join(err.errors.values())) from None
    uid = uid_from_ics(event.uid) or _made_uid(activity)
    return replace(activity, uid=uid)


_Span = tuple[EnteredDate, time | None, time | None, date | None]


def _span(start: date | datetime, end: date | datetime | None) -> _Span:
    """(when, starts_at, ends_at, ends_on) from DTSTART and the end (DTEND or DURATION).

    An all-day end is exclusive (RFC 5545): DTEND 2024-07-05 means the last day is the 4th.
    """
    if not isinstance(start, datetime):
        if isinstance(end, datetime):
            raise _Skip("DTSTART är ett datum men DTEND en tidpunkt")
        last = end.toordinal() - 1 if end is not None else start.toordinal()
        return (
            EnteredDate(start),
            None,
            None,
            date.fromordinal(last) if last > start.toordinal() else None,
        )
    if end is not None and not isinstance(end, datetime):
        raise _Skip("DTSTART är en tidpunkt men DTEND ett datum")
    starts_at = _minute(start)
    if end is not None and end.time() == time() and (end.date() - start.date()).days > 1:
        # To midnight after a later day: the end of the day before, as our export writes
        # an activity over several days without an end time.
        return EnteredDate(start.date()), starts_at, None, end.date() - timedelta(days=1)
    ends_at = _minute(end) if end is not None else None
    ends_on = end.date() if end is not None and end.date() != start.date() else None
    if ends_on is None and same_clock(ends_at, starts_at):
        ends_at = None  # shorter than a minute: a point in time, as the register keeps times
    return EnteredDate(start.date()), starts_at, ends_at, ends_on


def _minute(value: datetime) -> time:
    return value.time().replace(second=0, microsecond=0)


def _category(event: IcsEvent) -> Category | None:
    """The first of the event's CATEGORIES that is one of ours (any case), if any."""
    return next(
        (CATEGORY_WORDS[c.casefold()] for c in event.categories if c.casefold() in CATEGORY_WORDS),
        None,
    )


def _made_uid(activity: Activity) -> str:
    """A uid for an event without one: the same start and title give the same uid."""
    start = f"{activity.when.iso()}T{activity.starts_at or ''}"
    digest = hashlib.sha256(f"{start}|{activity.title}".encode()).hexdigest()
    return f"ics-{digest[:24]}"


def _updated(old: Activity, imported: Activity, *, has_category: bool) -> Activity:
    """The stored activity with what the file says; what only the register knows is kept."""
    changes = {name: getattr(imported, name) for name in _FROM_FILE}
    if imported.participants:
        changes["participants"] = imported.participants
    if has_category:
        changes["category"] = imported.category
    return replace(old, **changes)


def changed_labels(old: Activity, new: Activity) -> list[str]:
    """The Swedish labels of the fields that differ: ``Rubrik, Plats``. A time moved to the
    other pass of the autumn night's repeated hour differs, which ``==`` alone does not see."""
    return [
        ACTIVITY_LABELS.get(f.name, f.name)
        for f in fields(Activity)
        if not same_clock(getattr(old, f.name), getattr(new, f.name))
    ]


def activity_text(activity: Activity) -> str:
    """``2024-11-14 13:00–16:00 Höstens plattformsmöte``, ``2024-06-30–2024-07-04 Almedalen``."""
    day = activity.when.iso() + (f"–{activity.ends_on.isoformat()}" if activity.ends_on else "")
    times = ""
    if activity.starts_at is not None:
        times = f" {activity.starts_at:%H:%M}"
        times += f"–{activity.ends_at:%H:%M}" if activity.ends_at else ""
    return f"{day}{times} {activity.title}"


def _event_text(event: IcsEvent) -> str:
    """What the skipped event is, as far as the file says: ``2024-01-15 09:00 Veckoavstämning``."""
    start = event.start
    day = ""
    if start is not None:
        day = f"{start:%Y-%m-%d %H:%M} " if isinstance(start, datetime) else f"{start} "
    return day + (" ".join(event.summary.split()) or "(utan rubrik)")


def _date_order(activity: Activity) -> tuple[date, time, str]:
    return (activity.day, activity.starts_at or time.min, activity.title)


def ics_plan_report(plan: IcsImportPlan, source: str) -> PlanReport:
    """The plan in the shape the CSV imports' preview shows (CLI and TUI), with no errors:
    a file with an error has no plan."""
    events = "händelse" if plan.events == 1 else "händelser"
    lines = [f"Läser {source}: iCalendar, {plan.events} {events}."]
    return PlanReport(lines=[*lines, *plan.preview_lines(), plan.summary()], errors=[])
