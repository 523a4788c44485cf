"""Where the App and the drawing of text reach into Textual's and Rich's private names.

No other module touches a private name of Textual or Rich (``tests/test_private_names.py``;
the tables draw themselves with the public Line API, ``widgets/line_table.py``). Both
libraries are pinned to the exact tested versions in pyproject.toml, and
``tests/ui/test_textual_compat.py`` fails loudly, naming the private name, when an upgrade
moves what this module relies on.

Unexpected errors: Textual sends every exception nothing handled to ``App._handle_exception``,
which rings the bell and prints a traceback with local variables when the app exits (a
member's name and e-mail on the terminal, and exit code 0 when the error came late). There
is no public hook, so ``GuardedApp`` overrides it, and hands the error to
``unexpected_error``. Errors in key actions are caught one step earlier, in the public
``run_action``: those run on the App's own message loop, which Textual ends after an error,
so catching them there keeps the app alive to show the user a message.

Keys typed after quitting: ``exit`` only posts a message, so keys already typed (``q`` then
``u`` quickly) still ran their actions while Textual was closing every screen; a dialog
opened then was mounted without its widgets, and its first query failed. Once ``exit`` is
called, ``run_action`` does nothing: the session is ending. Likewise a key for a dialog
just pushed but not yet built (``e`` then escape quickly) waits for nothing: it is dropped,
since the dialog's actions read widgets that do not exist yet.

Textual's own words: the command palette writes "No matches found" from inside a private
method, and the dropdown list of a ``Select`` (a class of a private module) puts
"esc Dismiss menu" in the footer while it is open. ``PaletteInSwedish`` and
``swedish_select_list`` say both in Swedish; every other text of Textual's that a user sees
is set through public API (placeholders, prompts, ``BINDINGS`` of our subclasses).
"""

from __future__ import annotations

from typing import Any, TypeVar

from rich.align import Align
from rich.console import RenderableType
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widget import Widget
from textual.widgets import LoadingIndicator
from textual.widgets.option_list import Option

from secretariat_tui.domain.text import ESCAPES_KEEPING_LINES

ReturnType = TypeVar("ReturnType")


class GuardedApp(App[ReturnType]):
    """An App whose unexpected errors go to ``unexpected_error``, never to a traceback."""

    exiting = False
    """Set by ``exit``: the session is ending, and no key runs an action any more."""

    def unexpected_error(self, error: BaseException) -> None:
        """Tell the user and end the session; the subclass says how."""
        raise NotImplementedError

    def exit(
        self,
        result: ReturnType | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.exiting = True
        super().exit(result, return_code, message)

    async def run_action(self, action: Any, *args: Any, **kwargs: Any) -> bool:
        if self.exiting:
            return True  # handled: a key typed after quitting opens nothing on a closing app
        namespace = args[0] if args else kwargs.get("default_namespace")
        if isinstance(namespace, Widget) and not namespace.is_mounted:
            return True  # a dialog still being built: its actions would find no widgets
        try:
            return await super().run_action(action, *args, **kwargs)
        except Exception as error:  # noqa: BLE001  (the last line of defence in the TUI)
            self._handle_exception(error)
            return True

    def _handle_exception(self, error: Exception) -> None:
        """Textual's own bookkeeping, without its traceback: a non-zero exit code, and the
        first error kept for ``run_test``, which raises it when a test ends (so a test never
        passes over an error the user would have seen as a crash message)."""
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self.unexpected_error(error)

    def end_after_crash(self) -> None:
        """Close at once, as Textual does after an error, for when no message can be shown."""
        self._return_code = 1
        self._close_messages_no_wait()


def show_unsafe_text_escaped() -> None:
    """Make every text Textual and Rich draw show unsafe characters as visible stand-ins.

    Both libraries already take a few control codes out of every text they draw (BEL, BS, VT,
    FF, CR) with one ``str.translate`` table; ESC, the C1 codes and bidi overrides went to
    the terminal as they were, so a stored name could recolour or clear the screen. Adding
    our stand-ins (``domain.text.ESCAPES``, ``\\x1b`` for ESC) to those tables covers every
    widget at once: tables, details, inputs, notifications. Newline and tab keep their
    meaning; the codes Textual removes stay removed.
    """
    from rich import control
    from textual import content

    for table in (content._CONTROL_STRIP_TRANSLATE, control._CONTROL_STRIP_TRANSLATE):
        kept = set(table)
        table.update({c: e for c, e in ESCAPES_KEEPING_LINES.items() if c not in kept})


def write_to_terminal(app: App[Any], data: str) -> None:
    """Raw text straight to the terminal, as ``App.copy_to_clipboard`` sends its OSC 52, for
    the same sequence wrapped for GNU screen (``ui.clipboard``): Textual has no public way."""
    if app._driver is not None:
        app._driver.write(data)


NO_MATCHES = "Inga träffar"
SELECT_LIST_CLOSE = "Stäng listan"


class PaletteInSwedish(CommandPalette):
    """Textual's palette, saying "Inga träffar" where it said "No matches found"."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own, with the Swedish text: after a short wait with nothing found for
        a query, a line that says so (an empty query lists everything: nothing to say)."""
        if not search_value:
            super()._start_no_matches_countdown(search_value)
            return
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not self.is_active:  # closed in the half second since the search
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(NO_MATCHES, style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)

    def _watch__list_visible(self) -> None:
        """Textual's own, skipped once the palette's list is gone: a search still running
        when the palette was taken down (a register switched under it) showed its hits on a
        list that no longer existed (``NoMatches: CommandList``, a crash)."""
        if self.query(CommandList):
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        """As ``_watch__list_visible``: the busy mark of a list that is gone is not shown."""
        if self.query(CommandList) and self.query(LoadingIndicator):
            await super()._watch__show_busy()


def swedish_select_list() -> None:
    """The key that closes an open dropdown list, named in Swedish in the footer."""
    from textual.widgets._select import SelectOverlay

    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", SELECT_LIST_CLOSE)]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
