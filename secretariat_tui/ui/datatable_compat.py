"""The one place where the app reaches into DataTable's private names: a table filled in one go.

Textual is pinned to the exact tested version in pyproject.toml; ``tests/ui/
test_datatable_compat.py`` fails loudly, naming the private name, when an upgrade moves or
changes what this module relies on. The register table (``widgets/register_table.py``) builds
on ``FastDataTable`` with public API only.

Why: ``DataTable.add_row`` re-validates the cursor (a reactive with watchers) and looks up the
ordered columns for every single row: about 0.2 ms a row, a second for a 5,000-row register
on each keystroke of the filter. ``show_rows`` does the same bookkeeping once for all rows,
filling DataTable's own structures: ``_row_locations``, ``_data``, ``_update_count``, and the
two caches it would otherwise rebuild from them on the next paint, ``_ordered_row_cache`` and
``_offset_cache`` (a tenth of a keystroke at 5,000 rows). ``_require_update_dimensions`` and
``_update_dimensions`` settle the scrollable size, ``_highlight_cursor`` tells the cursor's row
as ``add_row`` would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import Row, RowKey


@dataclass(frozen=True)
class PreparedRow:
    key: RowKey
    data: dict[Any, Any]
    row: Row


class FastDataTable(DataTable[Any]):
    """A DataTable whose every column has a set width, filled whole in one go."""

    def prepare(self, key: str, cells: Sequence[Any]) -> PreparedRow:
        """A row ready to be shown again and again (say, on each keystroke of a filter):
        ``cells`` in the order the columns were added."""
        row_key = RowKey(key)
        data = dict(zip(self.cell_keys(), cells, strict=True))
        return PreparedRow(row_key, data, Row(row_key, 1))  # one line: show_rows counts on it

    def cell_keys(self) -> Sequence[Any]:
        """The keys a prepared row's cells are stored under: the columns shown, unless a
        table keeps values for columns it may leave out (DataTable shows only its own)."""
        return list(self.columns)

    def row_cells(self, key: str) -> dict[Any, Any]:
        """Every value stored for the row ``key``, shown or not, by column key."""
        return self._data[RowKey(key)]

    def show_rows(self, rows: Sequence[PreparedRow]) -> None:
        """Clear the table and show prepared rows, in one go."""
        self.clear()
        for index, prepared in enumerate(rows):
            if prepared.key in self._row_locations:
                raise ValueError(f"The row key {prepared.key.value!r} is there twice.")
            self._row_locations[prepared.key] = index
            self._data[prepared.key] = prepared.data
            self.rows[prepared.key] = prepared.row
        self._update_count += len(rows)
        # The order and the line of every row are known here: DataTable would rebuild both
        # from its key maps on the next paint.
        self._ordered_row_cache[(len(rows), self._update_count)] = [p.row for p in rows]
        self._offset_cache[self._update_count] = [(p.key, 0) for p in rows]
        if self.size.height:
            # The scrollable size now, not when idle: DataTable puts off scrolling to the
            # cursor until it is known, so the rows were painted at the old place, then again.
            self._require_update_dimensions = False
            self._update_dimensions(())
        else:  # not laid out yet (just shown): scrolling now would go by a height of 0
            self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if rows and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self.check_idle()

    def remeasure(self) -> None:
        """Lay the table out again after a column's width changed: DataTable has no public
        call for it."""
        self._require_update_dimensions = True
        self.refresh()

    def _update_dimensions(self, new_rows: Iterable[Any]) -> None:
        """Skip measuring the new rows' cells: every column here has a set width, yet
        DataTable measures each cell of each added row (90,000 measure calls for three
        keystrokes on 5,000 rows) for a width it then does not use. Only the scrollable
        size is updated."""
        super()._update_dimensions(())
