"""Help: what the screen below is for, and every key that works there right now."""

from __future__ import annotations

import textwrap

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from secretariat_tui.ui.commands import Command, bindings, offered
from secretariat_tui.ui.widgets.key_footer import KeyFooter

Row = tuple[str, str]
"""A key (or "" for a plain line) and what it does."""

GENERAL: tuple[tuple[str, tuple[Row, ...]], ...] = (
    (
        "I listor",
        (
            ("⏎", "öppna markerad rad · klick på rubrik sorterar"),
            ("↑, ↓, pgup, pgdn", "flytta en rad eller en sida"),
            ("home, end, ^home, ^end", "första eller sista raden"),
            ("tab", "nästa ruta (filterfält, tabell)"),
        ),
    ),
    (
        "I formulär",
        (
            ("enter", "nästa fält (ett enda fält: spara) · ctrl+s spara · esc avbryt"),
            ("", "Fel visas på svenska under fältet; inget sparas förrän allt stämmer."),
            ("", "Datum: 2024-04-18, 15/1, 15 jan, jan 2024 (hela månaden), i dag, i morgon, +3."),
            ("", "Ja/nej-rutor kryssas med mellanslag."),
            ("", "Listor: mellanslag eller alt+↓ öppnar, en bokstav väljer (igen: nästa)."),
        ),
    ),
)
CLOSING = "Allt sparas direkt när du sparar ett formulär; q avslutar utan att något går förlorat."
KEY_WIDTH = 8


def hanging(keys: str, text: str, width: int | None) -> str:
    """One row, wrapped to ``width`` under its text column (a hanging indent), escaped."""
    lead = f"  {keys:<{KEY_WIDTH}} " if keys else "  "
    if width is None or width <= len(lead) + 10:
        return escape(lead + text)
    lines = textwrap.wrap(
        text,
        width - len(lead),
        break_long_words=False,
        break_on_hyphens=False,
    )
    indents = [lead, *[" " * len(lead)] * (len(lines) - 1)]
    return "\n".join(escape(indent + line) for indent, line in zip(indents, lines, strict=True))


def key_rows(screen: Screen[object]) -> list[Row]:
    """One row per command offered there now: its keys, then its name and what it does."""
    return [
        (
            ", ".join(offer.keys),
            offer.title + (f" – {offer.explanation}" if offer.explanation != offer.title else ""),
        )
        for offer in offered(screen)
    ]


class HelpText(Static):
    """Help's text, wrapped again to its width: a long row continues under its text."""

    def __init__(self, title: str, about: str, keys: list[Row]) -> None:
        self._parts = (title, about, keys)
        super().__init__(self.text(None), id="help-text")

    def text(self, width: int | None) -> str:
        title, about, keys = self._parts
        parts = [f"[b]{escape(title)}[/b]"]
        if about:
            parts.append(escape(about))
        sections = (("Tangenter här", tuple(keys)), *GENERAL)
        for heading, rows in sections:
            parts.append(f"\n[b]{heading}[/b]")
            parts.extend(hanging(keys_, text, width) for keys_, text in rows)
        parts.append("\n" + escape(CLOSING))
        return "\n".join(parts)

    def on_resize(self) -> None:
        self.update(self.text(self.content_size.width or None))


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings(
        Command("escape,q,question_mark,f1", "close", "Stäng", "Stäng hjälpen", id="close")
    )

    def __init__(self, below: Screen[object]) -> None:
        """Made while ``below`` is still the app's screen: what works there is read now (once
        help is on top, the app's own checks would see a dialog and refuse the register keys)."""
        super().__init__()
        self._below = below
        self._keys = key_rows(below)

    def compose(self) -> ComposeResult:
        title = getattr(self._below, "TITLE", None) or "Hjälp"
        about = getattr(self._below, "HELP", "")
        with Vertical(classes="dialog help"):
            with VerticalScroll():
                yield HelpText(title, about, self._keys)
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)
