"""The report's blocks as a Word document (python-docx), laid out like the Word original.

The month table is two columns: the month in bold on the left, the month's lines on the
right, each line a paragraph of its own so that Word keeps them apart when edited; an empty
month keeps an empty right cell. The page is A4 and the text is marked Swedish, so Word
spell-checks it in Swedish from the start.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm, Length

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

LANGUAGE = "sv-SE"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = Cm(21), Cm(29.7), Cm(2.5)
MONTH_COLUMN = Cm(3.5)
LIST_STYLES = {LineKind.BULLET: "List Bullet", LineKind.NUMBERED: "List Number"}


def _set_up(document: DocxDocument, title: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    properties = document.core_properties
    properties.title = title
    properties.language = LANGUAGE
    properties.author = properties.last_modified_by = ""
    for language in document.styles.element.iter(qn("w:lang")):
        language.set(qn("w:val"), LANGUAGE)  # the template's default, en-US


def _text_width() -> Length:
    return Length(PAGE_WIDTH - 2 * MARGIN)


def _month_table(document: DocxDocument, months: Iterable[MonthGroup]) -> None:
    groups = list(months)
    table = document.add_table(rows=len(groups), cols=2)
    table.autofit = False
    widths = (MONTH_COLUMN, Length(_text_width() - MONTH_COLUMN))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row, group in zip(table.rows, groups, strict=True):
        month_cell, lines_cell = row.cells
        month_cell.width, lines_cell.width = widths
        month_cell.paragraphs[0].add_run(group.heading).bold = True
        for index, item in enumerate(group.items):
            if index == 0:
                lines_cell.paragraphs[0].add_run(_safe(item.title))
            else:
                lines_cell.add_paragraph(_safe(item.title))


def _safe(text: str) -> str:
    """Word's XML cannot hold most control characters (python-docx refuses them): an older
    register's stray ESC is written as its visible stand-in, as everywhere else."""
    return shown(text, keep_lines=True)


def blocks_docx(blocks: Iterable[Block], title: str) -> bytes:
    """A .docx file's bytes: headings as Word headings (level 0 the title), paragraphs and
    list items as Word paragraphs, the month table as a table."""
    document = Document()
    _set_up(document, title)
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(_safe(block.text), level=block.level)
        elif isinstance(block, Paragraphs):
            for kind, line in paragraph_lines(block.text):
                document.add_paragraph(_safe(line), style=LIST_STYLES.get(kind))
        elif isinstance(block, MonthTable):
            _month_table(document, block.months)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
