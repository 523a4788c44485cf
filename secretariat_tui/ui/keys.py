"""The footer kept true without rebuilding it on every key: ``refresh_keys``."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from textual.screen import Screen

_FOOTER_SHOWS: WeakKeyDictionary[Screen[Any], tuple[object, ...]] = WeakKeyDictionary()


def refresh_keys(screen: Screen[Any]) -> None:
    """``screen.refresh_bindings()``, but only when a key the footer shows has changed.

    Textual's Footer takes down and builds again every one of its keys on each
    ``refresh_bindings`` (Textual 8). Our screens ask after every redraw and every move
    of the cursor, where mostly nothing changed: in the calendar that was three rebuilds
    of the footer per keystroke of the filter. Textual's own calls (focus, a new screen)
    still refresh always.
    """
    if not screen.app.app_focus:  # the footer waits for focus, so nothing is shown yet
        _FOOTER_SHOWS.pop(screen, None)
        screen.refresh_bindings()
        return
    shown = tuple(
        (key, active.node, active.binding.action, active.enabled)
        for key, active in screen.active_bindings.items()
        if active.binding.show  # the footer leaves out the others (help lists them anew)
    )
    if _FOOTER_SHOWS.get(screen) != shown:
        _FOOTER_SHOWS[screen] = shown
        screen.refresh_bindings()
