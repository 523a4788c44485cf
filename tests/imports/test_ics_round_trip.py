"""Our own calendar file read back: re-importing it changes nothing and adds no copies, also
for activities without an end time and at both summer-time changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.calendar import Source
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.exports.ics_calendar import IcsFilter, export_ics
from secretariat_tui.imports.ics_calendar import plan_ics_import
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401

SECOND = 1
"""``fold=1``: the second pass of the autumn night's repeated hour (02:00–02:59)."""


def edge(
    title: str,
    day: date,
    starts: time,
    ends: time | None = None,
    last_day: date | None = None,
) -> Activity:
    return Activity(title, EnteredDate(day), Category.MEETING, starts, ends, last_day)


EDGE_ACTIVITIES = (
    edge("Styrelsemöte utan sluttid", date(2024, 5, 14), time(18)),
    edge("Konferens utan sluttid", date(2024, 9, 10), time(9), None, date(2024, 9, 12)),
    edge("Midsommarvaka till midnatt", date(2024, 6, 21), time(22), time(0), date(2024, 6, 22)),
    edge("Vårnatt, före omställningen", date(2025, 3, 30), time(1, 30)),
    edge("Vårnatt, första giltiga tid", date(2025, 3, 30), time(3), time(4)),
    edge("Höstnatt, första 02:30", date(2025, 10, 26), time(2, 30), time(2, 45)),
    edge("Höstnatt, andra 02:30", date(2025, 10, 26), time(2, 30, fold=SECOND), time(3, 15)),
    edge("Över omställningen", date(2025, 10, 26), time(1, 30), time(2, 30, fold=SECOND)),
    edge("Andra passet utan sluttid", date(2025, 10, 26), time(2, 15, fold=SECOND)),
    edge("Helg över omställningen", date(2025, 10, 25), time(10), None, date(2025, 10, 27)),
)


def demo_with_edges(folder: Path) -> Path:
    """A copy of the demo with :data:`EDGE_ACTIVITIES` added."""
    path = copy_of_demo(folder)
    with open_database(path) as db:
        for activity in EDGE_ACTIVITIES:
            CalendarRepository(db).activities.add(activity)
    return path


def folds(activities: list[Activity]) -> list[tuple[int, int]]:
    """Each activity's (start fold, end fold): ``==`` on activities does not compare them."""
    return [
        (a.starts_at.fold if a.starts_at else 0, a.ends_at.fold if a.ends_at else 0)
        for a in activities
    ]


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


def test_the_whole_demo_with_edge_activities_imports_as_unchanged(tmp_path: Path) -> None:
    with open_database(demo_with_edges(tmp_path)) as db:
        calendar = CalendarRepository(db)
        items = calendar.items()
        activities = calendar.activities.all()
    exported = export_ics(items, stamp=datetime.now(UTC))
    elsewhere = {i.uid for i in items if i.source is not Source.ACTIVITY}
    plan = plan_ics_import(exported.data, activities, elsewhere=elsewhere)
    assert plan.preview_lines()[0].startswith("Oförändrade:"), plan.preview_lines()[:3]
    assert (plan.added, plan.updated) == ((), ())
    assert plan.unchanged == sum(not a.month_only for a in activities)
    assert plan.summary().startswith("0 läggs till, 0 uppdateras")


def test_a_changed_pass_in_the_store_is_put_back_by_the_import(tmp_path: Path) -> None:
    """The pass is in the file: an activity stored on the wrong pass is an update, not the
    same (``==`` alone would call it unchanged)."""
    with open_database(demo_with_edges(tmp_path)) as db:
        calendar = CalendarRepository(db)
        items = calendar.items()
        activities = calendar.activities.all()
    exported = export_ics(items, stamp=datetime.now(UTC)).data
    second = next(a for a in activities if a.title == "Höstnatt, andra 02:30")
    first_pass = replace(second, starts_at=time(2, 30))
    plan = plan_ics_import(exported, [first_pass if a is second else a for a in activities])
    assert [(old.id, folds([new])) for old, new in plan.updated] == [(second.id, [(1, 0)])]
