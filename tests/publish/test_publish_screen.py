"""The calendar screen's ``p``: preview, yes, publish in a worker, the result in a dialog. A
meeting moved in the TUI is moved on the server (a real Radicale) after one key."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.calendar import Source
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.user_config import set_publishing
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.calendar_forms import ActivityForm
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.publish import PublishMessageScreen
from secretariat_tui.ui.widgets.fitted_table import FittedTable
from tests.publish.radicale_server import USER, Radicale, server_events
from tests.ui.helpers import DEMO, TODAY, file_message, replace_text

SIZE = (80, 24)


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "demo" / "kansliet.json"
    copy.parent.mkdir()
    shutil.copyfile(DEMO, copy)
    with open_database(copy) as db:
        yield db


@pytest.fixture
def app(demo_db: Database) -> SecretariatApp:
    return SecretariatApp(demo_db, today=TODAY, start="members")


async def publish_by_key(pilot: Pilot[Any]) -> str:
    """``p``, the preview's text, ``j``; waits for the worker. Returns the question asked."""
    await pilot.press("p")
    assert isinstance(pilot.app.screen, ConfirmScreen)
    question = str(pilot.app.screen.query_one(".question", Static).render())
    await pilot.press("j")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return question


async def test_p_previews_publishes_and_a_moved_meeting_follows(
    app: SecretariatApp, demo_db: Database, radicale: Radicale
) -> None:
    set_publishing(url=radicale.calendar_url, user=USER)
    meetings = [
        i
        for i in CalendarRepository(demo_db).items()
        if i.category is Category.PLATFORM_MEETING and not i.month_only
    ]
    assert meetings, "the demo has platform meetings"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert isinstance(app.screen, CalendarScreen)
        question = await publish_by_key(pilot)
        assert question.startswith(f"Publicera plattformsmöte i {radicale.calendar_url}?")
        assert f"{len(meetings)} nya" in question
        assert isinstance(app.screen, PublishMessageScreen)
        assert file_message(app).startswith("Kalendern är publicerad:")
        assert {e["summary"] for e in server_events(radicale).values()} == {
            m.title for m in meetings
        }
        await pilot.press("enter")

        moved = next(m for m in meetings if m.source is Source.ACTIVITY)
        await pilot.press("v", *["less_than_sign"] * (TODAY.year - moved.day.year))
        table = app.screen.query_one("#year-list", FittedTable)
        keys = table.row_keys()
        table.move_cursor(row=keys.index(moved.key))
        await pilot.press("e")
        assert isinstance(app.screen, ActivityForm)
        new_day = moved.day.replace(day=1 if moved.day.day > 1 else 2)
        await replace_text(pilot, "when", new_day.isoformat())
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)

        question = await publish_by_key(pilot)
        assert f"ändras: {new_day.isoformat()} {moved.title}" in question
        assert "0 nya, 1 ändrad, 0 borttagna" in file_message(app)
    starts = {
        e["start"][:10] for e in server_events(radicale).values() if e["summary"] == moved.title
    }
    assert new_day.isoformat() in starts


async def test_p_without_a_calendar_says_how_to_set_one(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "p")
        assert isinstance(app.screen, PublishMessageScreen)
        message = file_message(app, failed=True)
        assert "settings set caldav-url" in message and "--url" in message


async def test_a_wrong_password_is_told_in_the_dialog(
    app: SecretariatApp, radicale: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secretariat_tui.domain.calendar_publish import PASSWORD_ENV_VAR

    monkeypatch.setenv(PASSWORD_ENV_VAR, "fel")
    set_publishing(url=radicale.calendar_url, user=USER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await publish_by_key(pilot)
        message = file_message(app, failed=True)
        assert "fel användarnamn eller lösenord" in message
    assert server_events(radicale) == {}
