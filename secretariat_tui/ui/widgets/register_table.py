"""The register table every register screen uses: a filter field over a sortable table.

Rows are given once with the text they are searched by; typing in the filter narrows them at
once (every word must match, case-insensitive), and ``s`` or a click on a header sorts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.widgets.filter_input import FilterInput
from secretariat_tui.ui.widgets.fitted_table import Column, FittedTable, RowDetail, as_cell
from secretariat_tui.ui.widgets.line_table import PreparedRow

__all__ = ["Column", "FittedTable", "PreparedRow", "RegisterTable", "Row", "as_cell"]


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Any, ...]
    """Values in column order; shown with str() unless they are rich Text."""
    search_text: str


class RegisterTable(Vertical):
    """Filter input + table. Posts ``Chosen`` when a row is opened with enter."""

    # Neither is in the footer (no room at 80 columns): the filter field's placeholder says
    # "/ Filtrera…" and the ▲ in the header shows the sort; help and palette list both.
    BINDINGS = bindings(
        Command("s", "sort_next", "Sortera", "Sortera på nästa kolumn", id="sort", footer=False),
        Command(
            "slash", "focus_filter", "Filter", "Skriv för att filtrera", id="filter", footer=False
        ),
    )

    @dataclass
    class Chosen(Message):
        row_key: str

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        placeholder: str,
        newest_first: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self._rows: list[Row] = []
        self._folded: dict[str, str] = {}
        self._prepared: dict[str, PreparedRow] = {}
        self._sorted: list[Row] = []
        self._sorted_by: tuple[int, bool] | None = None
        self._last_filter: tuple[list[str], list[Row] | None] = ([], None)
        """The words of the last filter and the rows it found (None: filter afresh)."""
        self._status = ""
        self._sort_index = 0
        self._sort_reverse = newest_first
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder=self._placeholder, id="filter", compact=True)
        yield FittedTable(self.columns, id="table")
        yield RowDetail(id="row-detail")
        yield Static(id="table-status")

    @property
    def table(self) -> FittedTable:
        return self.query_one("#table", FittedTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    @property
    def highlighted_key(self) -> str | None:
        return self.table.highlighted_key

    @property
    def visible_keys(self) -> list[str]:
        return self.table.row_keys()

    def set_rows(self, rows: Sequence[Row], *, keep: str | None = None) -> None:
        """Replace all rows; put the cursor on ``keep`` (or where it was).

        A ``keep`` row the filter hides (a member just added) clears the filter, so what
        was just stored is never out of sight.
        """
        self._rows = list(rows)
        self._sorted_by = None
        self._folded = {row.key: swedish_key(row.search_text) for row in self._rows}
        # Made once per reload, not on every keystroke of the filter; the table looked up once,
        # not per row (a DOM query each: 60 ms of the members screen's first frame).
        table = self.table
        self._prepared = {
            row.key: table.prepare(row.key, [as_cell(c) for c in row.cells]) for row in self._rows
        }
        table.note_values(list(self._prepared.values()))
        if keep in self._folded and keep not in {row.key for row in self._matching()}:
            self.filter_input.value = ""
        self._refresh(keep or self.highlighted_key)

    def set_status(self, text: str) -> None:
        self._status = text
        self._show_status()

    def _show_status(self) -> None:
        text = self._status
        for value in self.table.same.values():
            text += f" · alla: {value}" if value.strip() else ""
        if self.filter_input.value.strip():
            text += f" · filtret visar {self.table.row_count} av {len(self._rows)}"
        self.query_one("#table-status", Static).update(text)

    def _in_order(self) -> list[Row]:
        """Every row in the chosen order: sorted once per reload and choice of sort, not on
        each keystroke (a filter keeps the order, so it only has to leave rows out)."""
        sorted_by = (self._sort_index, self._sort_reverse)
        if self._sorted_by != sorted_by:
            column = self.columns[self._sort_index]
            self._sorted = sorted(
                self._rows,
                key=lambda row: column.sort_key(row.cells[self._sort_index]),
                reverse=self._sort_reverse,
            )
            self._sorted_by = sorted_by
            self._last_filter = ([], None)
        return self._sorted

    def _matching(self) -> list[Row]:
        """The rows the filter lets through, in the chosen order.

        Typing on narrows what the last filter found (every word it had is still in a word
        now), so only those rows are looked at again, not the whole register.
        """
        words = swedish_key(self.filter_input.value).split()
        rows = self._in_order()
        last_words, last_found = self._last_filter
        if last_found is not None and all(any(o in w for w in words) for o in last_words):
            rows = last_found
        if words:
            folded = self._folded
            rows = [row for row in rows if all(w in folded[row.key] for w in words)]
        self._last_filter = (words, rows)
        return rows

    def _refresh(self, keep: str | None = None) -> None:
        rows = self._matching()
        table = self.table
        previous_row = table.cursor_row
        table.show_rows([self._prepared[row.key] for row in rows])
        self._label_sorted_column()
        keys = [row.key for row in rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep))
        elif rows:
            # The row went away (ended and hidden): stay at its place, on its neighbour.
            table.move_cursor(row=min(previous_row, len(rows) - 1))
        self._show_row()
        self._show_status()

    def _show_row(self) -> None:
        self.query_one(RowDetail).show_row(self.table)

    def rename_column(self, key: str, label: str) -> None:
        """A heading that depends on what is shown (a year); kept through sorting and filtering."""
        self.table.rename(key, label)

    def _label_sorted_column(self) -> None:
        arrow = " ▼" if self._sort_reverse else " ▲"
        self.table.mark_sorted(self.columns[self._sort_index].key, arrow)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._refresh(self.highlighted_key)

    @on(FittedTable.RowSelected, "#table")
    def _row_chosen(self, event: FittedTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.row_key))

    @on(FittedTable.RowHighlighted, "#table")
    def _row_highlighted(self) -> None:
        self._show_row()

    @on(FittedTable.HeaderSelected, "#table")
    def _header_clicked(self, event: FittedTable.HeaderSelected) -> None:
        """The header clicked is one of those shown, which may be fewer than declared."""
        keys = [column.key for column in self.columns]
        self.sort_by(keys.index(event.column_key))

    def sort_by(self, index: int) -> None:
        """Sort on column ``index``; choosing the sorted column again reverses it."""
        if index == self._sort_index:
            self._sort_reverse = not self._sort_reverse
        else:
            self._sort_index, self._sort_reverse = index, False
        self._refresh(self.highlighted_key)

    def action_sort_next(self) -> None:
        """The next column shown: one left out (the same on every row, or no room) would
        sort on something the reader cannot see."""
        shown = self.table.shown_keys()
        self._sort_index = next(
            index
            for step in range(1, len(self.columns) + 1)
            if self.columns[index := (self._sort_index + step) % len(self.columns)].key in shown
        )
        self._sort_reverse = False
        self._refresh(self.highlighted_key)
        label = self.table.fitted_columns[self._sort_index].label  # renamed: "Deltog 2026"
        self.notify(f"Sorterat på {label}", timeout=2)

    def action_focus_filter(self) -> None:
        self.filter_input.focus()
