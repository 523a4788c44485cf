"""After an unexpected error: the report written, and a message saying what happened to the
data and where the report is; a second error, or one when nothing can be shown, ends at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from secretariat_tui.crash import write_crash_report
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.textual_compat import GuardedApp
from secretariat_tui.ui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class Crash:
    """The first unexpected error of a session and where its report was written."""

    error: BaseException
    report: Path | None

    def line(self) -> str:
        """What stderr says once the terminal is given back."""
        kept = f"Felrapport (utan personuppgifter): {self.report}" if self.report else ""
        return (
            f"secretariat: ett oväntat fel ({type(self.error).__name__}) avslutade programmet; "
            f"allt som sparats finns kvar. {kept or 'Ingen felrapport kunde sparas.'}"
        )


def crash_message(error: BaseException, report: Path | None) -> str:
    where = (
        f"En felrapport utan personuppgifter finns i\n{report}\n"
        "Skicka den gärna till den som sköter programmet."
        if report
        else "Ingen felrapport kunde sparas."
    )
    return (
        f"Ett oväntat fel inträffade ({type(error).__name__}), och programmet måste avslutas.\n\n"
        "Allt som redan sparats finns kvar: varje ändring sparas helt eller inte alls. "
        "Det som stod i ett öppet formulär sparades inte.\n\n"
        f"{where}"
    )


class CrashScreen(ModalScreen[None]):
    """Any of its keys ends the session with exit code 1."""

    BINDINGS = bindings(Command("enter,q,escape", "end", "Avsluta", "Avsluta programmet", id="end"))

    def __init__(self, crash: Crash) -> None:
        super().__init__()
        self._text = crash_message(crash.error, crash.report)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog crash"):
            yield Static("Ett oväntat fel", classes="title")
            yield Static(self._text, id="crash-text", markup=False)
            yield Static("Tryck enter för att avsluta.", classes="intro")
        yield KeyFooter()

    def action_end(self) -> None:
        self.app.exit(return_code=1)


def tell_crash(app: GuardedApp[Any], error: BaseException, earlier: Crash | None) -> Crash:
    """The first error: write its report and show the message. A second error, or one while
    the app cannot show anything any more, ends the session at once."""
    if earlier is not None:
        app.end_after_crash()
        return earlier
    # An error while the app is closing comes when no screen is left to name or show.
    shown = type(app.screen).__name__ if app.screen_stack else "(ingen skärm)"
    report = write_crash_report(error, where="tui", command=shown)
    crash = Crash(error, report)
    try:
        app.push_screen(CrashScreen(crash))
    except Exception:  # noqa: BLE001  (no screen can be shown: end, the line says why)
        app.end_after_crash()
    return crash
