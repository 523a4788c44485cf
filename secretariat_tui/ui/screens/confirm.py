"""A yes/no question in a modal; ``j``/``y`` answers yes, ``n``/escape no."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("j,y", "answer(True)", "Ja", id="yes", tooltip="Svara ja"),
        Binding("n,escape", "answer(False)", "Nej", id="no", tooltip="Svara nej"),
    ]

    def __init__(self, question: str, *, yes: str = "Ja", no: str = "Nej") -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(self._question, classes="question", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"{self._yes} (j)", id="yes", variant="error", compact=True)
                yield Button(f"{self._no} (n)", id="no", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
