"""Invoices as Word files: every fact a payer and a member's books need, on the template."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document

from secretariat_tui.domain.invoices import Invoice
from secretariat_tui.domain.members import Contact
from secretariat_tui.domain.settings import Settings
from secretariat_tui.exports.invoice_docx import (
    InvoiceSheet,
    invoice_docx,
    invoice_files,
    invoices_docx,
)
from secretariat_tui.exports.report_docx import TemplateError
from tests.exports.word_templates import BODY, HEADER, own_template
from tests.factories import make_member

ASSOCIATION = Settings(
    name="Plattformen",
    org_number="802000-0009",
    address="Box 1, 111 11 Stockholm",
    bankgiro="5402-9681",
    plusgiro="28 65 43-4",
    swish="123 456 78 90",
)
MEMBER = make_member(
    "Föreningen Åkerbär",
    id=3,
    org_number="802471-3657",
    contact=Contact("Anna Ö", "anna@example.se", "", "Gatan 2\n222 22 Lund"),
)
INVOICE = Invoice(7, 3, 2025, "2025000700", date(2025, 3, 1), date(2025, 3, 31), Decimal("1500.50"))
NOTE = Invoice(
    8, 3, 2025, "2025000809", date(2025, 4, 1), date(2025, 4, 1), Decimal("-1500.50"), credits=7
)


def text_of(data: bytes) -> tuple[list[str], list[list[str]]]:
    document = Document(io.BytesIO(data))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return [p.text for p in document.paragraphs], rows


def test_an_invoice_shows_both_parties_the_facts_and_how_to_pay() -> None:
    paragraphs, rows = text_of(invoice_docx(InvoiceSheet(INVOICE, MEMBER, ASSOCIATION)))
    text = "\n".join(paragraphs)
    assert paragraphs[0] == "Faktura"
    for line in (
        "Plattformen\nBox 1\n111 11 Stockholm\nOrg.nr 802000-0009",
        "Föreningen Åkerbär\nAtt: Anna Ö\nGatan 2\n222 22 Lund\nOrg.nr 802471-3657",
        "Bankgiro: 5402-9681\nPlusgiro: 28 65 43-4\nSwish: 123 456 78 90",
        "Ange OCR-nummer 2025000700 vid betalningen.",
    ):
        assert line in text
    assert rows == [
        ["Fakturanummer", "7"],
        ["Fakturadatum", "2025-03-01"],
        ["Förfallodag", "2025-03-31"],
        ["Avser", "Medlemsavgift 2025"],
        ["OCR-nummer", "2025000700"],
        ["Att betala", "1 500,50 kr"],
    ]


def test_a_credit_note_names_the_invoice_and_asks_no_payment() -> None:
    paragraphs, rows = text_of(invoice_docx(InvoiceSheet(NOTE, MEMBER, ASSOCIATION)))
    assert paragraphs[0] == "Kreditfaktura"
    assert ["Krediterar faktura", "7"] in rows and ["Belopp", "-1 500,50 kr"] in rows
    assert "Faktura 7 är krediterad och ska inte betalas." in paragraphs
    assert not any(p.startswith("Bankgiro") for p in paragraphs)


def test_the_association_template_is_used_and_its_own_text_goes() -> None:
    data = invoice_docx(InvoiceSheet(INVOICE, MEMBER, ASSOCIATION), own_template())
    document = Document(io.BytesIO(data))
    assert document.sections[0].header.paragraphs[0].text == HEADER
    assert BODY not in [p.text for p in document.paragraphs]
    assert document.paragraphs[0].style.name == "Title"


def test_a_template_without_the_styles_falls_back_to_bold_normal() -> None:
    data = invoice_docx(
        InvoiceSheet(INVOICE, MEMBER, ASSOCIATION), own_template("Title", "Heading 2")
    )
    first = Document(io.BytesIO(data)).paragraphs[0]
    assert first.text == "Faktura" and first.style.name == "Normal" and first.runs[0].bold


def test_a_template_that_is_no_word_file_is_refused() -> None:
    with pytest.raises(TemplateError):
        invoice_docx(InvoiceSheet(INVOICE, MEMBER, ASSOCIATION), b"%PDF-1.4")


def test_the_combined_file_has_every_invoice_each_on_its_own_page() -> None:
    second = Invoice(9, 3, 2025, "2025000908", INVOICE.issued, INVOICE.due, Decimal("300"))
    sheets = [InvoiceSheet(i, MEMBER, ASSOCIATION) for i in (INVOICE, second)]
    document = Document(io.BytesIO(invoices_docx(sheets)))
    titles = [p.text for p in document.paragraphs if p.text == "Faktura"]
    breaks = [run for p in document.paragraphs for run in p.runs if 'w:type="page"' in run._r.xml]
    assert len(titles) == 2 and len(breaks) == 1


def test_files_are_one_per_invoice_and_one_combined_for_more_than_one() -> None:
    second = Invoice(9, 3, 2025, "2025000908", INVOICE.issued, INVOICE.due, Decimal("300"))
    names = [name for name, _ in invoice_files([INVOICE, second], ASSOCIATION, {3: MEMBER})]
    assert names == ["faktura-0007.docx", "faktura-0009.docx", "fakturor-2025-0007-0009.docx"]
    alone = [name for name, _ in invoice_files([NOTE], ASSOCIATION, {3: MEMBER})]
    assert alone == ["kreditfaktura-0008.docx"]
