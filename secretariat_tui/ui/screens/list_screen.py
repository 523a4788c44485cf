"""What every list of records shares, on a screen of its own or in a dialog over another.

One filterable register table, filled by ``reload`` when mounted, with the focus; the
highlighted row's id; the footer asked again as the cursor moves (keys that need a row come
and go); and ``ask``, a dialog awaited from a worker instead of a nested result callback.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable

T = TypeVar("T")


class ListScreen(Screen[None]):
    AUTO_FOCUS = "RegisterTable #table"
    """The list has the keys first, not the filter field above it: focused straight away, the
    footer is built once for the list's keys instead of once for the field's, then again."""

    def reload(self, keep: int | None = None) -> None:
        """Fill the table again from the registers, the cursor on ``keep``."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.reload()
        self.register.table.focus()

    @property
    def register(self) -> RegisterTable:
        return self.query_one(RegisterTable)

    def selected_id(self) -> int | None:
        key = self.register.highlighted_key
        return int(key) if key else None

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()

    async def ask(self, dialog: Screen[T]) -> T | None:
        """``dialog``'s answer, awaited (call from a worker); None, and no dialog, when this
        screen is no longer the one shown: a key that closed it or went to another register
        came first, and a dialog must not outlive the screen that waits for its answer."""
        if not self.is_active:  # also when the app is closing: no screen left to ask over
            return None
        return await self.app.push_screen_wait(dialog)


class ModalListScreen(ListScreen, ModalScreen[None]):
    """A list in a dialog over another screen: a title line, the table, escape closes it."""

    COLUMNS: ClassVar[tuple[Column, ...]]
    DIALOG: ClassVar[str]
    """The dialog's style class in ``app.tcss`` (its height)."""
    BINDINGS = bindings(
        Command("escape", "close", "Stäng", "Stäng listan och gå tillbaka", id="close"),
    )

    def compose(self) -> ComposeResult:
        with Vertical(classes=f"dialog {self.DIALOG}"):
            yield Static(classes="title", id="list-title")
            yield from self.compose_heading()
            yield RegisterTable(self.COLUMNS, placeholder="/ Filtrera…", id="register")
        yield KeyFooter()

    def compose_heading(self) -> ComposeResult:
        """What stands between the title and the table (nothing, unless a list says)."""
        yield from ()

    def set_title(self, markup: str) -> None:
        self.query_one("#list-title", Static).update(markup)

    def action_close(self) -> None:
        self.dismiss(None)
