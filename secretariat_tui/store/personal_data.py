"""The registers read as the GDPR rules see them, an extract, and an erasure saved in one go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from secretariat_tui.domain.erasure import Erasure
from secretariat_tui.domain.personal_data import Delegation, Extract, Register, extract_for
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.fees import FeeRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository


def load_register(db: Database) -> Register:
    """Every record the personal-data rules read, from one open database."""
    board, calendar = BoardRepository(db), CalendarRepository(db)
    return Register(
        members=MemberRepository(db).all(),
        payments=PaymentRepository(db).all(),
        agreements=FeeRepository(db).overrides(),
        meetings=board.meetings.all(),
        seats=board.seats.all(),
        delegations=[Delegation(m, a) for m, a in board.attendance.all()],
        activities=calendar.activities.all(),
        submissions=calendar.submissions.all(),
        networks=calendar.networks.all(),
    )


def load_people(db: Database) -> Register:
    """Only what says who a member's people are (members, board seats, delegates): enough
    for ``person_strings``, without reading thousands of activities."""
    board = BoardRepository(db)
    return Register(
        members=MemberRepository(db).all(),
        seats=board.seats.all(),
        delegations=[Delegation(m, a) for m, a in board.attendance.all()],
    )


def load_extract(db: Database, member_id: int) -> Extract:
    """The register extract of a member (MemberNotFound for an unknown id)."""
    MemberRepository(db).get(member_id)
    return extract_for(load_register(db), member_id)


def save_erasure(db: Database, erasure: Erasure) -> None:
    """Every record the erasure changes, in one atomic save: all of it lands, or none."""
    board, calendar, fees = BoardRepository(db), CalendarRepository(db), FeeRepository(db)
    payments = PaymentRepository(db)
    with db.one_save():
        if erasure.member is not None and erasure.member != erasure.before:
            MemberRepository(db).update(erasure.member)
        for payment in erasure.payments:
            payments.update(payment)
        for agreement in erasure.agreements:
            fees.save_override(agreement)
        for seat in erasure.seats:
            board.seats.update(seat)
        for delegation in erasure.delegations:
            board.attendance.set(delegation.meeting_id, delegation.attendance)
        for meeting in erasure.meetings:
            board.meetings.update(meeting)
        for activity in erasure.activities:
            calendar.activities.update(activity)
        for submission in erasure.submissions:
            calendar.submissions.update(submission)
        for network in erasure.networks:
            calendar.networks.update(network)


def in_memory(document: dict[str, Any], path: Path) -> Database:
    """A parsed copy of a database file (a backup) that the repositories read and change in
    memory only; ``document(db)`` gives the result. ``path`` is for messages."""
    tinydb = TinyDB(storage=MemoryStorage)
    tinydb.storage.write(document)
    return Database(path=path, tinydb=tinydb, lock=None)


def document(db: Database) -> dict[str, Any]:
    found = db.tinydb.storage.read()
    assert isinstance(found, dict)
    return found
