"""The advocacy register driven by keys at 80×24: the list, the form, the calendar, delete."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.pilot import Pilot

from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.calendar_forms import SubmissionForm
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.submissions import SubmissionsScreen
from secretariat_tui.ui.widgets.fitted_table import FittedTable
from tests.ui.helpers import (
    choose,
    error_text,
    focus_field,
    notices,
    status_line,
    table,
    type_text,
)

SIZE = (80, 24)
SUBMISSIONS_IN_DEMO = 9
DRAFTS_IN_DEMO = 1


def stored_submissions(app: SecretariatApp) -> list[Submission]:
    """The submissions read back from a copy of the file, as after a restart."""
    copy = app.database.path.with_name("reread.json")
    copy.write_bytes(app.database.path.read_bytes())
    with open_database(copy) as db:
        return CalendarRepository(db).submissions.all()


def member_id(demo_db: Database, name: str) -> int:
    [member] = [m for m in MemberRepository(demo_db).all() if m.name == name]
    assert member.id is not None
    return member.id


def rows(app: SecretariatApp) -> list[tuple[str, list[str]]]:
    """(row key, cells) top to bottom: Datum, Typ, Status, Rubrik, Mottagare."""
    grid = table(app)
    return [
        (key, [str(c) for c in grid.get_row_at(index)]) for index, key in enumerate(grid.row_keys())
    ]


def cursor_key(app: SecretariatApp) -> str:
    grid = table(app)
    return str(grid.highlighted_key)


async def highlight_id(pilot: Pilot[Any], submission_id: int | None) -> None:
    app = pilot.app
    assert isinstance(app, SecretariatApp)
    keys = [key for key, _ in rows(app)]
    table(app).focus()
    table(app).move_cursor(row=keys.index(str(submission_id)))
    await pilot.pause()
    assert cursor_key(app) == str(submission_id)


async def open_submissions(pilot: Pilot[Any]) -> SubmissionsScreen:
    await pilot.press("6")
    screen = pilot.app.screen
    assert isinstance(screen, SubmissionsScreen)
    return screen


async def fill_form(
    pilot: Pilot[Any], *, kind: str, title: str, when: str, status: str, co_signers: str = ""
) -> None:
    """Fill a new submission's form by keys, field after field, without saving it."""
    assert isinstance(pilot.app.screen, SubmissionForm)
    await choose(pilot, kind)  # the first field has the focus
    await pilot.press("tab")
    await type_text(pilot, title)
    await pilot.press("tab")  # the date is selected on entry: typing replaces today's
    await type_text(pilot, when)
    await pilot.press("tab")
    await choose(pilot, status)
    if co_signers:
        await focus_field(pilot, "co_signers")
        await type_text(pilot, co_signers)


async def test_key_6_lists_every_submission_newest_first_with_the_drafts_counted(
    app: SecretariatApp, demo_db: Database
) -> None:
    demo = CalendarRepository(demo_db).submissions.all()
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        shown = rows(app)
        assert len(shown) == SUBMISSIONS_IN_DEMO
        assert {key for key, _ in shown} == {str(s.id) for s in demo}
        newest_first = sorted((s.when.iso() for s in demo), reverse=True)
        assert [cells[0] for _, cells in shown] == newest_first
        [draft] = [cells for _, cells in shown if cells[2] == "Utkast"]
        assert draft[0] == "2026-06" and draft[1] == "Debattartikel"
        assert status_line(app).startswith(
            f"{SUBMISSIONS_IN_DEMO} inlagor, varav {DRAFTS_IN_DEMO} utkast"
        )
        assert app.focused is table(app)


async def test_n_stores_a_month_submission_with_co_signers_by_name(
    app: SecretariatApp, demo_db: Database
) -> None:
    terrafem, roks = member_id(demo_db, "Terrafem"), member_id(demo_db, "Roks")
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        await pilot.press("n")
        await fill_form(
            pilot,
            kind="Remissvar",
            title="Remissvar om sexköpslagen",
            when="jan 2025",
            status="Publicerad",
            co_signers="Terrafem, Roks",
        )
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, SubmissionsScreen)
        submissions = stored_submissions(app)
        assert len(submissions) == SUBMISSIONS_IN_DEMO + 1
        [added] = [s for s in submissions if s.title == "Remissvar om sexköpslagen"]
        assert added.kind is SubmissionKind.CONSULTATION
        assert added.status is SubmissionStatus.PUBLISHED
        assert added.when == EnteredDate(date(2025, 1, 1), Precision.MONTH)
        assert added.co_signers == (terrafem, roks)
        assert added.uid
        assert cursor_key(app) == str(added.id), "the new row is highlighted"
        assert dict(rows(app))[str(added.id)][:4] == [
            "2025-01",
            "Remissvar",
            "Publicerad",
            "Remissvar om sexköpslagen",
        ]
        assert status_line(app).startswith(f"{SUBMISSIONS_IN_DEMO + 1} inlagor")


