"""The report's blocks as a Word document, written on a template: the association's own or
the sober one shipped with the project (``templates/``, built by ``data/build_report_template.py``).

The template gives everything that is not the text: its styles, used by name (Title,
Heading 1/2, Normal, List Bullet, List Number, Table Grid), its header and footer, its page
size and margins. Its body is emptied but its final section properties are kept, since they
are what holds the page setup and the links to the header and footer. A style the template
lacks (a document saved from Word holds only the styles in use) falls back to Normal with the
look written on the text (bold for a heading, "•" or "1." for a list item), never an error.

Word breaks pages where it likes unless told: a heading, or a line that introduces a list
("Sammanlagda …:"), keeps with the paragraph after it, and no table row splits across pages,
so a month's lines stay beside the month. The month cell itself is not marked keep-with-next:
inside a table that chains a row to the next, and on every row it would chain the whole year
into one block that Word pushes to a fresh page; the unsplittable row already keeps the
month with its lines.

The month table is two columns: the month in bold on the left, the month's lines on the
right, each line a paragraph of its own so that Word keeps them apart when edited; an empty
month keeps an empty right cell. Pure: bytes in (the template), bytes out.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from importlib.resources import files

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length
from docx.text.paragraph import Paragraph

from secretariat_tui.domain.calendar import MonthGroup
from secretariat_tui.domain.text import shown
from secretariat_tui.exports.report_sections import (
    Block,
    Heading,
    LineKind,
    MonthTable,
    Paragraphs,
    paragraph_lines,
)

SHIPPED_TEMPLATE = "verksamhetsberattelse.docx"
A4_TEXT_WIDTH = Cm(16)
"""A4 less 2.5 cm margins: the text width when a template states no page size."""
MONTH_COLUMN = Cm(3.5)
LIST_INDENT = Cm(0.63)
LIST_STYLES = {LineKind.BULLET: "List Bullet", LineKind.NUMBERED: "List Number"}
TABLE_STYLE = "Table Grid"


class TemplateError(ValueError):
    """The bytes given as a template are not a Word document python-docx can build on."""


def shipped_template() -> bytes:
    """The project's own template, read from the installed package."""
    return files(__package__).joinpath("templates", SHIPPED_TEMPLATE).read_bytes()


def open_template(data: bytes) -> DocxDocument:
    """``data`` as a Word document, or TemplateError in Swedish.

    Anything may be named as a template (a PDF, an Excel workbook, a truncated download), and
    python-docx fails on each in its own way (a bad zip, a missing part, a wrong content type,
    broken XML), so every failure to open is the one answer: not a Word file this can use.
    """
    try:
        return Document(io.BytesIO(data))
    except Exception:  # every way of not being one: see the docstring
        raise TemplateError("är ingen Word-fil (.docx) som går att bygga på.") from None


def check_template(data: bytes) -> None:
    """TemplateError unless ``data`` opens as a Word document (checked before any work)."""
    open_template(data)


def _safe(text: str) -> str:
    """Word's XML cannot hold most control characters (python-docx refuses them): an older
    register's stray ESC is written as its visible stand-in, as everywhere else."""
    return shown(text, keep_lines=True)


class _Writer:
    """Adds the blocks to one document, with the template's styles where it has them."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.numbered = 0
        self.introducer: Paragraph | None = None
        """The last plain paragraph, until the next one: a list after it keeps it company."""

    def style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        try:
            found = self.document.styles[name]
        except KeyError:
            return None
        return name if found.type == kind else None

    def heading(self, heading: Heading) -> None:
        names = ("Title", "Heading 1") if heading.level == 0 else (f"Heading {heading.level}",)
        style = next((name for name in names if self.style(name)), None)
        paragraph = self.document.add_paragraph(style=style)
        run = paragraph.add_run(_safe(heading.text))
        if style is None:
            run.bold = True
        paragraph.paragraph_format.keep_with_next = True
        self.introducer, self.numbered = None, 0

    def lines(self, block: Paragraphs) -> None:
        for kind, line in paragraph_lines(block.text):
            if kind is LineKind.PLAIN:
                paragraph = self.document.add_paragraph(_safe(line))
                if line.endswith(":"):
                    paragraph.paragraph_format.keep_with_next = True
                self.introducer, self.numbered = paragraph, 0
                continue
            if self.introducer is not None:
                self.introducer.paragraph_format.keep_with_next = True
                self.introducer = None
            self.list_item(kind, _safe(line))

    def list_item(self, kind: LineKind, text: str) -> None:
        style = self.style(LIST_STYLES[kind])
        if style is not None:
            self.document.add_paragraph(text, style=style)
            return
        self.numbered += 1
        marker = "•" if kind is LineKind.BULLET else f"{self.numbered}."
        paragraph = self.document.add_paragraph(f"{marker}\t{text}")
        layout = paragraph.paragraph_format  # a hanging indent: wrapped lines under the text
        layout.left_indent, layout.first_line_indent = LIST_INDENT, -LIST_INDENT
        layout.tab_stops.add_tab_stop(LIST_INDENT)

    def month_table(self, months: Iterable[MonthGroup]) -> None:
        groups = list(months)
        table = self.document.add_table(rows=len(groups), cols=2)
        if style := self.style(TABLE_STYLE, WD_STYLE_TYPE.TABLE):
            table.style = style
        table.autofit = False
        widths = (MONTH_COLUMN, Length(self.text_width() - MONTH_COLUMN))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row, group in zip(table.rows, groups, strict=True):
            month_cell, lines_cell = row.cells
            month_cell.width, lines_cell.width = widths
            month_cell.paragraphs[0].add_run(_safe(group.heading)).bold = True
            for index, item in enumerate(group.items):
                if index == 0:
                    lines_cell.paragraphs[0].add_run(_safe(item.title))
                else:
                    lines_cell.add_paragraph(_safe(item.title))
        self.introducer = None

    def text_width(self) -> Length:
        """The width between the template's margins (its last section: where we write)."""
        section = self.document.sections[-1]
        parts = (section.page_width, section.left_margin, section.right_margin)
        if any(part is None for part in parts):
            return A4_TEXT_WIDTH
        width, left, right = (int(part or 0) for part in parts)
        return Length(max(width - left - right, int(MONTH_COLUMN) * 2))


def _rows_unsplit(document: DocxDocument) -> None:
    """``w:cantSplit`` on every table row of the body: a month and its lines never part at a
    page break. Done on the document's XML (python-docx has no public row properties)."""
    for row in document.element.body.iter(qn("w:tr")):
        row.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _empty_body(document: DocxDocument) -> None:
    """The template's own text goes; its final section properties (page, header, footer) stay."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def blocks_docx(blocks: Iterable[Block], title: str, template: bytes | None = None) -> bytes:
    """A .docx file's bytes on ``template`` (None: the shipped one): headings as the
    template's headings (level 0 its Title), paragraphs and list items as its paragraphs,
    the month table as a table. TemplateError when the template is no Word document."""
    document = open_template(shipped_template() if template is None else template)
    _empty_body(document)
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = ""
    writer = _Writer(document)
    for block in blocks:
        if isinstance(block, Heading):
            writer.heading(block)
        elif isinstance(block, Paragraphs):
            writer.lines(block)
        elif isinstance(block, MonthTable):
            writer.month_table(block.months)
    _rows_unsplit(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
