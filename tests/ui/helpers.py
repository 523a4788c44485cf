"""Helpers for the UI tests: read what the screen shows and what reached the file on disk."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Select, Static
from textual.widgets._select import SelectOverlay

from secretariat_tui.domain.members import Member
from secretariat_tui.domain.orgnr import luhn_check_digit
from secretariat_tui.store.members import from_document
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.end_membership import EndMembershipForm
from secretariat_tui.ui.screens.file_message import FileMessageScreen
from secretariat_tui.ui.widgets.fitted_table import FittedTable
from secretariat_tui.ui.widgets.key_footer import KeyFooter, ShownKey

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.json"
# After every date in the demo data, so the demo's history is all in the past.
TODAY = date(2026, 6, 1)

NINE = "802001601"
GOOD_DIGIT = luhn_check_digit(NINE)
VALID_ORG = f"{NINE[:6]}-{NINE[6:]}{GOOD_DIGIT}"
BAD_ORG = f"{NINE[:6]}-{NINE[6:]}{(GOOD_DIGIT + 1) % 10}"

ACTIVE_IN_DEMO = 27
ENDED_IN_DEMO = 3


def footer_keys(screen: Screen[Any]) -> tuple[ShownKey, ...]:
    """The keys the screen's footer shows, the palette's last."""
    return screen.query_one(KeyFooter).keys


def footer_line(screen: Screen[Any]) -> str:
    """The footer's line as it reads on screen (names of keys that do not fit left out)."""
    return screen.query_one(KeyFooter).render().plain


def stored(app: SecretariatApp) -> dict[str, Member]:
    """The members as written to the database file (what a restart would see), by name."""
    document = json.loads(app.database.path.read_bytes())
    members = [from_document(doc, int(key)) for key, doc in document["members"].items()]
    return {member.name: member for member in members}


def table(app: SecretariatApp) -> FittedTable:
    return app.screen.query_one("#table", FittedTable)


def shown_names(app: SecretariatApp) -> list[str]:
    """The Namn column of the members table, top to bottom."""
    grid = table(app)
    return [str(grid.get_row_at(index)[0]) for index in range(grid.row_count)]


def shown_row(app: SecretariatApp, name: str) -> list[str]:
    """The row's value in every declared column, also one the table leaves out (the same on
    every row, or no room): what the detail line under the table shows."""
    grid = table(app)
    for index in range(grid.row_count):
        cells = [str(cell) for cell in grid.values_at(index)]
        if cells[0] == name:
            return cells
    raise AssertionError(f"{name!r} is not in the table: {shown_names(app)}")


def cursor_name(app: SecretariatApp) -> str:
    grid = table(app)
    return str(grid.get_row_at(grid.cursor_row)[0])


def status_line(app: SecretariatApp) -> str:
    return str(app.screen.query_one("#table-status", Static).render())


def error_text(app: SecretariatApp, field: str) -> str:
    """The error under a form field, or "" when it is hidden."""
    error = app.screen.query_one(f"#error-{field}", Static)
    return str(error.render()) if error.display else ""


def field_value(app: SecretariatApp, field: str) -> str:
    widget = app.screen.query_one(f"#field-{field}")
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    return str(widget.value)  # type: ignore[attr-defined]


def notices(app: SecretariatApp, severity: str | None = None) -> list[str]:
    return [n.message for n in app._notifications if severity in (None, n.severity)]


def file_message(app: SecretariatApp, *, failed: bool = False) -> str:
    """The text of the dialog that tells what became of a written file ("" when none is open,
    or when it tells the other outcome than ``failed``)."""
    screen = app.screen
    if isinstance(screen, FileMessageScreen) and screen.failed == failed:
        return "\n".join(screen.lines)
    return ""


async def highlight(pilot: Pilot[Any], name: str) -> None:
    """Put the table cursor on ``name``.

    The cursor is moved directly: one arrow key per row would take a pause each.
    """
    app = pilot.app
    assert isinstance(app, SecretariatApp)
    grid = table(app)
    grid.focus()
    grid.move_cursor(row=shown_names(app).index(name))
    await pilot.pause()
    assert cursor_name(app) == name


async def choose(pilot: Pilot[Any], label: str) -> None:
    """Open the focused Select with space (enter moves on), arrow to ``label`` and pick it
    with enter."""
    await pilot.press("space")
    overlay = pilot.app.focused
    assert isinstance(overlay, SelectOverlay), f"space did not open a Select: {overlay}"
    for _ in range(overlay.option_count + 1):
        index = overlay.highlighted
        if index is not None and str(overlay.get_option_at_index(index).prompt) == label:
            await pilot.press("enter")
            return
        await pilot.press("down")
    raise AssertionError(f"no option {label!r} in the focused Select")


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` into the focused widget as key events, one per character.

    The same events ``pilot.press`` sends, without its idle wait after every key (~80 ms each),
    which would make the suite several times slower; one pause after the last key.
    """
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        pilot.app.post_message(events.Key(key, char))
    await pilot.pause()


async def focus_field(pilot: Pilot[Any], field: str) -> None:
    """Jump to a form field (as a click would) where the tab order is not what is tested."""
    pilot.app.screen.query_one(f"#field-{field}").focus()
    await pilot.pause()


async def replace_text(pilot: Pilot[Any], field: str, text: str) -> None:
    """Focus a form field, erase what it holds and type ``text``."""
    await focus_field(pilot, field)
    widget = pilot.app.screen.query_one(f"#field-{field}")
    await pilot.press("end", *["backspace"] * len(widget.value))  # type: ignore[attr-defined]
    await type_text(pilot, text)


async def end_membership(pilot: Pilot[Any], name: str, last_day: str, reason: str = "") -> None:
    """End ``name``'s membership by keys: x on its row, the last day, the reason, ctrl+s."""
    await highlight(pilot, name)
    await pilot.press("x")
    assert isinstance(pilot.app.screen, EndMembershipForm)
    await type_text(pilot, last_day)
    if reason:
        await pilot.press("tab")
        await type_text(pilot, reason)
    await pilot.press("ctrl+s")
