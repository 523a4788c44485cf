"""A row-cursor table that draws only the lines on screen (Textual's Line API).

Why: DataTable keeps per-row structures that it rebuilds from its key maps on every refill
and walks on every paint (``_y_offsets`` alone was 0.2 s of 0.75 s for five filter keys on
15,000 rows), so the slowest key grew with the register: 86 ms at 15,000 rows. Here a refill
is a list assignment and a paint renders the rows on screen, each once into a ``Strip`` kept
by (row, stripe, cursor) until the columns, the width or the styles change. The rows are
prepared by the caller once per reload (``PreparedRow``), not on each key.

It looks as DataTable does: the same component classes and rules, each cell rendered the
same way (padded by one, the cursor's colours over the cell's own), so a screen reads the
same with either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.renderables.styled import Styled
from textual.scroll_view import ScrollView
from textual.strip import Strip

HEADER = 1
"""Lines of the fixed heading row above the rows."""

KEPT_STRIPS = 4096
"""Rows kept drawn before the cache starts afresh: many screens' worth, a bounded memory."""


@dataclass(frozen=True, eq=False)
class PreparedRow:
    """A row ready to be shown again and again (on each key of a filter): its cells by column
    key, for every column the table may show. Compared by identity, so a drawn row is kept
    for exactly this row object and a reload's new objects are drawn afresh."""

    key: str
    data: dict[str, Any]


@dataclass(frozen=True)
class TableColumn:
    key: str
    label: Text
    width: int
    """Cells' width, without the padding on either side."""


@dataclass(frozen=True)
class Looks:
    """The styles a row is drawn with, read from the component classes once per state."""

    base: Style
    header: Style
    even: Style
    odd: Style
    cursor: Style
    over_cursor: Style
    """The cursor's own colours, put over a cell's (DataTable's "css" cursor priority)."""


@dataclass
class RowMessage(Message):
    """What a message about one row says: the table, the row's place and its key."""

    table: LineTable
    cursor_row: int
    row_key: str

    @property
    def control(self) -> LineTable:
        return self.table


