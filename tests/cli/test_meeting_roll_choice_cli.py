"""`secretariat meeting roll [ID|DATUM]`: the roll of any recorded meeting, by id or by the
day it was held, and the latest one without either."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import add_org, ok, refused
from tests.cli.test_board_cli import roll_register


def two_meetings(db_path: Path) -> None:
    """Meeting 1 on 2024-04-18 (roll_register), meeting 2 on 2023-04-20."""
    roll_register(db_path)
    ok(db_path, "meeting", "add", "--date", "2023-04-20")


def heading(text: str) -> str:
    return text.splitlines()[0]


def test_a_meeting_is_named_by_its_day_in_any_date_entry(db_path: Path) -> None:
    two_meetings(db_path)

    by_id = ok(db_path, "meeting", "roll", "2")
    assert heading(by_id) == "Röstlängd, årsmöte 2023-04-20"
    assert ok(db_path, "meeting", "roll", "2023-04-20") == by_id
    assert ok(db_path, "meeting", "roll", "20 april 2023") == by_id
    assert heading(ok(db_path, "meeting", "roll", "18/4 2024")) == "Röstlängd, årsmöte 2024-04-18"


def test_without_a_meeting_the_latest_held_is_shown(db_path: Path) -> None:
    two_meetings(db_path)

    assert ok(db_path, "meeting", "roll") == ok(db_path, "meeting", "roll", "1")


def test_a_day_without_a_meeting_lists_the_meetings_there_are(db_path: Path) -> None:
    two_meetings(db_path)

    assert refused(db_path, "meeting", "roll", "2024-04-19") == (
        "Error: Inget årsmöte hölls 2024-04-19. Årsmöten: 2024-04-18 (id 1), 2023-04-20 (id 2)."
    )
    assert refused(db_path, "meeting", "roll", "snart").startswith("Error: ID|DATUM: ")


def test_without_any_meeting_it_says_how_to_add_one(db_path: Path) -> None:
    add_org(db_path)  # a database without meetings

    assert refused(db_path, "meeting", "roll") == (
        "Error: Det finns inget årsmöte; lägg till ett med `meeting add`."
    )
