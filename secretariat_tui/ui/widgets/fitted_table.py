"""A table fitted to its width: the widest text gets the room, and nothing is lost by it.

At 80 columns a name or a title is what the reader looks for, so the one flexible column
takes what the fixed ones leave. A column that reads the same on every row (a status that is
"Aktiv" everywhere) is left out, and so are columns on the right when the flexible one would
be too narrow to read; ``RowDetail`` under the table shows the highlighted row in full, left
out or cut, so the narrowing costs nothing that cannot be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rich.text import Text
from textual.widgets import Static

from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.ui.widgets.line_table import LineTable, PreparedRow, TableColumn

MIN_FLEXIBLE = 14
"""The narrowest a name or title may get before columns on the right give way to it: what
every register has at 80 columns, so only a narrower window leaves columns out for room."""

SCROLLBAR = 2
"""Kept free whether or not the rows need a scrollbar, so nothing jumps."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int | None = None
    """Fixed width; None for the one flexible column that takes the remaining space."""
    sort_key: Callable[[Any], Any] = lambda value: swedish_key(str(value))
    least: int = 0
    """For a flexible column: the narrowest it may get before columns on the right give way to
    it (0: ``MIN_FLEXIBLE``). A title worth more than the column beside it says so here."""
    hide_when_same: bool = False
    """Left out when every row reads the same (a kind, a status): a column of "Aktiv" tells
    nothing a name could not use the room for. The status line says the value once."""


def plain(value: Any) -> str:
    return value.plain if isinstance(value, Text) else str(value)


def as_cell(value: Any) -> Text:
    """User data as plain Text: never parsed as markup, cut with … when the column is narrow."""
    text = value.copy() if isinstance(value, Text) else Text(str(value))
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class FittedTable(LineTable):
    """A row-cursor table whose flexible column takes what the fixed ones leave, so nothing
    needs sideways scrolling at 60 or 80 columns and a wide window is used.

    Rows keep the values of every declared column, shown or not: a column left out or
    brought back only changes which of them are drawn.
    """

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(zebra_stripes=True, id=id)
        self.fitted_columns = list(columns)
        self.same: dict[str, str] = {}
        """The value of each ``hide_when_same`` column that reads the same on every row."""
        self._keys = [column.key for column in self.fitted_columns]
        self._shown = list(self._keys)
        self._share = 10
        """The flexible columns' width, from the last fit to a known width."""
        self._sorted: tuple[str, str] | None = None
        self._draw_columns()

    # --- what is shown ------------------------------------------------------------------------
    def prepare(self, key: str, cells: Sequence[Any]) -> PreparedRow:
        """A row ready to be shown again and again (say, on each keystroke of a filter):
        ``cells`` in the order the columns were declared."""
        return PreparedRow(key, dict(zip(self._keys, cells, strict=True)))

    def replace_rows(self, rows: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """Show ``(key, cells)`` rows instead of those shown."""
        self.show_rows([self.prepare(key, cells) for key, cells in rows])

    def note_values(self, rows: Sequence[PreparedRow]) -> None:
        """Look at the rows the table is about to show (headings left out): a
        ``hide_when_same`` column whose every row reads the same is left out. Two rows at
        least: a single row is not "all"."""
        seen: dict[str, set[str]] = {c.key: set() for c in self.fitted_columns if c.hide_when_same}
        for row in rows:
            if not seen:
                break  # every such column has two values already: all are shown
            for key in list(seen):
                seen[key].add(plain(row.data[key]))
                if len(seen[key]) > 1:
                    del seen[key]
        self.same = {key: values.pop() for key, values in seen.items() if len(rows) >= 2}
        self.fit_columns()

    def shown_keys(self) -> list[str]:
        return list(self._shown)

    # --- headings -----------------------------------------------------------------------------
    def rename(self, key: str, label: str) -> None:
        self.fitted_columns = [
            replace(c, label=label) if c.key == key else c for c in self.fitted_columns
        ]
        self._draw_columns()

    def mark_sorted(self, key: str, arrow: str) -> None:
        """The heading of the sorted column carries ``arrow`` (▲ or ▼)."""
        self._sorted = (key, arrow)
        self._draw_columns()

    # --- widths -------------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.fit_columns()

    def on_show(self) -> None:
        """A table that was hidden (another view shown) had no width to fit to until now."""
        self.fit_columns()

    def fit_columns(self) -> None:
        """Leave out what reads the same everywhere, then columns from the right (never the
        first) until the flexible one is wide enough to read; it takes the rest."""
        shown = [c for c in self.fitted_columns if c.key not in self.same]
        flexible = [c for c in shown if not c.width]
        pad = 2 * self.cell_padding
        width = self.region.width
        while flexible and width:
            fixed = sum((c.width or 0) + pad for c in shown if c.width)
            share = (width - fixed - pad * len(flexible) - SCROLLBAR) // len(flexible)
            droppable = [c for c in shown[1:] if c.width]
            if share >= max(c.least or MIN_FLEXIBLE for c in flexible) or not droppable:
                break
            shown.remove(droppable[-1])
        self._shown = [column.key for column in shown]
        if flexible and width:
            fixed = sum((c.width or 0) + pad for c in shown if c.width)
            self._share = max(
                12, (width - fixed - pad * len(flexible) - SCROLLBAR) // len(flexible)
            )
        self._draw_columns()

    def _draw_columns(self) -> None:
        """The columns shown, each with its heading (the sorted one with its arrow)."""
        columns = []
        for column in self.fitted_columns:
            if column.key in self._shown:
                arrow = self._sorted[1] if self._sorted and self._sorted[0] == column.key else ""
                label = Text(column.label + arrow)
                columns.append(TableColumn(column.key, label, column.width or self._share))
        self.set_columns(columns)

    # --- the highlighted row in full ----------------------------------------------------------
    def values_at(self, index: int) -> list[Any]:
        """The values of the row at ``index``, one per declared column, shown or not."""
        data = self.rows[index].data
        return [data[key] for key in self._keys]

    def row_in_full(self) -> str:
        """The highlighted row's values, " · " between them; those of columns not shown are
        named ("Status: Aktiv"), those shown need no name: the heading is right above."""
        if self.row_count == 0:
            return ""
        parts = []
        for column, value in zip(self.fitted_columns, self.values_at(self.cursor_row), strict=True):
            if not (text := plain(value).strip()):
                continue
            parts.append(text if column.key in self._shown else f"{column.label}: {text}")
        return " · ".join(parts)


class RowDetail(Static):
    """The line under a table with its highlighted row in full: what a narrow column cut
    (…) or left out is readable here, in every register alike."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False, classes="row-detail")
        self._lines = 0

    def show_row(self, table: FittedTable) -> None:
        """A new layout of the screen only when the text takes other lines than before:
        asked for on each keystroke of a filter, it was a third of the keystroke (a Static
        is laid out again on every update unless told otherwise)."""
        text = table.row_in_full()
        width = self.content_size.width
        lines = len(Text(text).wrap(self.app.console, width)) if text and width else 0
        self.update(text, layout=lines != self._lines)
        self._lines = lines
