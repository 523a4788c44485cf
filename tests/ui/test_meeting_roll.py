"""The voting roll of the 2024 annual meeting, driven by keys: rule, delegates, presence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select, Static

from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.meeting_roll import (
    DelegateForm,
    MeetingChoice,
    MeetingRollScreen,
    RuleForm,
)
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.ui.board_helpers import open_board
from tests.ui.helpers import (
    TODAY,
    choose,
    field_value,
    highlight,
    shown_row,
    status_line,
    type_text,
)

SIZE = (80, 24)
VOTER = "Terrafem"  # full member, paid 2024 before the meeting in the demo
LATE_PAYER = "Childx"  # paid its 2024 fee after the meeting (2024-05-03)


def meeting_2024(app: SecretariatApp) -> AnnualMeeting:
    return next(m for m in BoardRepository(app.database).meetings.all() if m.held_on.year == 2024)


async def open_roll(app: SecretariatApp) -> MeetingRollScreen:
    screen = MeetingRollScreen(
        BoardRepository(app.database), FeeLedger.of(app.database), meeting_2024(app), today=TODAY
    )
    await app.push_screen(screen)
    return screen


def footer_keys(app: SecretariatApp) -> set[str]:
    """The keys the footer shows on the current screen now (enabled and shown)."""
    return {
        key
        for key, active in app.screen.active_bindings.items()
        if active.enabled and active.binding.show
    }


def attendance(app: SecretariatApp, name: str) -> tuple[str, bool]:
    board, members = BoardRepository(app.database), FeeLedger.of(app.database).members
    member_id = next(m.id for m in members.all() if m.name == name)
    found = board.attendance.for_meeting(meeting_2024(app).id or 0).get(member_id or 0)
    return (found.delegate, found.present) if found else ("", False)


async def test_the_roll_states_its_rule_and_who_votes_by_the_meeting_day(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roll(app)
        await pilot.pause()
        rule = str(screen.query_one("#roll-rule", Static).render())
        assert "senast 2024-04-18" in rule
        assert shown_row(app, VOTER)[1] == "ja"
        assert shown_row(app, LATE_PAYER)[1] == "nej"
        roll = screen.current_roll()
        assert status_line(app).startswith(f"{roll.entitled_count} med rösträtt · ")


async def test_a_later_cutoff_gives_the_late_payer_a_vote(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roll(app)
        before = screen.current_roll().entitled_count
        await pilot.press("k")
        assert isinstance(app.screen, RuleForm)
        app.screen.query_one("#field-cutoff", Input).value = "2024-12-31"
        await pilot.press("ctrl+s")
        assert screen.current_roll().entitled_count > before
        assert shown_row(app, LATE_PAYER)[1] == "ja"


async def test_space_marks_presence_and_enter_records_a_delegate(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roll(app)
        await highlight(pilot, VOTER)
        was_present = attendance(app, VOTER)[1]
        votes = screen.current_roll().present_votes
        await pilot.press("space")
        assert attendance(app, VOTER)[1] is (not was_present)
        assert screen.current_roll().present_votes == votes + (-1 if was_present else 1)

        await pilot.press("enter")
        assert isinstance(app.screen, DelegateForm)
        await type_text(pilot, "Nora Ek")
        await pilot.press("ctrl+s")
        assert attendance(app, VOTER)[0] == "Nora Ek"
        assert shown_row(app, VOTER)[2] == "Nora Ek"


async def test_p_shows_the_roll_for_printing(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_roll(app)
        await pilot.press("p")
        assert isinstance(app.screen, TextPreviewScreen)
        text = str(app.screen.query_one("#preview-text", Static).render())
        assert text.startswith("Röstlängd, årsmöte 2024-04-18")
        assert "Utan rösträtt" in text


async def test_the_rule_is_stored_with_the_meeting_and_used_next_time(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_roll(app)
        await pilot.press("k")
        app.screen.query_one("#field-cutoff", Input).value = "2024-03-31"
        await pilot.press("ctrl+s", "escape")
        assert meeting_2024(app).voting_cutoff is not None
        assert meeting_2024(app).voting_cutoff.isoformat() == "2024-03-31"
        screen = await open_roll(app)
        await pilot.pause()
        assert "senast 2024-03-31" in str(screen.query_one("#roll-rule", Static).render())


async def test_m_shows_the_roll_of_another_meeting_chosen_newest_first(
    app: SecretariatApp,
) -> None:
    """From the board screen, r opens the latest meeting's roll; m lists every recorded meeting
    newest first and shows the chosen one's roll, with that meeting's own attendance."""
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("r")
        roll = app.screen
        assert isinstance(roll, MeetingRollScreen)
        assert roll.meeting.held_on.isoformat() == "2026-04-23"
        assert "m" in footer_keys(app)

        await pilot.press("m")
        assert isinstance(app.screen, MeetingChoice)
        options = app.screen.query_one("#field-meeting", Select)
        labels = [str(prompt) for prompt, _ in options._options]
        assert labels == ["2026-04-23", "2025-04-24", "2024-04-18", "2023-04-20"]
        assert field_value(app, "meeting") == str(roll.meeting.id)

        await choose(pilot, "2024-04-18")
        await pilot.press("ctrl+s")
        assert app.screen is roll
        assert roll.meeting == meeting_2024(app)
        title = str(roll.query_one("#list-title", Static).render())
        assert title == "Röstlängd, årsmöte 2024-04-18"
        assert "senast 2024-04-18" in str(roll.query_one("#roll-rule", Static).render())

        await highlight(pilot, VOTER)
        was_present = attendance(app, VOTER)[1]
        await pilot.press("space")  # recorded for the meeting shown, 2024
        assert attendance(app, VOTER)[1] is (not was_present)


async def test_escape_from_the_choice_keeps_the_meeting_shown(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_roll(app)
        await pilot.press("m")
        assert isinstance(app.screen, MeetingChoice)
        await pilot.press("escape")
        assert app.screen is screen
        assert screen.meeting == meeting_2024(app)


async def test_m_is_hidden_when_only_one_meeting_is_recorded(tmp_path: Path) -> None:
    with open_database(tmp_path / "en.json") as db:
        board = BoardRepository(db)
        only = board.meetings.add(AnnualMeeting(date(2024, 4, 18)))
        app = SecretariatApp(db, today=TODAY, start="members")
        async with app.run_test(size=SIZE) as pilot:
            screen = MeetingRollScreen(board, FeeLedger.of(db), only, today=TODAY)
            await app.push_screen(screen)
            await pilot.pause()
            assert screen.check_action("meeting", ()) is False
            assert "m" not in footer_keys(app)
            assert "k" in footer_keys(app)  # the footer is the roll's
