"""The board on any day, derived from seats and meetings, and the rules a new seat must keep.

A seat runs from its meeting to the first annual meeting in the year ``elected year +
term_years`` (or to the day after ``left_on``). What a seat must keep is in test_board_rules.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from secretariat_tui.domain.board import (
    AnnualMeeting,
    BoardSeat,
    Role,
    board_on,
    carry_over,
    next_meeting_year,
    nominations_text,
    seat_period,
    seats_ending_at_next_meeting,
)
from tests.factories import make_member

M2023 = AnnualMeeting(date(2023, 4, 20), id=1)
M2024 = AnnualMeeting(date(2024, 4, 18), id=2)
M2025 = AnnualMeeting(date(2025, 4, 24), id=3)
MEETINGS = [M2023, M2024]

CHAIR = Role.CHAIR
MEMBER = Role.MEMBER


def seat(
    person: str,
    role: Role = MEMBER,
    *,
    at: AnnualMeeting = M2024,
    term: int = 1,
    org: int | None = None,
    left_on: date | None = None,
    starts_on: date | None = None,
    id: int | None = None,
) -> BoardSeat:
    return BoardSeat(
        person=person,
        role=role,
        organisation_id=org,
        elected_at=at.id or 0,
        term_years=term,
        left_on=left_on,
        starts_on=starts_on,
        id=id,
    )


# Two boards: 2023 (one seat with a two-year term carries into 2024) and 2024.
OLD_CHAIR = seat("Klara Holm", CHAIR, at=M2023, id=1)
OLD_MEMBER = seat("Lars Ek", at=M2023, id=2)
TWO_YEARS = seat("Maja Sund", at=M2023, term=2, id=3)
NEW_CHAIR = seat("Nils Berg", CHAIR, id=4)
NEW_MEMBER = seat("Olga Strand", id=5)
SEATS = [OLD_CHAIR, OLD_MEMBER, TWO_YEARS, NEW_CHAIR, NEW_MEMBER]


def names(seats: list[BoardSeat]) -> list[str]:
    return [s.person for s in seats]


# --- the board on a day ------------------------------------------------------------------------


def test_role_labels_are_capitalised_swedish_and_the_chair_sorts_first() -> None:
    assert [r.label for r in Role] == [
        "Ordförande",
        "Vice ordförande",
        "Kassör",
        "Sekreterare",
        "Ledamot",
        "Suppleant",
    ]
    assert sorted(Role, key=lambda r: r.order)[0] is CHAIR


def test_a_one_year_seat_ends_at_the_next_years_meeting_and_is_open_without_one() -> None:
    assert seat_period(OLD_CHAIR, MEETINGS) == (M2023.held_on, M2024.held_on)
    assert seat_period(NEW_CHAIR, MEETINGS) == (M2024.held_on, None)


def test_the_board_as_of_a_date_follows_the_meetings_and_keeps_a_two_year_seat() -> None:
    assert board_on(date(2023, 4, 19), SEATS, MEETINGS) == []
    assert names(board_on(date(2023, 12, 31), SEATS, MEETINGS)) == [
        "Klara Holm",
        "Lars Ek",
        "Maja Sund",
    ]
    assert names(board_on(M2024.held_on, SEATS, MEETINGS)) == [
        "Nils Berg",
        "Maja Sund",
        "Olga Strand",
    ], "on the meeting day the new board sits, with the two-year seat carried over"
    assert names(board_on(M2025.held_on, SEATS, [*MEETINGS, M2025])) == []


def test_a_seat_left_early_ends_after_its_last_day_and_the_replacement_starts_later() -> None:
    gone = replace(NEW_MEMBER, left_on=date(2024, 9, 10))
    replacement = seat("Petra Lund", starts_on=date(2024, 9, 20), id=6)
    seats = [NEW_CHAIR, gone, replacement]

    assert names(board_on(date(2024, 9, 10), seats, MEETINGS)) == ["Nils Berg", "Olga Strand"]
    assert names(board_on(date(2024, 9, 11), seats, MEETINGS)) == ["Nils Berg"]
    assert names(board_on(date(2024, 9, 20), seats, MEETINGS)) == ["Nils Berg", "Petra Lund"]
    assert seat_period(replacement, [*MEETINGS, M2025]) == (date(2024, 9, 20), M2025.held_on)


# --- the nomination committee and a new meeting ------------------------------------------------


def test_nomination_view_lists_the_seats_whose_term_runs_out_at_the_next_meeting() -> None:
    two_year = seat("Sara Vik", at=M2024, term=2, id=6)
    seats = [*SEATS, two_year]
    today = date(2024, 11, 1)

    assert next_meeting_year(MEETINGS, today) == 2025
    assert names(seats_ending_at_next_meeting(seats, MEETINGS, today)) == [
        "Nils Berg",
        "Maja Sund",
        "Olga Strand",
    ], "Sara Vik's term runs to 2026"


def test_carry_over_lists_the_seats_that_continue_through_the_new_meeting() -> None:
    assert carry_over(SEATS, M2023, M2024) == [TWO_YEARS]

    two_year = seat("Sara Vik", at=M2024, term=2, id=6)
    elected_2025 = seat("Tove Ås", at=M2025, id=7)
    continuing = carry_over([*SEATS, two_year, elected_2025], M2024, M2025, MEETINGS)
    assert continuing == [two_year], "Maja Sund's two years end in 2025; new seats are not carried"


def test_nominations_text_lists_each_seat_to_fill_with_its_organisation_and_period() -> None:
    two_year = seat("Sara Vik", at=M2024, term=2, id=6)
    roks = make_member("Roks", id=7)
    with_org = replace(NEW_CHAIR, organisation_id=7)
    seats = [OLD_CHAIR, with_org, NEW_MEMBER, two_year]

    assert nominations_text(seats, MEETINGS, {7: roks}, date(2024, 11, 1)) == (
        "Poster vars mandattid går ut vid årsmötet 2025:\n"
        "\n"
        "Ordförande: Nils Berg (Roks), från 2024-04-18\n"
        "Ledamot: Olga Strand, från 2024-04-18"
    )
    assert nominations_text([two_year], MEETINGS, {}, date(2024, 11, 1)) == (
        "Inga poster går ut vid årsmötet 2025."
    )
