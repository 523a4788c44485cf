"""The command palette: Textual's, closing once however fast ⏎ is typed."""

from __future__ import annotations

from textual import on
from textual.command import CommandPalette
from textual.widgets import Input, OptionList


class Palette(CommandPalette):
    """A second ⏎ typed before the first had closed the palette reached it closed; Textual's
    palette then chose again, closed again and popped a screen that was not there (a crash).
    What reaches it after it closed is dropped here, before Textual's own handlers."""

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
        if not self.is_active:
            event.prevent_default()
            event.stop()
