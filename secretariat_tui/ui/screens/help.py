"""Help: what the screen below is for, and every key that works there right now."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

GENERAL = (
    "[b]Överallt[/b]\n"
    "  ctrl+p  kommandopaletten: sök bland alla kommandon\n"
    "  ?, F1   den här hjälpen\n"
    "  tab     nästa fält eller ruta\n"
    "  q       avsluta programmet (det som är sparat finns kvar)\n"
    "\n"
    "[b]I formulär[/b]\n"
    "  enter   nästa fält · ctrl+s spara · esc avbryt\n"
    "  Fel visas på svenska under fältet; inget sparas förrän allt stämmer.\n"
    "  Datum skrivs ÅÅÅÅ-MM-DD, t.ex. 2024-04-18.\n"
)


def key_lines(screen: Screen[object]) -> list[str]:
    """One line per key that is active on ``screen`` and has a description."""
    lines = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        display = screen.app.get_key_display(binding)
        tip = f" – {binding.tooltip}" if binding.tooltip else ""
        lines.append(f"  {escape(display):<7} {escape(binding.description)}{escape(tip)}")
    return lines


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
