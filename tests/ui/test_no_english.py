"""No text of Textual's own reaches the user in English: the palette, the theme picker, an
open dropdown, notifications and the footer under them are read off the screen as drawn."""

from __future__ import annotations

import html
import inspect
import re

from textual import command, widgets
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.pilot import Pilot

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.textual_compat import NO_MATCHES, SELECT_LIST_CLOSE
from tests.ui.helpers import TODAY, type_text

SIZE = (80, 24)
TEXTUAL_LITERALS = (
    "No matches found",
    "Search for commands…",
    "Search for themes…",
    "Select",
    "Dismiss menu",
    "Do you want to quit",
    "palette",
    "Error",
    "Warning",
)


def english_words() -> set[str]:
    """Words Textual itself may draw: its literals above, every description of its widgets'
    and the palette's keys, and its theme names."""
    texts = list(TEXTUAL_LITERALS)
    classes = [
        value
        for module in (widgets, command)
        for name in dir(module)
        if inspect.isclass(value := getattr(module, name)) and issubclass(value, DOMNode)
    ]
    for cls in {base for c in classes for base in c.__mro__ if issubclass(base, DOMNode)}:
        for binding in Binding.make_bindings(vars(cls).get("BINDINGS", ())):
            texts += [binding.description, binding.tooltip]
    texts += [name.replace("-", " ") for name in App().available_themes]
    return {w.casefold() for text in texts for w in re.findall(r"[A-Za-z]{4,}", text)}


SWEDISH_TOO = {"text", "home", "enter", "delete", "ctrl", "shift", "space"}
"""Words Textual uses that are Swedish as well ("Filtrera på text…"), and key names as
printed on the keys (help and the palette name a key as the footer does)."""
ENGLISH = english_words() - SWEDISH_TOO


def drawn_words(app: App[object]) -> set[str]:
    """Every word on the screen as drawn (the screenshot's text, spans joined per line)."""
    svg = app.export_screenshot()
    text = " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg))
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text.replace("\xa0", " "))}


def english_on(app: App[object]) -> set[str]:
    return drawn_words(app) & ENGLISH


def test_the_word_list_knows_textuals_english() -> None:
    assert {"matches", "found", "search", "themes", "dismiss", "select", "quit"} <= ENGLISH
    assert {"inga", "träffar", "stäng", "listan"}.isdisjoint(ENGLISH)


async def open_palette(pilot: Pilot[None], query: str) -> None:
    await pilot.press("ctrl+p")
    await type_text(pilot, query)
    await pilot.pause(0.8)  # Textual waits before it says there was no match


async def test_the_palette_finds_nothing_in_swedish(demo_db: Database) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await open_palette(pilot, "xyzzy")
        assert NO_MATCHES.casefold().split()[0] in drawn_words(app)
        assert english_on(app) == set()
        await pilot.press("escape")
        await open_palette(pilot, "ny")
        assert "medlemmar" in drawn_words(app)
        assert english_on(app) == set()
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert english_on(app) == set(), "the palette as it opens, its placeholder"


async def test_the_theme_picker_is_swedish(demo_db: Database) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=SIZE) as pilot:
        await open_palette(pilot, "tema")
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert {"mörkt", "ljust"} <= drawn_words(app)
        assert english_on(app) == set()
        await type_text(pilot, "ljust")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.theme == "textual-light"


async def test_an_open_dropdown_says_how_to_close_it_in_swedish(demo_db: Database) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause(0.3)
        words = drawn_words(app)
        assert set(SELECT_LIST_CLOSE.casefold().split()) <= words
        assert english_on(app) == set()


async def test_notifications_carry_no_english_title(demo_db: Database) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.notify("Något gick fel", severity="error")
        app.notify("Se upp", severity="warning")
        await pilot.press("ctrl+c")
        await pilot.pause(0.3)
        assert {"något", "upp", "avsluta"} <= drawn_words(app)
        assert english_on(app) == set()
