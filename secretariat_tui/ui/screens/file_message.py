"""What became of a file the program was asked to write: a small dialog that stays until the
user closes it (⏎ or esc), so the whole path can be read, copied by hand and found afterwards.

A toast faded before a long path was read and could cover the buttons of the next dialog; this
opens only once the save dialog has closed (``tell_file`` waits for it), in the middle of the
screen, and has a single button of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.widgets.key_footer import KeyFooter


class FileMessageScreen(ModalScreen[None]):
    BINDINGS = bindings(
        Command("enter,escape", "close", "OK", "Stäng meddelandet", id="close", first=True),
    )
    TITLES = ("Filen är sparad", "Filen kunde inte sparas")
    """The title when it went well, and when it failed; a kind of message has its own."""

    def __init__(self, lines: Sequence[str], *, failed: bool = False, title: str = "") -> None:
        """``title``: instead of ``TITLES`` (several files written: "Fakturorna är sparade")."""
        super().__init__()
        self.lines, self.failed, self._title = tuple(lines), failed, title

    @property
    def title_text(self) -> str:
        return self._title or self.TITLES[self.failed]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm file-message" + (" failed" if self.failed else "")):
            yield Static(self.title_text, classes="title", markup=False)
            yield Static("\n".join(self.lines), id="file-message-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("OK (⏎)", id="close", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


def tell_file(
    app: App[object], lines: Sequence[str], *, failed: bool = False, title: str = ""
) -> None:
    """Show ``lines`` in the file message's dialog (see ``tell``)."""
    tell(app, FileMessageScreen(lines, failed=failed, title=title))


def tell(app: App[object], message: FileMessageScreen) -> None:
    """Show ``message`` once the current message is handled: a save dialog that writes and
    then closes is gone first, so it opens over the screen the user returns to. Every result
    of a file, a publish or a send is told this way, from the app's loop or a worker's
    ``call_from_thread``."""
    app.call_later(_open, app, message)


def _open(app: App[object], message: FileMessageScreen) -> None:
    """A result that came while the app was closing: no screen is left to show it over."""
    if app.screen_stack and app.is_running:
        app.push_screen(message)
