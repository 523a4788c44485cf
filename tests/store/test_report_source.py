"""load_report_data: the year's activities and submissions only, and the same report (the same
blocks, so the same Markdown, text and Word) as from every record of the register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.report_data import ReportData
from secretariat_tui.domain.report_texts import ReportText, written_text
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.exports.report_sections import SECTIONS, section_blocks
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.report_source import load_report_data
from secretariat_tui.store.report_texts import ReportTextRepository
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)


def day(iso: str) -> EnteredDate:
    return EnteredDate(date.fromisoformat(iso))


def activity(title: str, when: EnteredDate) -> Activity:
    return Activity(title=title, when=when, category=Category.MEETING)


def submission(title: str, when: EnteredDate) -> Submission:
    return Submission(SubmissionKind.REPORT, title, when, SubmissionStatus.SUBMITTED)


def test_only_the_years_activities_and_submissions_are_read(db_path: Path) -> None:
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        calendar.activities.add_many(
            [
                activity("Nyårsafton", day("2023-12-31")),
                activity("Nyårsdagen", day("2024-01-01")),
                activity("Bara maj", EnteredDate(date(2024, 5, 1), Precision.MONTH)),
                activity("Året efter", day("2025-01-01")),
            ]
        )
        calendar.submissions.add(submission("Förra årets rapport", day("2023-06-01")))
        calendar.submissions.add(submission("Årets rapport", day("2024-06-01")))
        meetings = BoardRepository(db).meetings
        meetings.add(AnnualMeeting(date(2023, 4, 20)))
        meetings.add(AnnualMeeting(date(2024, 4, 18)))

        data = load_report_data(db, 2024)

    assert [a.title for a in data.activities] == ["Nyårsdagen", "Bara maj"]
    assert [s.title for s in data.submissions] == ["Årets rapport"]
    assert len(data.meetings) == 2, "the board looks back to earlier meetings"


def every_record(db_path: Path, year: int) -> ReportData:
    """The report's data with every record of every year, as the repositories return them."""
    with open_database(db_path) as db:
        calendar, board = CalendarRepository(db), BoardRepository(db)
        ledger = FeeLedger.of(db)
        return ReportData(
            year=year,
            members=ledger.members.all(),
            fee_rows=ledger.year_rows(year),
            seats=board.seats.all(),
            meetings=board.meetings.all(),
            activities=calendar.activities.all(),
            networks=calendar.networks.all(),
            submissions=calendar.submissions.all(),
            texts=ReportTextRepository(db).for_year(year),
            placements=calendar.order.all(),
        )


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_the_years_records_write_the_same_report_as_every_record(tmp_path: Path, year: int) -> None:
    demo = copy_of_demo(tmp_path)
    with open_database(demo) as db:
        read = load_report_data(db, year)
    whole = every_record(demo, year)
    assert len(read.activities) < len(whole.activities)
    for section in SECTIONS:
        assert section_blocks(read, section) == section_blocks(whole, section), section


def test_the_years_texts_are_read_with_an_earlier_years_carried_over(db_path: Path) -> None:
    with open_database(db_path) as db:
        texts = ReportTextRepository(db)
        texts.save(written_text(2024, "nsp", "NSP 2024."))
        texts.save(written_text(2025, "tip", "TIP 2025."))
        data = load_report_data(db, 2025)
    assert data.texts == {
        "nsp": ReportText(2025, "nsp", "NSP 2024.", carried_from=2024),
        "tip": ReportText(2025, "tip", "TIP 2025."),
    }
