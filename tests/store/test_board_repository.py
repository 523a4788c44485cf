"""BoardRepository: meetings, seats and attendance survive the file exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.store import storage
from secretariat_tui.store.board import BoardRepository, MeetingNotFound, SeatNotFound
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.members import MemberRepository
from tests.conftest import seed_references
from tests.factories import make_member


def seat(person: str = "Nils Berg", **changes: object) -> BoardSeat:
    """A seat from member 1, elected at meeting 1: both must be stored first."""
    base = BoardSeat(person=person, role=Role.MEMBER, organisation_id=1, elected_at=1)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_meetings_round_trip_and_list_by_date(db_path: Path) -> None:
    with open_database(db_path) as db:
        repo = BoardRepository(db).meetings
        later = repo.add(AnnualMeeting(date(2024, 4, 18), notes="Ordinarie årsmöte"))
        earlier = repo.add(AnnualMeeting(date(2023, 4, 20)))
    with open_database(db_path) as db:
        repo = BoardRepository(db).meetings
        assert repo.all() == [earlier, later]
        assert repo.get(later.id or 0) == later
        edited = repo.update(replace(later, notes="Extra punkt: stadgar"))
        assert repo.get(later.id or 0) == edited


def test_a_seat_round_trips_with_every_field_through_the_file(db_path: Path) -> None:
    seed_references(db_path, meetings=1)
    original = seat(
        "Åsa Öberg",
        role=Role.VICE_CHAIR,
        term_years=2,
        left_on=date(2024, 9, 30),
        left_reason="Bytte arbetsgivare",
        starts_on=date(2024, 5, 2),
    )
    with open_database(db_path) as db:
        added = BoardRepository(db).seats.add(original)
    with open_database(db_path) as db:
        loaded = BoardRepository(db).seats.get(added.id or 0)

    assert loaded == replace(original, id=added.id)
    assert loaded.role is Role.VICE_CHAIR


def test_a_seat_without_organisation_or_dates_round_trips(database: Database) -> None:
    BoardRepository(database).meetings.add(AnnualMeeting(date(2024, 4, 18)))
    repo = BoardRepository(database).seats
    added = repo.add(seat(organisation_id=None))

    assert repo.get(added.id or 0) == added
    assert repo.update(replace(added, left_on=date(2025, 1, 1))) == repo.get(added.id or 0)


def test_add_many_stores_an_election_in_one_write(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    real_write = storage.atomic_write_bytes

    def counting_write(target: Path, data: bytes) -> None:
        writes.append(len(data))
        real_write(target, data)

    MemberRepository(database).add(make_member())
    BoardRepository(database).meetings.add(AnnualMeeting(date(2024, 4, 18)))
    monkeypatch.setattr(storage, "atomic_write_bytes", counting_write)
    repo = BoardRepository(database).seats
    added = repo.add_many([seat(f"Person {i}") for i in range(6)])

    assert len(writes) == 1
    assert repo.all() == added
    assert [s.id for s in added] == [1, 2, 3, 4, 5, 6]


def test_attendance_is_per_meeting_and_setting_it_again_replaces_it(db_path: Path) -> None:
    seed_references(db_path, meetings=3)
    database = open_database(db_path)
    repo = BoardRepository(database).attendance
    repo.set(1, Attendance(7, delegate="Anna Ombud"))
    repo.set(1, Attendance(8, present=True))
    repo.set(2, Attendance(7, delegate="Annan"))
    repo.set(1, Attendance(7, delegate="Anna Ombud", present=True))

    assert repo.for_meeting(1) == {
        7: Attendance(7, delegate="Anna Ombud", present=True),
        8: Attendance(8, present=True),
    }
    assert repo.for_meeting(2) == {7: Attendance(7, delegate="Annan")}
    assert repo.for_meeting(3) == {}
    database.close()


def test_unknown_ids_raise_not_found_in_swedish(database: Database) -> None:
    board = BoardRepository(database)
    with pytest.raises(MeetingNotFound, match="Det finns inget årsmöte med id 9"):
        board.meetings.get(9)
    with pytest.raises(MeetingNotFound):
        board.meetings.update(AnnualMeeting(date(2024, 4, 18)))
    with pytest.raises(SeatNotFound, match="Det finns ingen styrelsepost med id 9"):
        board.seats.get(9)
    with pytest.raises(SeatNotFound):
        board.seats.update(seat(id=9))
