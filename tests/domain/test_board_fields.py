"""Typed board fields → a seat, an ended seat, a meeting (domain/board_fields.py), as the seat
form and `secretariat board add|end`, `meeting add` both read them; dates in the fast entry,
"today" 2024-09-01."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.board_fields import (
    parse_meeting_fields,
    parse_seat_end_fields,
    parse_seat_fields,
    parse_term,
    seat_fields,
)
from secretariat_tui.domain.errors import FieldErrors

TODAY = date(2024, 9, 1)

TYPED = {
    "elected_at": "2",
    "person": "  Bo   Ek ",
    "role": "Kassör",
    "organisation_id": "5",
    "term_years": " 2 ",
    "starts_on": "2024-09-01",
}


def test_a_typed_seat_is_tidied_into_a_board_seat() -> None:
    assert parse_seat_fields(TYPED, TODAY) == BoardSeat(
        person="Bo Ek",
        role=Role.TREASURER,
        organisation_id=5,
        elected_at=2,
        term_years=2,
        starts_on=date(2024, 9, 1),
    )


def test_empty_organisation_and_start_are_none() -> None:
    seat = parse_seat_fields({**TYPED, "organisation_id": "", "starts_on": " "}, TODAY)

    assert (seat.organisation_id, seat.starts_on) == (None, None)


def test_every_faulty_field_is_named_at_once() -> None:
    typed = {"elected_at": "", "person": " ", "role": "kung", "term_years": "två"}
    typed |= {"organisation_id": "Roks", "starts_on": "snart"}
    with pytest.raises(FieldErrors) as raised:
        parse_seat_fields(typed, TODAY)

    assert raised.value.errors == {
        "elected_at": "Välj årsmötet som valde posten.",
        "person": "Ange personens namn.",
        "role": (
            "”kung” är ingen styrelseroll; välj ordförande, vice-ordförande, kassör, "
            "sekreterare, ledamot, suppleant."
        ),
        "organisation_id": "”Roks” är inget medlems-id.",
        "term_years": "Mandattiden är ett helt antal år, 1–4.",
        "starts_on": (
            "”snart” förstods inte som ett datum: skriv t.ex. 2024-01-15, 15/1, 15 jan, "
            "jan 2024, i dag, i morgon eller +3."
        ),
    }


@pytest.mark.parametrize("text", ["0", "5", "1.5", ""])
def test_a_term_is_a_whole_number_of_years_from_one_to_four(text: str) -> None:
    with pytest.raises(ValueError, match="^Mandattiden är ett helt antal år, 1–4.$"):
        parse_term(text)
    assert [parse_term(str(years)) for years in range(1, 5)] == [1, 2, 3, 4]


def test_a_correction_keeps_the_seats_id_and_end_and_round_trips() -> None:
    left_on = date(2025, 1, 31)
    stored = BoardSeat("Bo Ek", Role.MEMBER, 5, 2, 2, left_on, "Flytt", date(2024, 9, 1), id=8)

    assert parse_seat_fields(seat_fields(stored), TODAY, base=stored) == stored
    changed = {**seat_fields(stored), "person": "Bo Ekström"}
    renamed = parse_seat_fields(changed, TODAY, base=stored)
    assert (renamed.id, renamed.left_on, renamed.left_reason) == (8, date(2025, 1, 31), "Flytt")


def test_ending_a_seat_sets_its_last_day_and_reason() -> None:
    seat = BoardSeat("Bo Ek", Role.MEMBER, None, 2, id=3)
    ended = parse_seat_end_fields({"left_on": "15/9", "left_reason": " Flyttat "}, seat, TODAY)

    assert (ended.id, ended.left_on, ended.left_reason) == (3, date(2024, 9, 15), "Flyttat")
    with pytest.raises(FieldErrors) as raised:
        parse_seat_end_fields({"left_on": ""}, seat, TODAY)
    assert list(raised.value.errors) == ["left_on"]


def test_a_typed_meeting() -> None:
    typed = {"held_on": "18 apr", "notes": " Stockholm "}

    assert parse_meeting_fields(typed, TODAY) == AnnualMeeting(date(2024, 4, 18), "Stockholm")
    with pytest.raises(FieldErrors) as raised:
        parse_meeting_fields({"held_on": "2024-02-30"}, TODAY)
    assert raised.value.errors == {
        "held_on": "”2024-02-30”: 30 februari 2024 finns inte i kalendern."
    }


@pytest.mark.parametrize("typed", ["vice-ordförande", "Vice ordförande", "VICE_ORDFÖRANDE"])
def test_a_role_is_read_as_a_shell_or_a_form_writes_it(typed: str) -> None:
    seat = parse_seat_fields({**TYPED, "role": typed}, TODAY)

    assert seat.role is Role.VICE_CHAIR


def test_a_seat_without_a_meeting_or_a_role_asks_for_them() -> None:
    with pytest.raises(FieldErrors) as raised:
        parse_seat_fields({**TYPED, "elected_at": "", "role": ""}, TODAY)

    assert raised.value.errors == {
        "elected_at": "Välj årsmötet som valde posten.",
        "role": "Välj styrelseroll.",
    }
