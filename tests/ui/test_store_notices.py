"""What the store had to say when opening (no backup possible, a write-protected file) is shown
on start as a warning, and a write-protected file refuses saves without losing the form."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from secretariat_tui.store.backups import backup_dir
from secretariat_tui.store.database import open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.member_form import MemberForm
from tests.ui.helpers import DEMO, TODAY, field_value, notices, shown_names, type_text

SIZE = (80, 24)
NEW_NAME = "Föreningen Ljusglimten"


def demo_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "kansliet.json"
    shutil.copyfile(DEMO, copy)
    return copy


async def test_an_unwritable_backups_folder_is_a_warning_naming_it(tmp_path: Path) -> None:
    path = demo_copy(tmp_path)
    folder = backup_dir(path)
    folder.write_bytes(b"a file where the folder should be")
    with open_database(path) as db:
        app = SecretariatApp(db, today=TODAY)
        async with app.run_test(size=SIZE):
            warnings = notices(app, "warning")
    assert any(str(folder) in w and "säkerhetskopia" in w for w in warnings), warnings


async def test_a_write_protected_file_says_so_and_refuses_a_save(tmp_path: Path) -> None:
    path = demo_copy(tmp_path)
    os.chmod(path, 0o400)
    before = path.read_bytes()
    with open_database(path) as db:
        app = SecretariatApp(db, today=TODAY, start="members")
        async with app.run_test(size=SIZE) as pilot:
            assert any("skrivskyddad" in w for w in notices(app, "warning"))
            await pilot.press("n")
            await type_text(pilot, NEW_NAME)
            await pilot.press("ctrl+s")
            await pilot.pause()

            assert any("Inget sparades" in m for m in notices(app, "error"))
            assert isinstance(app.screen, MemberForm)
            assert field_value(app, "name") == NEW_NAME
            await pilot.press("escape", "y")
            assert NEW_NAME not in shown_names(app)
    assert path.read_bytes() == before
