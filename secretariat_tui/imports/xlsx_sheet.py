"""The first sheet of an Excel workbook (.xlsx) as rows of text, each with its row number.

Excel types its cells, and the registers read text with their own rules, so each cell is
written back as the text a person would have typed, exactly: a date as ISO, a whole number
without ``.0``, any other number through its shortest decimal form (``Decimal(str(x))``, never
a float's binary tail), so that the amount rule accepts ``1500.5`` and refuses
``1500.3000000000002`` as it would in a CSV file. Row numbers are Excel's own, which the
coordinator sees at the left of the sheet and which every message names.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from secretariat_tui.domain.fields import yes_no

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""A password-protected workbook is an encrypted OLE container, as is an old .xls file."""


class SheetError(ValueError):
    """The workbook cannot be read: one Swedish line."""


@dataclass(frozen=True)
class XlsxSource:
    """Where the rows came from, for the preview: ``Excel-arbetsbok (.xlsx), blad ”Blad1”``."""

    sheet: str
    sheets: int = 1

    def describe(self) -> str:
        more = f" (det första av {self.sheets} bladen)" if self.sheets > 1 else ""
        return f"Excel-arbetsbok (.xlsx), blad ”{self.sheet}”{more}"


@dataclass(frozen=True)
class Sheet:
    source: XlsxSource
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    """Every row that has a filled cell, with its row number (the first is the header)."""


def is_workbook(data: bytes) -> bool:
    return data.startswith((ZIP_MAGIC, OLE_MAGIC))


def read_sheet(data: bytes) -> Sheet:
    """The first sheet's non-empty rows as text; SheetError for a file that is no workbook."""
    if data.startswith(OLE_MAGIC):
        raise SheetError(
            "Filen är lösenordsskyddad eller en äldre Excel-fil (.xls). Ta bort lösenordet "
            "eller spara den i Excel som ”Excel-arbetsbok (*.xlsx)” och försök igen."
        )
    import openpyxl  # here, not at the top: the program starts without loading it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            rows = tuple(
                (number, tuple(cell_text(value) for value in values))
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                if any(value is not None and str(value).strip() for value in values)
            )
            source = XlsxSource(sheet.title, len(book.worksheets))
        finally:
            book.close()
    except Exception:  # a damaged zip fails deep in openpyxl in many ways, all the same here
        raise SheetError(
            "Filen kan inte läsas som Excel-arbetsbok (.xlsx): den är skadad eller ingen "
            "arbetsbok. Öppna den i Excel och spara den igen som ”Excel-arbetsbok (*.xlsx)”."
        ) from None
    return Sheet(source, _trimmed(rows))


def _trimmed(
    rows: Sequence[tuple[int, tuple[str, ...]]],
) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Rows without the empty cells after their last filled one (a sheet's used range is
    often wider than its data)."""
    trimmed = []
    for number, cells in rows:
        end = len(cells)
        while end and not cells[end - 1].strip():
            end -= 1
        trimmed.append((number, cells[:end]))
    return tuple(trimmed)


def cell_text(value: object) -> str:
    """A typed cell as the text a person would type in a CSV file for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer():
            return str(int(value))
        return str(Decimal(str(value)))
    return str(value)
