"""Everything the annual report is written from, read from one open database."""

from __future__ import annotations

from secretariat_tui.exports.report_sections import ReportData
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.ledger import FeeLedger


def load_report_data(db: Database, year: int) -> ReportData:
    ledger, board, calendar = FeeLedger.of(db), BoardRepository(db), CalendarRepository(db)
    return ReportData(
        year=year,
        members=ledger.members.all(),
        fee_rows=ledger.year_rows(year),
        seats=board.seats.all(),
        meetings=board.meetings.all(),
        activities=calendar.activities.all(),
        networks=calendar.networks.all(),
        submissions=calendar.submissions.all(),
    )
