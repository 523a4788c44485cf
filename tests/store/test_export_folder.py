"""The one resolver and the export folder: a bare name is taken in the folder given (not the
folder the program started from), and that folder is made, owner-only, on first write."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from secretariat_tui.store.output_files import OutputRefused, resolve_output, write_output_file


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "kansliet.json"
    path.parent.mkdir()
    path.write_bytes(b"{}")
    return path


def test_a_bare_name_goes_to_the_export_folder_not_the_current_one(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(db.parent)
    folder = tmp_path / "Dokument" / "Kansliet"
    target = resolve_output("lista.csv", db, replace=False, folder=folder)
    assert target == folder / "lista.csv"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    write_output_file(target, b"x")
    assert sorted(p.name for p in db.parent.iterdir()) == ["kansliet.json"]


def test_without_a_folder_a_bare_name_is_where_the_command_runs(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's ``-o x.csv``: the shell's folder, as a command-line user expects."""
    monkeypatch.chdir(tmp_path)
    assert resolve_output("x.csv", db, replace=False) == tmp_path / "x.csv"


def test_a_full_path_wins_over_the_folder_and_no_other_folder_is_made(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "Kansliet"
    elsewhere = tmp_path / "annan" / "fil.csv"
    with pytest.raises(OutputRefused, match="finns inte"):
        resolve_output(elsewhere, db, replace=False, folder=folder)
    assert not folder.exists() and not elsewhere.parent.exists()


def test_a_subfolder_typed_in_the_name_must_exist(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Kansliet"
    with pytest.raises(OutputRefused, match="finns inte"):
        resolve_output("under/fil.csv", db, replace=False, folder=folder)
    assert not folder.exists()


def test_a_folder_that_cannot_be_made_is_said_so(db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_bytes(b"")
    with pytest.raises(OutputRefused, match="kan inte skapas|ingen mapp"):
        resolve_output("x.csv", db, replace=False, folder=blocker / "Kansliet")


def test_the_database_is_refused_in_the_export_folder_too(db: Path) -> None:
    with pytest.raises(OutputRefused, match="databasen själv"):
        resolve_output(db.name, db, replace=True, folder=db.parent)
