"""Invoices as Word documents, on the report's template (the user's ``report-template`` or the
shipped one), so the association's letterhead, fonts and margins are the same on both.

The template is opened and emptied by the report's own writer (``report_docx.blocks_docx``
with no blocks): the same rules for a template that is no Word file, the same kept header,
footer and page setup. On it each invoice is a title, the two parties, a table of the
invoice's facts and how to pay; the combined file for printing has every invoice with a page
break between them. A style the template lacks falls back to Normal with bold written on the
text, as in the report. Pure: bytes in (the template), bytes out.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE

from secretariat_tui.domain.invoices import Invoice, combined_file_name, invoice_file_name
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.settings import Settings
from secretariat_tui.domain.text import shown
from secretariat_tui.exports.report_docx import TABLE_STYLE, blocks_docx, open_template


@dataclass(frozen=True)
class InvoiceSheet:
    """What one printed invoice needs: the invoice, who it is to, who it is from."""

    invoice: Invoice
    member: Member
    association: Settings


def title(invoice: Invoice) -> str:
    return "Kreditfaktura" if invoice.is_credit_note else "Faktura"


def address_lines(address: str) -> list[str]:
    """An address typed on one line with commas (``Box 1, 111 11 Stockholm``) or on several."""
    parts = address.replace("\n", ",").split(",")
    return [part.strip() for part in parts if part.strip()]


def facts(sheet: InvoiceSheet) -> list[tuple[str, str]]:
    """The table's rows, in the order a payer reads them."""
    invoice = sheet.invoice
    rows = [
        (f"{title(invoice)}nummer", str(invoice.number)),
        ("Fakturadatum", invoice.issued.isoformat()),
    ]
    if invoice.is_credit_note:
        rows.append(("Krediterar faktura", str(invoice.credits)))
    else:
        rows.append(("Förfallodag", invoice.due.isoformat()))
    rows += [
        ("Avser", f"Medlemsavgift {invoice.fee_year}"),
        ("OCR-nummer", invoice.ocr),
        ("Belopp" if invoice.is_credit_note else "Att betala", format_kronor(invoice.amount)),
    ]
    return rows


def payment_lines(association: Settings) -> list[str]:
    lines = []
    if association.bankgiro:
        lines.append(f"Bankgiro: {association.bankgiro}")
    if association.plusgiro:
        lines.append(f"Plusgiro: {association.plusgiro}")
    if association.swish:
        lines.append(f"Swish: {association.swish}")
    return lines


class _Sheets:
    """Writes invoices on one emptied template, with its styles where it has them."""

    def __init__(self, template: bytes | None, heading: str) -> None:
        self.document: DocxDocument = open_template(blocks_docx([], heading, template))

    def styled(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        try:
            found = self.document.styles[name]
        except KeyError:
            return None
        return name if found.type == kind else None

    def heading(self, text: str, style: str) -> None:
        chosen = self.styled(style)
        run = self.document.add_paragraph(style=chosen).add_run(shown(text))
        if chosen is None:
            run.bold = True

    def lines(self, lines: Sequence[str], *, bold_first: bool = False) -> None:
        paragraph = self.document.add_paragraph()
        for index, line in enumerate(lines):
            run = paragraph.add_run(shown(line))
            run.bold = bold_first and index == 0
            if index < len(lines) - 1:
                run.add_break()

    def sheet(self, sheet: InvoiceSheet) -> None:
        invoice, member, association = sheet.invoice, sheet.member, sheet.association
        self.heading(title(invoice), "Title")
        sender = [association.name, *address_lines(association.address)]
        if association.org_number:
            sender.append(f"Org.nr {association.org_number}")
        self.lines(sender, bold_first=True)
        receiver = [member.name]
        if member.contact.person:
            receiver.append(f"Att: {member.contact.person}")
        receiver += address_lines(member.contact.address)
        if member.org_number:
            receiver.append(f"Org.nr {member.org_number}")
        self.heading("Till", "Heading 2")
        self.lines(receiver, bold_first=True)
        rows = facts(sheet)
        table = self.document.add_table(rows=len(rows), cols=2)
        if style := self.styled(TABLE_STYLE, WD_STYLE_TYPE.TABLE):
            table.style = style
        for row, (label, value) in zip(table.rows, rows, strict=True):
            row.cells[0].paragraphs[0].add_run(label).bold = True
            row.cells[1].paragraphs[0].add_run(shown(value))
        if invoice.is_credit_note:
            self.lines([f"Faktura {invoice.credits} är krediterad och ska inte betalas."])
            return
        self.heading("Betalning", "Heading 2")
        self.lines(
            [
                *payment_lines(association),
                f"Ange OCR-nummer {invoice.ocr} vid betalningen.",
                f"Betala senast {invoice.due.isoformat()}.",
            ]
        )

    def page_break(self) -> None:
        self.document.add_page_break()

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def invoice_docx(sheet: InvoiceSheet, template: bytes | None = None) -> bytes:
    """One invoice as a .docx file's bytes; TemplateError when the template is no Word file."""
    sheets = _Sheets(template, f"{title(sheet.invoice)} {sheet.invoice.number}")
    sheets.sheet(sheet)
    return sheets.bytes()


def invoices_docx(sheets: Sequence[InvoiceSheet], template: bytes | None = None) -> bytes:
    """Every invoice in one file for printing, each on its own page."""
    year = sheets[0].invoice.fee_year if sheets else ""
    combined = _Sheets(template, f"Fakturor {year}")
    for index, sheet in enumerate(sheets):
        if index:
            combined.page_break()
        combined.sheet(sheet)
    return combined.bytes()


def invoice_files(
    invoices: Sequence[Invoice],
    association: Settings,
    members: Mapping[int, Member],
    template: bytes | None = None,
) -> list[tuple[str, bytes]]:
    """A file per invoice and, for more than one, the combined file for printing."""
    sheets = [InvoiceSheet(i, members[i.member_id], association) for i in invoices]
    files = [(invoice_file_name(s.invoice), invoice_docx(s, template)) for s in sheets]
    if len(sheets) > 1:
        files.append((combined_file_name(invoices), invoices_docx(sheets, template)))
    return files
