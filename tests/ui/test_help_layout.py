"""Help wraps under the text column, and every key of every screen is in the footer or help."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Static

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.help import HelpScreen, hanging
from tests.ui.helpers import TODAY, footer_keys
from tests.ui.test_commands import STATES


def test_a_long_row_continues_under_its_text_column() -> None:
    text = "Visa alla styrelseposter genom tiderna, eller styrelsen på datumet"
    lines = hanging("h", text, 40).splitlines()
    assert len(lines) > 1
    assert lines[0].startswith("  h        Visa")
    assert all(line.startswith(" " * 11) and line[11] != " " for line in lines[1:]), lines
    assert " ".join(line.strip() for line in lines).endswith(text)
    assert hanging("h", text, None) == "  h        " + text, "unwrapped before it has a width"


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_help_on_the_board_hangs_at_80_and_60_columns(
    demo_db: Database, size: tuple[int, int]
) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="board")
    async with app.run_test(size=size) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.query_one("#help-text", Static)
        width = help_text.content_size.width
        text = str(help_text.render()).split("Tangenter här\n", 1)[1]
        lines = [line for line in text.splitlines() if line.startswith("  ")]  # rows, not prose
        assert [line for line in lines if len(line) > width] == [], width
        continued = [line for line in lines if line.startswith("   ")]
        assert continued, "some row is longer than the dialog is wide"
        assert all(line.startswith(" " * 11) for line in continued), continued


def ours(node: DOMNode, binding: Binding) -> bool:
    """Declared by a class of this program (not one of Textual's own widget keys)."""
    return any(
        binding in Binding.make_bindings(vars(cls).get("BINDINGS", ()))
        for cls in type(node).__mro__
        if cls.__module__.startswith("secretariat_tui")
    )


@pytest.mark.parametrize("state", STATES)
async def test_every_key_of_a_screen_is_in_the_footer_or_in_help(
    demo_db: Database, state: str
) -> None:
    start, keys = STATES[state]
    app = SecretariatApp(demo_db, today=TODAY, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        screen = app.screen
        reaching = {
            app.get_key_display(active.binding)
            for active in screen.active_bindings.values()
            if active.enabled and not active.binding.system and ours(active.node, active.binding)
        }
        footer = {key.key_display for key in footer_keys(screen)}
        await pilot.press("f1")
        await pilot.pause()
        text = str(app.screen.query_one("#help-text", Static).render())
        rows = (re.match(r"  ([^\s,]+(?:, [^\s,]+)*) ", line) for line in text.splitlines())
        in_help = {key for row in rows if row for key in row.group(1).split(", ")}
        missing = reaching - footer - in_help
        assert not missing, (state, missing)
        assert reaching, state


async def test_the_filter_field_shows_its_own_keys_in_the_footer(app: SecretariatApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        shown = {(key.key_display, key.description) for key in footer_keys(app.screen)}
        assert {("⏎", "Till listan"), ("esc", "Töm")} <= shown, shown
        await pilot.press("a", "b", "escape")
        await pilot.pause()
        assert app.screen.query_one("#filter").value == ""  # type: ignore[attr-defined]
        assert app.screen.focused is not None and app.screen.focused.id == "table"
