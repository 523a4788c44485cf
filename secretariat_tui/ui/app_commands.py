"""The App's own commands: quit, help, the palette and the theme, then a key per register."""

from __future__ import annotations

from secretariat_tui.ui.commands import Command
from secretariat_tui.ui.registers import REGISTERS

QUIT = Command("q", "quit", "Avsluta", "Avsluta programmet", id="quit", everywhere="ctrl+q")
# f1 also reaches through a form, where ? is typed text.
HELP = Command(
    "question_mark", "help", "Hjälp", "Visa hjälp och tangenter", id="help", everywhere="f1"
)
PALETTE = Command(
    "",
    "command_palette",
    "Kommandon",
    "Sök bland alla kommandon",
    id="palette",
    everywhere="ctrl+p",
)
THEME = Command("", "change_theme", "Tema", "Byt färgtema", id="theme")
"""In the palette only."""

APP_COMMANDS = (QUIT, HELP, PALETTE, *(tab.command() for tab in REGISTERS))
