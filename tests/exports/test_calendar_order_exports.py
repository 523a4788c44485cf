"""The report's month table and the ICS file follow the coordinator's order of a month."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from secretariat_tui.exports.ics_calendar import IcsFilter, export_ics
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.report_source import load_report_data
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)
from tests.exports.ics_samples import events, unescape

APRIL_2024 = ["Halvdag", "Sakråd", "Statistikrapporten", "Årsmöte", "Konstituerande"]


def test_the_ics_file_lists_april_2024_in_the_demos_order(tmp_path: Path) -> None:
    with open_database(copy_of_demo(tmp_path)) as db:
        items = CalendarRepository(db).items()
    data = export_ics(items, filter=IcsFilter(year=2024), stamp=datetime(2024, 12, 30, tzinfo=UTC))
    april = [
        unescape(event["SUMMARY"]).split()[0]
        for event in events(data.data)
        if any(k.startswith("DTSTART") and v.startswith("202404") for k, v in event.items())
    ]
    assert april == APRIL_2024


def test_the_reports_april_reads_as_the_original(tmp_path: Path) -> None:
    with open_database(copy_of_demo(tmp_path)) as db:
        data = load_report_data(db, 2024)
    april = [i.title.split()[0] for i in data.items if (i.day.month, i.day.year) == (4, 2024)]
    assert april == APRIL_2024
