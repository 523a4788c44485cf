"""`secretariat activities add` and `import ics` at the summer-time changes: a time that does
not exist is refused with the next valid one, and the program's own export of the whole demo,
with activities without an end and at both changes, imports as 0 changes."""

from __future__ import annotations

from pathlib import Path

from tests.cli.calendar_helpers import ok, refused, stored_activities
from tests.demo_copy import shipped_demo_untouched  # noqa: F401 (autouse)
from tests.imports.test_ics_round_trip import demo_with_edges, folds

GAP = (
    "Error: --start: 02:30 finns inte den 30 mars 2025: klockan ställdes fram till "
    "sommartid; närmaste giltiga tid är 03:00."
)


def test_a_start_in_the_spring_gap_is_refused_naming_the_next_valid_time(db_path: Path) -> None:
    args = ("activities", "add", "--date", "2025-03-30", "--start", "02:30")
    assert refused(db_path, *args, "--title", "Natt", "--category", "möte") == GAP
    assert not db_path.exists(), "checked before the database was opened"


def test_the_second_pass_is_typed_as_vintertid_and_stored_apart(db_path: Path) -> None:
    ok(
        db_path,
        *("activities", "add", "--date", "2025-10-26", "--title", "Natt", "--category", "möte"),
        *("--start", "01:30", "--end", "02:30 vintertid"),
    )
    [night] = stored_activities(db_path)
    assert folds([night]) == [(0, 1)]


def test_importing_our_own_export_of_everything_changes_nothing(tmp_path: Path) -> None:
    demo = demo_with_edges(tmp_path)
    before = stored_activities(demo)
    exported = tmp_path / "kalender.ics"
    ok(demo, "export", "ics", "-o", str(exported))

    dry = ok(demo, "import", "ics", str(exported), "--dry-run")
    timed = sum(not a.month_only for a in before)
    assert f"0 läggs till, 0 uppdateras, {timed} oförändrade" in dry
    assert "Uppdateras:" not in dry and "Läggs till:" not in dry

    assert ok(demo, "import", "ics", str(exported)).endswith("Inget nytt att spara.\n")
    after = stored_activities(demo)
    assert after == before and folds(after) == folds(before)
    assert folds([a for a in after if a.title == "Över omställningen"]) == [(0, 1)]
