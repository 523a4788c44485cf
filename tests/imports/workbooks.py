"""Excel workbooks made in the tests with openpyxl (no binary fixtures): typed cells as
Excel stores them, blank rows where a coordinator leaves them."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook


def workbook(
    *rows: Sequence[object], title: str = "Blad1", more_sheets: int = 0, at: int = 1
) -> bytes:
    """``rows`` from sheet row ``at`` on (``None`` rows stay blank); extra empty sheets after."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for number, row in enumerate(rows, start=at):
        for column, value in enumerate(row or (), start=1):
            sheet.cell(row=number, column=column, value=value)
    for n in range(more_sheets):
        book.create_sheet(f"Blad{n + 2}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