async def test_an_unknown_co_signer_is_refused_under_the_field_and_nothing_is_stored(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        await pilot.press("n")
        await fill_form(
            pilot,
            kind="Rapport",
            title="Rapport som inte sparas",
            when="15/3 2025",
            status="Inskickad",
            co_signers="Terrafem, Föreningen Finns Inte",
        )
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SubmissionForm), "the form stays open"
        assert error_text(app, "co_signers") == "Ingen medlem heter ”Föreningen Finns Inte”."
        assert error_text(app, "title") == ""
        assert app.focused is app.screen.query_one("#field-co_signers")
        assert len(stored_submissions(app)) == SUBMISSIONS_IN_DEMO


async def test_a_sent_submission_shows_once_in_its_year_in_the_calendar(
    app: SecretariatApp,
) -> None:
    title = "Skrivelse om stödet till utsatta"
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        await pilot.press("n")
        await fill_form(
            pilot, kind="Framställan/skrivelse", title=title, when="15/3 2025", status="Inskickad"
        )
        await pilot.press("ctrl+s")
        [added] = [s for s in stored_submissions(app) if s.title == title]

        await pilot.press("4")
        assert isinstance(app.screen, CalendarScreen)
        await pilot.press("less_than_sign", "v")
        year_list = app.screen.query_one("#year-list", FittedTable)
        assert year_list.border_title == "2025"
        titles = [str(year_list.get_row_at(i)[3]) for i in range(year_list.row_count)]
        assert titles.count(f"{title} (inlaga)") == 1
        keys = year_list.row_keys()
        assert keys.count(f"påverkan-{added.id}") == 1
        march = keys.index("månad-3")
        assert march < keys.index(f"påverkan-{added.id}") < keys.index("månad-4")


async def test_a_draft_is_stored_but_stays_out_of_the_calendar(app: SecretariatApp) -> None:
    title = "Utkast till remissvar om handlingsplanen"
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        await pilot.press("n")
        await fill_form(pilot, kind="Remissvar", title=title, when="15/3 2025", status="Utkast")
        await pilot.press("ctrl+s")
        [added] = [s for s in stored_submissions(app) if s.title == title]
        assert added.status is SubmissionStatus.DRAFT
        assert status_line(app).startswith(
            f"{SUBMISSIONS_IN_DEMO + 1} inlagor, varav {DRAFTS_IN_DEMO + 1} utkast"
        )

        await pilot.press("4", "less_than_sign", "v")
        year_list = app.screen.query_one("#year-list", FittedTable)
        assert year_list.border_title == "2025"
        keys = year_list.row_keys()
        assert f"påverkan-{added.id}" not in keys
        assert any(key.startswith("påverkan-") for key in keys), "the sent ones of 2025 are"


async def test_x_asks_first_n_keeps_the_submission_and_j_deletes_it(
    app: SecretariatApp, demo_db: Database
) -> None:
    draft = next(s for s in CalendarRepository(demo_db).submissions.all() if not s.in_calendar)
    async with app.run_test(size=SIZE) as pilot:
        await open_submissions(pilot)
        await highlight_id(pilot, draft.id)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, SubmissionsScreen)
        assert draft in stored_submissions(app)
        assert str(draft.id) in dict(rows(app))

        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        assert isinstance(app.screen, SubmissionsScreen)
        assert draft.id not in {s.id for s in stored_submissions(app)}
        assert str(draft.id) not in dict(rows(app))
        assert status_line(app).startswith(f"{SUBMISSIONS_IN_DEMO - 1} inlagor, varav 0 utkast")
        assert f"Borttaget: {draft.title}" in notices(app)
