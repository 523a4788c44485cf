"""One mode per register: the screen each key of the top bar switches to, built when first shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.screen import Screen

from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.screens.board import BoardScreen
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.fees import FeesScreen
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.networks import NetworksScreen
from secretariat_tui.ui.screens.overview import OverviewScreen
from secretariat_tui.ui.screens.report_texts import ReportTextsScreen
from secretariat_tui.ui.screens.submissions import SubmissionsScreen

ScreenFactory = Callable[[], Screen[None]]

SCREENS: dict[str, type[Screen[None]]] = {
    "overview": OverviewScreen,
    "members": MembersScreen,
    "fees": FeesScreen,
    "board": BoardScreen,
    "calendar": CalendarScreen,
    "networks": NetworksScreen,
    "submissions": SubmissionsScreen,
    "report": ReportTextsScreen,
}
"""Each register's screen class by mode: what it declares is found (for the palette) before
the screen is first shown, and ``register_modes`` builds exactly these."""


def register_modes(database: Database, today: date | None) -> dict[str, ScreenFactory]:
    """The factory of each register's screen by mode (``registers.REGISTERS``), sharing one
    ledger and one calendar so that a change in one register shows in the others."""
    ledger = FeeLedger.of(database)
    calendar = CalendarRepository(database)
    return {
        "overview": lambda: OverviewScreen(ledger, calendar, today=today),
        "members": lambda: MembersScreen(ledger.members, today=today),
        "fees": lambda: FeesScreen(ledger, today=today),
        "board": lambda: BoardScreen(BoardRepository(database), ledger, today=today),
        "calendar": lambda: CalendarScreen(calendar, ledger.members, today=today),
        "networks": lambda: NetworksScreen(calendar, today=today),
        "submissions": lambda: SubmissionsScreen(calendar, ledger.members, today=today),
        "report": lambda: ReportTextsScreen(database, today=today),
    }
