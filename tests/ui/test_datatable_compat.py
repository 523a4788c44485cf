"""Fails loudly when a Textual upgrade moves what ``ui/datatable_compat.py`` relies on.

First the shape of each private name (so the message names it), then a table filled by
``show_rows`` must read back through DataTable's own public API exactly as ``add_row`` would
have left it: that is what proves the private structures still mean what the fence thinks.
"""

from __future__ import annotations

import inspect
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from secretariat_tui.ui.datatable_compat import FastDataTable
from tests.private_api import Canary

TEXTUAL = Canary("textual", "secretariat_tui/ui/datatable_compat.py")


def parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_the_private_names_are_there_with_their_shapes() -> None:
    table: DataTable[Any] = DataTable()
    for name, kind in [
        ("_data", dict),
        ("_update_count", int),
        ("_require_update_dimensions", bool),
    ]:
        TEXTUAL.require(
            isinstance(TEXTUAL.attribute(table, name), kind), f"DataTable.{name}", f"a {kind}"
        )
    for name in ("_row_locations", "_ordered_row_cache", "_offset_cache"):
        value = TEXTUAL.attribute(table, name)
        TEXTUAL.require(
            hasattr(value, "__contains__") and hasattr(value, "__setitem__"),
            f"DataTable.{name}",
            "a mapping the fence can test and fill",
        )
    update_dimensions = TEXTUAL.attribute(DataTable, "_update_dimensions")
    TEXTUAL.require(
        parameters(update_dimensions) == ["self", "new_rows"],
        "DataTable._update_dimensions",
        "takes the new rows' keys (FastDataTable overrides it)",
    )
    TEXTUAL.require(
        "self._update_dimensions(new_rows)" in inspect.getsource(DataTable._on_idle),
        "DataTable._update_dimensions",
        "called when idle with the rows added since",
    )
    highlight = TEXTUAL.attribute(DataTable, "_highlight_cursor")
    TEXTUAL.require(parameters(highlight) == ["self"], "DataTable._highlight_cursor", "no args")


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: list[str] = []

    def compose(self) -> ComposeResult:
        yield FastDataTable(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(FastDataTable)
        table.add_column("Namn", key="name", width=10)
        table.add_column("År", key="year", width=4)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.highlighted.append(str(event.row_key.value))


async def test_rows_shown_in_one_go_read_back_as_add_row_leaves_them() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(FastDataTable)
        await pilot.pause()
        rows = [table.prepare(key, [key.upper(), "2024"]) for key in ("a", "b", "c")]
        table.show_rows(rows)
        in_order = list(table.ordered_rows)
        table._ordered_row_cache.clear()  # a filled key is never replaced
        table._ordered_row_cache[(3, table._update_count)] = in_order
        TEXTUAL.require(
            table.ordered_rows is in_order,
            "DataTable._ordered_row_cache",
            "keyed by (row count, _update_count), read by ordered_rows",
        )
        offsets = list(table._y_offsets)
        table._offset_cache.clear()
        table._offset_cache[table._update_count] = offsets
        TEXTUAL.require(
            table._y_offsets is offsets and offsets == [(r.key, 0) for r in rows],
            "DataTable._offset_cache",
            "keyed by _update_count, read by _y_offsets: (row key, line in the row) a line",
        )
        TEXTUAL.require(
            [str(c) for c in table.get_row_at(1)] == ["B", "2024"]
            and table.get_row_index("c") == 2,
            "DataTable._row_locations / DataTable._data",
            "the row index by key and the cells by key, read by get_row_at and get_row_index",
        )
        TEXTUAL.require(
            table.virtual_size.height == 4,
            "DataTable._update_dimensions",
            "sets the scrollable size (a header line and three rows) at once",
        )
        await pilot.pause()
        TEXTUAL.require(
            app.highlighted[-1:] == ["a"],
            "DataTable._highlight_cursor",
            "posts RowHighlighted for the cursor's row",
        )
        table.move_cursor(row=2)
        await pilot.pause()
        assert app.highlighted[-1] == "c"
        assert "C" in str(table.render_line(3).text)
