"""The top line of every register screen: the registers with their keys, the open file."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from secretariat_tui.ui.registers import REGISTERS, RegisterTab

PATH_ROOM = 12
"""Fewer columns than this beside the tabs show too little of the file's path to be worth it."""


def short(title: str) -> str:
    """ "Medlemmar" → "Med": three letters say which register a number key leads to (no
    dot: with eight registers, the dots were what kept the current one's whole name from
    fitting at 60 columns)."""
    return title if len(title) <= 4 else title[:3]


def tabs(registers: Sequence[RegisterTab], current: str, width: int) -> Text:
    """Every register with its key, in as much of its name as ``width`` allows: whole names,
    then short ones beside the current one's whole name, then short ones only. Every key
    stays in sight down to 50 columns, so each register is found by its number."""
    for shorten in (lambda _: False, lambda tab: tab.mode != current, lambda _: True):
        text = Text(" ")
        for tab in registers:
            title = short(tab.title) if shorten(tab) else tab.title
            text.append(f"{tab.key} {title}", style="reverse bold" if tab.mode == current else "")
            text.append(" ")
        if cell_len(text.plain) <= width:
            break
    return text


class NavBar(Horizontal):
    """The registers as tabs, ``current`` highlighted; the app's sub-title (the file) in what
    is left, cut with … or left out at 80 columns."""

    def __init__(self, current: str, registers: Sequence[RegisterTab] = REGISTERS) -> None:
        super().__init__(id="nav-bar")
        self._current, self._registers = current, registers

    def compose(self) -> ComposeResult:
        yield Static(tabs(self._registers, self._current, 80), id="nav-tabs")
        path = Text(self.app.sub_title, style="dim", no_wrap=True, overflow="ellipsis")
        yield Static(path, id="nav-path")

    def on_resize(self) -> None:
        """The tabs first; the file only where a readable part of it fits beside them."""
        if width := self.size.width:
            text = tabs(self._registers, self._current, width)
            self.query_one("#nav-tabs", Static).update(text)
            self.query_one("#nav-path").display = width - cell_len(text.plain) >= PATH_ROOM
