"""Rotating backups: one per open of a changed file, none for an unchanged one, newest KEEP kept.

Each database file has its own folder, and backups are ordered by a number that only grows, so
neither a clock set back nor another file with the same stem can cost the newest backup.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from secretariat_tui.store import backups
from secretariat_tui.store.atomic import temp_name
from secretariat_tui.store.backups import (
    KEEP,
    backup_dir,
    legacy_backup_dir,
    list_backups,
    make_backup,
)
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseUnreadable
from secretariat_tui.store.members import MemberRepository
from tests.factories import make_member

COUNTER = make_member("Räknare 0")


def open_and_change(path: Path, value: int) -> bytes:
    """One session that saves a change; returns the file's bytes as the session opened it."""
    before = path.read_bytes() if path.exists() else b""
    with open_database(path) as db:
        repo = MemberRepository(db)
        if not before:
            repo.add(replace(COUNTER, name=f"Räknare {value}"))
        else:
            repo.update(replace(repo.get(1), name=f"Räknare {value}"))
    return before


def test_a_new_file_has_no_backup_yet(db_path: Path) -> None:
    open_and_change(db_path, 0)
    assert list_backups(db_path) == []


def test_each_open_of_a_changed_file_backs_up_the_bytes_it_found(db_path: Path) -> None:
    open_and_change(db_path, 0)
    seen = [open_and_change(db_path, value) for value in (1, 2, 3)]
    assert [b.read_bytes() for b in list_backups(db_path)] == seen


def test_an_unchanged_file_is_not_backed_up_twice(db_path: Path) -> None:
    open_and_change(db_path, 0)
    for _ in range(3):
        with open_database(db_path) as db:
            made = db.backup
    assert made is None
    assert len(list_backups(db_path)) == 1


def test_a_file_changed_back_to_an_older_state_is_backed_up_again(db_path: Path) -> None:
    """Only the newest backup is compared: a state seen before but not last is kept anew."""
    open_and_change(db_path, 0)
    open_and_change(db_path, 1)  # backs up state 0
    open_and_change(db_path, 0)  # backs up state 1
    with open_database(db_path):  # backs up state 0 again
        pass
    contents = [b.read_bytes() for b in list_backups(db_path)]
    assert len(contents) == 3
    assert contents[0] == contents[2] != contents[1]


def test_rotation_keeps_the_newest_keep_backups(db_path: Path) -> None:
    opens = KEEP + 5
    open_and_change(db_path, 0)
    seen = [open_and_change(db_path, value) for value in range(1, opens + 1)]
    backups = list_backups(db_path)
    assert len(backups) == KEEP
    assert [b.read_bytes() for b in backups] == seen[-KEEP:]


def test_make_backup_orders_by_number_and_drops_the_oldest(db_path: Path) -> None:
    start = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
    made = [
        make_backup(db_path, f"state {i}".encode(), keep=3, now=start + timedelta(seconds=i))
        for i in range(5)
    ]
    assert list_backups(db_path) == made[-3:]
    assert [b.read_bytes() for b in list_backups(db_path)] == [b"state 2", b"state 3", b"state 4"]


def test_a_clock_going_back_never_prunes_the_newest_backup(db_path: Path) -> None:
    """Each backup is made an hour "earlier" than the one before (as after a clock change)."""
    start = datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    states = [f'{{"state": {i}}}'.encode() for i in range(5)]
    made = [
        make_backup(db_path, state, keep=3, now=start - timedelta(hours=i))
        for i, state in enumerate(states)
    ]
    assert made[-1] is not None and made[-1].exists()
    assert list_backups(db_path) == made[-3:]
    assert [b.read_bytes() for b in list_backups(db_path)] == states[-3:]
    assert list_backups(db_path)[-1] == made[-1]


