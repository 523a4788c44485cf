"""A text to read before it leaves the program (a reminder list, later reports): read it,
copy it to paste into an e-mail, or save it as a file in one of its formats."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.save_as import Rendering, SaveAsForm

__all__ = ["Rendering", "SaveAsForm", "TextPreviewScreen"]
"""Rendering and SaveAsForm live in ``save_as``; the screens that preview a text import them
from here with the screen."""


class TextPreviewScreen(ModalScreen[None]):
    BINDINGS = bindings(
        Command("s", "save", "Spara som", "Spara som fil", id="save"),
        Command("c", "copy", "Kopiera", "Kopiera texten (för e-post)", id="copy"),
        Command("escape,q", "close", "Stäng", "Stäng", id="close"),
    )

    def __init__(
        self,
        title: str,
        text: str,
        stem: str,
        renderings: Sequence[Rendering],
        *,
        protected: Path,
    ) -> None:
        super().__init__()
        self._title, self._text, self._stem, self._renderings = title, text, stem, renderings
        self._protected = protected

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog preview"):
            yield Static(self._title, classes="title", markup=False)
            with VerticalScroll():
                yield Static(self._text, id="preview-text", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_save(self) -> None:
        """The form says where it wrote."""
        self.app.push_screen(SaveAsForm(self._stem, self._renderings, protected=self._protected))

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self._text)
        self.notify("Texten är kopierad (om terminalen tillåter det); klistra in i e-posten.")

    def action_close(self) -> None:
        self.dismiss(None)
