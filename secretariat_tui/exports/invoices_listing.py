"""The invoices of a year as a listing (``fees invoices``) and a run's preview as text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from secretariat_tui.domain.fees import MemberYear
from secretariat_tui.domain.invoices import Invoice, InvoiceDraft, invoice_status
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.exports.fees_listing import members_word
from secretariat_tui.exports.table import Table

HEADERS = ("Nummer", "Medlem", "OCR", "Belopp", "Förfaller", "Status")


def invoices_table(
    invoices: Sequence[Invoice], names: Mapping[int, str], rows: Mapping[int, MemberYear]
) -> Table:
    """Each invoice and credit note with its status (paid by the member's fee for the year)."""
    body = [
        (
            invoice.number,
            names.get(invoice.member_id, str(invoice.member_id)),
            invoice.ocr,
            invoice.amount,
            invoice.due,
            invoice_status(invoice, rows.get(invoice.member_id)),
        )
        for invoice in invoices
    ]
    return Table(HEADERS, body, right=(0, 3), empty="Inga fakturor det året.")


def plan_text(drafts: Sequence[InvoiceDraft], year: int, first_number: int) -> str:
    """Who a run will invoice, for how much, under which numbers: the preview before a yes."""
    if not drafts:
        return f"Ingen att fakturera för {year}: alla som är skyldiga har redan en faktura."
    total = sum((draft.amount for draft in drafts), start=drafts[0].amount * 0)
    last = first_number + len(drafts) - 1
    lines = [
        f"{members_word(len(drafts)).capitalize()} faktureras för {year}, "
        f"sammanlagt {format_kronor(total)} (faktura {first_number}–{last}):"
    ]
    lines += [
        f"  {first_number + n}  {draft.member.name}: {format_kronor(draft.amount)}"
        for n, draft in enumerate(drafts)
    ]
    return "\n".join(lines)
