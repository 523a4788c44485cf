"""The TUI off the happy path: an unexpected error is a message and exit code 1, never a
traceback; a control character is refused in a form and shown escaped where it is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from secretariat_tui.crash import crash_folder
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens import members as members_screen
from secretariat_tui.ui.screens.crash import Crash, CrashScreen, crash_message, tell_crash
from secretariat_tui.ui.screens.member_form import MemberForm
from tests.ui.helpers import DEMO, TODAY, error_text, stored, table

SECRET = "Anna Andersson anna@example.se"


def raise_secret(*args: object, **kwargs: object) -> None:
    raise ValueError(SECRET)


async def test_an_error_in_a_key_action_shows_a_message_naming_the_report_then_exits_1(
    app: SecretariatApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(members_screen.MembersScreen, "action_new", raise_secret)
    with pytest.raises(ValueError, match="Anna"):  # run_test hands the error to the test
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1", "n")
            await pilot.pause()
            assert isinstance(app.screen, CrashScreen)
            [report] = crash_folder().glob("crash-*.txt")
            shown = str(app.screen.query_one("#crash-text").render())
            assert "ValueError" in shown and str(report) in shown.replace("\n", "")
            assert "Anna" not in shown and "Anna" not in report.read_text()
            await pilot.press("enter")
            await pilot.pause()
    assert app.return_code == 1
    assert not app._exit_renderables, "Textual's own traceback was not prepared"
    assert app.crashed is not None and app.crashed.report == report


async def test_an_error_in_a_screen_handler_ends_the_same_way(
    app: SecretariatApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(members_screen.MembersScreen, "reload", raise_secret)
    with pytest.raises(ValueError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            await pilot.pause()
            assert isinstance(app.screen, CrashScreen)
            await pilot.press("q")
    assert app.return_code == 1


def test_the_message_says_what_happened_to_the_data() -> None:
    text = crash_message(ValueError(SECRET), Path("/data/crash/crash-1.txt"))
    assert "Allt som redan sparats finns kvar" in text and "/data/crash/crash-1.txt" in text
    assert "Anna" not in text
    assert "Ingen felrapport" in crash_message(ValueError(), None)
    line = Crash(ValueError(SECRET), Path("/r.txt")).line()
    assert line.startswith("secretariat: ett oväntat fel (ValueError)") and "/r.txt" in line
    assert "Anna" not in line


async def test_a_control_character_in_a_form_field_is_refused_under_the_field(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "n")
        form = app.screen
        assert isinstance(form, MemberForm)
        name = form.query_one("#field-name", Input)
        name.focus()
        name.post_message(events.Paste("Ond\x1b[2J\u202e"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        assert "styrtecken (\\x1b)" in error_text(app, "name")
    assert not any(n.startswith("Ond") for n in stored(app))


async def test_a_control_character_already_stored_is_shown_escaped(tmp_path: Path) -> None:
    document = json.loads(DEMO.read_bytes())
    document["members"]["1"]["name"] = "Ond\x1b[2J\x9b1m\u202eAB"
    path = tmp_path / "db.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with open_database(path) as database:
        app = SecretariatApp(database, today=TODAY, start="members")
        async with app.run_test(size=(120, 24)) as pilot:
            await pilot.pause()
            grid = table(app)
            lines = ["".join(s.text for s in grid.render_line(y)) for y in range(grid.size.height)]
    drawn = "\n".join(lines)
    assert "Ond\\x1b[2J\\x9b1m\\u202eAB" in drawn
    assert "\x1b" not in drawn and "\x9b" not in drawn and "\u202e" not in drawn


def test_the_database_fixture_is_a_copy(demo_db: Database) -> None:
    assert demo_db.path != DEMO


async def test_an_error_while_the_app_closes_is_reported_even_with_no_screen_left(
    app: SecretariatApp,
) -> None:
    """Found by the monkey (seed 14, loaded machine): an error that came as the app was
    closing met an empty screen stack, and the crash message's own ``app.screen`` raised
    ``ScreenStackError`` instead of the report being written."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert not app.screen_stack
    crash = tell_crash(app, ValueError("Anna"), None)
    [report] = crash_folder().glob("crash-*.txt")
    assert crash.report == report and "(ingen skärm)" in report.read_text()
