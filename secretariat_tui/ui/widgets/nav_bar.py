"""The top line of every register screen: the registers with their keys, the open file."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


@dataclass(frozen=True)
class RegisterTab:
    mode: str
    key: str
    title: str


class NavBar(Horizontal):
    """The app's ``REGISTERS`` as tabs, ``current`` highlighted; the app's sub-title (the file)."""

    def __init__(self, current: str) -> None:
        super().__init__(id="nav-bar")
        self._current = current

    def compose(self) -> ComposeResult:
        tabs: tuple[RegisterTab, ...] = getattr(self.app, "REGISTERS", ())
        # Seven registers fit 80 columns only this tight: "0 Översikt 1 Medlemmar …".
        text = Text(" ")
        for tab in tabs:
            style = "reverse bold" if tab.mode == self._current else ""
            text.append(f"{tab.key} {tab.title}", style=style)
            text.append(" ")
        yield Static(text, id="nav-tabs")
        path = Text(self.app.sub_title, style="dim", no_wrap=True, overflow="ellipsis")
        yield Static(path, id="nav-path")
