"""The overview: the default screen, this year's members and fees, kept current."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.submissions import SubmissionStatus
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar_forms import SubmissionForm
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.overview import OverviewScreen
from secretariat_tui.ui.screens.submissions import SubmissionsScreen
from tests.ui.helpers import TODAY, choose, highlight, replace_text, type_text

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


def next_platform_meeting(demo_db: Database) -> Activity:
    """The demo's first platform meeting on or after TODAY, found without the overview's code."""
    meetings = [
        a
        for a in CalendarRepository(demo_db).activities.all()
        if a.category is Category.PLATFORM_MEETING and not a.month_only and a.day >= TODAY
    ]
    return min(meetings, key=lambda a: a.day)


async def test_the_calendar_card_names_the_next_platform_meeting_and_counts_this_month(
    demo_db: Database,
) -> None:
    meeting = next_platform_meeting(demo_db)
    this_month = [
        i
        for i in CalendarRepository(demo_db).items()
        if (i.day.year, i.day.month) == (TODAY.year, TODAY.month)
    ]
    app = SecretariatApp(demo_db, today=TODAY)
    async with app.run_test(size=SIZE):
        calendar = card(app, "calendar")
        lines = calendar.splitlines()
        heading = lines.index("Nästa plattformsmöte:")
        assert lines[heading + 1].strip().startswith(meeting.when.iso())
        assert lines[heading + 2].strip() == meeting.title
        assert f"{len(this_month)} i juni:" in lines
        assert this_month, "the demo has items in June 2026"
        assert f"{meeting.day.day:>3} {meeting.title}" in lines
        assert app.screen.query_one("#calendar-card").border_title == "Kalender, juni (4)"


async def test_the_submissions_card_counts_the_submissions_and_the_drafts(
    demo_db: Database,
) -> None:
    submissions = CalendarRepository(demo_db).submissions.all()
    drafts = sum(s.status is SubmissionStatus.DRAFT for s in submissions)
    assert (len(submissions), drafts) == (9, 1)
    newest = max(submissions, key=lambda s: s.when)
    app = SecretariatApp(demo_db, today=TODAY)
    async with app.run_test(size=SIZE):
        lines = card(app, "submissions").splitlines()
        assert lines[0] == f"{len(submissions)} inlagor, {drafts} utkast"
        assert lines[1] == f"{newest.when.iso()} {newest.title}", "newest first"


async def test_a_submission_added_on_screen_6_shows_on_the_overview_after_0(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("0")
        assert isinstance(app.screen, OverviewScreen)
        assert card(app, "submissions").startswith("9 inlagor, 1 utkast")
        await pilot.press("6", "n")
        assert isinstance(app.screen, SubmissionForm)
        await choose(pilot, "Debattartikel")
        await pilot.press("tab")
        await type_text(pilot, "Debattartikel om sexköpslagen")
        await replace_text(pilot, "when", "20 maj")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SubmissionsScreen)
        assert any(
            s.title == "Debattartikel om sexköpslagen"
            for s in CalendarRepository(app.database).submissions.all()
        )

        await pilot.press("0")
        assert isinstance(app.screen, OverviewScreen)
        lines = card(app, "submissions").splitlines()
        assert lines[0] == "10 inlagor, 1 utkast"
        assert "2026-05-20 Debattartikel om sexköpslagen" in lines
