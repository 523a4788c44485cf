"""Every register whose records have an id is one ``RecordTable``: the same add, get, update,
delete and "not found" for members, payments, meetings, seats, activities, networks and
submissions, each with its own Swedish message and error class."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.store.board import BoardRepository, MeetingNotFound, SeatNotFound
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.members import MemberNotFound, MemberRepository
from secretariat_tui.store.payments import PaymentNotFound, PaymentRepository
from secretariat_tui.store.records import RecordNotFound, RecordTable
from tests.factories import make_member

DAY = date(2024, 4, 18)


def payments_of_members(db: Database, count: int = 1) -> PaymentRepository:
    """Payments refer to members (ids 1…count): the save refuses a payment of nobody."""
    MemberRepository(db).add_many([make_member(name=f"M{i}") for i in range(count)])
    return PaymentRepository(db)


def seats_after_a_meeting(db: Database) -> Any:
    """A seat refers to the meeting (id 1) that elected it."""
    board = BoardRepository(db)
    board.meetings.add(AnnualMeeting(DAY))
    return board.seats


# name, the repository of an open database, a new record, a change to it, its error and message
CASES: list[tuple[str, Callable[[Database], Any], Any, dict[str, Any], type, str]] = [
    (
        "members",
        MemberRepository,
        make_member(),
        {"name": "Annan förening"},
        MemberNotFound,
        "ingen medlem med id 99",
    ),
    (
        "payments",
        payments_of_members,
        Payment(1, 2024, Decimal("1500"), DAY, "R1"),
        {"amount": Decimal("750")},
        PaymentNotFound,
        "ingen betalning med id 99",
    ),
    (
        "meetings",
        lambda db: BoardRepository(db).meetings,
        AnnualMeeting(DAY),
        {"notes": "Extra"},
        MeetingNotFound,
        "inget årsmöte med id 99",
    ),
    (
        "seats",
        seats_after_a_meeting,
        BoardSeat("Nils", Role.CHAIR, None, 1),
        {"person": "Nora"},
        SeatNotFound,
        "ingen styrelsepost med id 99",
    ),
    (
        "activities",
        lambda db: CalendarRepository(db).activities,
        Activity(title="Möte", when=EnteredDate(DAY), category=Category.EVENT, uid="u1"),
        {"title": "Flyttat möte"},
        RecordNotFound,
        "ingen aktivitet med id 99",
    ),
    (
        "networks",
        lambda db: CalendarRepository(db).networks,
        NetworkMembership("Nät"),
        {"role": "Medlem"},
        RecordNotFound,
        "inget nätverk med id 99",
    ),
    (
        "submissions",
        lambda db: CalendarRepository(db).submissions,
        Submission(SubmissionKind.PETITION, "Skrivelse", EnteredDate(DAY), uid="u2"),
        {"status": SubmissionStatus.SUBMITTED},
        RecordNotFound,
        "ingen inlaga med id 99",
    ),
]


@pytest.mark.parametrize(
    ("repository", "record", "change", "missing", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_every_register_with_ids_stores_through_record_table(
    database: Database,
    repository: Callable[[Database], Any],
    record: Any,
    change: dict[str, Any],
    missing: type,
    message: str,
) -> None:
    table = repository(database)
    assert isinstance(table, RecordTable)
    assert issubclass(missing, RecordNotFound)

    kept = table.add(record)
    stored = table.add(record)
    assert kept.id is not None and stored.id is not None and kept.id != stored.id
    changed = table.update(replace(stored, **change))
    assert table.get(stored.id) == changed
    assert table.delete(stored.id) == changed
    assert table.all() == [kept]

    for call in (
        lambda: table.get(99),
        lambda: table.delete(stored.id),
        lambda: table.update(replace(kept, id=99)),
        lambda: table.update(record),  # never stored: no id
    ):
        with pytest.raises(missing, match=message.replace("99", r"\d+")):
            call()
    assert table.all() == [kept]


def test_where_finds_the_records_with_a_stored_value_in_register_order(
    database: Database,
) -> None:
    payments = payments_of_members(database, 2)
    first, _, third = payments.add_many(
        [
            Payment(1, 2024, Decimal("100"), DAY),
            Payment(2, 2024, Decimal("200"), DAY),
            Payment(1, 2025, Decimal("300"), DAY),
        ]
    )
    assert payments.where("member_id", 1) == [first, third]
    assert payments.for_member(1) == [first, third]
    assert payments.for_year(2025) == [third]
    assert payments.where("member_id", 7) == []
