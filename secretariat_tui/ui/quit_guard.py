"""Quitting never silently drops what is typed in an open form: it asks first. A closed
terminal ends the session at once, so it cannot keep the database's lock unseen."""

from __future__ import annotations

import asyncio
import signal
from typing import Any

from textual.app import App

from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.widgets.record_form import RecordForm


def quit_unless_typing(app: App[Any]) -> None:
    """Exit at once, or ask when an open form (on top or under a dialog) has changes."""
    if not any(isinstance(s, RecordForm) and s.is_dirty for s in app.screen_stack):
        app.exit()
        return

    def answered(quit_anyway: bool | None) -> None:
        if quit_anyway:
            app.exit()

    question = "Formuläret har ändringar som inte är sparade. Avsluta ändå?"
    dialog = ConfirmScreen(question, yes="Avsluta utan att spara", no="Tillbaka till formuläret")
    app.push_screen(dialog, answered)


HANGUPS = (signal.SIGHUP, signal.SIGTERM)


def end_on_hangup(app: App[Any]) -> None:
    """End the session when its terminal window is closed (SIGHUP) or the system stops it
    (SIGTERM), with the shell's code for that signal (128 + its number).

    Without this the program kept running with no terminal, holding the database's lock, and
    the next start was refused as "already open in another window". Everything saved is on
    disk already (every save is atomic); a form nobody can see any more cannot be asked about.
    """
    loop = asyncio.get_running_loop()
    for signum in HANGUPS:
        loop.add_signal_handler(signum, app.exit, None, 128 + signum)
