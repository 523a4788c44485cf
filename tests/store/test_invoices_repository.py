"""The invoices table: numbers as ids, a gapless series refused otherwise, credits in one save."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from secretariat_tui.domain.invoices import Invoice
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.invoices import InvoiceNotFound, InvoiceRepository
from secretariat_tui.store.members import MemberRepository
from tests.factories import make_member

DAY = date(2025, 3, 1)


def invoice(number: int, member_id: int = 1, amount: str = "1500") -> Invoice:
    return Invoice(number, member_id, 2025, f"2025{number:04d}0", DAY, DAY, Decimal(amount))


@pytest.fixture
def member_id(db_path: Path) -> int:
    with open_database(db_path) as db:
        added = MemberRepository(db).add(make_member())
    assert added.id is not None
    return added.id


def test_invoices_are_stored_under_their_number_and_read_back(
    db_path: Path, member_id: int
) -> None:
    with open_database(db_path) as db:
        InvoiceRepository(db).record([invoice(1, member_id), invoice(2, member_id)])
    assert set(json.loads(db_path.read_bytes())["invoices"]) == {"1", "2"}
    with open_database(db_path) as db:
        repository = InvoiceRepository(db)
        assert repository.all() == [invoice(1, member_id), invoice(2, member_id)]
        assert repository.by_number(2) == invoice(2, member_id)
        assert repository.by_ocr("202500020") == invoice(2, member_id)
        assert repository.by_ocr("999") is None
        assert repository.for_year(2024) == []


@pytest.mark.parametrize("numbers", [[2], [1, 3], [0]])
def test_a_batch_that_does_not_continue_the_series_is_refused_and_nothing_is_written(
    db_path: Path, member_id: int, numbers: list[int]
) -> None:
    with open_database(db_path) as db:
        with pytest.raises(StoreError, match="utan lucka"):
            InvoiceRepository(db).record([invoice(n, member_id) for n in numbers])
    with open_database(db_path) as db:
        assert InvoiceRepository(db).all() == []


def test_a_number_already_given_is_refused(db_path: Path, member_id: int) -> None:
    with open_database(db_path) as db:
        repository = InvoiceRepository(db)
        repository.record([invoice(1, member_id)])
        with pytest.raises(StoreError, match="fortsätta från 2"):
            repository.record([invoice(1, member_id, "99")])
        assert repository.by_number(1).amount == Decimal("1500")


def test_a_credit_note_and_its_mark_are_saved_together(db_path: Path, member_id: int) -> None:
    with open_database(db_path) as db:
        repository = InvoiceRepository(db)
        repository.record([invoice(1, member_id)])
        note = replace(invoice(2, member_id, "-1500"), credits=1)
        repository.record_credit(note, replace(invoice(1, member_id), credited_by=2))
    with open_database(db_path) as db:
        stored = InvoiceRepository(db).all()
    assert [(i.number, i.amount, i.credits, i.credited_by) for i in stored] == [
        (1, Decimal("1500"), None, 2),
        (2, Decimal("-1500"), 1, None),
    ]


def test_a_credit_that_breaks_the_series_leaves_the_invoice_unmarked(
    db_path: Path, member_id: int
) -> None:
    with open_database(db_path) as db:
        repository = InvoiceRepository(db)
        repository.record([invoice(1, member_id)])
        note = replace(invoice(5, member_id, "-1500"), credits=1)
        with pytest.raises(StoreError):
            repository.record_credit(note, replace(invoice(1, member_id), credited_by=5))
    with open_database(db_path) as db:
        assert InvoiceRepository(db).by_number(1).credited_by is None


def test_an_unknown_number_is_a_swedish_message(db_path: Path) -> None:
    with open_database(db_path) as db:
        with pytest.raises(InvoiceNotFound, match="ingen faktura med nummer 7"):
            InvoiceRepository(db).by_number(7)
