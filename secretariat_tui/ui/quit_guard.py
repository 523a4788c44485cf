"""Quitting never silently drops what is typed in an open form: it asks first."""

from __future__ import annotations

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
