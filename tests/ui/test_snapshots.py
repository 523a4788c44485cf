"""Every screen and main dialog at 80×24 and 120×40, compared with reviewed SVG baselines.

A baseline is named after the screen and the size (``test_fees[120x40].svg``), so a layout
change shows in review as the screens it moved. What differs from run to run is held still:
"today" is the demo's fixed day; the header's database path (a new tmp_path each run) is
replaced by a fixed, realistically long one, and so is that folder in a dialog's file path;
the current folder and home are under tmp_path; a text field's cursor does not blink (it is
hidden, so the moment of the screenshot cannot show it on or off).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from secretariat_tui.store.database import Database, open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.overview import OverviewScreen
from secretariat_tui.ui.screens.transfer import ImportPreviewScreen, OpenFileForm
from tests.ui.helpers import BAD_ORG, TODAY, focus_field, replace_text, shown_names, type_text

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
SHOWN_HOME = "/home/kansliet"
SHOWN_PATH = f"{SHOWN_HOME}/.local/share/secretariat-tui/secretariat.json"

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Home and the current folder under tmp_path: a dialog's default folder is in one."""
    for name in ("cwd", "home"):
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for xdg in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DOCUMENTS_DIR"):
        monkeypatch.delenv(xdg, raising=False)
    return tmp_path


@pytest.fixture
def empty_db(folders: Path) -> Iterator[Database]:
    """A register without members, made before the app opens it (no "new database" notice)."""
    path = folders / "tom" / "kansliet.json"
    path.parent.mkdir()
    with open_database(path):
        pass
    with open_database(path) as db:
        yield db


@dataclass(frozen=True)
class Shot:
    """Where the app starts and what is done before the screenshot."""

    start: str
    keys: tuple[str, ...] = ()
    then: Steps | None = None


def snapshot(
    database: Database, shot: Shot, folders: Path, size: tuple[int, int], snap: SnapCompare
) -> bool:
    app = SecretariatApp(database, today=TODAY, start=shot.start)
    app.sub_title = SHOWN_PATH

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*shot.keys)
        if shot.then is not None:
            await shot.then(pilot)
        await pilot.pause()
        hold_still(pilot.app, str(folders))

    return snap(app, run_before=steps, terminal_size=size)


def hold_still(app: SecretariatApp, tmp: str) -> None:
    """No blinking cursor, and no tmp_path in a text field (a dialog's file path)."""
    for field in app.screen.query(Input):
        field.cursor_blink = False
        if tmp in field.value:
            field.value = field.value.replace(tmp, SHOWN_HOME)


# --- the steps that are more than keys -----------------------------------------------------------


async def bad_org_number(pilot: Pilot[Any]) -> None:
    await type_text(pilot, "Föreningen Ljusglimten")
    await focus_field(pilot, "org_number")
    await type_text(pilot, BAD_ORG)
    await pilot.press("tab")


async def member_with_form_history(pilot: Pilot[Any]) -> None:
    assert isinstance(pilot.app, SecretariatApp)
    assert shown_names(pilot.app)[2] == "Föreningen Ankarplatsen Gävle"
    await pilot.press("down", "down", "enter")


async def plattform_typed_in_the_filter(pilot: Pilot[Any]) -> None:
    await type_text(pilot, "plattform")


async def board_of_the_2024_meeting_day(pilot: Pilot[Any]) -> None:
    await replace_text(pilot, "as_of", "2024-06-01")
    await pilot.press("enter")


async def preview_of_a_members_file(pilot: Pilot[Any]) -> None:
    Path("medlemmar.csv").write_text(  # the current folder: the preview names it as typed
        "Namn;Typ;Medlemsform;Medlem sedan\r\n"
        "Föreningen Nyckeln;Organisation;Fullt medlemskap;2026-02-01\r\n"
        "Trasig;Organisation;Fullt medlemskap;2026-02-30\r\n",
        encoding="utf-8",
    )
    assert isinstance(pilot.app.screen, OpenFileForm)
    pilot.app.screen.query_one("#field-path", Input).value = "medlemmar.csv"
    await pilot.press("ctrl+s")
    assert isinstance(pilot.app.screen, ImportPreviewScreen)


# --- the screens ---------------------------------------------------------------------------------

# From 2026-06-01: two years back and five months on is November 2024; then the 14th.
AUTUMN_MEETING = ("4", "less_than_sign", "less_than_sign", *["pagedown"] * 5, *["right"] * 13)
YEAR_LIST_2024 = ("4", "less_than_sign", "less_than_sign", "home", "pageup", "pageup", "v")

SHOTS = {
    "overview": Shot("overview"),
    "members_list": Shot("members"),
    "member_detail": Shot("members", then=member_with_form_history),
    "new_member_form": Shot("members", ("n",)),
    "new_member_form_with_org_number_error": Shot("members", ("n",), bad_org_number),
    "fees": Shot("fees"),
    "fees_reminder_list": Shot("fees", ("r",)),
    "payments_of_a_member": Shot("fees", ("enter",)),
    "calendar_month_view_on_the_autumn_platform_meeting": Shot("members", AUTUMN_MEETING),
    "calendar_year_list": Shot("members", YEAR_LIST_2024),
    "calendar_year_list_filtered": Shot("calendar", ("v", "slash"), plattform_typed_in_the_filter),
    "new_activity_form": Shot("calendar", ("n",)),
    "calendar_export_dialog": Shot("calendar", ("u",)),
    "networks": Shot("networks"),
    "submissions": Shot("submissions"),
    "report_texts": Shot("report"),
    "report_text_editor": Shot("report", ("down", "down", "down", "enter")),
    "board": Shot("board"),
    "board_on_a_date": Shot("board", ("d",), board_of_the_2024_meeting_day),
    "meeting_roll": Shot("board", ("r",)),
    "members_import_preview": Shot("members", ("i",), preview_of_a_members_file),
    "help_on_the_members_register": Shot("members", ("f1",)),
    "palette_on_the_members_register": Shot("members", ("ctrl+p",)),
}


BOTH_SIZES = pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))


@BOTH_SIZES
@pytest.mark.parametrize("screen", list(SHOTS))
def test_screen(
    screen: str,
    size: tuple[int, int],
    demo_db: Database,
    folders: Path,
    snap_compare: SnapCompare,
) -> None:
    assert snapshot(demo_db, SHOTS[screen], folders, size, snap_compare)


@BOTH_SIZES
def test_overview_of_an_empty_register_shows_the_start_path(
    size: tuple[int, int], empty_db: Database, folders: Path, snap_compare: SnapCompare
) -> None:
    async def on_the_start_path(pilot: Pilot[Any]) -> None:
        assert isinstance(pilot.app.screen, OverviewScreen) and pilot.app.screen.first_run

    shot = Shot("overview", then=on_the_start_path)
    assert snapshot(empty_db, shot, folders, size, snap_compare)
