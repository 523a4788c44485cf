"""LineTable draws only the rows on screen, whatever the number of rows; its keys and clicks
move a cursor that stays in view, enter and a heading's click tell the parent, and rows are
striped and the cursor's row marked as DataTable does."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.message import Message
from textual.strip import Strip

from secretariat_tui.ui.widgets.line_table import LineTable, PreparedRow, TableColumn

ROWS = 15_000
SIZE = (40, 12)
LINES = SIZE[1] - 1  # the heading takes one line of the twelve


def prepared(count: int) -> list[PreparedRow]:
    return [
        PreparedRow(f"k{i}", {"name": Text(f"Rad {i}"), "year": Text(str(2000 + i % 30))})
        for i in range(count)
    ]


class CountingTable(LineTable):
    """Counts the rows drawn into strips."""

    drawn = 0

    def _draw(self, row: PreparedRow | None, style: Style, cursor: bool) -> Strip:
        self.drawn += row is not None
        return super()._draw(row, style, cursor)


class TableApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield CountingTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(CountingTable)
        table.set_columns(
            [TableColumn("name", Text("Namn"), 20), TableColumn("year", Text("År"), 4)]
        )
        table.show_rows(prepared(ROWS))
        table.focus()

    def on_line_table_row_highlighted(self, event: LineTable.RowHighlighted) -> None:
        self.messages.append(event)

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        self.messages.append(event)

    def on_line_table_header_selected(self, event: LineTable.HeaderSelected) -> None:
        self.messages.append(event)


def on_screen(table: LineTable) -> list[str]:
    """The text of the lines on screen, heading first."""
    return [table.render_line(y).text.strip() for y in range(table.size.height)]


def cursor_line(table: LineTable) -> int:
    """The line of the screen the cursor's row is drawn on (0 is the heading)."""
    return 1 + table.cursor_row - int(table.scroll_y)


async def test_a_refill_of_15000_rows_draws_only_the_lines_on_screen() -> None:
    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(CountingTable)
        assert table.row_count == ROWS
        assert table.virtual_size.height == ROWS + 1
        assert 0 < table.drawn <= LINES
        table.drawn = 0
        table.show_rows(prepared(ROWS)[::-1])  # new row objects, all to be drawn afresh
        assert table.drawn == 0, "a refill draws nothing itself"
        await pilot.pause()
        assert table.drawn == LINES
        assert on_screen(table)[1].startswith("Rad 14999")


async def test_the_cursor_keys_move_the_cursor_and_keep_it_in_view() -> None:
    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LineTable)
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 1
        await pilot.press("pagedown")
        assert table.cursor_row == 1 + LINES
        assert 1 <= cursor_line(table) < SIZE[1]
        await pilot.press("pageup")
        assert table.cursor_row == 1
        await pilot.press("end")
        assert table.cursor_row == ROWS - 1
        await pilot.pause()
        assert cursor_line(table) == SIZE[1] - 1
        assert on_screen(table)[-1].startswith(f"Rad {ROWS - 1}")
        assert on_screen(table)[0].startswith("Namn"), "the heading stays on top"
        await pilot.press("home")
        assert (table.cursor_row, table.scroll_y) == (0, 0)
        await pilot.press("ctrl+end")
        assert table.cursor_row == ROWS - 1
        await pilot.press("ctrl+home")
        assert table.cursor_row == 0
        await pilot.press("up")  # stays on the first row
        assert table.cursor_row == 0


async def test_moving_the_cursor_off_screen_scrolls_to_it_and_tells_the_row() -> None:
    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LineTable)
        await pilot.pause()
        app.messages.clear()
        table.move_cursor(row=7000)
        await pilot.pause()
        assert 1 <= cursor_line(table) < SIZE[1]
        assert "Rad 7000" in on_screen(table)[cursor_line(table)]
        [message] = app.messages
        assert isinstance(message, LineTable.RowHighlighted)
        assert (message.row_key, message.cursor_row, message.table) == ("k7000", 7000, table)


async def test_the_mouse_wheel_scrolls_the_rows_under_the_heading_and_leaves_the_cursor() -> None:
    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LineTable)
        await pilot.pause()
        wheel = events.MouseScrollDown(table, 1, 2, 0, 1, 0, False, False, False)
        table.post_message(wheel)
        await pilot.pause()
        assert table.scroll_y > 0 and table.cursor_row == 0
        lines = on_screen(table)
        assert lines[0].startswith("Namn") and lines[1].startswith(f"Rad {int(table.scroll_y)} ")


async def test_enter_and_a_second_click_on_the_cursors_row_select_it() -> None:
    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LineTable)
        await pilot.press("down", "enter")
        selected = [m for m in app.messages if isinstance(m, LineTable.RowSelected)]
        assert [(m.row_key, m.cursor_row) for m in selected] == [("k1", 1)]
        await pilot.click("#table", offset=(3, 4))  # line 4: the fourth row
        assert table.cursor_row == 3
        await pilot.click("#table", offset=(3, 4))
        selected = [m for m in app.messages if isinstance(m, LineTable.RowSelected)]
        assert [m.row_key for m in selected] == ["k1", "k3"]


async def test_a_click_on_a_heading_tells_which_column() -> None:
    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LineTable)
        await pilot.click("#table", offset=(25, 0))  # "År": after the name's 20 + 2
        await pilot.click("#table", offset=(2, 0))
        headings = [m for m in app.messages if isinstance(m, LineTable.HeaderSelected)]
        assert [(m.column_key, m.column_index) for m in headings] == [("year", 1), ("name", 0)]
        assert table.cursor_row == 0, "a heading's click leaves the cursor"


def backgrounds(strip: Strip) -> set[Any]:
    return {segment.style.bgcolor for segment in strip if segment.style}


async def test_rows_are_striped_and_the_cursors_row_is_marked() -> None:
    app = TableApp()
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LineTable)
        await pilot.press("down")
        await pilot.pause()
        even = table.get_component_styles("datatable--even-row").rich_style.bgcolor
        cursor = table.get_component_rich_style("datatable--cursor").bgcolor
        header = table.get_component_styles("datatable--header").rich_style.bgcolor
        assert len({even, cursor, header}) == 3
        assert backgrounds(table.render_line(0)) == {header}
        assert backgrounds(table.render_line(1)) == {even}  # row 0
        assert backgrounds(table.render_line(2)) == {cursor}  # row 1, the cursor's
        assert not backgrounds(table.render_line(4)) & {even, cursor}  # row 3: odd
        assert backgrounds(table.render_line(3)) == {even}  # row 2
