"""FittedTable shows rows in one go and still behaves as the DataTable it is."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from secretariat_tui.ui.widgets.register_table import Column, FittedTable

COLUMNS = (Column("name", "Namn"), Column("year", "År", 4))


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FittedTable(COLUMNS, id="table")


async def test_rows_replaced_at_once_are_shown_selected_and_keyed() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(FittedTable)
        table.replace_rows([("a", ["Alfa", "2024"]), ("b", ["Beta", "2025"])])
        await pilot.pause()
        assert table.row_count == 2
        assert [str(c) for c in table.get_row_at(1)] == ["Beta", "2025"]
        assert [r.key.value for r in table.ordered_rows] == ["a", "b"]
        table.move_cursor(row=1)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "b"
        table.replace_rows([("c", ["Gamma", "2026"])])
        await pilot.pause()
        assert table.row_count == 1 and table.cursor_row == 0
        assert "Gamma" in str(table.render_line(1).text)


async def test_a_key_twice_is_refused() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)):
        table = app.query_one(FittedTable)
        with pytest.raises(ValueError, match="there twice"):
            table.replace_rows([("a", ["Alfa", "2024"]), ("a", ["Alfa", "2024"])])
