"""Quitting never silently drops what is typed in an open form: it asks first. A closed
terminal ends the session at once, so it cannot keep the database's lock unseen."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
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


HANGUPS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that end a session (Windows has no SIGHUP)."""
HANGUP_CODE = 129  # 128 + SIGHUP, what a shell reports for a hung-up program
TERMINAL_CHECK_SECONDS = 1.0


def end_on_hangup(app: App[Any]) -> None:
    """End the session when its terminal goes away, with the shell's code for the signal.

    A closed window sends SIGHUP to the shell's jobs, a shutdown SIGTERM; but a terminal can
    also vanish without a signal reaching us (the program started by ``make``, its tmux pane
    killed): stdin then reads as end-of-file forever, Textual's input thread spins on it, and
    the program ran on unseen at full CPU, holding the database's lock, so the next start
    was refused as "already open". So the terminal is also looked at once a second.
    Everything saved is on disk already (every save is atomic); a form nobody can see any
    more cannot be asked about.
    """
    if app.is_headless:  # a test's app: the signals are the test runner's, not ours
        return
    loop = asyncio.get_running_loop()
    for signum in HANGUPS:
        try:
            loop.add_signal_handler(signum, app.exit, None, 128 + signum)
        except (NotImplementedError, RuntimeError, ValueError):  # Windows: no such handlers
            break
    stdin = sys.__stdin__
    if stdin is not None and stdin.isatty():  # not in tests, which have no terminal

        def check_terminal() -> None:
            if not os.isatty(stdin.fileno()):
                app.exit(None, HANGUP_CODE)

        app.set_interval(TERMINAL_CHECK_SECONDS, check_terminal)
