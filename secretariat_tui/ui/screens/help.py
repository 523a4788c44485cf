"""Help: what the screen below is for, and every key that works there right now."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from secretariat_tui.ui.commands import Command, bindings, offered

GENERAL = (
    "[b]I listor[/b]\n"
    "  enter    öppna markerad rad · ↑ ↓ pgup pgdn flytta · klick på rubrik sorterar\n"
    "  tab      nästa ruta (filterfält, tabell)\n"
    "\n"
    "[b]I formulär[/b]\n"
    "  enter    nästa fält (ett enda fält: spara) · ctrl+s spara · esc avbryt\n"
    "  Fel visas på svenska under fältet; inget sparas förrän allt stämmer.\n"
    "  Datum: 2024-04-18, 15/1, 15 jan, jan 2024 (hela månaden), i dag, i morgon, +3.\n"
    "  Ja/nej-rutor kryssas med mellanslag.\n"
    "  Listor: mellanslag eller alt+↓ öppnar, en bokstav väljer (igen: nästa).\n"
    "\n"
    "Allt sparas direkt när du sparar ett formulär; q avslutar utan att något går förlorat.\n"
)


def key_lines(screen: Screen[object]) -> list[str]:
    """One line per command offered there now: its keys, its name, what it does."""
    return [
        f"  {escape(', '.join(offer.keys)):<8} {escape(offer.title)}"
        + (f" – {escape(offer.explanation)}" if offer.explanation != offer.title else "")
        for offer in offered(screen)
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings(
        Command("escape,q,question_mark,f1", "close", "Stäng", "Stäng hjälpen", id="close")
    )

    def __init__(self, below: Screen[object]) -> None:
        """Made while ``below`` is still the app's screen: what works there is read now (once
        help is on top, the app's own checks would see a dialog and refuse the register keys)."""
        super().__init__()
        self._below = below
        self._keys = key_lines(below)

    def compose(self) -> ComposeResult:
        about = getattr(self._below, "HELP", "")
        text = f"[b]{escape(getattr(self._below, 'TITLE', None) or 'Hjälp')}[/b]\n"
        if about:
            text += f"{escape(about)}\n"
        text += "\n[b]Tangenter här[/b]\n" + "\n".join(self._keys) + "\n\n" + GENERAL
        with Vertical(classes="dialog help"):
            with VerticalScroll():
                yield Static(text, id="help-text")
        yield Footer(compact=True)

    def action_close(self) -> None:
        self.dismiss(None)
