"""Importing a calendar file in the TUI: the preview first, then one save, or nothing."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.transfer import ImportPreviewScreen, OpenFileForm
from tests.ui.helpers import error_text, notices, replace_text

SIZE = (80, 24)
FIXTURES = Path(__file__).resolve().parents[1] / "imports" / "ics_fixtures"


async def test_an_outlook_file_is_previewed_then_saved(
    app: SecretariatApp, demo_db: Database
) -> None:
    calendar = CalendarRepository(demo_db)
    before = len(calendar.activities.all())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "i")
        assert isinstance(app.screen, OpenFileForm)
        await replace_text(pilot, "path", str(FIXTURES / "outlook.ics"))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ImportPreviewScreen)
        preview = str(app.screen.query_one("#plan-text", Static).render())
        assert "Läggs till: 2024-11-14 13:00–16:00 Höstens plattformsmöte" in preview
        assert "återkommande händelse" in preview
        assert len(calendar.activities.all()) == before, "nothing before yes"
        await pilot.press("i")
        assert isinstance(app.screen, CalendarScreen)
        assert any("3 läggs till" in n for n in notices(app))
    assert len(calendar.activities.all()) == before + 3


async def test_escape_at_the_preview_saves_nothing(app: SecretariatApp, demo_db: Database) -> None:
    calendar = CalendarRepository(demo_db)
    before = calendar.activities.all()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "i")
        await replace_text(pilot, "path", str(FIXTURES / "google.ics"))
        await pilot.press("ctrl+s", "escape")
        assert isinstance(app.screen, CalendarScreen)
        assert any("inget sparades" in n for n in notices(app))
    assert calendar.activities.all() == before


async def test_a_broken_or_missing_file_is_explained(
    app: SecretariatApp, demo_db: Database, tmp_path: Path
) -> None:
    broken = tmp_path / "trasig.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")
    before = CalendarRepository(demo_db).activities.all()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "i")
        await replace_text(pilot, "path", str(tmp_path / "saknas.ics"))
        await pilot.press("ctrl+s")
        assert "kan inte läsas" in error_text(app, "path")
        await replace_text(pilot, "path", str(broken))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        assert any("Inget sparades" in n for n in notices(app, "error"))
    assert CalendarRepository(demo_db).activities.all() == before
