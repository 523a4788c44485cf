"""Annual meetings, board seats and meeting attendance: documents <-> domain objects.

Three tables, one repository each, gathered in ``BoardRepository`` so a screen opens one thing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tinydb import Query

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.store.database import Database, stored_documents
from secretariat_tui.store.records import RecordNotFound, RecordTable

MEETINGS = "annual_meetings"
SEATS = "board_seats"
ATTENDANCE = "meeting_attendance"


class MeetingNotFound(RecordNotFound):
    """An unknown annual meeting id (``meeting …`` commands)."""


class SeatNotFound(RecordNotFound):
    """An unknown board seat id (``board …`` commands)."""


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


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


class MeetingRepository(RecordTable[AnnualMeeting]):
    TABLE = MEETINGS
    NOT_FOUND = "Det finns inget årsmöte med id {id}."
    MISSING = MeetingNotFound

    def to_document(self, record: AnnualMeeting) -> dict[str, Any]:
        return {
            "held_on": record.held_on.isoformat(),
            "notes": record.notes,
            "voting_fee_year": record.voting_fee_year,
            "voting_cutoff": _iso(record.voting_cutoff),
        }

    def from_document(self, doc: dict[str, Any], doc_id: int) -> AnnualMeeting:
        return AnnualMeeting(
            held_on=date.fromisoformat(doc["held_on"]),
            notes=doc.get("notes", ""),
            id=doc_id,
            voting_fee_year=doc.get("voting_fee_year"),
            voting_cutoff=_day(doc.get("voting_cutoff")),
        )

    def all(self) -> list[AnnualMeeting]:
        """By date, earliest first (the order every derivation reads them in)."""
        return sorted(super().all(), key=lambda m: (m.held_on, m.id or 0))


class SeatRepository(RecordTable[BoardSeat]):
    TABLE = SEATS
    NOT_FOUND = "Det finns ingen styrelsepost med id {id}."
    MISSING = SeatNotFound

    def to_document(self, record: BoardSeat) -> dict[str, Any]:
        return {
            "person": record.person,
            "role": record.role.value,
            "organisation_id": record.organisation_id,
            "elected_at": record.elected_at,
            "term_years": record.term_years,
            "left_on": _iso(record.left_on),
            "left_reason": record.left_reason,
            "starts_on": _iso(record.starts_on),
        }

    def from_document(self, doc: dict[str, Any], doc_id: int) -> BoardSeat:
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