class LineTable(ScrollView, can_focus=True):
    """Rows under a fixed heading, one line each, with a row cursor; only what is on screen
    is drawn."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--header",
        "datatable--cursor",
        "datatable--even-row",
        "datatable--odd-row",
    }

    # DataTable's rules for the classes above, so both look alike.
    DEFAULT_CSS = """
    LineTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;

        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .datatable--even-row {
            background: $surface-darken-1 40%;
        }
        & > .datatable--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .datatable--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .datatable--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Välj", show=False),
        Binding("up", "cursor_up", "Upp", show=False),
        Binding("down", "cursor_down", "Ner", show=False),
        Binding("pageup", "page_up", "Sida upp", show=False),
        Binding("pagedown", "page_down", "Sida ner", show=False),
        Binding("home,ctrl+home", "first_row", "Första", show=False),
        Binding("end,ctrl+end", "last_row", "Sista", show=False),
    ]

    cell_padding = 1
    """Blank columns on either side of every cell."""

    class RowHighlighted(RowMessage):
        """The cursor came to a row (moved, or the rows under it changed)."""

    class RowSelected(RowMessage):
        """Enter on a row, or a click on the cursor's row."""

    @dataclass
    class HeaderSelected(Message):
        """A click on a column's heading."""

        table: LineTable
        column_key: str
        column_index: int

        @property
        def control(self) -> LineTable:
            return self.table

    def __init__(self, *, zebra_stripes: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.zebra_stripes = zebra_stripes
        self.rows: Sequence[PreparedRow] = ()
        self.columns: list[TableColumn] = []
        self._cursor_at = 0
        self._drawn: dict[tuple[Any, ...], Strip] = {}
        self._looks: Looks | None = None
        self._drawn_for: tuple[Any, ...] = ()

    # --- rows and columns ---------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor_at

    @property
    def highlighted_key(self) -> str | None:
        return self.rows[self._cursor_at].key if self.rows else None

    def row_keys(self) -> list[str]:
        """The keys of the rows shown, top to bottom."""
        return [row.key for row in self.rows]

    def column(self, key: str) -> TableColumn:
        """The column shown under ``key``."""
        return next(column for column in self.columns if column.key == key)

    def get_row_at(self, index: int) -> list[Any]:
        """The cells shown on the row at ``index``, left to right."""
        data = self.rows[index].data
        return [data[column.key] for column in self.columns]

    def show_rows(self, rows: Sequence[PreparedRow]) -> None:
        """Show ``rows`` in this order, the cursor kept at its place (or the last row).

        The sequence is kept as given, not copied: a refill of 15,000 rows costs the check
        that no key is there twice, and nothing is drawn until the rows on screen are painted.
        """
        if len({row.key for row in rows}) != len(rows):
            keys = [row.key for row in rows]
            twice = next(key for key in keys if keys.count(key) > 1)
            raise ValueError(f"The row key {twice!r} is there twice.")
        self.rows = rows
        self._cursor_at = max(0, min(self._cursor_at, len(rows) - 1))
        self._resize_virtually()
        if self.size.height and self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, force=True)
        self.refresh()
        if rows:
            self._post_highlighted()

    def set_columns(self, columns: Sequence[TableColumn]) -> None:
        """Show these columns, in this order; every row is drawn anew."""
        if list(columns) == self.columns:
            return
        self.columns = list(columns)
        self._drawn.clear()
        self._resize_virtually()
        self.refresh()

    def _resize_virtually(self) -> None:
        width = sum(column.width + 2 * self.cell_padding for column in self.columns)
        self.virtual_size = Size(width, HEADER + len(self.rows))

    # --- the cursor ---------------------------------------------------------------------------
    def move_cursor(self, *, row: int, animate: bool = False, scroll: bool = True) -> None:
        """Put the cursor on ``row`` (kept within the rows) and, unless told not to, in view."""
        row = max(0, min(row, len(self.rows) - 1))
        if row != self._cursor_at:
            self._refresh_row(self._cursor_at)
            self._cursor_at = row
            self._refresh_row(row)
            self._post_highlighted()
        if scroll:
            self.scroll_to_cursor(animate=animate)

    def scroll_to_cursor(self, animate: bool = False, *, again: bool = True) -> None:
        """Scroll so that the cursor's row is on screen, below the heading. A table not laid
        out yet (just shown) has no height to scroll by: it tries once more after the next
        refresh, when it has (a hidden one stays where it is)."""
        if not self.size.height:
            if again:
                self.call_after_refresh(self.scroll_to_cursor, animate, again=False)
            return
        row = Region(int(self.scroll_x), HEADER + self._cursor_at, 1, 1)
        self.scroll_to_region(
            row, spacing=Spacing(top=HEADER), animate=animate, force=True, x_axis=False
        )

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(HEADER + index)

    def _post_highlighted(self) -> None:
        self.post_message(
            self.RowHighlighted(self, self._cursor_at, self.rows[self._cursor_at].key)
        )

    # --- keys and the mouse -------------------------------------------------------------------
    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor_at - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor_at + 1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def _page(self, direction: int) -> None:
        """A page of rows on, the cursor staying at its line on the screen where it can."""
        page = max(1, self.scrollable_content_region.height - HEADER)
        self.scroll_to(y=self.scroll_y + direction * page, animate=False, force=True)
        self.move_cursor(row=self._cursor_at + direction * page)

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=len(self.rows) - 1)

    def action_select_cursor(self) -> None:
        if self.rows:
            key = self.rows[self._cursor_at].key
            self.post_message(self.RowSelected(self, self._cursor_at, key))

    def on_click(self, event: events.Click) -> None:
        """A heading posts ``HeaderSelected``; a row gets the cursor, and a second click on
        the cursor's row selects it, as in DataTable."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y < HEADER:
            x = offset.x + int(self.scroll_x)
            for index, column in enumerate(self.columns):
                x -= column.width + 2 * self.cell_padding
                if x < 0:
                    self.post_message(self.HeaderSelected(self, column.key, index))
                    return
            return
        index = offset.y - HEADER + int(self.scroll_y)
        if index >= len(self.rows):
            return
        if index == self._cursor_at:
            self.action_select_cursor()
        else:
            self.move_cursor(row=index)

    # --- drawing ------------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._looks = None
        self._drawn.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        state = (width, self.get_pseudo_class_state())
        if state != self._drawn_for:  # wider (the fill at the right) or focused (the cursor)
            self._drawn_for = state
            self._looks = None
            self._drawn.clear()
        looks = self._looks or self._read_looks()
        scroll_x, scroll_y = self.scroll_offset
        if y < HEADER:
            strip = self._drawn_strip(("header",), None, looks.header, False)
        elif (index := y - HEADER + scroll_y) < len(self.rows):
            stripe = looks.odd if index % 2 else looks.even
            cursor = index == self._cursor_at
            row = self.rows[index]
            strip = self._drawn_strip((row, index % 2, cursor), row, stripe, cursor)
        else:
            return Strip.blank(width, looks.base)
        return strip.crop(scroll_x, scroll_x + width).adjust_cell_length(width, looks.base)

    def _read_looks(self) -> Looks:
        base = self.rich_style
        rows = self.get_component_styles
        cursor = self.get_component_rich_style("datatable--cursor")
        self._looks = Looks(
            base=base,
            header=rows("datatable--header").rich_style,
            even=rows("datatable--even-row").rich_style if self.zebra_stripes else base,
            odd=rows("datatable--odd-row").rich_style if self.zebra_stripes else base,
            cursor=cursor,
            over_cursor=Style.from_color(cursor.color, cursor.bgcolor),
        )
        return self._looks

    def _drawn_strip(
        self, key: tuple[Any, ...], row: PreparedRow | None, style: Style, cursor: bool
    ) -> Strip:
        strip = self._drawn.get(key)
        if strip is None:
            if len(self._drawn) >= KEPT_STRIPS:
                self._drawn.clear()
            strip = self._drawn[key] = self._draw(row, style, cursor)
        return strip

    def _draw(self, row: PreparedRow | None, style: Style, cursor: bool) -> Strip:
        """One line: each cell padded and cut to its column (as DataTable renders a cell),
        then the row's style on to the right edge."""
        assert self._looks is not None
        console = self.app.console
        pre = style + self._looks.cursor if cursor else style
        post = self._looks.over_cursor if cursor else Style.null()
        segments: list[Segment] = []
        for index, column in enumerate(self.columns):
            cell = column.label if row is None else row.data[column.key]
            width = column.width + 2 * self.cell_padding
            options = self.app.console_options.update_dimensions(width, 1).update(no_wrap=True)
            styled = Styled(
                Padding(cell, (0, self.cell_padding)),
                # Each column its own meta, as DataTable's, so the segments split alike.
                pre_style=pre + Style.from_meta({"column": index}),
                post_style=post,
            )
            segments += console.render_lines(styled, options)[0]
        fill = max(0, self.size.width - self.virtual_size.width)
        segments.append(Segment(" " * fill, pre + Style.from_meta({"out_of_bounds": True})))
        return Strip(segments).simplify()
