"""A table as an Excel workbook (.xlsx): one sheet, typed cells, no cell Excel would run.

Dates are date cells (shown ``ÅÅÅÅ-MM-DD``), counts are numbers, amounts are numbers with
two decimals written from the Decimal's own digits (openpyxl writes ``str()`` of it; no float
is made on the way). Text is always a string cell (data type ``s``): openpyxl would otherwise
turn a cell starting with ``=`` into a formula, and a string cell is never evaluated by
Excel or LibreOffice, so the CSV's leading-apostrophe guard is not needed and the text is
written exactly as stored (after ``shown``, as in every export).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from secretariat_tui.domain.text import shown

DATE_FORMAT = "yyyy-mm-dd"
AMOUNT_FORMAT = "#,##0.00"
SHEET_TITLE_MAX = 31


def xlsx_bytes(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    title: str = "Blad1",
    text_of: Callable[[object], str] = str,
) -> bytes:
    """The workbook's bytes; ``text_of`` writes a cell that is no date, number or amount."""
    from openpyxl import Workbook  # here, not at the top: the program starts without it

    book = Workbook()
    sheet = book.active
    assert sheet is not None, "a new workbook has a sheet"
    sheet.title = title[:SHEET_TITLE_MAX]
    for column, header in enumerate(headers, start=1):
        _text(sheet.cell(row=1, column=column), header)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, bool):
                _text(cell, text_of(value))
            elif isinstance(value, Decimal):
                cell.value = value
                cell.number_format = AMOUNT_FORMAT
            elif isinstance(value, int):
                cell.value = value
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = DATE_FORMAT
            else:
                _text(cell, text_of(value))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(cell: object, text: str) -> None:
    """A string cell, whatever it starts with: never a formula."""
    cell.value = shown(text, keep_lines=True)  # type: ignore[attr-defined]
    cell.data_type = "s"  # type: ignore[attr-defined]
