"""The filter field of a register table, with its own keys in the footer while it has focus.

Every letter typed there is text, so none of the screen's keys reach it and the footer was
empty; what the field itself does with ⏎, ↓ and esc is shown instead (and listed by help).
"""

from __future__ import annotations

from textual.widgets import Input

from secretariat_tui.ui.commands import Command, bindings


class FilterInput(Input):
    BINDINGS = bindings(
        Command(
            "enter,down",
            "submit",
            "Till listan",
            "Gå till listan med det filtret hittar",
            id="filter-done",
            key_display="⏎",
        ),
        Command("escape", "clear", "Töm", "Töm filtret och gå till listan", id="filter-clear"),
    )

    async def action_clear(self) -> None:
        """Empty the filter, then leave it as ⏎ does (``Input.Submitted``)."""
        self.value = ""
        await self.action_submit()
