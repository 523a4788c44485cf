"""Activities, network memberships and advocacy submissions: documents <-> domain objects.

``CalendarRepository`` gathers the three with the annual meetings and the coordinator's order
of the months (``calendar_order``), so a screen opens one thing and gets the calendar as it is
derived from all its sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time
from functools import lru_cache
from typing import Any

from secretariat_tui.domain.activities import Activity, Category, new_uid
from secretariat_tui.domain.calendar import CalendarItem, Source, calendar_items, in_month, moved
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.store.board import MeetingRepository
from secretariat_tui.store.calendar_order import CalendarOrder
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.records import RecordTable, optional, restored


def _time_text(value: time | None) -> str | None:
    return f"{value:%H:%M}" if value else None


def _folds(record: Activity) -> dict[str, bool]:
    """``starts_fold``/``ends_fold``: true for a time in the second pass of the autumn night's
    repeated hour (``domain/local_time.py``). Written only then, so every other record, and
    every file written before, stays as it was: an absent flag is the first (or only) pass."""
    times = (("starts_fold", record.starts_at), ("ends_fold", record.ends_at))
    return {name: True for name, at in times if at is not None and at.fold}


@lru_cache(maxsize=4096)
def _clock(text: str | None, fold: object) -> time | None:
    """Remembered: a register has a few dozen times ("18:00") over thousands of activities,
    and a time, like a stored date below, is immutable, so records may share one."""
    clock = optional(time.fromisoformat, text)
    return clock.replace(fold=1) if fold and clock is not None else clock


_entered = lru_cache(maxsize=16384)(EnteredDate.from_iso)


_CATEGORIES = {category.value: category for category in Category}
"""A dict lookup is a tenth of ``Category(value)``; an unknown value still goes there."""


class ActivityRepository(RecordTable[Activity]):
    TABLE = "activities"
    NOT_FOUND = "Det finns ingen aktivitet med id {id}."

    def to_document(self, record: Activity) -> dict[str, Any]:
        return {
            "when": record.when.iso(),
            "title": record.title,
            "category": record.category.value,
            "starts_at": _time_text(record.starts_at),
            "ends_at": _time_text(record.ends_at),
            "ends_on": record.ends_on.isoformat() if record.ends_on else None,
            "location": record.location,
            "participants": record.participants,
            "notes": record.notes,
            "in_report": record.in_report,
            "network_id": record.network_id,
            "uid": record.uid,
            **_folds(record),
        }

    def from_document(self, doc: dict[str, Any], doc_id: int) -> Activity:
        """The hot path of opening a register (thousands of activities): see ``restored``."""
        get = doc.get
        return restored(
            Activity,
            title=doc["title"],
            when=_entered(doc["when"]),
            category=_CATEGORIES.get(doc["category"]) or Category(doc["category"]),
            starts_at=_clock(get("starts_at"), get("starts_fold")),
            ends_at=_clock(get("ends_at"), get("ends_fold")),
            ends_on=optional(date.fromisoformat, get("ends_on")),
            location=get("location", ""),
            participants=get("participants", ""),
            notes=get("notes", ""),
            in_report=bool(get("in_report", True)),
            network_id=optional(int, get("network_id")),
            uid=get("uid", ""),
            id=doc_id,
        )

    def add(self, record: Activity) -> Activity:
        """Stored with a uid: the ICS UID comes from it and must never be empty or shared."""
        return super().add(record if record.uid else replace(record, uid=new_uid()))

    def by_uid(self, uid: str) -> Activity | None:
        return next((a for a in self.all() if a.uid == uid), None)


class NetworkRepository(RecordTable[NetworkMembership]):
    TABLE = "networks"
    NOT_FOUND = "Det finns inget nätverk med id {id}."

    def to_document(self, record: NetworkMembership) -> dict[str, Any]:
        return {
            "name": record.name,
            "organiser": record.organiser,
            "since": record.since.isoformat() if record.since else None,
            "until": record.until.isoformat() if record.until else None,
            "role": record.role,
            "meets": record.meets,
            "contact": record.contact,
            "notes": record.notes,
            "about": record.about,
        }

    def from_document(self, doc: dict[str, Any], doc_id: int) -> NetworkMembership:
        return NetworkMembership(
            name=doc["name"],
            organiser=doc.get("organiser", ""),
            since=optional(date.fromisoformat, doc.get("since")),
            until=optional(date.fromisoformat, doc.get("until")),
            role=doc.get("role", ""),
            meets=doc.get("meets", ""),
            contact=doc.get("contact", ""),
            notes=doc.get("notes", ""),
            about=doc.get("about", ""),
            id=doc_id,
        )


class SubmissionRepository(RecordTable[Submission]):
    TABLE = "submissions"
    NOT_FOUND = "Det finns ingen inlaga med id {id}."

    def to_document(self, record: Submission) -> dict[str, Any]:
        return {
            "kind": record.kind.value,
            "title": record.title,
            "when": record.when.iso(),
            "status": record.status.value,
            "recipient": record.recipient,
            "co_signers": list(record.co_signers),
            "reference": record.reference,
            "notes": record.notes,
            "in_report": record.in_report,
            "uid": record.uid,
        }

    def add(self, record: Submission) -> Submission:
        return super().add(record if record.uid else replace(record, uid=new_uid()))

    def from_document(self, doc: dict[str, Any], doc_id: int) -> Submission:
        return Submission(
            kind=SubmissionKind(doc["kind"]),
            title=doc["title"],
            when=_entered(doc["when"]),
            status=SubmissionStatus(doc["status"]),
            recipient=doc.get("recipient", ""),
            co_signers=tuple(int(i) for i in doc.get("co_signers", [])),
            reference=doc.get("reference", ""),
            notes=doc.get("notes", ""),
            in_report=bool(doc.get("in_report", True)),
            uid=doc.get("uid", ""),
            id=doc_id,
        )


class NetworkInUse(StoreError):
    def __init__(self, network: NetworkMembership, count: int) -> None:
        what = "en aktivitet" if count == 1 else f"{count} aktiviteter"
        super().__init__(
            f"Nätverket {network.name} kan inte tas bort: {what} hör till det. "
            "Ta bort kopplingen i aktiviteterna först, eller ange ett slutdatum i stället."
        )


class CalendarRepository:
    """``activities``, ``networks``, ``submissions`` and the annual meetings, over one database."""

    def __init__(self, db: Database) -> None:
        self.database = db
        self.path = db.path
        self.activities = ActivityRepository(db)
        self.networks = NetworkRepository(db)
        self.submissions = SubmissionRepository(db)
        self.meetings = MeetingRepository(db)
        self.order = CalendarOrder(db)

    def items(self) -> list[CalendarItem]:
        """Every calendar item, derived now from the registers that own them, in the order
        the coordinator has given the months."""
        return calendar_items(
            self.activities.all(), self.submissions.all(), self.meetings.all(), self.order.all()
        )

    def move(self, key: str, shown: Sequence[str], step: int) -> bool:
        """Move the item ``key`` one place up (``step`` -1) or down (1) among ``shown``, the
        keys of the list it is moved in (its day, the month, as the screen shows them), and
        save its month's new order. False, and nothing saved, at the edge of the list."""
        items = self.items()
        by_key = {i.key: i for i in items}
        item = by_key.get(key)
        if item is None:
            return False
        year, month = item.day.year, item.day.month
        neighbours = [by_key[k] for k in shown if k in by_key]
        placements = moved(in_month(items, year, month), neighbours, key, step)
        if placements is None:
            return False
        self.order.save_month(year, month, placements, present=by_key.keys())
        return True

    def uids_owned_elsewhere(self) -> set[str]:
        """The uids of calendar items that submissions and annual meetings own (our ICS file
        has them too): an import must not copy them into activities."""
        return {i.uid for i in self.items() if i.source is not Source.ACTIVITY}

    def linked_activities(self, network_id: int) -> int:
        """How many activities name the network (its participation)."""
        return sum(a.network_id == network_id for a in self.activities.all())

    def delete_network(self, network_id: int) -> None:
        """Remove a network nothing refers to; linked activities keep it (NetworkInUse)."""
        network = self.networks.get(network_id)
        linked = self.linked_activities(network_id)
        if linked:
            raise NetworkInUse(network, linked)
        self.networks.delete(network_id)
