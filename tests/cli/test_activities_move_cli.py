"""`secretariat activities move ID --up|--down`: the month's order from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.cli.calendar_helpers import empty_database, ok, refused


@pytest.fixture
def db(db_path: Path) -> Path:
    """April 2024: a half day on the 9th, a sakråd on the 11th, the annual meeting on the 18th."""
    empty_database(db_path)
    for when, title in (("2024-04-09", "Halvdag"), ("2024-04-11", "Sakråd")):
        ok(db_path, "activities", "add", "--date", when, "--title", title, "--category", "Möte")
    ok(db_path, "meeting", "add", "--date", "2024-04-18")
    return db_path


def april(db: Path) -> list[str]:
    with open_database(db, create=False) as opened:
        return [i.title for i in CalendarRepository(opened).items()]


def test_an_item_of_any_source_moves_and_the_list_follows(db: Path) -> None:
    assert ok(db, "activities", "move", "årsmöte-1", "--up") == (
        "Flyttade Årsmöte: plats 2 av 3 i april 2024.\n"
    )
    assert ok(db, "activities", "move", "1", "--down") == (
        "Flyttade Halvdag: plats 2 av 3 i april 2024.\n"
    )
    assert april(db) == ["Årsmöte", "Halvdag", "Sakråd"]
    listed = ok(db, "activities", "list", "--year", "2024", "--format", "csv")
    assert [line.split(";")[0] for line in listed.splitlines()[1:]] == ["årsmöte-1", "1", "2"]


def test_at_the_edge_nothing_moves_and_it_says_so(db: Path) -> None:
    assert ok(db, "activities", "move", "1", "--up") == ("Halvdag står redan först i april 2024.\n")
    assert april(db) == ["Halvdag", "Sakråd", "Årsmöte"]


def test_an_unknown_id_or_no_direction_is_refused(db: Path) -> None:
    assert "finns inte i kalendern" in refused(db, "activities", "move", "9", "--up")
    assert "--up eller --down" in refused(db, "activities", "move", "1", code=2)
