"""A yes/no question in a modal; ``j``/``y`` answers yes, ``n``/escape no."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from secretariat_tui.store.errors import StoreError
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.widgets.key_footer import KeyFooter


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = bindings(
        Command("j,y", "answer(True)", "Ja", "Svara ja", id="yes"),
        Command("n,escape", "answer(False)", "Nej", "Svara nej", id="no"),
    )

    def __init__(self, question: str, *, yes: str = "Ja", no: str = "Nej") -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(self._question, classes="question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"{self._yes} (j)", id="yes", variant="error", compact=True)
                yield Button(f"{self._no} (n)", id="no", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def confirm_delete(
    screen: Screen[object], question: str, delete: Callable[[], object], *, done: Callable[[], None]
) -> None:
    """Ask ``question``; on yes run ``delete`` then ``done``. A failed save is shown, not raised."""

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            delete()
        except StoreError as err:
            screen.notify(escape(str(err)), severity="error", timeout=10)
            return
        done()

    screen.app.push_screen(ConfirmScreen(question, yes="Ta bort"), answered)
