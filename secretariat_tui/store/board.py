"""Annual meetings, board seats and meeting attendance: documents <-> domain objects.

Three tables, one repository each, gathered in ``BoardRepository`` so a screen opens one thing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from tinydb import Query

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.store.database import Database, stored_documents
from secretariat_tui.store.errors import StoreError

MEETINGS = "annual_meetings"
SEATS = "board_seats"
ATTENDANCE = "meeting_attendance"


class MeetingNotFound(StoreError):
    def __init__(self, meeting_id: int) -> None:
        super().__init__(f"Det finns inget årsmöte med id {meeting_id}.")


class SeatNotFound(StoreError):
    def __init__(self, seat_id: int) -> None:
        super().__init__(f"Det finns ingen styrelsepost med id {seat_id}.")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def meeting_to_document(meeting: AnnualMeeting) -> dict[str, Any]:
    return {
        "held_on": meeting.held_on.isoformat(),
        "notes": meeting.notes,
        "voting_fee_year": meeting.voting_fee_year,
        "voting_cutoff": _iso(meeting.voting_cutoff),
    }


def meeting_from_document(doc: dict[str, Any], doc_id: int) -> AnnualMeeting:
    return AnnualMeeting(
        held_on=date.fromisoformat(doc["held_on"]),
        notes=doc.get("notes", ""),
        id=doc_id,
        voting_fee_year=doc.get("voting_fee_year"),
        voting_cutoff=_day(doc.get("voting_cutoff")),
    )


def seat_to_document(seat: BoardSeat) -> dict[str, Any]:
    return {
        "person": seat.person,
        "role": seat.role.value,
        "organisation_id": seat.organisation_id,
        "elected_at": seat.elected_at,
        "term_years": seat.term_years,
        "left_on": _iso(seat.left_on),
        "left_reason": seat.left_reason,
        "starts_on": _iso(seat.starts_on),
    }


def seat_from_document(doc: dict[str, Any], doc_id: int) -> BoardSeat:
    organisation = doc.get("organisation_id")
    return BoardSeat(
        person=doc["person"],
        role=Role(doc["role"]),
        organisation_id=int(organisation) if organisation is not None else None,
        elected_at=int(doc["elected_at"]),
        term_years=int(doc.get("term_years", 1)),
        left_on=_day(doc.get("left_on")),
        left_reason=doc.get("left_reason", ""),
        starts_on=_day(doc.get("starts_on")),
        id=doc_id,
    )


def attendance_to_document(meeting_id: int, attendance: Attendance) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "member_id": attendance.member_id,
        "delegate": attendance.delegate,
        "present": attendance.present,
    }


def attendance_from_document(doc: dict[str, Any]) -> Attendance:
    return Attendance(
        member_id=int(doc["member_id"]),
        delegate=doc.get("delegate", ""),
        present=bool(doc.get("present", False)),
    )


class MeetingRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(MEETINGS)

    def all(self) -> list[AnnualMeeting]:
        """By date, earliest first (the order every derivation reads them in)."""
        meetings = [meeting_from_document(d, i) for i, d in stored_documents(self._table)]
        return sorted(meetings, key=lambda m: (m.held_on, m.id or 0))

    def get(self, meeting_id: int) -> AnnualMeeting:
        doc = self._table.get(doc_id=meeting_id)
        if doc is None or isinstance(doc, list):
            raise MeetingNotFound(meeting_id)
        return meeting_from_document(doc, meeting_id)

    def add(self, meeting: AnnualMeeting) -> AnnualMeeting:
        return replace(meeting, id=self._table.insert(meeting_to_document(meeting)))

    def update(self, meeting: AnnualMeeting) -> AnnualMeeting:
        if meeting.id is None or not self._table.contains(doc_id=meeting.id):
            raise MeetingNotFound(meeting.id or 0)
        self._table.update(meeting_to_document(meeting), doc_ids=[meeting.id])
        return meeting


class SeatRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(SEATS)

    def all(self) -> list[BoardSeat]:
        return [seat_from_document(d, i) for i, d in stored_documents(self._table)]

    def get(self, seat_id: int) -> BoardSeat:
        doc = self._table.get(doc_id=seat_id)
        if doc is None or isinstance(doc, list):
            raise SeatNotFound(seat_id)
        return seat_from_document(doc, seat_id)

    def add(self, seat: BoardSeat) -> BoardSeat:
        return replace(seat, id=self._table.insert(seat_to_document(seat)))

    def add_many(self, seats: list[BoardSeat]) -> list[BoardSeat]:
        """All in one write: an election lands whole or not at all."""
        ids = self._table.insert_multiple(seat_to_document(s) for s in seats)
        return [replace(s, id=i) for s, i in zip(seats, ids, strict=True)]

    def update(self, seat: BoardSeat) -> BoardSeat:
        if seat.id is None or not self._table.contains(doc_id=seat.id):
            raise SeatNotFound(seat.id or 0)
        self._table.update(seat_to_document(seat), doc_ids=[seat.id])
        return seat


class AttendanceRepository:
    """One document per (meeting, member): the delegate's name and whether they are present."""

    def __init__(self, db: Database) -> None:
        self._table = db.table(ATTENDANCE)

    def all(self) -> list[tuple[int, Attendance]]:
        """Every (meeting id, attendance), in the order they were recorded."""
        return [
            (int(doc["meeting_id"]), attendance_from_document(doc))
            for _, doc in stored_documents(self._table)
        ]

    def for_meeting(self, meeting_id: int) -> dict[int, Attendance]:
        docs = self._table.search(Query().meeting_id == meeting_id)
        return {int(d["member_id"]): attendance_from_document(d) for d in docs}

    def set(self, meeting_id: int, attendance: Attendance) -> Attendance:
        """Insert or replace the member's attendance at the meeting."""
        row = Query()
        self._table.upsert(
            attendance_to_document(meeting_id, attendance),
            (row.meeting_id == meeting_id) & (row.member_id == attendance.member_id),
        )
        return attendance


class BoardRepository:
    """``meetings``, ``seats`` and ``attendance`` over one open database."""

    def __init__(self, db: Database) -> None:
        self.meetings = MeetingRepository(db)
        self.seats = SeatRepository(db)
        self.attendance = AttendanceRepository(db)
