"""The TUI's save dialogs, driven by keys at 80×24: every CSV saved is Swedish Excel's file
(BOM, ``;``, CRLF) with no formula left to run, the database's own files are refused beside
the file name, an existing file is replaced only after a yes, and every dialog shows the
export folder, saves a bare name there and remembers a folder changed in it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from secretariat_tui.config import default_export_folder
from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.members import Contact
from secretariat_tui.store.lock import lock_path
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.store.user_config import load_user_config
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.export import ExportForm
from secretariat_tui.ui.screens.save_as import SaveAsForm
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.factories import make_member
from tests.ui.helpers import (
    TODAY,
    choose,
    error_text,
    field_value,
    file_message,
    focus_field,
    notices,
)

SIZE = (80, 24)
HYPERLINK = '=HYPERLINK("http://x","y")'
CMD = "+cmd|' /C calc'!A0"
RUNNABLE = ("=", "+", "-", "@", "\t", "\r")
CSV_CHOICE = "CSV för Excel (.csv)"


def add_formula_member(app: SecretariatApp) -> None:
    """A member whose name and contacts would run in Excel, owing part of this year's fee."""
    member = MemberRepository(app.database).add(
        make_member(
            HYPERLINK,
            joined=date(2020, 1, 15),
            contact=Contact(person=CMD, email="=x@example.se", phone="+46 70 123 45 67"),
        )
    )
    assert member.id is not None
    PaymentRepository(app.database).add(
        Payment(member.id, TODAY.year, Decimal(100), date(TODAY.year, 2, 1), "@SUM(1)", "-2+3")
    )


# --- every save-as-CSV ------------------------------------------------------------------------


async def members_export(pilot: Pilot[Any]) -> None:
    await pilot.press("u")


async def payments_export(pilot: Pilot[Any]) -> None:
    await pilot.press("2", "u")


async def reminder_list(pilot: Pilot[Any]) -> None:
    await pilot.press("2", "r")
    assert isinstance(pilot.app.screen, TextPreviewScreen)
    await pilot.press("s")


async def voting_roll(pilot: Pilot[Any]) -> None:
    await pilot.press("3", "r", "p")
    assert isinstance(pilot.app.screen, TextPreviewScreen)
    await pilot.press("s")


SAVE_AS_CSV: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "members export": members_export,
    "payments export": payments_export,
    "reminder list": reminder_list,
    "voting roll": voting_roll,
}


async def save_as(pilot: Pilot[Any], target: Path) -> None:
    """In the open save dialog: CSV for Excel when there is a choice, the file, ctrl+s."""
    app = pilot.app
    assert isinstance(app.screen, SaveAsForm)
    if field_value(app, "format") != ".csv":  # type: ignore[arg-type]
        await focus_field(pilot, "format")
        await choose(pilot, CSV_CHOICE)
    app.screen.query_one("#field-path", Input).value = str(target)
    await pilot.press("ctrl+s")


def test_every_rendering_saved_as_csv_is_listed_here() -> None:
    """A new Rendering with a .csv suffix is a new save-as-CSV: add it to SAVE_AS_CSV."""
    package = Path(__file__).resolve().parents[2] / "secretariat_tui" / "ui"
    sources = "".join(p.read_text(encoding="utf-8") for p in sorted(package.rglob("*.py")))
    renderings = sources.count('".csv"')
    # transfer.py's one CSV rendering (file_renderings) serves both registers with an export
    # (u) and the reminder list.
    assert renderings == len(SAVE_AS_CSV) - 2, "a save-as-CSV is missing from SAVE_AS_CSV"


@pytest.mark.parametrize("way", list(SAVE_AS_CSV))
async def test_every_csv_saved_from_the_tui_is_an_excel_file_without_formulas(
    app: SecretariatApp, tmp_path: Path, way: str
) -> None:
    add_formula_member(app)
    target = tmp_path / "ut.csv"
    async with app.run_test(size=SIZE) as pilot:
        await SAVE_AS_CSV[way](pilot)
        await save_as(pilot, target)
        assert not isinstance(app.screen, SaveAsForm), error_text(app, "path")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n") > 1, "CRLF line ends"
    text = data.decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert len(rows[0]) > 1, "separated by ;"
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c.startswith(RUNNABLE)] == []
    assert "'" + HYPERLINK in cells, "the formula-like name is in the file, guarded"
    assert target.stat().st_mode & 0o777 == 0o600


# --- the database's own files, folders, and files that exist ----------------------------------


def _way_round(db: Path) -> Path:
    (db.parent / "sub").mkdir()
    return db.parent / "sub" / ".." / db.name


def _symlink(db: Path) -> Path:
    link = db.parent.parent / "länk.csv"
    link.symlink_to(db)
    return link


def _hard_link(db: Path) -> Path:
    link = db.parent.parent / "hård.csv"
    os.link(db, link)
    return link


def _in_folder(name: str) -> Callable[[Path], Path]:
    def target(db: Path) -> Path:
        folder = db.with_name(name)
        folder.mkdir(exist_ok=True)
        return folder / "ny.csv"

    return target


