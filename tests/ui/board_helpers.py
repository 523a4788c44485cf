"""What the board screen's tests share: open the screen, show a date, read rows and the file."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.board import BoardScreen
from secretariat_tui.ui.screens.board_forms import AsOfForm
from tests.ui.helpers import replace_text, table

SIZE = (80, 24)
SEATS_IN_DEMO = 20


def stored_board(app: SecretariatApp) -> tuple[list[AnnualMeeting], list[BoardSeat]]:
    """Meetings and seats read back from a copy of the file, as after a restart."""
    copy = app.database.path.with_name("reread.json")
    copy.write_bytes(app.database.path.read_bytes())
    with open_database(copy) as db:
        board = BoardRepository(db)
        return board.meetings.all(), board.seats.all()


def rows(app: SecretariatApp) -> list[tuple[str, ...]]:
    """(Roll, Person, Organisation, Period) top to bottom."""
    grid = table(app)
    return [tuple(str(c) for c in grid.get_row_at(i)) for i in range(grid.row_count)]


def persons(app: SecretariatApp) -> list[str]:
    return [row[1] for row in rows(app)]


async def open_board(pilot: Pilot[Any]) -> BoardScreen:
    await pilot.press("3")
    screen = pilot.app.screen
    assert isinstance(screen, BoardScreen)
    return screen


async def show_date(pilot: Pilot[Any], day: str) -> None:
    await pilot.press("d")
    assert isinstance(pilot.app.screen, AsOfForm)
    await replace_text(pilot, "as_of", day)
    await pilot.press("ctrl+s")
    assert isinstance(pilot.app.screen, BoardScreen)
