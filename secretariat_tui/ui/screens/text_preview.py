"""A text to read before it leaves the program (a reminder list, later reports): read it,
copy it to paste into an e-mail, or save it as a file in one of its formats."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.widgets import Static

from secretariat_tui.ui.clipboard import copy_outside, send_to_terminal
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.save_as import Rendering, SaveAsForm
from secretariat_tui.ui.widgets.key_footer import KeyFooter


class TextPreviewScreen(ModalScreen[None]):
    BINDINGS = bindings(
        Command("s", "save", "Spara som", "Spara som fil", id="save"),
        Command("c", "copy", "Kopiera", "Kopiera texten (för e-post)", id="copy"),
        Command("m", "mail", "E-post", "Skicka med e-post, efter förhandsvisning", id="mail"),
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
        copy: str | None = None,
        copied: str = "texten",
        mail: Callable[[], None] | None = None,
    ) -> None:
        """``copy``: what ``c`` copies when it is not the whole text shown (a Bcc line under
        which the members without an address are listed); ``copied`` names it in the message.
        ``mail``: what ``m`` does (the reminders by e-mail); without it the key is hidden."""
        super().__init__()
        self._title, self._text, self._stem, self._renderings = title, text, stem, renderings
        self._protected = protected
        self._copy, self._copied = (text if copy is None else copy), copied
        self._mail = mail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog preview"):
            yield Static(self._title, classes="title", markup=False)
            with VerticalScroll():
                yield Static(self._text, id="preview-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_save(self) -> None:
        """The form says where it wrote."""
        self.app.push_screen(SaveAsForm(self._stem, self._renderings, protected=self._protected))

    def action_copy(self) -> None:
        terminal = send_to_terminal(self.app, self._copy, os.environ)
        self._copy_outside(self.app, self._copy, terminal)

    @work(thread=True, exclusive=True, group="copy")
    def _copy_outside(self, app: App[Any], text: str, terminal: bool) -> None:
        """The clipboard programs may take up to their timeout: not on the app's own loop.
        The message goes to the app, which outlives this dialog."""
        copied = copy_outside(text, os.environ, terminal=terminal)
        severity: SeverityLevel = "information" if copied.confirmed else "warning"
        with suppress(RuntimeError):  # the app closed while the program ran: nobody to tell
            app.call_from_thread(
                app.notify, copied.message(self._copied), severity=severity, timeout=8
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._mail is not None if action == "mail" else True

    def action_mail(self) -> None:
        if self._mail is not None:
            self._mail()

    def action_close(self) -> None:
        self.dismiss(None)
