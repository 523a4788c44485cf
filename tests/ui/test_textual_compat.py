"""Fails loudly when a Textual or Rich upgrade moves what ``ui/textual_compat.py`` relies on."""

from __future__ import annotations

import inspect

from rich import control
from rich.text import Text
from textual import content, message_pump
from textual.app import App
from textual.content import Content

from secretariat_tui.ui.textual_compat import GuardedApp, show_unsafe_text_escaped
from tests.private_api import Canary

FENCE = "secretariat_tui/ui/textual_compat.py"
TEXTUAL = Canary("textual", FENCE)
RICH = Canary("rich", FENCE)


def test_textual_still_sends_unhandled_errors_to_handle_exception() -> None:
    handle = TEXTUAL.attribute(App, "_handle_exception")
    TEXTUAL.require(
        "self.app._handle_exception(error)" in inspect.getsource(message_pump),
        "App._handle_exception",
        "called by the message pump with every error nothing handled",
    )
    TEXTUAL.require(
        list(inspect.signature(handle).parameters) == ["self", "error"],
        "App._handle_exception",
        "takes the error",
    )
    assert GuardedApp._handle_exception is not App._handle_exception


def test_the_private_names_the_guard_sets_are_still_there() -> None:
    app = App()
    TEXTUAL.require(TEXTUAL.attribute(app, "_exception") is None, "App._exception", "None")
    TEXTUAL.attribute(app, "_exception_event")
    TEXTUAL.attribute(app, "_close_messages_no_wait")
    TEXTUAL.require("_return_code" in vars(app), "App._return_code", "an instance attribute")
    TEXTUAL.require(
        "await self.run_action(binding.action" in inspect.getsource(App._check_bindings),
        "App._check_bindings",
        "runs a key's action through the public run_action, which GuardedApp guards",
    )
    run_action = list(inspect.signature(App.run_action).parameters)
    assert run_action == ["self", "action", "default_namespace", "namespaces"]


def test_both_libraries_still_translate_drawn_text_with_the_tables_extended() -> None:
    show_unsafe_text_escaped()
    TEXTUAL.require(
        TEXTUAL.attribute(content, "_strip_control_codes").__defaults__
        == (TEXTUAL.attribute(content, "_CONTROL_STRIP_TRANSLATE"),),
        "textual.content._CONTROL_STRIP_TRANSLATE",
        "the translate table _strip_control_codes uses for every drawn text",
    )
    RICH.require(
        control.strip_control_codes.__defaults__
        == (RICH.attribute(control, "_CONTROL_STRIP_TRANSLATE"),),
        "rich.control._CONTROL_STRIP_TRANSLATE",
        "the translate table strip_control_codes uses for every drawn text",
    )
    assert Content("a\x1bb\u202ec").plain == "a\\x1bb\\u202ec"
    assert Text("a\x1bb\x9bc").plain == "a\\x1bb\\x9bc"
    assert Content("rad\nrad\tx").plain == "rad\nrad\tx"


def test_the_palette_still_shows_no_matches_as_palette_in_swedish_expects() -> None:
    from textual.command import CommandPalette

    from secretariat_tui.ui.textual_compat import PaletteInSwedish

    start = TEXTUAL.attribute(CommandPalette, "_start_no_matches_countdown")
    TEXTUAL.require(
        list(inspect.signature(start).parameters) == ["self", "search_value"],
        "CommandPalette._start_no_matches_countdown",
        "takes the search value",
    )
    source = inspect.getsource(CommandPalette)
    for name in ("_stop_no_matches_countdown", "_NO_MATCHES", "_NO_MATCHES_COUNTDOWN"):
        TEXTUAL.attribute(CommandPalette, name)
    for name in ("self._no_matches_timer = ", "self._list_visible = True", '"No matches found"'):
        TEXTUAL.require(name in source, f"CommandPalette: {name}", "still in its source")
    TEXTUAL.require(
        "self._start_no_matches_countdown(" in source,
        "CommandPalette._start_no_matches_countdown",
        "called by the palette's own search",
    )
    assert PaletteInSwedish._start_no_matches_countdown is not start
    for watcher in ("_watch__list_visible", "_watch__show_busy"):
        TEXTUAL.attribute(CommandPalette, watcher)  # guarded against a list that is gone
    for name in ("self._list_visible = ", "self._show_busy = "):
        TEXTUAL.require(name in source, f"CommandPalette: {name}", "still set by its search")


def test_the_select_list_still_has_its_own_english_escape_binding() -> None:
    from textual.widgets import _select

    from secretariat_tui.ui.textual_compat import SELECT_LIST_CLOSE, swedish_select_list

    overlay = TEXTUAL.attribute(_select, "SelectOverlay")
    TEXTUAL.attribute(overlay, "_merge_bindings")
    swedish_select_list()
    (binding,) = TEXTUAL.attribute(overlay, "_merged_bindings").key_to_bindings["escape"]
    TEXTUAL.require(
        (binding.action, binding.description) == ("dismiss", SELECT_LIST_CLOSE),
        "SelectOverlay._merged_bindings",
        "the merged bindings Textual reads, with the escape that closes the list",
    )
