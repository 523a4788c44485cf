"""Our own calendar file read back: re-importing it changes nothing and adds no copies."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from secretariat_tui.domain.calendar import Source
from secretariat_tui.exports.ics_calendar import IcsFilter, export_ics
from secretariat_tui.imports.ics_calendar import plan_ics_import
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401


def test_the_exported_year_imports_as_unchanged(tmp_path: Path) -> None:
    with open_database(copy_of_demo(tmp_path)) as db:
        calendar = CalendarRepository(db)
        items = calendar.items()
        activities = calendar.activities.all()
    exported = export_ics(items, filter=IcsFilter(year=2024), stamp=datetime.now(UTC))
    elsewhere = {i.uid for i in items if i.source is not Source.ACTIVITY}
    plan = plan_ics_import(exported.data, activities, elsewhere=elsewhere)
    in_file = [i for i in items if i.day.year == 2024 and not i.month_only]
    owned = sum(i.source is not Source.ACTIVITY for i in in_file)
    assert (plan.added, plan.updated) == ((), ())
    assert plan.unchanged == len(in_file) - owned
    assert len(plan.skipped) == owned, "submissions and meetings stay in their registers"
