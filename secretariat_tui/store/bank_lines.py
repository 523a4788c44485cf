"""Which bank lines are already recorded as payments, so a bank file imported twice adds
nothing.

A table of its own (``bank_lines``: identity, payment id, day imported) rather than a field
on the payment: a payment typed by hand or read from a CSV of payments has no bank line, and
the payment's shape (its form, its CSV columns, its export) stays as it is. The payment id is
a plain number, not a checked reference: when the coordinator deletes a wrongly recorded
payment, its line counts as not imported again, so the next import offers it once more.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from secretariat_tui.domain.bank_lines import BankLine, Expected
from secretariat_tui.domain.bank_matching import Match, match_lines
from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.database import Database
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.payments import PaymentRepository

BANK_LINES = "bank_lines"


class BankLineRecord:
    def __init__(self, db: Database) -> None:
        self.database = db
        self._table = db.table(BANK_LINES)
        self.payments = PaymentRepository(db)

    def imported(self) -> set[str]:
        """The identities of lines whose payment is still in the register."""
        stored = {p.id for p in self.payments.all()}
        return {doc["identity"] for doc in self._table.all() if doc["payment_id"] in stored}

    def record(self, paid: Sequence[tuple[str, Payment]], today: date) -> list[Payment]:
        """Store each payment with the identity of its bank line, all in one save."""
        stored = []
        with self.database.one_save():
            for identity, payment in paid:
                added = self.payments.add(payment)
                assert added.id is not None
                self._table.insert(
                    {"identity": identity, "payment_id": added.id, "imported": today.isoformat()}
                )
                stored.append(added)
        return stored


def match_bank_lines(db: Database, lines: Sequence[BankLine], year: int) -> list[Match]:
    """``lines`` matched against the register: the fees of ``year`` (and of each invoice's
    year), the invoices' OCR numbers, the lines already recorded."""
    ledger = FeeLedger.of(db)
    expected = expected_payments(db)
    years = sorted({year} | {e.fee_year for e in expected})
    rows = [row for each in years for row in ledger.year_rows(each)]
    imported = BankLineRecord(db).imported()
    return match_lines(lines, rows, year, expected=expected, imported=imported)


def expected_payments(db: Database) -> list[Expected]:
    """Every invoice's OCR number and whose fee it is (credit notes have no OCR to pay)."""
    return [
        Expected(
            ocr=invoice.ocr,
            member_id=invoice.member_id,
            fee_year=invoice.fee_year,
            amount=invoice.amount,
            number=str(invoice.number),
            credited=invoice.credited_by is not None,
        )
        for invoice in InvoiceRepository(db).all()
        if not invoice.is_credit_note
    ]
