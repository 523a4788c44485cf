"""The message after an unexpected error: what happened to the data, where the report is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


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

    BINDINGS = [
        Binding("enter,q,escape", "end", "Avsluta", id="end", tooltip="Avsluta programmet"),
    ]

    def __init__(self, crash: Crash) -> None:
        super().__init__()
        self._text = crash_message(crash.error, crash.report)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog crash"):
            yield Static("Ett oväntat fel", classes="title")
            yield Static(self._text, id="crash-text", markup=False)
            yield Static("Tryck enter för att avsluta.", classes="intro")
        yield Footer(compact=True)

    def action_end(self) -> None:
        self.app.exit(return_code=1)
