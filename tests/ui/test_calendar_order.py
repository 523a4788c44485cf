"""alt+↑/alt+↓ on the calendar: the highlighted item moves among its day's (or month's) items,
is saved at once, the highlight follows it, and at the edge nothing happens but a word."""

from __future__ import annotations

from datetime import date

from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.commands import offered
from secretariat_tui.ui.widgets.fitted_table import FittedTable
from tests.ui.test_calendar_screen import SIZE, day_titles, go_to, open_calendar, rows

ANNUAL_MEETING_DAY = date(2024, 4, 18)


def highlighted(app: SecretariatApp, table_id: str) -> str:
    table = app.screen.query_one(f"#{table_id}", FittedTable)
    return str(table.highlighted_key)


def notices(app: SecretariatApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def stored_order(app: SecretariatApp) -> list[str]:
    """April 2024 as a new session on the file sees it."""
    with open_database(app.database.path, read_only=True) as db:
        items = CalendarRepository(db).items()
    return [i.title for i in items if (i.day.year, i.day.month) == (2024, 4)]


def april_in_year_list(app: SecretariatApp) -> list[str]:
    """The first word of each April row of the year list."""
    found = rows(app, "year-list")
    keys = [key for key, _ in found]
    start, end = keys.index("månad-4") + 1, keys.index("månad-5")
    return [cells[3].split()[0] for _, cells in found[start:end]]


async def test_alt_down_moves_the_annual_meeting_after_the_board_meeting_and_back(
    app: SecretariatApp, demo_db: Database
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await go_to(pilot, ANNUAL_MEETING_DAY)
        await pilot.press("enter")
        assert day_titles(app) == ["Årsmöte", "Konstituerande styrelsemöte"]
        assert highlighted(app, "day-items") == "årsmöte-2"
        await pilot.press("alt+down")
        assert day_titles(app) == ["Konstituerande styrelsemöte", "Årsmöte"]
        assert highlighted(app, "day-items") == "årsmöte-2", "the highlight follows the item"
        assert stored_order(app)[3:] == ["Konstituerande styrelsemöte", "Årsmöte"]
        await pilot.press("alt+down")
        await pilot.pause()
        assert "Den står redan sist." in notices(app)
        assert day_titles(app) == ["Konstituerande styrelsemöte", "Årsmöte"]
        await pilot.press("alt+up")
        assert day_titles(app) == ["Årsmöte", "Konstituerande styrelsemöte"]


async def test_in_the_year_list_an_item_moves_among_its_months_items(
    app: SecretariatApp, demo_db: Database
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await go_to(pilot, ANNUAL_MEETING_DAY)
        await pilot.press("v")
        table = app.screen.query_one("#year-list", FittedTable)
        keys = table.row_keys()
        table.move_cursor(row=keys.index("årsmöte-2"))
        await pilot.press("alt+up")
        april = april_in_year_list(app)
        assert april == ["Halvdag", "Sakråd", "Årsmöte", "Statistikrapporten", "Konstituerande"]
        assert highlighted(app, "year-list") == "årsmöte-2"
        assert [t.split()[0] for t in stored_order(app)] == april
        await pilot.press("alt+up", "alt+up")
        assert highlighted(app, "year-list") == "årsmöte-2"
        await pilot.press("alt+up")
        await pilot.pause()
        assert "Den står redan först." in notices(app), "not into March (empty) or February"
        assert april_in_year_list(app)[0] == "Årsmöte"


async def test_shift_arrows_move_too_where_the_terminal_has_no_alt(
    app: SecretariatApp, demo_db: Database
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await go_to(pilot, ANNUAL_MEETING_DAY)
        await pilot.press("shift+down")
        assert day_titles(app) == ["Konstituerande styrelsemöte", "Årsmöte"]


async def test_the_moves_are_offered_in_help_and_palette_only_with_an_item_highlighted(
    app: SecretariatApp,
) -> None:
    """In help and the palette (the footer has no room at 80 columns), and only where there is
    something to move: March 2024 is empty."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_calendar(pilot)
        assert "alt+↑" in screen.HELP
        await go_to(pilot, ANNUAL_MEETING_DAY)
        await pilot.pause()
        offers = {o.binding.id: o.keys for o in offered(screen)}
        assert offers["move-up"] == ["alt+↑"] and offers["move-down"] == ["alt+↓"]
        await go_to(pilot, date(2024, 3, 12))
        await pilot.pause()
        assert not {"move-up", "move-down"} & {o.binding.id for o in offered(screen)}
        await pilot.press("alt+up")
        assert stored_order(app)[0].startswith("Halvdag"), "nothing moved"
