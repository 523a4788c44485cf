"""`settings show|set export-folder`: the user's own export folder, kept on this machine in
the user's settings file (never in the register file), and shared with the TUI's dialogs."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from secretariat_tui.config import default_export_folder, user_config_path
from secretariat_tui.store.database import open_database
from secretariat_tui.store.user_config import load_user_config
from tests.cli.helpers import ok, refused


@pytest.fixture
def register(db_path: Path) -> Path:
    with open_database(db_path):
        pass
    return db_path


def test_show_names_the_default_export_folder_without_making_it(register: Path) -> None:
    lines = ok(register, "settings", "show").splitlines()
    assert lines[0].startswith("retention-years:")
    assert lines[-2].startswith(f"export-folder: {default_export_folder()} –")
    assert not default_export_folder().exists(), "made only when a file is saved in it"
    assert not user_config_path().exists()


def test_set_keeps_the_folder_for_the_user_not_in_the_register(
    register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = register.read_bytes()
    monkeypatch.chdir(tmp_path)
    out = ok(register, "settings", "set", "export-folder", "utskick")
    assert out.startswith(f"Sparade export-folder: {tmp_path / 'utskick'} –")
    assert load_user_config().export_folder == tmp_path / "utskick"
    assert json.loads(user_config_path().read_text(encoding="utf-8"))["export_folder"] == str(
        tmp_path / "utskick"
    )
    assert stat.S_IMODE(user_config_path().stat().st_mode) == 0o600
    assert stat.S_IMODE(user_config_path().parent.stat().st_mode) == 0o700
    assert register.read_bytes() == before, "a path of this machine is not the register's"
    assert f"export-folder: {tmp_path / 'utskick'} –" in ok(register, "settings", "show")


def test_set_refuses_a_file_as_the_folder(register: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "fil.txt"
    a_file.write_text("x", encoding="utf-8")
    line = refused(register, "settings", "set", "export-folder", str(a_file))
    assert line.endswith(f"export-folder: {a_file} är ingen mapp.")
    assert not user_config_path().exists()
