"""Invoices for membership fees: who is invoiced, the number series, credit notes, status.

Rules (Swedish bookkeeping, and what the coordinator can rely on):
- Numbers run 1, 2, 3 … in one series for the register, without gaps: each new invoice takes
  the number after the highest ever given, and no invoice is ever deleted or renumbered.
- An invoice is cancelled by a credit note: a new invoice in the same series with the
  negative amount, pointing at the one it credits (``credits``), and the credited one points
  back (``credited_by``). A credit note is not itself credited.
- Who is invoiced for a year: every member that owes for it (``fees.member_year``: the
  schedule, agreements, exemptions and part-payments applied), for what is still owed. A
  member that already has an invoice for the year that stands (not credited) is not invoiced
  again, so a second run only reaches those not yet invoiced; one whose invoice was credited
  is invoiced again only when asked (``again_credited``), since the credit usually meant the
  fee was settled another way.
- The OCR reference is made from the fee year and the invoice number (``ocr.ocr_base``).
- An invoice is not made without the association's name and a bankgiro or plusgiro number
  to pay to (``missing_settings``), each refusal naming the ``settings set`` that mends it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from secretariat_tui.domain.fees import ZERO, FeeStatus, MemberYear
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.ocr import make_ocr, ocr_base
from secretariat_tui.domain.settings import Settings


@dataclass(frozen=True)
class Invoice:
    """One invoice (``amount`` > 0) or credit note (``amount`` < 0, ``credits`` set)."""

    number: int
    member_id: int
    fee_year: int
    ocr: str
    issued: date
    due: date
    amount: Decimal
    credited_by: int | None = None
    """The credit note's number once this invoice is credited."""
    credits: int | None = None
    """On a credit note: the number of the invoice it credits."""

    @property
    def is_credit_note(self) -> bool:
        return self.credits is not None

    @property
    def stands(self) -> bool:
        """An invoice that is neither a credit note nor credited: the member is invoiced."""
        return not self.is_credit_note and self.credited_by is None


class InvoiceStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    CREDITED = "credited"
    CREDIT_NOTE = "credit_note"

    @property
    def label(self) -> str:
        return {
            "open": "Obetald",
            "paid": "Betald",
            "credited": "Krediterad",
            "credit_note": "Kreditfaktura",
        }[self.value]


def invoice_status(invoice: Invoice, row: MemberYear | None) -> InvoiceStatus:
    """Paid when the member's fee for the year is paid (payments are for a fee year, not for
    an invoice: a part-payment before the invoice and the rest after add up)."""
    if invoice.is_credit_note:
        return InvoiceStatus.CREDIT_NOTE
    if invoice.credited_by is not None:
        return InvoiceStatus.CREDITED
    if row is not None and row.status in (FeeStatus.PAID, FeeStatus.EXEMPT, FeeStatus.NO_FEE):
        return InvoiceStatus.PAID
    return InvoiceStatus.OPEN


@dataclass(frozen=True)
class InvoiceDraft:
    """Who is about to be invoiced, for how much: the preview before anything is numbered."""

    member: Member
    fee_year: int
    amount: Decimal


def next_number(invoices: Iterable[Invoice]) -> int:
    """The number after the highest ever given: the series has no gaps and never reuses one."""
    return max((invoice.number for invoice in invoices), default=0) + 1


def to_invoice(
    rows: Iterable[MemberYear],
    invoices: Iterable[Invoice],
    year: int,
    *,
    member_id: int | None = None,
    again_credited: bool = False,
) -> list[InvoiceDraft]:
    """The members to invoice for ``year`` (one, with ``member_id``), in the rows' order."""
    listed = [invoice for invoice in invoices if invoice.fee_year == year]
    standing = {invoice.member_id for invoice in listed if invoice.stands}
    credited = {invoice.member_id for invoice in listed if invoice.credited_by is not None}
    drafts = []
    for row in rows:
        member = row.member
        if row.year != year or not row.owes or row.outstanding <= ZERO:
            continue
        if member_id is not None and member.id != member_id:
            continue
        if member.id in standing or (member.id in credited and not again_credited):
            continue
        drafts.append(InvoiceDraft(member, year, row.outstanding))
    return drafts


def issue(
    drafts: Sequence[InvoiceDraft],
    existing: Iterable[Invoice],
    *,
    issued: date,
    terms_days: int,
    length_digit: bool,
) -> list[Invoice]:
    """Number the drafts from the next free number, each with its OCR and due date."""
    first = next_number(existing)
    due = issued + timedelta(days=terms_days)
    made = []
    for offset, draft in enumerate(drafts):
        number = first + offset
        assert draft.member.id is not None, "invoices are for stored members"
        ocr = make_ocr(ocr_base(draft.fee_year, number), length_digit=length_digit)
        made.append(
            Invoice(number, draft.member.id, draft.fee_year, ocr, issued, due, draft.amount)
        )
    return made


def credit(
    invoice: Invoice, existing: Iterable[Invoice], *, issued: date, length_digit: bool
) -> tuple[Invoice, Invoice]:
    """The credit note for ``invoice`` and the invoice marked as credited by it.

    Refused (ValueError in Swedish) for a credit note or an invoice already credited.
    """
    if invoice.is_credit_note:
        raise ValueError(
            f"Faktura {invoice.number} är en kreditfaktura (för faktura {invoice.credits}); "
            "den krediteras inte."
        )
    if invoice.credited_by is not None:
        raise ValueError(
            f"Faktura {invoice.number} är redan krediterad (kreditfaktura {invoice.credited_by})."
        )
    number = next_number(existing)
    note = Invoice(
        number,
        invoice.member_id,
        invoice.fee_year,
        make_ocr(ocr_base(invoice.fee_year, number), length_digit=length_digit),
        issued,
        issued,
        -invoice.amount,
        credits=invoice.number,
    )
    return note, replace(invoice, credited_by=number)


def missing_settings(settings: Settings) -> list[str]:
    """What an invoice cannot be printed without, each with the command that sets it."""
    missing = []
    if not settings.name:
        missing.append('Föreningens namn saknas: secretariat settings set name "Föreningens namn".')
    if not settings.bankgiro and not settings.plusgiro:
        missing.append(
            "Bankgiro eller plusgiro saknas: secretariat settings set bankgiro NNNN-NNNN "
            "(eller settings set plusgiro NN NN NN-N)."
        )
    return missing


def invoice_file_name(invoice: Invoice) -> str:
    """``faktura-0007.docx`` (``kreditfaktura-…`` for a credit note): sorted as numbered."""
    kind = "kreditfaktura" if invoice.is_credit_note else "faktura"
    return f"{kind}-{invoice.number:04d}.docx"


def combined_file_name(invoices: Sequence[Invoice]) -> str:
    """``fakturor-2025-0001-0027.docx``: the run's numbers, so a second run's file is new."""
    first, last = invoices[0], invoices[-1]
    return f"fakturor-{first.fee_year}-{first.number:04d}-{last.number:04d}.docx"