REFUSED: dict[str, tuple[Callable[[Path], Path], str]] = {
    "the database": (lambda db: db, "är databasen själv"),
    "a way round to the database": (_way_round, "är databasen själv"),
    "a symbolic link to the database": (_symlink, "är databasen själv"),
    "a hard link to the database": (_hard_link, "är databasen själv"),
    "the lock file": (lock_path, "är databasens låsfil"),
    "<stem>.backups": (_in_folder("kansliet.backups"), "mapp för säkerhetskopior"),
    "<name>.backups": (_in_folder("kansliet.json.backups"), "mapp för säkerhetskopior"),
    "a folder": (lambda db: db.parent, "är en mapp"),
    "a missing folder": (lambda db: db.parent / "saknas" / "ut.csv", "finns inte"),
}


async def open_save_as(pilot: Pilot[Any]) -> None:
    await pilot.press("u")
    assert isinstance(pilot.app.screen, SaveAsForm)


async def open_export(pilot: Pilot[Any]) -> None:
    await pilot.press("4", "u", "v")
    assert isinstance(pilot.app.screen, ExportForm)


async def open_calendar_export(pilot: Pilot[Any]) -> None:
    await pilot.press("4", "u", "k")
    assert isinstance(pilot.app.screen, ExportForm)


DIALOGS = {
    "save as": (open_save_as, SaveAsForm),
    "export report": (open_export, ExportForm),
    "export calendar file": (open_calendar_export, ExportForm),
}


def files_beside(db: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(db.parent.rglob("*")) if p.is_file()}


async def submit(pilot: Pilot[Any], target: Path) -> None:
    pilot.app.screen.query_one("#field-path", Input).value = str(target)
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("dialog", list(DIALOGS))
async def test_the_databases_own_files_are_the_file_fields_error(
    app: SecretariatApp, dialog: str
) -> None:
    db = app.database.path
    opened, form = DIALOGS[dialog]
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        for case, (make_target, message) in REFUSED.items():
            target = make_target(db)
            before = files_beside(db)
            await submit(pilot, target)
            assert isinstance(app.screen, form), case
            assert message in error_text(app, "path"), case
            assert files_beside(db) == before, f"{case}: nothing beside the database changed"
    assert notices(app, "error") == []


@pytest.mark.parametrize("dialog", list(DIALOGS))
async def test_an_existing_file_is_replaced_only_after_a_yes(
    app: SecretariatApp, tmp_path: Path, dialog: str
) -> None:
    target = tmp_path / "finns.txt"
    target.write_bytes(b"keep me")
    opened, form = DIALOGS[dialog]
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        await submit(pilot, target)
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one(".question", Static).render())
        assert question == f"Filen {target} finns redan. Ersätt den?"

        await pilot.press("n")
        assert isinstance(app.screen, form), "no: the dialog stays open"
        assert field_value(app, "path") == str(target), "with the name typed"
        assert target.read_bytes() == b"keep me"

        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen), "asked again"
        await pilot.press("j")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, (form, ConfirmScreen))
    assert target.read_bytes() != b"keep me"
    assert target.stat().st_mode & 0o777 == 0o600


# --- the export folder in every save dialog -----------------------------------------------------

SAVE_DIALOGS = {**SAVE_AS_CSV, "export": open_export}


@pytest.mark.parametrize("dialog", list(SAVE_DIALOGS))
async def test_every_save_dialog_shows_the_export_folder_and_saves_a_bare_name_there(
    app: SecretariatApp, dialog: str
) -> None:
    folder = default_export_folder()
    async with app.run_test(size=SIZE) as pilot:
        await SAVE_DIALOGS[dialog](pilot)
        assert field_value(app, "folder") == str(folder)
        name = field_value(app, "path")
        assert "/" not in name, "the name alone; the folder stands above it"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, (SaveAsForm, ExportForm)), error_text(app, "path")
        assert str(folder / name) in file_message(app), "the path written is told"
        await pilot.pause(0.2)
        assert str(folder / name) in file_message(app), "and stays until it is closed"
        await pilot.press("enter")
        assert file_message(app) == ""
    assert (folder / name).stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700


async def test_a_folder_changed_in_the_save_dialog_is_remembered(
    app: SecretariatApp, tmp_path: Path
) -> None:
    chosen = tmp_path / "till-styrelsen"
    chosen.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await open_save_as(pilot)
        app.screen.query_one("#field-folder", Input).value = str(chosen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SaveAsForm), error_text(app, "path")
        assert f"Exportmappen är nu {chosen}" in file_message(app)
        await pilot.press("escape")
        await open_save_as(pilot)
        assert field_value(app, "folder") == str(chosen)
        await pilot.press("escape")
        await open_export(pilot)
        assert field_value(app, "folder") == str(chosen), "one folder for every dialog"
    assert [p.name for p in chosen.iterdir()] == ["medlemmar.csv"]
    assert load_user_config().export_folder == chosen
