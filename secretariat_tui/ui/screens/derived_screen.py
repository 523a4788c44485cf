"""The base of every screen that shows what it derives from the registers.

The overview, the calendar and the register screens are each loaded when mounted, and
loaded again each time they are shown later: another register may have changed what they
show in the meantime.
"""

from __future__ import annotations

from datetime import date

from textual.screen import Screen


class DerivedScreen(Screen[None]):
    def __init__(self, *, today: date | None) -> None:
        super().__init__()
        self._today = today
        self._shown_before = False

    @property
    def today(self) -> date:
        """The fixed date tests give, else the real today (a session may pass midnight)."""
        return self._today or date.today()

    def on_screen_resume(self) -> None:
        """Shown again: load again. The first showing follows on_mount, which has just
        loaded (measured: 41 % of the calendar's first frame went to loading twice)."""
        if self._shown_before and self.is_mounted:
            self.load_again()
        self._shown_before = True

    def load_again(self) -> None:
        """Load what the screen shows anew, keeping the cursor where it was."""
        raise NotImplementedError
