"""A command is declared once and shows the same in the footer, help and the palette.

Help is read as the user sees it (f1, the rendered text), the palette through the App's
``get_system_commands`` (what Textual's palette lists), the footer from its keys on screen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.app_commands import HELP, QUIT
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.registers import REGISTERS, RegisterTab
from secretariat_tui.ui.screens.help import HelpScreen
from secretariat_tui.ui.widgets.fitted_table import FittedTable
from secretariat_tui.ui.widgets.nav_bar import NavBar
from tests.ui.helpers import TODAY, footer_keys

SIZE = (80, 24)

# Each register, a filter field with focus, and the dialogs on top of the registers.
STATES = {
    "overview": ("overview", ()),
    "members": ("members", ()),
    "members, filter field": ("members", ("slash",)),
    "member form": ("members", ("n",)),
    "member detail": ("members", ("enter",)),
    "fees": ("fees", ()),
    "a member's payments": ("fees", ("enter",)),
    "board": ("board", ()),
    "voting roll": ("board", ("r",)),
    "board paragraph": ("board", ("p",)),
    "calendar, month": ("calendar", ()),
    "calendar, year": ("calendar", ("v",)),
    "networks": ("networks", ()),
    "submissions": ("submissions", ()),
}


@dataclass(frozen=True)
class Entry:
    title: str
    keys: tuple[str, ...]
    explanation: str

    def help_line(self) -> str:
        """The line help writes for the same command."""
        tail = "" if self.explanation == self.title else f" – {self.explanation}"
        return f"  {', '.join(self.keys):<8} {self.title}{tail}"


def palette(app: SecretariatApp) -> list[Entry]:
    """What the palette lists (its keys end the text under each title), but the theme, which
    has no key, and quit in a dialog, which the palette always has: help lists neither."""
    entries = []
    for title, text, *_ in app.get_system_commands(app.screen):
        if title == "Tema" or (title == QUIT.title and app.screen.is_modal):
            continue
        explanation, keys = text.rsplit(" (", 1)
        entries.append(Entry(title, tuple(keys.removesuffix(")").split(", ")), explanation))
    return entries


async def help_lines(app: SecretariatApp, pilot: Pilot[None]) -> list[str]:
    """The "Tangenter här" lines of the help screen, opened with f1 (which works everywhere)."""
    below = app.screen
    await pilot.press("f1")
    assert isinstance(app.screen, HelpScreen)
    text = str(app.screen.query_one("#help-text", Static).render())
    await pilot.press("escape")
    assert app.screen is below
    wrapped = text.split("Tangenter här\n", 1)[1].split("\n\n", 1)[0].splitlines()
    return unwrapped(wrapped)


def unwrapped(lines: list[str]) -> list[str]:
    """Help's rows as one line each: a continuation (indented under the text) joins its row."""
    rows: list[str] = []
    for line in lines:
        if line.startswith("   ") and rows:
            rows[-1] += " " + line.strip()
        else:
            rows.append(line)
    return rows


def footer(app: SecretariatApp) -> list[tuple[str, str]]:
    """(key, title) of the footer's keys but the palette's own at its right end."""
    return [
        (key.key_display, key.description) for key in footer_keys(app.screen) if not key.palette
    ]


async def the_three(app: SecretariatApp, pilot: Pilot[None]) -> tuple[set[str], set[str]]:
    """Check that help and the palette list the same commands with the same keys and words,
    and that each footer key is a key of one of them; the titles of the footer and the rest."""
    entries, keys = palette(app), footer(app)
    lines = [line for line in await help_lines(app, pilot) if " Kommandon – " not in line]
    assert Counter(lines) == Counter(entry.help_line() for entry in entries)
    for key, title in keys:
        assert any(e.title == title and key in e.keys for e in entries), (key, title, entries)
    return {title for _, title in keys}, {entry.title for entry in entries}


