"""The top line of every register screen: the registers with their keys, the open file."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from secretariat_tui.ui.registers import REGISTERS, RegisterTab


class NavBar(Horizontal):
    """The registers as tabs, ``current`` highlighted; the app's sub-title (the file)."""

    def __init__(self, current: str, registers: Sequence[RegisterTab] = REGISTERS) -> None:
        super().__init__(id="nav-bar")
        self._current, self._registers = current, registers

    def compose(self) -> ComposeResult:
        # Seven registers fit 80 columns only this tight: "0 Översikt 1 Medlemmar …".
        text = Text(" ")
        for tab in self._registers:
            style = "reverse bold" if tab.mode == self._current else ""
            text.append(f"{tab.key} {tab.title}", style=style)
            text.append(" ")
        yield Static(text, id="nav-tabs")
        path = Text(self.app.sub_title, style="dim", no_wrap=True, overflow="ellipsis")
        yield Static(path, id="nav-path")
