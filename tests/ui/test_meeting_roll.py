"""The voting roll of the 2024 annual meeting, driven by keys: rule, delegates, presence."""

from __future__ import annotations

from textual.widgets import Input, Static

from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.meeting_roll import DelegateForm, MeetingRollScreen, RuleForm
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.ui.helpers import TODAY, highlight, shown_row, status_line, type_text

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
