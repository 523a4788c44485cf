"""The rules a board seat and a meeting must keep (domain/board_rules.py), which the seat form
and `secretariat board|meeting` both apply: one chair at a time, one seat per person at a time,
a term of 1–4 years, a meeting and an organisation that exist, a replacement that does not start
before its meeting, an end within the seat, one meeting a day; a warning for an organisation
that was not a member when the seat started.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.board_rules import check_meeting, check_seat
from secretariat_tui.domain.errors import FieldErrors
from tests.domain.test_board import (
    CHAIR,
    M2024,
    M2025,
    MEETINGS,
    NEW_CHAIR,
    SEATS,
    TWO_YEARS,
    seat,
)
from tests.factories import make_member


def refused(new: BoardSeat, meetings: list[AnnualMeeting]) -> dict[str, str]:
    """The errors of ``new`` alone (no other seats, no members)."""
    with pytest.raises(FieldErrors) as raised:
        check_seat(new, [], meetings, [])
    return raised.value.errors


def test_a_second_chair_at_the_same_time_is_refused_naming_the_chair_and_dates() -> None:
    with pytest.raises(FieldErrors) as raised:
        check_seat(seat("Rut Falk", CHAIR), SEATS, MEETINGS, [])

    assert raised.value.errors == {
        "role": "Styrelsen har redan en ordförande under perioden: Nils Berg (från 2024-04-18)."
    }


def test_a_new_chair_after_the_old_chairs_term_is_accepted() -> None:
    assert check_seat(seat("Rut Falk", CHAIR, at=M2025), SEATS, [*MEETINGS, M2025], []) == []


def test_editing_a_seat_does_not_collide_with_itself() -> None:
    assert check_seat(replace(NEW_CHAIR, term_years=2), SEATS, MEETINGS, []) == []


def test_one_person_cannot_hold_two_seats_at_once_whatever_the_spacing_or_case() -> None:
    with pytest.raises(FieldErrors) as raised:
        check_seat(seat("  olga  strand", Role.TREASURER), SEATS, MEETINGS, [])

    assert raised.value.errors == {
        "person": "Olga Strand har redan en post under perioden: Ledamot (från 2024-04-18)."
    }


def test_term_must_be_one_to_four_years() -> None:
    for bad in (0, 5):
        with pytest.raises(FieldErrors) as raised:
            check_seat(seat("Rut Falk", term=bad), [], MEETINGS, [])
        assert raised.value.errors == {"term_years": "Mandattiden är ett helt antal år, 1–4."}
    assert check_seat(seat("Rut Falk", term=4), [], MEETINGS, []) == []


def test_left_on_before_the_seat_starts_is_refused() -> None:
    with pytest.raises(FieldErrors) as raised:
        check_seat(seat("Rut Falk", left_on=date(2024, 4, 17)), [], MEETINGS, [])

    assert raised.value.errors == {
        "left_on": "Avgångsdagen kan inte ligga före postens början (2024-04-18)."
    }


def test_an_organisation_that_was_not_a_member_gives_a_warning_not_an_error() -> None:
    left = make_member("Roks", joined=date(2015, 1, 1), ended=date(2023, 12, 31), id=7)
    member = make_member("Terrafem", id=8)

    warnings = check_seat(seat("Rut Falk", org=7), [], MEETINGS, [left, member])

    assert warnings == ["Roks var inte medlem 2024-04-18, när posten började."]
    assert check_seat(seat("Rut Falk", org=8), [], MEETINGS, [left, member]) == []


def test_the_seats_own_faults_are_all_named_at_once() -> None:
    lost = replace(seat(" ", term=0, org=99), elected_at=9)

    assert refused(lost, MEETINGS) == {
        "person": "Ange personens namn.",
        "term_years": "Mandattiden är ett helt antal år, 1–4.",
        "organisation_id": "Det finns ingen medlem med id 99.",
        "elected_at": "Det finns inget årsmöte med id 9.",
    }


def test_a_replacement_cannot_start_before_the_meeting_that_elected_it() -> None:
    early = seat("Rut Falk", starts_on=date(2024, 4, 17))

    assert refused(early, MEETINGS) == {
        "starts_on": "Posten kan inte börja före årsmötet som valde den (2024-04-18)."
    }
    assert check_seat(replace(early, starts_on=M2024.held_on), [], MEETINGS, []) == []


def test_a_seat_cannot_end_on_or_after_the_meeting_at_which_its_term_ran_out() -> None:
    """``TWO_YEARS`` was elected in 2023 for two years: the 2025 meeting is its last day off."""
    meetings = [*MEETINGS, M2025]
    message = {"left_on": "Posten gick redan ut 2025-04-24, när mandattiden tog slut."}

    for late in (M2025.held_on, date(2025, 9, 1)):
        assert refused(replace(TWO_YEARS, left_on=late), meetings) == message
    last_day = replace(TWO_YEARS, left_on=date(2025, 4, 23))
    assert check_seat(last_day, [], meetings, []) == []


def test_a_seat_whose_term_has_no_closing_meeting_yet_may_end_any_day_after_it_started() -> None:
    later = replace(TWO_YEARS, left_on=date(2027, 1, 1))

    assert check_seat(later, [], MEETINGS, []) == []


def test_one_annual_meeting_a_day() -> None:
    with pytest.raises(FieldErrors) as raised:
        check_meeting(AnnualMeeting(M2024.held_on, "igen"), MEETINGS)

    assert raised.value.errors == {"held_on": "Det finns redan ett årsmöte 2024-04-18."}
    check_meeting(M2024, MEETINGS)  # the meeting itself is no clash
    check_meeting(AnnualMeeting(date(2024, 4, 19)), MEETINGS)
