"""The Word report on a template: the shipped template's look, the user's template kept
(styles by name, header, footer, page), the fallbacks when a style is missing, and the page
breaks Word is told about (keep-with-next, rows that do not split), read from the XML."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from datetime import date
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.calendar import MonthGroup, calendar_items
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.exports.report_docx import (
    TemplateError,
    blocks_docx,
    check_template,
    shipped_template,
)
from secretariat_tui.exports.report_sections import (
    Heading,
    MonthTable,
    Paragraphs,
    report_months,
)
from tests.exports.word_templates import BODY, FOOTER, HEADER, MARGIN, own_template

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def months() -> tuple[MonthGroup, ...]:
    """January with two lines, an empty February, March with one."""
    entered = [("Möte", "2024-01-10"), ("Seminarium", "2024-01-20"), ("Kurs", "2024-03-05")]
    activities = [
        Activity(title, EnteredDate(date.fromisoformat(iso), Precision.DAY), Category.MEETING, id=n)
        for n, (title, iso) in enumerate(entered, start=1)
    ]
    return tuple(report_months(calendar_items(activities), 2024)[:3])


BLOCKS = (
    Heading("Verksamhetsberättelse 2024", 0),
    Heading("Organisation", 1),
    Heading("Medlemskap", 2),
    Paragraphs("Inledning utan lista.\nSammanlagda inlagor:\n- en\n- två"),
    Paragraphs("Former:\n1. full\n2. nätverkande"),
    Heading("Löpande verksamhet (månadsvis)", 1),
    MonthTable(months()),
)


def built(template: bytes | None = None) -> bytes:
    return blocks_docx(BLOCKS, "Verksamhetsberättelse 2024", template)


def part(docx: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read(name)


def paragraphs_xml(docx: bytes) -> list[tuple[str, bool]]:
    """Each body paragraph (not those in the table): its text and whether it keeps with next."""
    body = Document(io.BytesIO(docx)).element.body
    return [
        (
            "".join(t.text or "" for t in p.iter(qn("w:t"))),
            p.find(f"{W}pPr/{W}keepNext") is not None,
        )
        for p in body.findall(qn("w:p"))
    ]


# --- page breaks, in the XML ------------------------------------------------------------------


def test_headings_and_the_lines_that_introduce_a_list_keep_with_the_next_paragraph() -> None:
    kept = dict(paragraphs_xml(built()))
    for heading in ("Verksamhetsberättelse 2024", "Organisation", "Medlemskap"):
        assert kept[heading], heading
    assert kept["Sammanlagda inlagor:"] and kept["Former:"]
    assert not kept["Inledning utan lista."], "a plain paragraph is free to break"
    assert not kept["en"] and not kept["två"]


def test_no_row_of_the_month_table_splits_across_pages() -> None:
    document = part(built(), "word/document.xml").decode()
    rows = document.count("<w:tr>") + document.count("<w:tr ")
    assert rows == 3
    assert document.count("<w:cantSplit/>") == rows


def test_the_month_table_keeps_its_month_and_lines_in_one_row() -> None:
    table = Document(io.BytesIO(built())).tables[0]
    assert [row.cells[0].text for row in table.rows] == ["Januari", "Februari", "Mars"]
    assert [p.text for p in table.rows[0].cells[1].paragraphs] == ["Möte", "Seminarium"]
    assert table.rows[1].cells[1].text == ""
    assert table.style is not None and table.style.name == "Table Grid"


# --- the shipped template ---------------------------------------------------------------------


def test_the_shipped_template_is_sober_a4_and_swedish_without_an_author() -> None:
    docx = built()
    styles = part(docx, "word/styles.xml").decode()
    assert 'w:val="en-US"' not in styles and 'w:val="sv-SE"' in styles
    colours = set(re.findall(r"<w:color ([^>]*?)/>", styles))
    assert colours == {'w:val="000000"'}, "black headings: no other colour, no theme colour"
    assert "Theme" not in styles and 'w:ascii="Arial"' in styles, "one sans font, no theme font"
    section = Document(io.BytesIO(docx)).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == 2.5
    properties = Document(io.BytesIO(docx)).core_properties
    assert properties.author == "" and properties.title == "Verksamhetsberättelse 2024"
    assert "PAGE" in section.footer._element.xml, "a page number in the footer"


def test_the_report_uses_the_templates_styles_by_name() -> None:
    document = Document(io.BytesIO(built()))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Verksamhetsberättelse 2024"] == "Title"
    assert styles["Organisation"] == "Heading 1" and styles["Medlemskap"] == "Heading 2"
    assert styles["en"] == "List Bullet" and styles["full"] == "List Number"
    assert styles["Inledning utan lista."] == "Normal"


def test_the_shipped_template_is_what_its_build_script_writes() -> None:
    """The committed .docx is rebuilt byte for byte: a change to one shows in the other."""
    script = ROOT / "data" / "build_report_template.py"
    spec = importlib.util.spec_from_file_location("build_report_template", script)
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == shipped_template()
    assert module.TARGET.read_bytes() == shipped_template()


# --- the user's own template ------------------------------------------------------------------


def test_an_own_template_keeps_its_header_footer_and_page_and_loses_its_text() -> None:
    document = Document(io.BytesIO(built(own_template())))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == HEADER
    assert section.footer.paragraphs[0].text == FOOTER
    assert round(section.left_margin.cm, 2) == 3.0 and round(section.page_width.cm, 2) == 21.59
    texts = [p.text for p in document.paragraphs]
    assert BODY not in texts and texts[0] == "Verksamhetsberättelse 2024"
    assert document.paragraphs[0].style.name == "Title"
    assert document.element.body[-1].tag == qn("w:sectPr"), "the final section stays last"


def test_the_month_table_fits_between_the_templates_margins() -> None:
    table = Document(io.BytesIO(built(own_template()))).tables[0]
    widths = [cell.width or 0 for cell in table.rows[0].cells]
    section = Document(io.BytesIO(own_template())).sections[0]
    between = (section.page_width or 0) - 2 * MARGIN
    assert round(widths[0] / Cm(1), 2) == 3.5 and abs(sum(widths) - between) < Cm(0.01)


def test_a_template_without_the_styles_falls_back_to_normal_with_the_look_written_on() -> None:
    bare = own_template("Title", "Heading 2", "List Bullet", "List Number", "Table Grid")
    document = Document(io.BytesIO(built(bare)))
    by_text = {p.text: p for p in document.paragraphs}
    assert by_text["Verksamhetsberättelse 2024"].style.name == "Heading 1"
    medlemskap = by_text["Medlemskap"]
    assert medlemskap.style.name == "Normal" and medlemskap.runs[0].bold
    assert medlemskap.paragraph_format.keep_with_next
    assert "•\ten" in by_text and "1.\tfull" in by_text and "2.\tnätverkande" in by_text
    assert by_text["•\ten"].paragraph_format.first_line_indent < 0, "a hanging indent"
    assert document.tables[0].style is None or document.tables[0].style.name != "Table Grid"


def test_a_character_style_named_like_a_heading_is_not_used_for_a_paragraph() -> None:
    document = Document(io.BytesIO(own_template("Heading 2")))
    document.styles.add_style("Heading 2", WD_STYLE_TYPE.CHARACTER)
    buffer = io.BytesIO()
    document.save(buffer)
    written = Document(io.BytesIO(built(buffer.getvalue())))
    assert {p.text: p.style.name for p in written.paragraphs}["Medlemskap"] == "Normal"


def _workbook() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.7\n", id="a PDF"),
        pytest.param(b"", id="empty"),
        pytest.param(shipped_template()[:2000], id="cut off"),
        pytest.param(_workbook(), id="an Excel workbook"),
    ],
)
def test_what_is_no_word_document_is_refused_in_swedish(data: bytes) -> None:
    with pytest.raises(TemplateError, match="ingen Word-fil"):
        check_template(data)
    with pytest.raises(TemplateError):
        built(data)
