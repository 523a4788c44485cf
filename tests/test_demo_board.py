"""The board and annual meetings in the shipped demo database: the 2024 report's board, an
earlier board for 2023, and later boards that follow the terms.

Every test reads a copy of ``data/demo.json`` in a temporary folder; the shipped file itself is
never opened, only hashed before and after this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from secretariat_tui.domain.board import (
    AnnualMeeting,
    BoardSeat,
    Role,
    board_on,
    seat_period,
)
from secretariat_tui.domain.board_rules import check_seat
from secretariat_tui.domain.members import Member, MembershipForm
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.exports.board_report import board_paragraph
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.members import MemberRepository
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)
from tests.test_demo_data import REPORT_PEOPLE

REPORT_OPENING = "Plattformens styrelse har sedan årsmötet i april 2024 bestått av 6 ledamöter:"
REPORT_LEDAMOT_ORGANISATIONS = [
    "Frälsningsarmén",
    "Terrafem",
    "Stockholms Stadsmission",
    "Roks",
    "Göteborgs Räddningsmission",
]


@dataclass(frozen=True)
class Board:
    members: list[Member]
    meetings: list[AnnualMeeting]
    seats: list[BoardSeat]
    attendance: dict[int, Attendance]

    @property
    def by_id(self) -> dict[int, Member]:
        return {m.id: m for m in self.members if m.id is not None}

    def organisation(self, seat: BoardSeat) -> str:
        assert seat.organisation_id is not None
        return self.by_id[seat.organisation_id].name

    def on(self, day: date) -> list[BoardSeat]:
        return board_on(day, self.seats, self.meetings)

    def meeting(self, year: int) -> AnnualMeeting:
        (meeting,) = [m for m in self.meetings if m.held_on.year == year]
        return meeting

    def paragraph(self, year: int) -> str:
        return board_paragraph(year, self.seats, self.meetings, self.by_id)


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Board:
    copy = copy_of_demo(tmp_path_factory.mktemp("demo-board"))
    with open_database(copy) as db:
        repo = BoardRepository(db)
        meetings = repo.meetings.all()
        meeting_2024 = next(m for m in meetings if m.held_on.year == 2024)
        assert meeting_2024.id is not None
        return Board(
            members=MemberRepository(db).all(),
            meetings=meetings,
            seats=repo.seats.all(),
            attendance=repo.attendance.for_meeting(meeting_2024.id),
        )


def test_annual_meetings_in_april_2023_to_2026(board: Board) -> None:
    assert [m.held_on.year for m in board.meetings] == [2023, 2024, 2025, 2026]
    assert all(m.held_on.month == 4 for m in board.meetings)
    assert all(m.notes.startswith("Ordinarie årsmöte") for m in board.meetings)


def test_2024_paragraph_is_the_reports(board: Board) -> None:
    lines = board.paragraph(2024).splitlines()
    assert lines[0] == REPORT_OPENING
    assert lines[1] == ""
    seat_lines = lines[2:]
    assert len(seat_lines) == 6, "no changes during 2024 either"
    assert seat_lines[0].startswith("Ordförande: ")
    assert seat_lines[0].endswith(" (Childx)")
    ledamot_organisations = []
    for line in seat_lines[1:]:
        assert line.startswith("Ledamot: ")
        ledamot_organisations.append(line.rsplit(" (", 1)[1].rstrip(")"))
    # The demo's invented names even sort into the report's order.
    assert ledamot_organisations == REPORT_LEDAMOT_ORGANISATIONS


def test_2024_board_is_the_reports_six_organisations(board: Board) -> None:
    seats = board.on(board.meeting(2024).held_on)
    assert [(s.role, board.organisation(s)) for s in seats] == [
        (Role.CHAIR, "Childx"),
        *[(Role.MEMBER, name) for name in REPORT_LEDAMOT_ORGANISATIONS],
    ]
    assert board.on(date(2024, 12, 31)) == seats


def test_board_people_are_invented(board: Board) -> None:
    report_words = {word for name in REPORT_PEOPLE for word in name.split()}
    delegates = [a.delegate for a in board.attendance.values()]
    for person in [s.person for s in board.seats] + delegates:
        assert len(person.split()) == 2, person
        assert not set(person.split()) & report_words, person


def test_2023_board_is_the_2023_election(board: Board) -> None:
    elected_2023 = board.meeting(2023).id
    seats = board.on(date(2023, 6, 1))
    assert seats == [s for s in seats if s.elected_at == elected_2023]
    assert sorted(s.id for s in seats) == sorted(
        s.id for s in board.seats if s.elected_at == elected_2023
    )
    assert len(seats) in (6, 7)
    assert all(s.term_years in (1, 2) for s in seats)
    chair_2023 = seats[0]
    assert chair_2023.role is Role.CHAIR
    chair_2024 = board.on(date(2024, 6, 1))[0]
    assert chair_2024.role is Role.CHAIR
    assert chair_2023.person != chair_2024.person
    assert set(REPORT_LEDAMOT_ORGANISATIONS) & {board.organisation(s) for s in seats}


def test_a_2023_seat_with_two_years_sits_on_in_2024(board: Board) -> None:
    carried = [s for s in board.on(date(2024, 6, 1)) if s.elected_at == board.meeting(2023).id]
    assert [(s.term_years, board.organisation(s)) for s in carried] == [(2, "Roks")]


def test_2025_board_keeps_the_seats_carried_over(board: Board) -> None:
    meeting_2024, meeting_2025 = board.meeting(2024), board.meeting(2025)
    seats_2025 = board.on(date(2025, 6, 1))
    ids_2025 = {s.id for s in seats_2025}
    elected_2024 = [s for s in board.seats if s.elected_at == meeting_2024.id]
    two_year_2024 = [s for s in elected_2024 if s.term_years == 2]
    assert len(two_year_2024) >= 2
    assert {s.id for s in two_year_2024} <= ids_2025
    one_year_2024 = [s for s in elected_2024 if s.term_years == 1]
    assert not {s.id for s in one_year_2024} & ids_2025
    # Whatever else sits in 2025 was elected at the 2025 meeting.
    rest = [s for s in seats_2025 if s.id not in {t.id for t in two_year_2024}]
    assert rest and all(s.elected_at == meeting_2025.id for s in rest)
    assert seats_2025[0].role is Role.CHAIR
    assert Role.TREASURER in {s.role for s in seats_2025}


def test_2025_early_leave_and_replacement(board: Board) -> None:
    (leaver,) = [s for s in board.seats if s.left_on is not None]
    assert leaver.left_on is not None and leaver.left_on.year == 2025
    assert leaver.left_reason
    (replacement,) = [s for s in board.seats if s.starts_on is not None]
    assert replacement.starts_on is not None
    assert leaver.left_on < replacement.starts_on <= date(2025, 12, 31)
    assert leaver in board.on(leaver.left_on)
    between = board.on(replacement.starts_on.replace(day=1))
    assert leaver not in between and replacement not in between
    assert replacement in board.on(replacement.starts_on)
    assert "avgick i september och ersattes av" in board.paragraph(2025)


def test_2026_board_has_a_vice_chair_and_a_treasurer(board: Board) -> None:
    roles = [s.role for s in board.on(date(2026, 6, 1))]
    assert roles[0] is Role.CHAIR
    assert roles.count(Role.CHAIR) == 1
    assert roles.count(Role.VICE_CHAIR) == 1
    assert roles.count(Role.TREASURER) == 1


def test_every_seat_passes_the_rules_without_warnings(board: Board) -> None:
    assert len(board.seats) >= 18
    for seat in board.seats:
        assert check_seat(seat, board.seats, board.meetings, board.members) == [], seat
        start = seat_period(seat, board.meetings)[0]
        member = board.by_id[seat.organisation_id or 0]
        assert member.is_member_on(start), seat


@pytest.mark.parametrize("day", ["2023-06-01", "2024-06-01", "2025-06-01", "2026-06-01"])
def test_one_chair_and_one_seat_per_person(board: Board, day: str) -> None:
    seats = board.on(date.fromisoformat(day))
    assert [s.role for s in seats].count(Role.CHAIR) == 1
    assert len({s.person for s in seats}) == len(seats)


def test_2024_meeting_has_delegates_for_most_full_members(board: Board) -> None:
    day = board.meeting(2024).held_on
    full = [
        m for m in board.members if m.is_member_on(day) and m.form_on(day) is MembershipForm.FULL
    ]
    with_delegate = [m for m in full if m.id in board.attendance]
    assert len(with_delegate) > len(full) * 2 / 3
    present = [m for m in with_delegate if board.attendance[m.id or 0].present]
    assert len(with_delegate) > len(present) > len(with_delegate) * 2 / 3
    for member_id, mark in board.attendance.items():
        assert mark.delegate
        assert board.by_id[member_id].is_member_on(day)
