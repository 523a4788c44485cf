"""A file the program wrote and nobody touched skips the record check; any other is checked."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from secretariat_tui.store import database as database_module
from secretariat_tui.store.check_stamp import stamp_path
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseLocked, DatabaseUnreadable
from secretariat_tui.store.lock import acquire
from secretariat_tui.store.members import MemberRepository
from tests.factories import make_member


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full record check an open makes, by file."""
    made: list[Path] = []
    real = database_module.check_every_record

    def counting(path: Path, *args: object, **kwargs: object) -> None:
        made.append(path)
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(database_module, "check_every_record", counting)
    return made


def saved_once(db_path: Path) -> None:
    with open_database(db_path) as db:
        MemberRepository(db).add(make_member("Föreningen Ängen"))


def test_a_file_the_program_saved_is_not_checked_again(db_path: Path, checks: list[Path]) -> None:
    saved_once(db_path)
    for _ in range(3):
        with open_database(db_path) as db:
            assert [m.name for m in MemberRepository(db).all()] == ["Föreningen Ängen"]
    assert checks == []
    assert stat.S_IMODE(stamp_path(db_path).stat().st_mode) == 0o600


def test_a_file_changed_outside_the_program_is_checked_and_a_bad_one_refused(
    db_path: Path, checks: list[Path]
) -> None:
    saved_once(db_path)
    document = json.loads(db_path.read_bytes())
    document["members"]["1"]["joined"] = "2024-13-45"
    db_path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(DatabaseUnreadable, match="fältet joined"):
        open_database(db_path)
    assert checks == [db_path]


def test_an_edit_in_place_of_the_same_size_is_seen_by_its_time(
    db_path: Path, checks: list[Path]
) -> None:
    saved_once(db_path)
    raw = db_path.read_bytes()
    with open(db_path, "r+b") as handle:  # same inode, same size: only the time tells
        handle.write(
            raw.replace(b"\\u00c4ngen", b"\\u00c4ngar").replace("Ängen".encode(), "Ängar".encode())
        )
    os.utime(db_path, ns=(1, db_path.stat().st_mtime_ns + 1))

    with open_database(db_path) as db:
        assert [m.name for m in MemberRepository(db).all()] == ["Föreningen Ängar"]
    assert checks == [db_path]


def test_a_stamp_made_under_other_rules_or_for_another_file_counts_for_nothing(
    db_path: Path, checks: list[Path]
) -> None:
    saved_once(db_path)
    stamp = stamp_path(db_path)
    stamp.write_text("0123456789abcdef" + stamp.read_text()[16:], encoding="ascii")
    with open_database(db_path):
        pass
    assert checks == [db_path]
    checks.clear()
    with open_database(db_path):
        pass
    assert checks == [], "the check that passed stamped the file again"


def test_a_reader_without_the_lock_checks_but_never_stamps(
    db_path: Path, checks: list[Path]
) -> None:
    saved_once(db_path)
    stamp_path(db_path).unlink()
    holder = acquire(db_path)
    try:
        with pytest.raises(DatabaseLocked):
            open_database(db_path)
        with open_database(db_path, create=False, read_only=True):
            pass
    finally:
        holder.release()
    assert checks == [db_path]
    assert not stamp_path(db_path).exists()
