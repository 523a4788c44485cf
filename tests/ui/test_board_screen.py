"""The board screen driven by keys at 80×24: the board on a date, seats, meetings, the report."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from secretariat_tui.domain.board import Role
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.board import BoardScreen
from secretariat_tui.ui.screens.board_forms import EndSeatForm, MeetingForm, SeatForm
from secretariat_tui.ui.screens.meeting_roll import MeetingRollScreen
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.cli.helpers import ok
from tests.ui.board_helpers import (
    SEATS_IN_DEMO,
    SIZE,
    open_board,
    persons,
    rows,
    show_date,
    stored_board,
)
from tests.ui.helpers import (
    choose,
    focus_field,
    notices,
    replace_text,
    status_line,
    table,
    type_text,
)

REPORT_2024 = {
    "Childx",
    "Frälsningsarmén",
    "Terrafem",
    "Stockholms Stadsmission",
    "Roks",
    "Göteborgs Räddningsmission",
}


async def test_key_3_shows_todays_board_with_the_chair_first(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        assert status_line(app) == (
            "Styrelsen per 2026-06-01: 6 ledamöter · valda på årsmötet 2026-04-23"
        )
        assert rows(app)[0][:3] == ("Ordförande", "Tomas Berglöf", "Childx")
        assert rows(app)[1][:2] == ("Vice ordförande", "Bodil Sjöberg")


async def test_d_shows_the_board_of_the_2024_report_on_that_date(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await show_date(pilot, "2024-06-01")
        assert status_line(app) == (
            "Styrelsen per 2024-06-01: 6 ledamöter · valda på årsmötet 2024-04-18"
        )
        shown = rows(app)
        assert shown[0][:3] == ("Ordförande", "Tomas Berglöf", "Childx")
        assert {row[2] for row in shown} == REPORT_2024


async def test_adding_a_seat_by_keys_stores_it_and_shows_it(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, SeatForm)
        await focus_field(pilot, "person")
        await type_text(pilot, "Eva Ek")
        await focus_field(pilot, "role")
        await choose(pilot, "Suppleant")
        await focus_field(pilot, "organisation_id")
        await choose(pilot, "Roks")
        await replace_text(pilot, "term_years", "2")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, BoardScreen)
        meetings, seats = stored_board(app)
        [added] = [s for s in seats if s.person == "Eva Ek"]
        assert (added.role, added.organisation_id, added.term_years) == (Role.DEPUTY, 4, 2)
        assert added.elected_at == meetings[-1].id  # the latest meeting on or before today
        assert ("Suppleant", "Eva Ek", "Roks", "från 2026-04-23") in rows(app)
        assert status_line(app).startswith("Styrelsen per 2026-06-01: 7 ledamöter")


async def test_x_ends_a_seat_and_it_leaves_the_board_after_the_last_day(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        grid = table(app)
        grid.move_cursor(row=persons(app).index("Sanna Jonsson"))
        await pilot.pause()
        await pilot.press("x")
        assert isinstance(app.screen, EndSeatForm)
        await replace_text(pilot, "left_on", "2026-05-15")
        await pilot.press("tab")
        await type_text(pilot, "Flyttar")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, BoardScreen)
        [seat] = [s for s in stored_board(app)[1] if s.person == "Sanna Jonsson"]
        assert (seat.left_on, seat.left_reason) == (date(2026, 5, 15), "Flyttar")
        assert "Sanna Jonsson" not in persons(app)
        await show_date(pilot, "2026-05-15")
        assert "Sanna Jonsson" in persons(app)


async def test_h_shows_every_seat_ever_with_its_period(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("h")
        assert status_line(app).startswith(f"Alla styrelseposter: {SEATS_IN_DEMO} poster")
        assert len(rows(app)) == SEATS_IN_DEMO
        assert (
            "Ledamot",
            "Oskar Fransson",
            "Göteborgs Räddningsmission",
            "2024-04-18–2025-09-30",
        ) in rows(app)
        await pilot.press("h")
        assert len(rows(app)) == 6


async def test_p_shows_the_board_paragraph_for_the_report(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("p")
        assert isinstance(app.screen, TextPreviewScreen)
        text = str(app.screen.query_one("#preview-text", Static).render())
        assert text.startswith("Plattformens styrelse har sedan årsmötet i april 2026")
        assert "Ordförande: Tomas Berglöf (Childx)" in text


async def test_m_adds_a_meeting_and_reports_the_seats_that_carry_over(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, MeetingForm)
        await type_text(pilot, "2027-04-22")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, BoardScreen)
        meetings, _ = stored_board(app)
        assert meetings[-1].held_on == date(2027, 4, 22)
        assert "Fortsätter utan nyval: Tomas Berglöf, Bodil Sjöberg, Lina Hermansson." in notices(
            app
        )
        assert screen.as_of == date(2027, 4, 22)
        assert persons(app) == ["Tomas Berglöf", "Bodil Sjöberg", "Lina Hermansson"]


async def test_r_opens_the_voting_roll_of_the_latest_meeting(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, MeetingRollScreen)


async def test_r_is_hidden_before_the_first_meeting(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_board(pilot)
        await show_date(pilot, "2023-01-01")
        assert status_line(app).endswith("0 ledamöter · inget årsmöte före datumet")
        assert screen.check_action("roll", ()) is False


async def test_e_corrects_a_seat_in_place_and_keeps_its_history(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        chair = next(r for r in rows(app) if r[0] == "Ordförande")
        table(app).move_cursor(row=rows(app).index(chair))
        await pilot.press("e")
        assert isinstance(app.screen, SeatForm)
        await replace_text(pilot, "person", "Tomas Berglöf-Ek")
        await pilot.press("ctrl+s")
        _, seats = stored_board(app)
        edited = [s for s in seats if s.person == "Tomas Berglöf-Ek"]
        assert len(edited) == 1 and edited[0].role is Role.CHAIR
        assert len(seats) == SEATS_IN_DEMO, "an edit must not add a seat"
        assert "Tomas Berglöf-Ek" in persons(app)


async def test_v_shows_the_nominations_the_command_line_lists(
    app: SecretariatApp,
) -> None:
    """One choice of seats and heading (domain.board.nominations) for the board screen and
    `board nominations`; the command line lists them with the ids `board end` takes."""
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, TextPreviewScreen)
        text = str(app.screen.query_one("#preview-text", Static).render())
        assert text.startswith("Poster vars mandattid går ut vid årsmötet 2027:\n\n")
        assert "Ledamot: Sanna Jonsson (Kvinnojouren i Jämtlands län), från 2026-04-23" in text
        printed = ok(app.database.path, "board", "nominations", "--date", "2026-06-01")
        heading, _, seats = text.partition("\n\n")
        assert printed.startswith(f"{heading}\n\nId  Roll")
        for line in seats.splitlines():
            person = line.split(": ", 1)[1].split(" (")[0]
            assert person in printed, person
