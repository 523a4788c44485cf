"""The text shapes every export shares: aligned columns, JSON, and `;`-CSV two ways.

CSV for stdout ends lines in ``\\n`` and has no BOM (pipes and ``cut`` would keep a stray
``\\r``); CSV for a file is Swedish Excel's own dialect: UTF-8 with a BOM (without it Excel
reads åäö wrongly), ``;`` between fields, CRLF line ends.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

DELIMITER = ";"
BOM = "\ufeff"


def aligned(rows: Sequence[Sequence[str]], right: Iterable[int] = ()) -> str:
    """Plain columns two spaces apart; the columns in ``right`` (amounts) are right-aligned."""
    right_aligned = set(right)
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.rjust(width) if col in right_aligned else cell.ljust(width)
            for col, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]], line_end: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator=line_end)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def stdout_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    return _csv(header, rows, "\n")


TEXT_MARK = "'"
# What makes Excel read a cell as a formula; a cell already starting with the mark gets one
# more, so that taking one off on import gives back exactly what was stored.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", TEXT_MARK)


def excel_text(cell: str) -> str:
    """``cell`` as Excel shows it, never as a formula it runs: ``=1+1`` → ``'=1+1``."""
    return TEXT_MARK + cell if cell.startswith(FORMULA_STARTS) else cell


def excel_csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Every cell guarded against formula injection (a name like ``=HYPERLINK(…)``)."""
    guarded = ([excel_text(cell) for cell in row] for row in rows)
    return (BOM + _csv(header, guarded, "\r\n")).encode("utf-8")
