"""The actions a screen offers right now: for help, the command palette and the footer.

Only our own bindings (those with an ``id``) count, with every key that reaches them
("?, f1"), including one shadowed by a focused widget (enter on a table still opens a row).
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from textual.actions import parse
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass
class ScreenAction:
    node: DOMNode
    binding: Binding
    keys: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.binding.description

    @property
    def explanation(self) -> str:
        return self.binding.tooltip or self.binding.description

    def run(self) -> Awaitable[bool]:
        """Run the action; the palette awaits what this returns."""
        return self.node.run_action(self.binding.action)


def screen_actions(screen: Screen[object]) -> list[ScreenAction]:
    """Our enabled actions from the focused widget out to the app, one per binding id."""
    found: dict[str, ScreenAction] = {}
    for node, bindings in screen._modal_binding_chain:
        for key_bindings in bindings.key_to_bindings.values():
            for binding in key_bindings:
                if not (binding.id and binding.description) or not _enabled(node, binding):
                    continue
                entry = found.setdefault(binding.id, ScreenAction(node, binding))
                display = screen.app.get_key_display(binding)
                if display not in entry.keys:
                    entry.keys.append(display)
    return list(found.values())


def _enabled(node: DOMNode, binding: Binding) -> bool:
    _, name, parameters = parse(binding.action)
    return node.check_action(name, parameters) is not False


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
