"""Everything the annual report is written from, read from one open database.

The report tells one year, so only that year's activities and submissions are read: a
ten-year register would otherwise convert ten years of them to write about one. The members,
the board and the networks are read whole, since the report looks back (who left the year
before, the meeting that elected a seat, a network joined years ago). The written texts are
the year's, an earlier year's carried over where the year has none.
"""

from __future__ import annotations

from typing import TypeVar

from tinydb import Query

from secretariat_tui.domain.report_data import ReportData
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.records import HasId, RecordTable
from secretariat_tui.store.report_texts import ReportTextRepository

R = TypeVar("R", bound=HasId)


def load_report_data(db: Database, year: int) -> ReportData:
    ledger, board, calendar = FeeLedger.of(db), BoardRepository(db), CalendarRepository(db)
    return ReportData(
        year=year,
        members=ledger.members.all(),
        fee_rows=ledger.year_rows(year),
        seats=board.seats.all(),
        meetings=board.meetings.all(),
        activities=_dated_in(db, calendar.activities, year),
        networks=calendar.networks.all(),
        submissions=_dated_in(db, calendar.submissions, year),
        texts=ReportTextRepository(db).for_year(year),
        placements=calendar.order.all(),
    )


def _dated_in(db: Database, records: RecordTable[R], year: int) -> list[R]:
    """The records of ``records`` whose date (``when``) is in ``year``, in register order.

    The year is read from the stored text (``2025-03-14``, or ``2025-03`` for a month), so a
    record of another year is never converted.
    """
    found = db.table(records.TABLE).search(Query().when.matches(f"{year:04d}-"))
    return [records.from_document(doc, doc.doc_id) for doc in found]
