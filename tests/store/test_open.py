"""Opening a database: created when missing, refused for a directory, owner-only on disk."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from secretariat_tui import APP_NAME
from secretariat_tui.store.backups import backup_dir, list_backups
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.schema import SCHEMA_VERSION
from tests.factories import make_member


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A permissive umask, so owner-only modes must come from the code, not the environment."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_a_missing_file_is_created_as_an_empty_database(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert MemberRepository(db).all() == []
        assert db.backup is None
    meta = json.loads(db_path.read_bytes())["_meta"]["1"]
    assert meta["app"] == APP_NAME and meta["schema"] == SCHEMA_VERSION


def test_missing_folders_are_created(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "a" / "b" / "secretariat.json"
    with open_database(path):
        pass
    assert path.is_file()
    assert mode(path.parent) == 0o700


def test_with_create_false_a_missing_file_is_an_error_naming_it(db_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_database(db_path, create=False)
    assert str(db_path) in str(caught.value)
    assert not db_path.exists()


def test_with_create_false_an_existing_file_opens(db_path: Path) -> None:
    with open_database(db_path) as db:
        MemberRepository(db).add(make_member())
    with open_database(db_path, create=False) as db:
        assert [m.name for m in MemberRepository(db).all()] == ["Exempel"]


def test_a_directory_path_is_an_error_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "secretariat.json"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        open_database(folder)
    assert str(folder) in str(caught.value)
    assert "mapp" in str(caught.value)
    assert list(folder.iterdir()) == []


def test_the_file_is_owner_only_after_create(db_path: Path, open_umask: None) -> None:
    with open_database(db_path):
        assert mode(db_path) == 0o600


def test_the_file_is_owner_only_after_a_save(db_path: Path, open_umask: None) -> None:
    with open_database(db_path) as db:
        os.chmod(db_path, 0o644)  # as if someone loosened it while the session ran
        MemberRepository(db).add(make_member())
        assert mode(db_path) == 0o600


def test_a_loose_existing_file_is_made_owner_only_on_open(db_path: Path, open_umask: None) -> None:
    with open_database(db_path):
        pass
    os.chmod(db_path, 0o664)
    with open_database(db_path):
        assert mode(db_path) == 0o600


def test_the_backups_folder_is_owner_only_and_so_are_backups(
    db_path: Path, open_umask: None
) -> None:
    with open_database(db_path) as db:
        MemberRepository(db).add(make_member())
    with open_database(db_path):
        pass
    assert mode(backup_dir(db_path)) == 0o700
    [backup] = list_backups(db_path)
    assert mode(backup) == 0o600


def test_the_lock_file_is_owner_only(db_path: Path, open_umask: None) -> None:
    with open_database(db_path):
        lock = db_path.with_name(db_path.name + ".lock")
        assert mode(lock) & 0o077 == 0
