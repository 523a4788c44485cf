"""One table value for every listing, rendered for where it goes.

A listing builds its ``Table`` once; the command prints ``render(fmt)`` and a save dialog
writes ``file_bytes(fmt)``, so the terminal, a script, Excel and a Markdown document all get
the same rows. Formats: ``table`` (aligned columns for a terminal), ``csv`` (through the one
guarded writer, ``tabular.csv_text``), ``json`` and ``md`` (a Markdown table); and for files
only, ``xlsx`` (an Excel workbook of typed cells, ``xlsx_file``), which is no text to print.

Cells are typed rather than text because people, Excel and scripts need an amount written
three ways, and a choice two; ``cell_text`` is the one rule for each:

========  ===================  ==========================  ===================  ==============
cell      table, md (people)   csv (Swedish Excel)         json (scripts)       xlsx
========  ===================  ==========================  ===================  ==============
str       as is                as is, formula-guarded      as is                a text cell
int       ``7``                ``7``                       ``7``                a number
date      ISO                  ISO                         ISO                  a date cell
Decimal   ``1 500 kr``         ``1500,50`` (a number)      ``"1500.50"``        a number
choice    its Swedish label    its value                   its value            its label
========  ===================  ==========================  ===================  ==============

Every text a person reads goes through ``shown`` before it is measured, so a stored control
character is shown as its stand-in and never moves the columns.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from secretariat_tui.domain.money import format_kronor, plain_amount, typed_amount
from secretariat_tui.domain.text import shown
from secretariat_tui.exports.tabular import aligned, csv_text, to_json
from secretariat_tui.exports.xlsx_file import xlsx_bytes

FORMATS = ("table", "csv", "json", "md")
FILE_FORMATS = (*FORMATS, "xlsx")
PEOPLE = frozenset({"table", "md"})
"""The formats people read: amounts in kronor, choices by their label, text ``shown``."""


@runtime_checkable
class Choice(Protocol):
    """A member of one of the domain's choice enums: a Swedish label and a stable value."""

    @property
    def label(self) -> str: ...

    @property
    def value(self) -> str: ...


Cell = str | int | date | Decimal | Choice


@dataclass(frozen=True)
class Table:
    """Headers and rows, and what the listing adds around them.

    ``right``: columns right-aligned in the terminal and Markdown (amounts, counts).
    ``wide``: columns only files and scripts get (CSV, JSON); the terminal and Markdown tables,
    which people read, leave them out. ``empty``: the line shown instead of a table without
    rows. ``summary``: a line under the rows (a total). ``records``: the JSON when scripts get
    more than the rows (nested objects, ids, English keys); without it, the rows keyed by header.
    """

    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    right: Collection[int] = ()
    wide: Collection[int] = ()
    empty: str = ""
    summary: str = ""
    records: Any = field(default=None, compare=False)

    def __post_init__(self) -> None:
        rows = tuple(tuple(row) for row in self.rows)
        if any(len(row) != len(self.headers) for row in rows):
            raise ValueError(f"every row needs {len(self.headers)} cells: {self.headers}")
        object.__setattr__(self, "headers", tuple(self.headers))
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "right", frozenset(self.right))
        object.__setattr__(self, "wide", frozenset(self.wide))

    def render(self, fmt: str) -> str:
        """The table as text for standard out in ``fmt``, ending with a newline."""
        if fmt == "table":
            return self._terminal()
        if fmt == "csv":
            return self._csv()
        if fmt == "json":
            return self._json()
        if fmt == "md":
            return self._markdown()
        raise ValueError(f"no table format {fmt!r}; there are {', '.join(FORMATS)}")

    def file_bytes(self, fmt: str, *, title: str = "Blad1") -> bytes:
        """The table as a file in ``fmt``: a CSV is the form Swedish Excel opens (BOM, CRLF);
        an xlsx workbook has every column (as the CSV) on one sheet named ``title``."""
        if fmt == "csv":
            return self._csv(excel_file=True).encode("utf-8")
        if fmt == "xlsx":
            return xlsx_bytes(self.headers, self.rows, title=title, text_of=_xlsx_text)
        return self.render(fmt).encode("utf-8")

    # --- the formats -------------------------------------------------------------------------

    def _terminal(self) -> str:
        if not self.rows and self.empty:
            return self.empty + "\n"
        headers, rows = self._for_people()
        right = [i for i, col in enumerate(self._shown_columns()) if col in self.right]
        return aligned([headers, *rows], right=right) + self._summary() + "\n"

    def _markdown(self) -> str:
        if not self.rows and self.empty:
            return self.empty + "\n"
        headers, rows = self._for_people()
        rules = ["---:" if col in self.right else "---" for col in self._shown_columns()]
        lines = [_markdown_row(headers), _markdown_row(rules, escape=False)]
        lines += [_markdown_row(row) for row in rows]
        return "\n".join(lines) + self._summary() + "\n"

    def _csv(self, *, excel_file: bool = False) -> str:
        rows = ([cell_text(cell, "csv") for cell in row] for row in self.rows)
        return csv_text(self.headers, rows, excel_file=excel_file)

    def _json(self) -> str:
        if self.records is not None:
            return to_json(self.records) + "\n"
        keyed = [dict(zip(self.headers, map(_json_value, row), strict=True)) for row in self.rows]
        return to_json(keyed) + "\n"

    # --- shared ------------------------------------------------------------------------------

    def _shown_columns(self) -> list[int]:
        return [col for col in range(len(self.headers)) if col not in self.wide]

    def _for_people(self) -> tuple[list[str], list[list[str]]]:
        """Headers and cells as people read them, without the wide columns."""
        columns = self._shown_columns()
        headers = [shown(self.headers[col]) for col in columns]
        rows = [[cell_text(row[col], "table") for col in columns] for row in self.rows]
        return headers, rows

    def _summary(self) -> str:
        return f"\n\n{shown(self.summary)}" if self.summary and self.rows else ""


def cell_text(cell: Cell, fmt: str) -> str:
    """One cell as text for ``fmt`` ("table" and "md" for people, "csv", "json")."""
    if isinstance(cell, Choice):
        return cell.label if fmt in PEOPLE else cell.value
    if isinstance(cell, Decimal):
        if fmt in PEOPLE:
            return format_kronor(cell)
        return typed_amount(cell) if fmt == "csv" else plain_amount(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    text = str(cell)
    return shown(text, keep_lines=True) if fmt in PEOPLE else text


def _xlsx_text(cell: object) -> str:
    """A text cell of a workbook: a choice by its label, as a person reads it."""
    return cell.label if isinstance(cell, Choice) else str(cell)


def _json_value(cell: Cell) -> str | int:
    """A cell for the default JSON: a count stays a number."""
    if isinstance(cell, int) and not isinstance(cell, Choice):
        return cell
    return cell_text(cell, "json")


def markdown_text(text: str) -> str:
    """A cell as Markdown keeps it in its column: ``|`` escaped, lines joined with ``<br>``."""
    return text.replace("|", "\\|").replace("\n", "<br>") or " "


def _markdown_row(cells: Sequence[str], *, escape: bool = True) -> str:
    return "| " + " | ".join(markdown_text(c) if escape else c for c in cells) + " |"
