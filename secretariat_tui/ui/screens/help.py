"""Help: what the screen below is for, and every key that works there right now."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from secretariat_tui.ui.keys import screen_actions

GENERAL = (
    "[b]I listor[/b]\n"
    "  enter    öppna markerad rad · ↑ ↓ pgup pgdn flytta · klick på rubrik sorterar\n"
    "  tab      nästa ruta (filterfält, tabell)\n"
    "\n"
    "[b]I formulär[/b]\n"
    "  enter    nästa fält · ctrl+s spara · esc avbryt\n"
    "  Fel visas på svenska under fältet; inget sparas förrän allt stämmer.\n"
    "  Datum: 2024-04-18, 15/1, 15 jan, jan 2024 (hela månaden), idag, imorgon, +3.\n"
    "  Ja/nej-rutor kryssas med mellanslag; val öppnas med enter.\n"
    "\n"
    "Allt sparas direkt när du sparar ett formulär; q avslutar utan att något går förlorat.\n"
)


def key_lines(screen: Screen[object]) -> list[str]:
    return [
        f"  {escape(', '.join(action.keys)):<8} {escape(action.title)}"
        + (f" – {escape(action.explanation)}" if action.explanation != action.title else "")
        for action in screen_actions(screen)
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "app.pop_screen", "Stäng", id="close")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self._below = below

    def compose(self) -> ComposeResult:
        about = getattr(self._below, "HELP", "")
        text = f"[b]{escape(getattr(self._below, 'TITLE', None) or 'Hjälp')}[/b]\n"
        if about:
            text += f"{escape(about)}\n"
        text += "\n[b]Tangenter här[/b]\n" + "\n".join(key_lines(self._below)) + "\n\n" + GENERAL
        with Vertical(classes="dialog help"):
            with VerticalScroll():
                yield Static(text, id="help-text")
        yield Footer(compact=True)