def test_opening_after_the_clock_went_back_keeps_what_it_backed_up(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole open, with the clock read where backups read it: an hour back on each open."""
    clock = [datetime(2026, 10, 25, 3, 0, tzinfo=UTC)]

    class GoingBack(datetime):
        @classmethod
        def now(cls, tz: object = None) -> GoingBack:  # type: ignore[override]
            clock[0] -= timedelta(hours=1)
            return cls.fromtimestamp(clock[0].timestamp(), tz=UTC)

    monkeypatch.setattr(backups, "datetime", GoingBack)
    open_and_change(db_path, 0)
    seen = [open_and_change(db_path, value) for value in range(1, KEEP + 3)]
    assert [b.read_bytes() for b in list_backups(db_path)] == seen[-KEEP:]


def test_backup_names_carry_the_time_in_utc(db_path: Path) -> None:
    stockholm_winter = timezone(timedelta(hours=1))
    made = make_backup(db_path, b"x", now=datetime(2026, 12, 5, 0, 26, 18, tzinfo=stockholm_winter))
    assert made is not None
    assert re.fullmatch(r"secretariat-0+1-20261204T232618Z\.json", made.name), made.name


def test_each_database_file_has_its_own_backups_folder(tmp_path: Path) -> None:
    """``reg.json`` and ``reg.db`` share a stem; they must not share, prune or name backups."""
    json_file, db_file = tmp_path / "reg.json", tmp_path / "reg.db"
    json_seen = [open_and_change(json_file, value) for value in range(3)][1:]
    db_seen = [open_and_change(db_file, value) for value in range(KEEP + 3)][1:]

    assert backup_dir(json_file) == tmp_path / "reg.json.backups"
    assert backup_dir(db_file) == tmp_path / "reg.db.backups"
    assert [b.read_bytes() for b in list_backups(json_file)] == json_seen
    assert [b.read_bytes() for b in list_backups(db_file)] == db_seen[-KEEP:]
    assert all(b.parent == backup_dir(json_file) for b in list_backups(json_file))


def test_a_corrupt_file_names_only_its_own_backup(tmp_path: Path) -> None:
    json_file, db_file = tmp_path / "reg.json", tmp_path / "reg.db"
    for value in range(2):
        open_and_change(json_file, value)
    for value in range(3):  # reg.db's backups are newer than reg.json's
        open_and_change(db_file, value)
    [own] = list_backups(json_file)

    json_file.write_bytes(b'{"broken')
    with pytest.raises(DatabaseUnreadable) as caught:
        open_database(json_file)
    assert caught.value.newest_backup == own
    assert str(own) in str(caught.value)
    assert "reg.db" not in str(caught.value)


def test_backups_in_the_old_shared_folder_are_never_named_nor_removed(db_path: Path) -> None:
    legacy = legacy_backup_dir(db_path)
    assert legacy == db_path.with_name("secretariat.backups")
    legacy.mkdir()
    old = legacy / "secretariat-20240101T120000000000.json"
    old.write_bytes(b'{"_meta": {"1": {"app": "secretariat-tui", "schema": 1}}}')
    for value in range(KEEP + 2):
        open_and_change(db_path, value)

    db_path.write_bytes(b"")
    with pytest.raises(DatabaseUnreadable) as caught:
        open_database(db_path)
    assert str(legacy) not in str(caught.value)
    assert caught.value.newest_backup == list_backups(db_path)[-1]
    assert old.exists()


def test_backups_of_another_database_in_the_same_folder_are_left_alone(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.json", tmp_path / "theirs.json"
    for value in range(KEEP + 2):
        open_and_change(theirs, value)
    for value in range(KEEP + 2):
        open_and_change(ours, value)
    assert len(list_backups(theirs)) == KEEP
    assert all(b.name.startswith("theirs-") for b in list_backups(theirs))
    assert backup_dir(ours) != backup_dir(theirs)


def test_a_backup_cut_off_by_a_crash_is_removed_on_the_next_backup(db_path: Path) -> None:
    open_and_change(db_path, 0)
    open_and_change(db_path, 1)
    [first] = list_backups(db_path)
    stale = backup_dir(db_path) / f"{temp_name(first.with_name('secretariat-9-x.json'))}4242-dead"
    stale.write_bytes(b'{"half": ')
    open_and_change(db_path, 2)
    assert not stale.exists()
    assert len(list_backups(db_path)) == 2
