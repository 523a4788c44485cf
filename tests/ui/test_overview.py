"""The overview: the default screen, this year's members and fees, kept current."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.domain.submissions import SubmissionStatus
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.fees import FeeRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.association_form import AssociationForm
from secretariat_tui.ui.screens.calendar_forms import SubmissionForm
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.overview import OverviewScreen
from secretariat_tui.ui.screens.payment_forms import FeeScheduleForm
from secretariat_tui.ui.screens.submissions import SubmissionsScreen
from secretariat_tui.ui.screens.transfer import ImportPreviewScreen, OpenFileForm
from tests.ui.helpers import (
    BAD_ORG,
    TODAY,
    VALID_ORG,
    choose,
    error_text,
    highlight,
    replace_text,
    type_text,
)

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


# --- the first run: an empty register -----------------------------------------------------------


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A register without members (made before, so no "new database" notice)."""
    path = tmp_path / "tom.json"
    with open_database(path):
        pass
    with open_database(path) as db:
        yield db


def steps(app: SecretariatApp) -> list[str]:
    """The start card's numbered lines."""
    return [line for line in card(app, "start").splitlines() if line[:2] in {"1.", "2.", "3."}]


def shown(app: SecretariatApp, name: str) -> bool:
    return app.screen.query_one(f"#{name}-card").display


def offered_keys(app: SecretariatApp) -> set[str]:
    return {b.binding.key for b in app.screen.active_bindings.values() if b.enabled}


async def test_an_empty_register_starts_with_three_steps_each_with_its_key_and_none_done(
    empty_db: Database,
) -> None:
    app = SecretariatApp(empty_db, today=TODAY)
    async with app.run_test(size=SIZE):
        assert shown(app, "start") and not shown(app, "members") and not shown(app, "fees")
        assert app.screen.query_one("#start-card").border_title == "Kom igång"
        lines = steps(app)
        assert [line.split()[0] for line in lines] == ["1.", "2.", "3."]
        assert "namn och organisationsnummer  f   att göra" in lines[0]
        assert "Avgifterna för 2026" in lines[1] and lines[1].endswith("t   att göra")
        assert "kalkylark" in lines[2] and lines[2].endswith("i   att göra")
        assert {"f", "t", "i"} <= offered_keys(app)


async def test_f_stores_the_association_details_checked_and_the_step_shows_them(
    empty_db: Database,
) -> None:
    app = SecretariatApp(empty_db, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, AssociationForm)
        await type_text(pilot, "Plattformen mot människohandel")
        await pilot.press("enter")
        await type_text(pilot, BAD_ORG)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AssociationForm), "a wrong check digit is not saved"
        assert "Kontrollsiffran stämmer inte" in error_text(app, "org_number")
        assert SettingsRepository(empty_db).get().name == ""
        await type_text(pilot, VALID_ORG)  # the bad number is selected: typing replaces it
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OverviewScreen)
        settings = SettingsRepository(empty_db).get()
        assert (settings.name, settings.org_number) == ("Plattformen mot människohandel", VALID_ORG)
        assert steps(app)[0].endswith(f"f   ✓ Plattformen mot människohandel, {VALID_ORG}")

        await pilot.press("f")
        assert isinstance(app.screen, AssociationForm)
        assert app.screen.query_one("#field-org_number", Input).value == VALID_ORG


async def test_t_sets_this_years_fees_and_the_step_is_done(empty_db: Database) -> None:
    app = SecretariatApp(empty_db, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, FeeScheduleForm)
        assert app.screen.year == TODAY.year
        for amount in ("1500", "300", "0"):
            await type_text(pilot, amount)
            await pilot.press("enter")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OverviewScreen)
        schedule = FeeRepository(empty_db).schedule(TODAY.year)
        assert schedule is not None
        assert schedule.amount_for(MembershipForm.FULL) == Decimal(1500)
        assert steps(app)[1].endswith("t   ✓ klart")
        assert steps(app)[0].endswith("att göra")


async def test_i_imports_members_on_the_members_register_and_the_overview_is_then_as_usual(
    empty_db: Database, tmp_path: Path
) -> None:
    source = tmp_path / "medlemmar.csv"
    source.write_text(
        "Namn;Typ;Medlemsform;Medlem sedan\r\n"
        "Föreningen Nyckeln;Organisation;Fullt medlemskap;2026-02-01\r\n",
        encoding="utf-8",
    )
    app = SecretariatApp(empty_db, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, OpenFileForm)
        app.screen.query_one("#field-path", Input).value = str(source)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ImportPreviewScreen)
        await pilot.press("i")
        assert isinstance(app.screen, MembersScreen), "the imported members are seen at once"
        assert [m.name for m in MemberRepository(empty_db).all()] == ["Föreningen Nyckeln"]

        await pilot.press("0")
        assert isinstance(app.screen, OverviewScreen)
        assert not shown(app, "start") and shown(app, "members") and shown(app, "fees")
        assert "1 medlemmar i dag" in card(app, "members")
        assert not {"t", "i"} & offered_keys(app), "the start path's keys are gone"
        assert "f" in offered_keys(app), "the association's details stay a key away"


async def test_a_register_with_members_shows_no_start_path(demo_db: Database) -> None:
    app = SecretariatApp(demo_db, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert not shown(app, "start") and shown(app, "members")
        await pilot.press("t", "i")
        assert isinstance(app.screen, OverviewScreen), "t and i do nothing here"
