"""Invoices: one document per invoice whose id is the invoice number, and the one way an
invoice run or a credit is made, for the TUI and the CLI alike.

The number is the record's id, so it cannot be given twice or change; ``record`` refuses a
batch that does not continue the series exactly (a gap, or a number already taken by a
session that saved first), so the series stays gapless even with two sessions. A credit
note and the mark on the invoice it credits are saved together or not at all.

A run (``make_invoices``, ``make_credit``) checks the association's settings, numbers the
invoices, has the caller's ``render`` turn them into files (Word lives in ``exports``, which
the store may not import), checks every file name before anything is written, writes the
files and only then records the invoices: an invoice is never recorded without its file, and
a failed save takes the run's files away again, so a retry starts clean.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from tinydb.table import Document

from secretariat_tui.domain.invoices import (
    Invoice,
    InvoiceDraft,
    credit,
    issue,
    missing_settings,
    next_number,
)
from secretariat_tui.domain.settings import Settings
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.store.output_files import (
    ResolvedOutput,
    resolve_output,
    write_output_file,
)
from secretariat_tui.store.record_schema import INVOICES
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.store.tinydb_compat import stored_documents

Render = Callable[[Sequence[Invoice], Settings], Sequence[tuple[str, bytes]]]
"""Invoices and the association → the files to write, each a name and its bytes."""


class InvoiceNotFound(StoreError):
    """An unknown invoice number (``fees credit`` with a mistyped number)."""


def to_document(invoice: Invoice) -> dict[str, Any]:
    return {
        "member_id": invoice.member_id,
        "fee_year": invoice.fee_year,
        "ocr": invoice.ocr,
        "issued": invoice.issued.isoformat(),
        "due": invoice.due.isoformat(),
        "amount": str(invoice.amount),
        "credited_by": invoice.credited_by,
        "credits": invoice.credits,
    }


def from_document(doc: dict[str, Any], number: int) -> Invoice:
    return Invoice(
        number=number,
        member_id=int(doc["member_id"]),
        fee_year=int(doc["fee_year"]),
        ocr=str(doc["ocr"]),
        issued=date.fromisoformat(doc["issued"]),
        due=date.fromisoformat(doc["due"]),
        amount=Decimal(doc["amount"]),
        credited_by=doc.get("credited_by"),
        credits=doc.get("credits"),
    )


class InvoiceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(INVOICES)

    def all(self) -> list[Invoice]:
        """Every invoice and credit note, by number."""
        found = [from_document(doc, n) for n, doc in stored_documents(self._table)]
        return sorted(found, key=lambda invoice: invoice.number)

    def for_year(self, year: int) -> list[Invoice]:
        return [invoice for invoice in self.all() if invoice.fee_year == year]

    def by_number(self, number: int) -> Invoice:
        doc = self._table.get(doc_id=number)
        if not isinstance(doc, dict):
            raise InvoiceNotFound(f"Det finns ingen faktura med nummer {number}.")
        return from_document(doc, number)

    def by_ocr(self, ocr: str) -> Invoice | None:
        """The invoice whose OCR reference is exactly ``ocr`` (a bank line's reference)."""
        return next((invoice for invoice in self.all() if invoice.ocr == ocr), None)

    def record(self, invoices: Sequence[Invoice]) -> list[Invoice]:
        """Store new invoices in one write; they must continue the series without a gap."""
        expected = next_number(self.all())
        numbers = [invoice.number for invoice in invoices]
        if numbers != list(range(expected, expected + len(numbers))):
            raise StoreError(
                f"Fakturorna sparades inte: numren måste fortsätta från {expected} utan "
                "lucka (har någon annan just skapat fakturor? Försök igen)."
            )
        self._table.insert_multiple(Document(to_document(i), doc_id=i.number) for i in invoices)
        return list(invoices)

    def record_credit(self, note: Invoice, credited: Invoice) -> Invoice:
        """The credit note and the credited invoice's mark, in one save."""
        with self._db.one_save():
            self.record([note])
            self._table.update(to_document(credited), doc_ids=[credited.number])
        return note


class SettingsMissing(StoreError):
    """The association lacks what an invoice must show; ``str(err)`` says what to set."""


@dataclass(frozen=True)
class InvoiceRun:
    invoices: list[Invoice]
    files: list[Path]


def invoice_settings(db: Database) -> Settings:
    """The association's settings, or SettingsMissing naming each ``settings set`` to run."""
    settings = SettingsRepository(db).get()
    if problems := missing_settings(settings):
        raise SettingsMissing("Inga fakturor gjordes. " + " ".join(problems))
    return settings


def make_invoices(
    db: Database, drafts: Sequence[InvoiceDraft], *, issued: date, folder: Path, render: Render
) -> InvoiceRun:
    """Number, write and record the drafts' invoices (see the module's docstring)."""
    settings = invoice_settings(db)
    repository = InvoiceRepository(db)
    made = issue(
        drafts,
        repository.all(),
        issued=issued,
        terms_days=settings.terms_days,
        length_digit=settings.ocr_length_digit,
    )
    if not made:
        return InvoiceRun([], [])
    files = _write(db, render(made, settings), folder)
    try:
        repository.record(made)
    except BaseException:
        _remove(files)
        raise
    return InvoiceRun(made, files)


def make_credit(
    db: Database, number: int, *, issued: date, folder: Path, render: Render
) -> InvoiceRun:
    """Credit invoice ``number``: the credit note written and recorded with the mark."""
    settings = invoice_settings(db)
    repository = InvoiceRepository(db)
    invoices = repository.all()
    note, credited = credit(
        repository.by_number(number),
        invoices,
        issued=issued,
        length_digit=settings.ocr_length_digit,
    )
    files = _write(db, render([note], settings), folder)
    try:
        repository.record_credit(note, credited)
    except BaseException:
        _remove(files)
        raise
    return InvoiceRun([note], files)


def _write(db: Database, files: Sequence[tuple[str, bytes]], folder: Path) -> list[Path]:
    """Every name checked first (OutputRefused: nothing written), then each file written;
    a failed write takes the ones already written away again."""
    targets: list[ResolvedOutput] = [
        resolve_output(name, db.path, replace=False, folder=folder) for name, _ in files
    ]
    written: list[Path] = []
    for target, (_, data) in zip(targets, files, strict=True):
        try:
            write_output_file(target, data)
        except OSError as err:
            _remove(written)
            raise StoreError(
                f"{target} kunde inte skrivas: {os_reason(err)}. Inga fakturor gjordes."
            ) from None
        written.append(target)
    return written


def _remove(files: Sequence[Path]) -> None:
    for path in files:
        with contextlib.suppress(OSError):
            path.unlink()
