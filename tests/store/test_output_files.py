"""The one resolver for files the program writes: paths are compared as files, not strings."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from secretariat_tui.store.backups import backup_dir
from secretariat_tui.store.check_stamp import stamp_path
from secretariat_tui.store.lock import lock_path
from secretariat_tui.store.output_files import (
    OutputExists,
    OutputRefused,
    resolve_output,
    write_output_file,
)

DATABASE = b'{"members": {}}'


@pytest.fixture
def db(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "kansliet.json"
    path.write_bytes(DATABASE)
    return path


def refusal(path: Path | str, db: Path, *, replace: bool = True) -> str:
    """The message of the refusal; even with ``replace`` the database's own files stay out."""
    with pytest.raises(OutputRefused) as caught:
        resolve_output(path, db, replace=replace)
    assert not isinstance(caught.value, OutputExists), caught.value
    return str(caught.value)


def test_a_way_round_to_the_database_is_the_database(db: Path) -> None:
    (db.parent / "sub").mkdir()
    assert "är databasen själv" in refusal(db.parent / "sub" / ".." / db.name, db)


def test_a_way_round_through_a_folder_that_does_not_exist_is_the_database_too(db: Path) -> None:
    assert "är databasen själv" in refusal(db.parent / "saknas" / ".." / db.name, db)


def test_a_relative_path_from_the_databases_folder(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(db.parent)
    assert "är databasen själv" in refusal(f"./{db.name}", db)
    assert "är databasen själv" in refusal(db, Path(db.name))


def test_a_symbolic_link_to_the_database(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "länk.csv"
    link.symlink_to(db)
    assert "är databasen själv" in refusal(link, db)


def test_the_real_database_when_the_store_opened_it_through_a_link(
    db: Path, tmp_path: Path
) -> None:
    link = tmp_path / "genväg.json"
    link.symlink_to(db)
    assert "är databasen själv" in refusal(db, link)
    assert "låsfil" in refusal(lock_path(db), link)
    assert "mapp för säkerhetskopior" in refusal(backup_dir(db) / "x.csv", link)


def test_a_hard_link_to_the_database(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "hård.csv"
    os.link(db, link)
    assert "är databasen själv" in refusal(link, db)


def test_the_lock_file_whether_or_not_it_exists(db: Path) -> None:
    assert "låsfil" in refusal(lock_path(db), db)
    lock_path(db).write_bytes(b"")
    assert "låsfil" in refusal(lock_path(db), db)


def test_the_check_stamp_beside_the_database(db: Path) -> None:
    assert "kontrollstämpel" in refusal(stamp_path(db), db)


@pytest.mark.parametrize("folder_name", ["kansliet.backups", "kansliet.json.backups"])
def test_anything_in_either_backups_folder(db: Path, folder_name: str) -> None:
    folder = db.with_name(folder_name)
    assert "mapp för säkerhetskopior" in refusal(folder / "ny.csv", db), "before the folder exists"
    folder.mkdir()
    backup = folder / "kansliet-20240101T000000.json"
    backup.write_bytes(DATABASE)
    assert "mapp för säkerhetskopior" in refusal(backup, db)
    assert "mapp för säkerhetskopior" in refusal(folder / "ny.csv", db)
    assert "mapp för säkerhetskopior" in refusal(folder, db)


def test_a_link_into_the_backups_folder_and_a_hard_link_to_a_backup(
    db: Path, tmp_path: Path
) -> None:
    folder = db.with_name("kansliet.backups")
    folder.mkdir()
    backup = folder / "kansliet-20240101T000000.json"
    backup.write_bytes(DATABASE)
    (tmp_path / "kopior").symlink_to(folder)
    assert "mapp för säkerhetskopior" in refusal(tmp_path / "kopior" / "ny.csv", db)
    os.link(backup, tmp_path / "gammal.csv")
    assert "en av databasens säkerhetskopior" in refusal(tmp_path / "gammal.csv", db)


def test_a_folder_a_missing_folder_and_a_file_as_a_folder(db: Path, tmp_path: Path) -> None:
    assert "är en mapp" in refusal(tmp_path, db)
    assert f"Mappen {tmp_path / 'saknas'} finns inte" in refusal(tmp_path / "saknas" / "x.csv", db)
    (tmp_path / "fil").write_bytes(b"")
    assert "är ingen mapp" in refusal(tmp_path / "fil" / "x.csv", db)


def test_something_that_is_not_an_ordinary_file_is_never_replaced(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    assert "ingen vanlig fil" in refusal(fifo, db)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_existing_file_is_replaced_only_when_allowed(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "medlemmar.csv"
    target.write_bytes(b"old")
    with pytest.raises(OutputExists) as caught:
        resolve_output(target, db, replace=False)
    assert caught.value.path == target
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"old"
    write_output_file(resolve_output(target, db, replace=True), b"new")
    assert target.read_bytes() == b"new"


def test_a_new_file_is_written_owner_readable_only(db: Path, tmp_path: Path) -> None:
    target = resolve_output(tmp_path / "ny.csv", db, replace=False)
    write_output_file(target, b"data")
    assert (tmp_path / "ny.csv").read_bytes() == b"data"
    assert stat.S_IMODE((tmp_path / "ny.csv").stat().st_mode) == 0o600


def test_a_linked_output_file_is_written_through_and_the_link_kept(
    db: Path, tmp_path: Path
) -> None:
    real = tmp_path / "delad" / "lista.csv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "lista.csv"
    link.symlink_to(real)
    write_output_file(resolve_output(link, db, replace=True), b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_the_home_folder_is_expanded(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(db.parent))
    assert "är databasen själv" in refusal(f"~/{db.name}", db)
    assert resolve_output("~/ny.csv", db, replace=False) == db.parent.resolve() / "ny.csv"


def test_the_database_bytes_are_untouched_by_every_refusal(db: Path, tmp_path: Path) -> None:
    (tmp_path / "länk").symlink_to(db)
    for target in (db, tmp_path / "länk", db.parent / "x" / ".." / db.name):
        with pytest.raises(OutputRefused):
            resolve_output(target, db, replace=True)
    assert db.read_bytes() == DATABASE
