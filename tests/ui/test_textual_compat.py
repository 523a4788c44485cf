"""Fails loudly when a Textual or Rich upgrade moves what ``ui/textual_compat.py`` relies on."""

from __future__ import annotations

import inspect

from rich import control
from rich.text import Text
from textual import content, message_pump
from textual.app import App
from textual.content import Content

from secretariat_tui.ui.textual_compat import GuardedApp, show_unsafe_text_escaped


def test_textual_still_sends_unhandled_errors_to_handle_exception() -> None:
    assert "self.app._handle_exception(error)" in inspect.getsource(message_pump)
    assert list(inspect.signature(App._handle_exception).parameters) == ["self", "error"]
    assert GuardedApp._handle_exception is not App._handle_exception


def test_the_private_names_the_guard_sets_are_still_there() -> None:
    app = App()
    assert app._exception is None
    assert hasattr(app, "_exception_event") and hasattr(app, "_close_messages_no_wait")
    assert "_return_code" in vars(app)
    assert "await self.run_action(binding.action" in inspect.getsource(App._check_bindings)
    run_action = list(inspect.signature(App.run_action).parameters)
    assert run_action == ["self", "action", "default_namespace", "namespaces"]


def test_both_libraries_still_translate_drawn_text_with_the_tables_extended() -> None:
    show_unsafe_text_escaped()
    assert content._strip_control_codes.__defaults__ == (content._CONTROL_STRIP_TRANSLATE,)
    assert control.strip_control_codes.__defaults__ == (control._CONTROL_STRIP_TRANSLATE,)
    assert Content("a\x1bb\u202ec").plain == "a\\x1bb\\u202ec"
    assert Text("a\x1bb\x9bc").plain == "a\\x1bb\\x9bc"
    assert Content("rad\nrad\tx").plain == "rad\nrad\tx"
