"""The coordinator's month order is saved at once, survives a reopen, and leaves no traces."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.calendar_order import CALENDAR_ORDER
from secretariat_tui.store.database import open_database


def april(db_path: Path) -> None:
    """Two activities around the annual meeting of 18 April."""
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        for title, day in (("Sakråd", 11), ("Statistikrapporten", 25)):
            calendar.activities.add(
                Activity(title, EnteredDate(date(2024, 4, day)), Category.ADVOCACY)
            )
        calendar.meetings.add(AnnualMeeting(date(2024, 4, 18)))


def titles(calendar: CalendarRepository) -> list[str]:
    return [i.title for i in calendar.items()]


def test_a_move_is_saved_at_once_and_survives_a_reopen(db_path: Path) -> None:
    april(db_path)
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        shown = [i.key for i in calendar.items()]
        assert calendar.move("aktivitet-2", shown, -1)
    with open_database(db_path) as db:
        assert titles(CalendarRepository(db)) == ["Sakråd", "Statistikrapporten", "Årsmöte"]


def test_a_move_at_the_edge_saves_nothing(db_path: Path) -> None:
    april(db_path)
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        shown = [i.key for i in calendar.items()]
        assert not calendar.move("aktivitet-1", shown, -1)
        assert not calendar.move("aktivitet-9", shown, 1)
    assert CALENDAR_ORDER not in json.loads(db_path.read_bytes())


def test_moving_back_to_date_order_removes_the_months_placements(db_path: Path) -> None:
    april(db_path)
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        shown = [i.key for i in calendar.items()]
        calendar.move("aktivitet-2", shown, -1)
        shown = [i.key for i in calendar.items()]
        calendar.move("aktivitet-2", shown, 1)
        assert titles(calendar) == ["Sakråd", "Årsmöte", "Statistikrapporten"]
    assert json.loads(db_path.read_bytes())[CALENDAR_ORDER] == {}


def test_a_deleted_items_place_is_not_inherited_by_a_new_record(db_path: Path) -> None:
    """TinyDB gives a new record the id of the last one deleted after a reopen: the next save
    of any month drops the places of items that are gone."""
    april(db_path)
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        for title, day in (("Maj ett", 2), ("Maj två", 20)):
            calendar.activities.add(
                Activity(title, EnteredDate(date(2024, 5, day)), Category.MEETING)
            )
        calendar.move("aktivitet-2", [i.key for i in calendar.items()], -1)
        calendar.activities.delete(2)
        calendar.move("aktivitet-4", [i.key for i in calendar.items()], -1)
        assert {p.key for p in calendar.order.all()} == {
            "aktivitet-1",
            "årsmöte-1",
            "aktivitet-3",
            "aktivitet-4",
        }


def test_a_file_without_the_table_opens_in_date_order(db_path: Path) -> None:
    """A file written before the order existed has no ``calendar_order``: nothing to migrate."""
    april(db_path)
    assert CALENDAR_ORDER not in json.loads(db_path.read_bytes())
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        assert calendar.order.all() == []
        assert titles(calendar) == ["Sakråd", "Årsmöte", "Statistikrapporten"]
