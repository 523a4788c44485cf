"""Rotating backups: one per open of a changed file, none for an unchanged one, newest KEEP kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from secretariat_tui.store.atomic import temp_name
from secretariat_tui.store.backups import KEEP, backup_dir, list_backups, make_backup
from secretariat_tui.store.database import open_database
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


def test_make_backup_orders_by_time_and_drops_the_oldest(db_path: Path) -> None:
    start = datetime(2024, 1, 1, 12, 0, 0)
    made = [
        make_backup(db_path, f"state {i}".encode(), keep=3, now=start + timedelta(seconds=i))
        for i in range(5)
    ]
    assert list_backups(db_path) == made[-3:]
    assert [b.read_bytes() for b in list_backups(db_path)] == [b"state 2", b"state 3", b"state 4"]


def test_backups_of_another_database_in_the_same_folder_are_left_alone(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "ours.json", tmp_path / "theirs.json"
    for value in range(KEEP + 2):
        open_and_change(theirs, value)
    for value in range(KEEP + 2):
        open_and_change(ours, value)
    assert len(list_backups(theirs)) == KEEP
    assert all(b.name.startswith("theirs-") for b in list_backups(theirs))


def test_a_backup_cut_off_by_a_crash_is_removed_on_the_next_backup(db_path: Path) -> None:
    open_and_change(db_path, 0)
    open_and_change(db_path, 1)
    [first] = list_backups(db_path)
    stale = backup_dir(db_path) / f"{temp_name(first.with_name('secretariat-x.json'))}4242-dead"
    stale.write_bytes(b'{"half": ')
    open_and_change(db_path, 2)
    assert not stale.exists()
    assert len(list_backups(db_path)) == 2
