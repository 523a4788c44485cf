"""Read-only sessions: a write-protected file, a reading command, a file open elsewhere.

Every write is refused with a message that says nothing was saved and why; the file keeps its
bytes and its mode. A reader never touches what a session holding the lock may be writing.
"""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from secretariat_tui.store.atomic import temp_name
from secretariat_tui.store.backups import backup_dir, list_backups
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseLocked, StoreError
from secretariat_tui.store.members import MemberRepository
from tests.factories import make_member
from tests.store.holder import held_elsewhere


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def saved(db_path: Path) -> Path:
    """A database with one member, closed."""
    with open_database(db_path) as db:
        MemberRepository(db).add(make_member("Första"))
    return db_path


def assert_refused(db_path: Path, why: str) -> None:
    """Every kind of write in a session opened now is refused, and memory keeps the file."""
    before = db_path.read_bytes()
    with open_database(db_path) as db:
        repo = MemberRepository(db)
        with pytest.raises(StoreError) as added:
            repo.add(make_member("Ny"))
        with pytest.raises(StoreError):
            repo.update(replace(repo.get(1), name="Ändrad"))
        assert [m.name for m in repo.all()] == ["Första"]
    assert "Inget sparades" in str(added.value) and why in str(added.value)
    assert db_path.read_bytes() == before


# --- a file without write permission ------------------------------------------------------------


def test_a_write_protected_file_opens_read_only_with_a_notice(saved: Path) -> None:
    os.chmod(saved, 0o400)
    with open_database(saved) as db:
        assert db.read_only
        assert [m.name for m in MemberRepository(db).all()] == ["Första"]
        [notice] = db.warnings
    assert str(saved) in notice and "skrivskyddad" in notice


def test_a_write_to_a_write_protected_file_is_refused_and_changes_nothing(saved: Path) -> None:
    os.chmod(saved, 0o400)
    assert_refused(saved, "skrivskyddad")
    assert mode(saved) == 0o400


@pytest.mark.parametrize("protected", [0o400, 0o440, 0o444, 0o500])
def test_a_write_protected_file_is_never_chmodded(saved: Path, protected: int) -> None:
    os.chmod(saved, protected)
    with open_database(saved) as db:
        assert db.read_only
    assert mode(saved) == protected


def test_a_loose_writable_file_loses_only_group_and_other_bits(saved: Path) -> None:
    os.chmod(saved, 0o764)
    with open_database(saved) as db:
        assert not db.read_only
    assert mode(saved) == 0o700


# --- read_only=True: a command that only reads --------------------------------------------------


def test_a_reading_session_with_the_lock_free_holds_it_and_refuses_writes(saved: Path) -> None:
    with open_database(saved) as db:  # a state not backed up yet
        MemberRepository(db).add(make_member("Andra"))
    backups_before = list_backups(saved)
    with open_database(saved, read_only=True) as db:
        assert db.read_only and db.lock is not None and db.warnings == []
        assert db.backup is not None and db.backup.read_bytes() == saved.read_bytes()
        with pytest.raises(DatabaseLocked):
            open_database(saved)
        with pytest.raises(StoreError) as caught:
            MemberRepository(db).add(make_member("Ny"))
    assert "Inget sparades" in str(caught.value) and "bara för läsning" in str(caught.value)
    assert list_backups(saved) == [*backups_before, db.backup]


def test_a_reading_session_leaves_a_loose_mode_for_a_writing_one(saved: Path) -> None:
    os.chmod(saved, 0o644)
    with open_database(saved, read_only=True):
        pass
    assert mode(saved) == 0o644


@pytest.mark.parametrize("create", [True, False])
def test_a_reading_session_never_creates_a_file(db_path: Path, create: bool) -> None:
    with pytest.raises(StoreError) as caught:
        open_database(db_path, create=create, read_only=True)
    assert str(db_path) in str(caught.value) and "finns inte" in str(caught.value)
    assert list(db_path.parent.iterdir()) == []


# --- read_only=True while another process holds the file -----------------------------------------


def test_a_reader_sees_the_last_save_of_the_session_holding_the_file(saved: Path) -> None:
    with held_elsewhere(saved) as holder:
        holder.add_member("Sparad i fönstret")
        with open_database(saved, read_only=True) as db:
            assert db.read_only and db.lock is None
            assert [m.name for m in MemberRepository(db).all()] == [
                "Första",
                "Sparad i fönstret",
            ]
            [notice] = db.warnings
        holder.add_member("Sparad efter läsningen")  # the reader did not stand in its way
    assert str(saved) in notice and "annat fönster" in notice
    with open_database(saved) as db:
        assert len(MemberRepository(db).all()) == 3


def test_a_reader_refuses_writes_while_the_file_is_held(saved: Path) -> None:
    with held_elsewhere(saved):
        before = saved.read_bytes()
        with open_database(saved, read_only=True) as db:
            with pytest.raises(StoreError) as caught:
                MemberRepository(db).add(make_member("Ny"))
            assert [m.name for m in MemberRepository(db).all()] == ["Första"]
        assert saved.read_bytes() == before
    assert "Inget sparades" in str(caught.value) and "annat fönster" in str(caught.value)


def test_a_reader_leaves_the_holders_temp_files_and_backups_alone(saved: Path) -> None:
    with held_elsewhere(saved) as holder:
        holder.add_member("Andra")  # a state not backed up yet: a backup would show
        backups_before = list_backups(saved)
        in_flight = saved.with_name(f"{temp_name(saved)}999-beef")
        in_flight.write_bytes(b"the holder's save in progress")
        with open_database(saved, read_only=True) as db:
            assert db.removed_temps == [] and db.backup is None
        assert in_flight.read_bytes() == b"the holder's save in progress"
        assert list_backups(saved) == backups_before


def test_closing_a_reader_does_not_free_the_holders_lock(saved: Path) -> None:
    with held_elsewhere(saved):
        with open_database(saved, read_only=True):
            pass
        with pytest.raises(DatabaseLocked):
            open_database(saved)


# --- an unwritable backups folder ----------------------------------------------------------------


def test_an_unwritable_backups_folder_is_a_warning_naming_it(saved: Path) -> None:
    """A regular file where the folder should be: no backup can be made (even as root)."""
    folder = backup_dir(saved)
    folder.write_bytes(b"not a folder")
    with open_database(saved) as db:
        assert db.backup is None and not db.read_only
        [notice] = db.warnings
        assert [m.name for m in MemberRepository(db).all()] == ["Första"]
        MemberRepository(db).add(make_member("Andra"))
    assert str(folder) in notice and "säkerhetskopia" in notice
    assert folder.read_bytes() == b"not a folder"
    with open_database(saved) as db:
        assert [m.name for m in MemberRepository(db).all()] == ["Första", "Andra"]