@pytest.mark.parametrize("state", STATES)
async def test_footer_help_and_palette_show_the_same_commands(
    demo_db: Database, state: str
) -> None:
    start, keys = STATES[state]
    app = SecretariatApp(demo_db, today=TODAY, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        in_footer, elsewhere = await the_three(app, pilot)
        assert len(elsewhere) >= 2, elsewhere


async def test_a_command_its_screen_refuses_now_is_in_none_of_the_three(
    demo_db: Database,
) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="board")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        in_footer, elsewhere = await the_three(app, pilot)
        assert "Datum" in in_footer and "Datum" in elsewhere

        await pilot.press("h")  # all seats through the years: no date to choose
        await pilot.pause()
        assert app.screen.check_action("as_of", ()) is False
        in_footer, elsewhere = await the_three(app, pilot)
        assert "Datum" not in in_footer and "Datum" not in elsewhere
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.sub_title == "alla poster", "d does nothing in the history"


async def test_of_two_commands_on_one_key_only_the_one_allowed_now_shows(
    demo_db: Database,
) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for shown, refused in (("Årslista", "Månad"), ("Månad", "Årslista")):
            in_footer, elsewhere = await the_three(app, pilot)
            assert shown in in_footer and shown in elsewhere
            assert refused not in in_footer and refused not in elsewhere
            await pilot.press("v")
            await pilot.pause()


async def test_enter_counts_though_the_focused_table_binds_it_too(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        active = app.screen.active_bindings["enter"]
        assert isinstance(active.node, FittedTable), "the table's enter is the one Textual holds"
        assert "  ⏎        Visa – Visa medlemmen med rättigheter" in await help_lines(app, pilot)
        assert Entry("Visa", ("⏎",), "Visa medlemmen med rättigheter") in palette(app)


def test_a_command_binds_its_keys_and_its_everywhere_keys_before_any_form() -> None:
    shown, anywhere = QUIT.bindings()
    assert (shown.key, shown.show, shown.priority) == ("q", True, False)
    assert (anywhere.key, anywhere.show, anywhere.priority) == ("ctrl+q", False, True)
    assert {b.id for b in (shown, anywhere)} == {"quit"}
    assert {b.tooltip for b in (shown, anywhere)} == {"Avsluta programmet"}
    assert [b.key for b in HELP.bindings()] == ["question_mark", "f1"]

    rare = Command("d", "erase", "Radera", "Radera för gott", id="erase", footer=False)
    (binding,) = rare.bindings()
    assert (binding.show, binding.description, binding.tooltip) == (
        False,
        "Radera",
        "Radera för gott",
    )
    assert Command("", "change_theme", "Tema", "Byt färgtema", id="theme").bindings() == []


def test_plain_bindings_pass_through_while_screens_move_over() -> None:
    from textual.binding import Binding

    plain = Binding("ctrl+s", "save", "Spara", id="save", tooltip="Spara och stäng")
    assert bindings(plain, QUIT) == [plain, *QUIT.bindings()]


class NavOnly(App[None]):
    def compose(self) -> ComposeResult:
        tabs = (RegisterTab("a", "7", "Första", "ett"), RegisterTab("b", "8", "Andra", "två"))
        yield NavBar("b", registers=tabs)


def tabs_text(app: App[object]) -> Text:
    content = app.screen.query_one("#nav-tabs", Static).content
    assert isinstance(content, Text)
    return content


def highlighted(text: Text) -> list[str]:
    return [
        text.plain[span.start : span.end] for span in text.spans if "reverse" in str(span.style)
    ]


async def test_the_nav_bar_shows_the_registers_it_is_given() -> None:
    app = NavOnly()
    async with app.run_test(size=SIZE):
        text = tabs_text(app)
        assert text.plain.split() == ["7", "Första", "8", "Andra"]
        assert highlighted(text) == ["8 Andra"]


async def test_each_register_key_switches_there_and_the_bar_marks_it(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for tab in REGISTERS:
            await pilot.press(tab.key)
            await pilot.pause()
            assert app.current_mode == tab.mode
            assert highlighted(tabs_text(app)) == [f"{tab.key} {tab.title}"]


async def test_a_register_key_in_a_dialog_stays_in_the_dialog(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the member's details
        dialog = app.screen
        await pilot.press("2")
        await pilot.pause()
        assert app.screen is dialog and app.current_mode == "members"
