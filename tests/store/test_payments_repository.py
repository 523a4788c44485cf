"""PaymentRepository: payments survive the file exactly; an import lands in one write."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from secretariat_tui.domain.fees import Payment
from secretariat_tui.store import storage
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.payments import PaymentNotFound, PaymentRepository
from tests.conftest import seed_references


@pytest.fixture(autouse=True)
def members_to_refer_to(db_path: Path) -> None:
    """Payments and agreements point at members, which must be in the file."""
    seed_references(db_path)


def payment(
    member_id: int = 1,
    amount: str = "1500",
    *,
    fee_year: int = 2024,
    reference: str = "",
    note: str = "",
) -> Payment:
    return Payment(
        member_id=member_id,
        fee_year=fee_year,
        amount=Decimal(amount),
        paid_on=date(2024, 3, 1),
        reference=reference,
        note=note,
    )


def test_a_payment_round_trips_with_every_field_through_the_file(db_path: Path) -> None:
    original = payment(
        amount="1500.50", reference="OCR 123 456", note="Bankgiro, för 2024 års avgift"
    )
    with open_database(db_path) as db:
        added = PaymentRepository(db).add(original)
    assert added.id is not None
    with open_database(db_path) as db:
        loaded = PaymentRepository(db).get(added.id)

    assert loaded == replace(original, id=added.id)
    assert type(loaded.amount) is Decimal
    assert loaded.amount == Decimal("1500.50")


def test_for_year_and_for_member_filter(database: Database) -> None:
    repo = PaymentRepository(database)
    a = repo.add(payment(1, fee_year=2023))
    b = repo.add(payment(1, fee_year=2024))
    c = repo.add(payment(2, fee_year=2024))

    assert repo.for_year(2024) == [b, c]
    assert repo.for_member(1) == [a, b]
    assert repo.all() == [a, b, c]


def test_update_replaces_the_stored_payment(database: Database) -> None:
    repo = PaymentRepository(database)
    added = repo.add(payment())
    edited = replace(added, amount=Decimal("1000"), reference="Rättad")
    repo.update(edited)

    assert repo.get(added.id or 0) == edited
    assert repo.all() == [edited]


def test_delete_removes_and_returns_the_payment(database: Database) -> None:
    repo = PaymentRepository(database)
    kept = repo.add(payment(1))
    gone = repo.add(payment(2))

    assert repo.delete(gone.id or 0) == gone
    assert repo.all() == [kept]


def test_unknown_id_raises_payment_not_found_in_swedish(database: Database) -> None:
    repo = PaymentRepository(database)
    repo.add(payment())

    for call in (
        lambda: repo.get(99),
        lambda: repo.delete(99),
        lambda: repo.update(replace(payment(), id=99)),
    ):
        with pytest.raises(PaymentNotFound, match="Det finns ingen betalning med id 99"):
            call()
    with pytest.raises(PaymentNotFound):
        repo.update(payment())  # never stored: no id
    assert len(repo.all()) == 1


def test_add_many_stores_everything_in_one_write(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    real_write = storage.atomic_write_bytes

    def counting_write(target: Path, data: bytes) -> None:
        writes.append(len(data))
        real_write(target, data)

    monkeypatch.setattr(storage, "atomic_write_bytes", counting_write)
    repo = PaymentRepository(database)
    added = repo.add_many([payment(i, reference=f"R{i}") for i in range(1, 6)])

    assert len(writes) == 1
    assert [p.id for p in added] == [1, 2, 3, 4, 5]
    assert [p.reference for p in repo.all()] == ["R1", "R2", "R3", "R4", "R5"]
    # The counter sees every write: one add() is one more.
    repo.add(payment(9))
    assert len(writes) == 2


def test_add_many_lands_in_the_file(db_path: Path) -> None:
    with open_database(db_path) as db:
        added = PaymentRepository(db).add_many([payment(1), payment(2, amount="300.00")])
    with open_database(db_path) as db:
        assert PaymentRepository(db).all() == added
