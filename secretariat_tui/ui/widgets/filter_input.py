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
            "to_list",
            "Till listan",
            "Gå till listan med det filtret hittar",
            id="filter-done",
            key_display="⏎",
            first=True,
        ),
        Command("escape", "clear", "Töm", "Töm filtret och gå till listan", id="filter-clear"),
    )

    def action_to_list(self) -> None:
        """To the list at once, as the app reads ⏎: "fyr⏎e" typed fast filtered on "fyr" and
        gave ``e`` to the list, not "fyre" to the filter. The letters still on their way to
        the filter reach it and filter as before. The list is the next field after it."""
        self.screen.focus_next()

    def action_clear(self) -> None:
        """Empty the filter, then leave it as ⏎ does."""
        self.value = ""
        self.action_to_list()
