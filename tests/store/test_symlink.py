"""A database reached through a link (a synced folder) is one file: opened, locked, saved and
backed up at its real path, and the link stays a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from secretariat_tui.store.backups import backup_dir, list_backups
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseLocked, DatabaseUnreadable
from secretariat_tui.store.lock import lock_path
from secretariat_tui.store.members import MemberRepository
from tests.factories import make_member
from tests.store.test_lock import open_in_another_process


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """The real file, in a synced folder, with one member in it."""
    folder = tmp_path / "Synkad"
    folder.mkdir()
    path = folder / "register.json"
    with open_database(path) as db:
        MemberRepository(db).add(make_member("Första"))
    return path.resolve()  # as the store names it, even if the temporary folder is a link


@pytest.fixture
def link(tmp_path: Path, real: Path) -> Path:
    """A link to it from elsewhere, as a user's home folder points into the synced one."""
    path = tmp_path / "hem" / "kansliet.json"
    path.parent.mkdir()
    path.symlink_to(real)
    return path


def names(db_path: Path) -> list[str]:
    with open_database(db_path) as db:
        return [m.name for m in MemberRepository(db).all()]


def test_a_save_through_the_link_changes_the_real_file_and_keeps_the_link(
    real: Path, link: Path
) -> None:
    with open_database(link) as db:
        assert db.path == real
        MemberRepository(db).add(make_member("Andra"))
    assert link.is_symlink()
    assert Path(os.readlink(link)) == real
    assert real.is_file() and not real.is_symlink()
    assert names(real) == ["Första", "Andra"]


def test_a_second_session_through_the_other_name_is_refused(real: Path, link: Path) -> None:
    with open_database(real):
        with pytest.raises(DatabaseLocked) as caught:
            open_database(link)
    message = str(caught.value)
    assert str(link) in message and str(real) in message
    with open_database(link):
        result = open_in_another_process(real)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "redan öppen" in result.stdout


def test_lock_and_backups_are_beside_the_real_file(real: Path, link: Path) -> None:
    with open_database(link) as db:
        assert db.backup is not None and db.backup.parent == backup_dir(real)
        assert lock_path(real).exists()
        MemberRepository(db).add(make_member("Andra"))
    assert backup_dir(real) == real.parent / "register.json.backups"
    assert sorted(p.name for p in link.parent.iterdir()) == ["kansliet.json"]
    assert len(list_backups(real)) == 1


def test_a_linked_folder_is_followed_too(tmp_path: Path, real: Path) -> None:
    folder_link = tmp_path / "genväg"
    folder_link.symlink_to(real.parent, target_is_directory=True)
    with open_database(folder_link / "register.json") as db:
        assert db.path == real
        MemberRepository(db).add(make_member("Andra"))
    assert folder_link.is_symlink()
    assert names(real) == ["Första", "Andra"]


def test_a_link_to_a_missing_file_creates_the_file_it_points_to(tmp_path: Path) -> None:
    target = tmp_path / "ny.json"
    link = tmp_path / "länk.json"
    link.symlink_to(target)
    with open_database(link) as db:
        assert db.created and db.path == target
    assert link.is_symlink() and target.is_file()


def test_a_corrupt_linked_file_is_named_by_both_paths(real: Path, link: Path) -> None:
    with open_database(real):  # a second open backs up the first state
        pass
    real.write_bytes(b"{")
    with pytest.raises(DatabaseUnreadable) as caught:
        open_database(link)
    message = str(caught.value)
    assert f"{link} (länk till {real})" in message
    assert str(list_backups(real)[-1]) in message
    assert link.is_symlink() and real.read_bytes() == b"{"
