"""The text shapes every export shares: aligned columns, JSON, and `;`-CSV.

``csv_text`` is the one CSV writer of the program: every CSV, to standard out or to a file,
from the CLI or the TUI, goes through it (mostly by way of ``exports.table.Table``), so every
one is guarded against formula injection (see ``excel_text``). Its two forms differ only in
the bytes around the cells: for standard out lines end in ``\\n`` and there is no BOM (pipes
and ``cut`` would keep a stray ``\\r``); for a file it is Swedish Excel's own dialect, UTF-8
with a BOM (without it Excel reads åäö wrongly), ``;`` between fields, CRLF line ends.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any

from secretariat_tui.domain.text import shown

DELIMITER = ";"
BOM = "\ufeff"
CRLF = "\r\n"


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


TEXT_MARK = "'"
# What makes Excel read a cell as a formula; a cell already starting with the mark gets one
# more, so that taking one off on import gives back exactly what was stored. (A CR, the
# other start OWASP names, never gets here: ``shown`` writes it as ``\x0d``.)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", TEXT_MARK)
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?", re.ASCII)
"""A credit note's ``-1600.00``: Excel reads it as the number it is, and it runs nothing, so it
is written as it is (it read ``'-1600`` in a list of invoices)."""


def excel_text(cell: str) -> str:
    """``cell`` as Excel shows it, never as a formula it runs: ``=1+1`` → ``'=1+1``.

    The OWASP advice against CSV injection: a name like ``=HYPERLINK("http://…","x")`` or a
    contact like ``+cmd|' /C calc'!A0`` would otherwise run when the file is opened. Applied
    to standard out too: a listing piped to a file is opened in Excel just the same.
    """
    cell = shown(cell, keep_lines=True)  # an ESC or a bidi override shown, never acted on
    if cell.startswith(FORMULA_STARTS) and not _NEGATIVE_NUMBER.fullmatch(cell):
        return TEXT_MARK + cell
    return cell


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[str]], *, excel_file: bool = False
) -> str:
    """The one CSV writer: ``;``-separated, every cell (the header too) through ``excel_text``.

    ``excel_file`` gives the form for a file (BOM, CRLF); without it, standard out's (LF).
    """
    line_end = CRLF if excel_file else "\n"
    records = line_end.join(_records(header, rows)) + line_end
    return BOM + records if excel_file else records


def _records(header: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """Each row as one guarded record without its line end.

    Written with CRLF as the terminator whatever the form, because the csv module quotes a
    cell only for the characters of its terminator: with ``\\n`` alone a CR in a cell
    would go out unquoted and split the row for the reader.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator=CRLF)
    for row in chain([header], rows):
        writer.writerow([excel_text(cell) for cell in row])
        yield buffer.getvalue().removesuffix(CRLF)
        buffer.seek(0)
        buffer.truncate()
