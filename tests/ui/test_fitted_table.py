"""FittedTable shows rows in one go and keeps them by key; the name gets
the room a column of one value or a narrow window would otherwise take, and the detail line
under it shows what is left out."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from secretariat_tui.ui.widgets.fitted_table import MIN_FLEXIBLE, RowDetail
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
        assert table.row_keys() == ["a", "b"]
        table.move_cursor(row=1)
        assert table.highlighted_key == "b"
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


WIDE_COLUMNS = (
    Column("name", "Namn"),
    Column("org", "Org.nr", 11),
    Column("since", "Sedan", 10),
    Column("status", "Status", 8, hide_when_same=True),
)
MEMBERS = [
    ("a", ["Föreningen Ankarplatsen Gävle", "802512-4689", "2019-01-21", "Aktiv"]),
    ("b", ["Roks", "", "2017-03-21", "Aktiv"]),
]


class WideApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FittedTable(WIDE_COLUMNS, id="table")
        yield RowDetail(id="detail")

    def show(self, rows: list[tuple[str, list[str]]]) -> None:
        table = self.query_one(FittedTable)
        prepared = [table.prepare(key, cells) for key, cells in rows]
        table.note_values(prepared)
        table.show_rows(prepared)
        self.query_one(RowDetail).show_row(table)


async def test_a_column_the_same_on_every_row_gives_its_room_to_the_name() -> None:
    app = WideApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(FittedTable)
        app.show(MEMBERS)
        await pilot.pause()
        assert table.shown_keys() == ["name", "org", "since"]
        assert table.same == {"status": "Aktiv"}
        assert "Föreningen Ankarplatsen Gävle" in table.render_line(1).text  # not cut
        assert table.values_at(1) == MEMBERS[1][1]  # the value is kept, only not drawn
        detail = str(app.query_one(RowDetail).render())
        assert detail == "Föreningen Ankarplatsen Gävle · 802512-4689 · 2019-01-21 · Status: Aktiv"
        app.show([*MEMBERS, ("c", ["Childx", "", "2020-02-10", "Avslutad"])])
        await pilot.pause()
        assert table.shown_keys() == ["name", "org", "since", "status"]
        assert table.same == {}


async def test_one_row_is_not_all_rows() -> None:
    app = WideApp()
    async with app.run_test(size=(80, 10)) as pilot:
        app.show(MEMBERS[:1])
        await pilot.pause()
        assert app.query_one(FittedTable).shown_keys() == ["name", "org", "since", "status"]


async def test_a_narrow_window_leaves_columns_out_from_the_right_and_the_detail_keeps_them() -> (
    None
):
    app = WideApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(FittedTable)
        app.show([*MEMBERS, ("c", ["Childx", "", "2020-02-10", "Avslutad"])])
        await pilot.pause()
        assert table.shown_keys() == ["name", "org", "since", "status"]
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert table.shown_keys() == ["name", "org"]
        assert table.columns[0].width >= MIN_FLEXIBLE
        assert table.cursor_row == 0 and table.row_count == 3  # the rows shown again
        app.query_one(RowDetail).show_row(table)
        await pilot.pause()
        detail = str(app.query_one(RowDetail).render())
        assert "Sedan: 2019-01-21 · Status: Aktiv" in detail
        await pilot.resize_terminal(120, 10)
        await pilot.pause()
        assert table.shown_keys() == ["name", "org", "since", "status"]
