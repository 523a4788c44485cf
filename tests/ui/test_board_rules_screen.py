"""The board rules through the board screen's forms, typed by keys at 80×24.

Each rule is the domain's (domain/board_rules.py) and has its command-line twin in
tests/cli/test_board_cli.py with the same Swedish message: the error stands under its field,
the form stays open and nothing reaches the file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from textual.pilot import Pilot

from secretariat_tui.domain.board import BoardSeat, Role
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.board import BoardScreen
from secretariat_tui.ui.screens.board_forms import EndSeatForm, MeetingForm, SeatForm
from tests.ui.board_helpers import (
    SEATS_IN_DEMO,
    SIZE,
    open_board,
    persons,
    show_date,
    stored_board,
)
from tests.ui.helpers import (
    TODAY,
    choose,
    error_text,
    focus_field,
    notices,
    replace_text,
    table,
)

# --- ending a seat -----------------------------------------------------------------------------


async def end_cecilia(pilot: Pilot[Any], last_day: str) -> None:
    """x on Cecilia Norén on the 2024 board (elected 2024-04-18 for a year: gone 2025-04-24)."""
    app = pilot.app
    assert isinstance(app, SecretariatApp)
    await open_board(pilot)
    await show_date(pilot, "2024-06-01")
    table(app).move_cursor(row=persons(app).index("Cecilia Norén"))
    await pilot.pause()
    await pilot.press("x")
    assert isinstance(app.screen, EndSeatForm)
    await replace_text(pilot, "left_on", last_day)
    await pilot.press("ctrl+s")


def cecilia_2024(app: SecretariatApp) -> date | None:
    [seat] = [s for s in stored_board(app)[1] if s.person == "Cecilia Norén" and s.elected_at == 2]
    return seat.left_on


@pytest.mark.parametrize(
    ("last_day", "message"),
    [
        ("2025-05-01", "Posten gick redan ut 2025-04-24, när mandattiden tog slut."),
        ("2025-04-24", "Posten gick redan ut 2025-04-24, när mandattiden tog slut."),
        ("2024-04-17", "Avgångsdagen kan inte ligga före postens början (2024-04-18)."),
    ],
    ids=["after-the-term", "on-the-next-meeting", "before-the-start"],
)
async def test_a_seat_end_outside_the_seat_is_refused_under_the_field(
    app: SecretariatApp, last_day: str, message: str
) -> None:
    """The named bug of issue 13: the form accepted an end after the term had run out."""
    async with app.run_test(size=SIZE) as pilot:
        await end_cecilia(pilot, last_day)

        assert isinstance(app.screen, EndSeatForm)
        assert error_text(app, "left_on") == message
        assert cecilia_2024(app) is None


async def test_the_last_day_before_the_meeting_that_ends_the_term_is_accepted(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await end_cecilia(pilot, "23 apr 2025")  # the fast entry, as in every form

        assert isinstance(app.screen, BoardScreen)
        assert cecilia_2024(app) == date(2025, 4, 23)


# --- a new seat ---------------------------------------------------------------------------------


async def fill_seat(pilot: Pilot[Any], typed: dict[str, str], chosen: dict[str, str]) -> None:
    """n, then the typed text fields and the chosen Select options by label; then ctrl+s."""
    await pilot.press("n")
    assert isinstance(pilot.app.screen, SeatForm)
    for field, text in typed.items():
        await replace_text(pilot, field, text)
    for field, label in chosen.items():
        await focus_field(pilot, field)
        await choose(pilot, label)
    await pilot.press("ctrl+s")


@pytest.mark.parametrize(
    ("typed", "chosen", "field", "message"),
    [
        ({"person": "  "}, {}, "person", "Ange personens namn."),
        (
            {"person": "tomas  berglöf"},
            {},
            "person",
            "Tomas Berglöf har redan en post under perioden: Ordförande (från 2026-04-23).",
        ),
        (
            {"person": "Eva Ek"},
            {"role": "Ordförande"},
            "role",
            "Styrelsen har redan en ordförande under perioden: Tomas Berglöf (från 2026-04-23).",
        ),
        (
            {"person": "Eva Ek", "term_years": "5"},
            {},
            "term_years",
            "Mandattiden är ett helt antal år, 1–4.",
        ),
        (
            {"person": "Eva Ek", "starts_on": "2026-04-01"},
            {},
            "starts_on",
            "Posten kan inte börja före årsmötet som valde den (2026-04-23).",
        ),
    ],
    ids=["no-name", "one-seat-per-person", "one-chair", "term", "starts-early"],
)
async def test_a_seat_that_breaks_a_rule_is_refused_under_its_field(
    app: SecretariatApp, typed: dict[str, str], chosen: dict[str, str], field: str, message: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await fill_seat(pilot, typed, chosen)

        assert isinstance(app.screen, SeatForm)
        assert error_text(app, field) == message
        assert len(stored_board(app)[1]) == SEATS_IN_DEMO


async def test_with_no_meeting_recorded_a_seat_is_refused_under_the_meeting(
    app: SecretariatApp,
) -> None:
    """A meeting is a required choice with nothing to choose from: the only time the form
    shows "Välj…" (with a meeting recorded it opens on one and offers no blank)."""
    stored: list[BoardSeat] = []

    def save(seat: BoardSeat) -> BoardSeat:
        stored.append(seat)
        return seat

    async with app.run_test(size=SIZE) as pilot:
        form = SeatForm(seats=(), meetings=(), members=(), day=TODAY, today=TODAY, save=save)
        app.push_screen(form)
        await pilot.pause()
        assert form.field("elected_at").is_blank()
        await replace_text(pilot, "person", "Eva Ek")
        await pilot.press("ctrl+s")

        assert app.screen is form
        assert error_text(app, "elected_at") == "Välj årsmötet som valde posten."
        assert app.focused is form.field("elected_at")
        assert stored == []


async def test_an_organisation_that_was_not_yet_a_member_is_stored_with_a_warning(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await show_date(pilot, "2024-06-01")
        await fill_seat(
            pilot, {"person": "Eva Ek"}, {"organisation_id": "Stiftelsen Ledstången Kalmar"}
        )

        assert isinstance(app.screen, BoardScreen)
        [added] = [s for s in stored_board(app)[1] if s.person == "Eva Ek"]
        assert (added.elected_at, added.organisation_id) == (2, 30)
        assert notices(app, "warning") == [
            "Stiftelsen Ledstången Kalmar var inte medlem 2024-04-18, när posten började."
        ]


async def test_correcting_a_seat_keeps_an_organisation_that_has_left_since(
    demo_db: Database, app: SecretariatApp
) -> None:
    """The form offers today's members; a seat's own organisation stays offered after it left
    (Studentnätverket left 2025-06-30), or saving a correction would drop it."""
    board = BoardRepository(demo_db)
    old = board.seats.get(11)
    board.seats.update(replace(old, organisation_id=24))
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("h")
        table(app).move_cursor(row=persons(app).index("Cecilia Norén"))
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, SeatForm)
        await replace_text(pilot, "person", "Cecilia Norén Ek")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, BoardScreen)
        [seat] = [s for s in stored_board(app)[1] if s.id == 11]
        assert (seat.person, seat.organisation_id, seat.role) == (
            "Cecilia Norén Ek",
            24,
            Role.MEMBER,
        )


# --- a new meeting -----------------------------------------------------------------------------


async def test_a_second_meeting_on_the_same_day_is_refused_under_the_date(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, MeetingForm)
        await replace_text(pilot, "held_on", "2026-04-23")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, MeetingForm)
        assert error_text(app, "held_on") == "Det finns redan ett årsmöte 2026-04-23."
        assert len(stored_board(app)[0]) == 4
