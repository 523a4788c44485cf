"""The overview: the default screen, this year's members and fees, kept current."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from secretariat_tui.store.database import Database, open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.overview import OverviewScreen
from tests.ui.helpers import TODAY, highlight

SIZE = (80, 24)


def card(app: SecretariatApp, name: str) -> str:
    return str(app.screen.query_one(f"#{name}-card", Static).render())


async def test_the_app_opens_on_the_overview_with_this_years_members_and_fees(
    demo_db: Database,
) -> None:
    app = SecretariatApp(demo_db, today=TODAY)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, OverviewScreen)
        assert "27 medlemmar i dag" in card(app, "members")
        fees = card(app, "fees")
        assert "18 av 27 har betalat" in fees
        assert "9 har inte betalat allt" in fees
        assert "9 600 kr kvar att få in" in fees


async def test_a_payment_recorded_on_the_fees_screen_shows_on_the_overview(
    demo_db: Database,
) -> None:
    app = SecretariatApp(demo_db, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await highlight(pilot, "Föreningen Fyrljuset Karlskrona")
        await pilot.press("b", "ctrl+s", "0")
        assert isinstance(app.screen, OverviewScreen)
        assert "19 av 27 har betalat" in card(app, "fees")
        assert "8 000 kr kvar att få in" in card(app, "fees")
        await pilot.press("1")
        assert isinstance(app.screen, MembersScreen)


async def test_a_new_empty_database_is_announced_on_start(tmp_path: Path) -> None:
    with open_database(tmp_path / "ny.json") as db:
        app = SecretariatApp(db, today=TODAY)
        async with app.run_test(size=SIZE):
            assert any("ny, tom databas" in n.message for n in app._notifications)
