"""A file's heading reading is remembered per register and heading set, order aside."""

from __future__ import annotations

from pathlib import Path

from secretariat_tui.store.database import open_database
from secretariat_tui.store.import_headings import HeadingMemory


def test_a_reading_is_recalled_for_the_same_heading_set_and_register_only(
    db_path: Path,
) -> None:
    with open_database(db_path) as db:
        memory = HeadingMemory(db, "members")
        memory.remember(["a", "b"], ["A", "B"], ["Namn", None])
        memory.remember(["a", "b"], ["A", "B"], ["Namn", "E-post"])  # replaces, not adds
    with open_database(db_path) as db:
        assert HeadingMemory(db, "members").recall(["a", "b"]) == {"A": "Namn", "B": "E-post"}
        assert HeadingMemory(db, "members").recall(["a"]) == {}
        assert HeadingMemory(db, "payments").recall(["a", "b"]) == {}
        assert len(db.table("import_headings").all()) == 1
