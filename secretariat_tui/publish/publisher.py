"""Publish the chosen categories to a CalDAV calendar, or write them as one subscribable file.

One place for both front ends (``calendar publish`` and the calendar screen's key): the
events are the ICS export's own (``exports.ics_calendar``: the same UIDs, times and text as
the file), one calendar per event; the plan compares them with the record
(``domain.calendar_publish``); ``publish`` carries it out and keeps the record of every
request that went through, so a failure half-way leaves the record true: what was sent is
in it, what was not is as before, and the next publish sends the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.calendar import CalendarItem, calendar_order
from secretariat_tui.domain.calendar_publish import (
    OutgoingEvent,
    Published,
    PublishPlan,
    plan_publish,
    resource_name,
)
from secretariat_tui.exports.ics_calendar import IcsExport, event_uid, export_ics
from secretariat_tui.publish.caldav_server import CalendarServer, PublishError
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.publish_record import Record, load_record, save_record

SUBSCRIPTION_FILENAME = "plattformsmoten.ics"


def chosen_items(
    items: Iterable[CalendarItem], categories: Sequence[Category]
) -> list[CalendarItem]:
    """The items a calendar can place (a day, not only a month) in the chosen categories."""
    wanted = set(categories)
    return sorted(
        (i for i in items if i.category in wanted and not i.month_only), key=calendar_order
    )


def outgoing_events(
    items: Iterable[CalendarItem], categories: Sequence[Category], stamp: datetime
) -> list[OutgoingEvent]:
    return [
        OutgoingEvent(event_uid(item), item.title, item.day, export_ics([item], stamp=stamp).data)
        for item in chosen_items(items, categories)
    ]


def calendar_file(
    items: Iterable[CalendarItem], categories: Sequence[Category], stamp: datetime
) -> IcsExport:
    """The same events as one ``.ics`` file, for a web server or a shared drive."""
    return export_ics(chosen_items(items, categories), stamp=stamp)


@dataclass(frozen=True)
class Preview:
    """What a publish to ``url`` would do, and the record it was planned from."""

    url: str
    plan: PublishPlan
    record: Record

    def lines(self) -> list[str]:
        return [self.plan.summary(), *self.plan.lines(self.record)]


def preview(
    items: Iterable[CalendarItem],
    url: str,
    categories: Sequence[Category],
    stamp: datetime,
    record_file: Path | None = None,
) -> Preview:
    record = load_record(url, record_file)
    return Preview(url, plan_publish(outgoing_events(items, categories, stamp), record), record)


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    failure: str = ""
    record: Record = field(default_factory=dict)

    @property
    def sent(self) -> int:
        return self.created + self.updated + self.deleted

    def message(self) -> str:
        done = ", ".join(
            f"{n} {one if n == 1 else many}"
            for n, one, many in (
                (self.created, "ny", "nya"),
                (self.updated, "ändrad", "ändrade"),
                (self.deleted, "borttagen", "borttagna"),
            )
        )
        if self.failure:
            kept = f" Det som hann skickas ({done}) är sparat." if self.sent else ""
            return f"Publiceringen avbröts: {self.failure}{kept}"
        if not self.sent:
            return "Kalendern var redan aktuell; inget skickades."
        return f"Kalendern är publicerad: {done}."


def publish(planned: Preview, user: str, password: str, record_file: Path | None = None) -> Outcome:
    """Carry out ``planned`` on the server; the record is saved with what went through.

    An empty plan still checks the calendar (a wrong password or a removed calendar is
    said), but sends nothing else.
    """
    outcome = Outcome(record=dict(planned.record))
    try:
        with CalendarServer(planned.url, user, password) as calendar:
            calendar.check_calendar()
            _carry_out(planned.plan, calendar, outcome)
    except PublishError as err:
        outcome.failure = str(err)
    if outcome.sent:
        try:
            save_record(planned.url, outcome.record, record_file)
        except OSError as err:
            outcome.failure = (
                f"{outcome.failure} " if outcome.failure else ""
            ) + f"Förteckningen över det publicerade kunde inte sparas: {os_reason(err)}."
    return outcome


def _carry_out(plan: PublishPlan, calendar: CalendarServer, outcome: Outcome) -> None:
    for event in plan.create:
        _put(event, calendar, outcome.record)
        outcome.created += 1
    for event in plan.update:
        _put(event, calendar, outcome.record)
        outcome.updated += 1
    for uid in plan.delete:
        calendar.delete(outcome.record[uid].href or resource_name(uid))
        del outcome.record[uid]
        outcome.deleted += 1


def _put(event: OutgoingEvent, calendar: CalendarServer, record: Record) -> None:
    """Under the name it was first put at (the record's), so an update replaces it."""
    before = record.get(event.uid)
    name = before.href if before is not None and before.href else resource_name(event.uid)
    etag = calendar.put(name, event.data)
    record[event.uid] = Published(event.digest, etag, name, event.label)
