"""The footer of every screen: the keys that work here, drawn as one line.

Textual's Footer is a container of one widget per key, taken down and built again whenever
the screen's bindings change; a register announces several changes as it opens, and its
footer's widgets were a fifth of the members screen's first frame (issue 18). This footer is
one widget: it reads the same bindings (``screen.active_bindings``, what the Footer reads),
keeps them as ``ShownKey`` values and paints them as one line of text, repainted only when
what it shows changed. It looks like Textual's compact footer (the same theme colours) and
behaves like it: a click on a key presses it, a disabled key is dim and only rings the bell,
and hovering shows the key's tooltip.

When the keys do not fit (a narrow window), the names of the rightmost keys give way first,
so every key stays in sight; help (``?``) lists them all with their names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

PALETTE_EDGE = "▏"
"""Between the keys and the palette's key, as Textual's footer draws its left border."""


@dataclass(frozen=True)
class ShownKey:
    """A key as the footer shows it."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    palette: bool = False
    """The command palette's key, at the right end."""


@dataclass(frozen=True)
class _Placed:
    shown: ShownKey
    start: int
    end: int
    named: bool


class KeyFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--edge",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--hover {
        background: $block-hover-background;
    }
    KeyFooter > .key-footer--edge {
        color: $foreground 20%;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[ShownKey, ...] = ()
        self._placed: list[_Placed] = []
        self._hover: ShownKey | None = None

    # --- what is shown ------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.keys = self.keys_of(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is not self.screen:
            return
        keys = self.keys_of(screen)
        if keys != self.keys:
            self.keys = keys
            self.refresh()

    def keys_of(self, screen: Screen[Any]) -> tuple[ShownKey, ...]:
        """The keys Textual's Footer would show on ``screen``: each action once (its first
        key), in binding order, and the palette's key last."""
        found: dict[str, ShownKey] = {}
        palette: ShownKey | None = None
        for key, (_, binding, enabled, tooltip) in screen.active_bindings.items():
            shown = ShownKey(
                key=binding.key,
                key_display=self.app.get_key_display(binding),
                description=binding.description,
                action=binding.action,
                enabled=enabled,
                tooltip=tooltip or binding.tooltip or binding.description,
            )
            if key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = ShownKey(**{**shown.__dict__, "palette": True})
            elif binding.show and binding.action not in found:
                found[binding.action] = shown
        return (*found.values(), *([palette] if palette else []))

    # --- drawing ------------------------------------------------------------------------------
    def render(self) -> Text:
        width = self.size.width
        keys = [k for k in self.keys if not k.palette]
        palette = next((k for k in self.keys if k.palette), None)
        room = width - (self._width(palette, True) + len(PALETTE_EDGE) + 2 if palette else 0)
        named = [True] * len(keys)
        for index in reversed(range(len(keys))):  # names give way from the right
            if self._line_width(keys, named) <= room:
                break
            named[index] = False
        placed: list[_Placed] = []
        column = 0
        for shown, with_name in zip(keys, named, strict=True):
            end = column + self._width(shown, with_name)
            placed.append(_Placed(shown, column, end, with_name))
            column = end + 1
        if palette is not None:  # "▏^p Kommandon " at the right edge, as Textual's footer has it
            start = max(column, width - self._width(palette, True) - 1)
            placed.append(_Placed(palette, start, start + self._width(palette, True), True))
        self._placed = placed
        return self._text(placed, width)

    @staticmethod
    def _width(shown: ShownKey, named: bool) -> int:
        return len(shown.key_display) + (1 + len(shown.description) if named else 0)

    def _line_width(self, keys: list[ShownKey], named: list[bool]) -> int:
        return sum(self._width(k, n) for k, n in zip(keys, named, strict=True)) + len(keys) - 1

    def _text(self, placed: list[_Placed], width: int) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        name_style = self.get_component_rich_style("key-footer--description")
        hover = self.get_component_rich_style("key-footer--hover")
        text = Text(no_wrap=True, overflow="crop", end="")
        for place in placed:
            if place.shown.palette:
                text.append(" " * (place.start - len(PALETTE_EDGE) - len(text)))
                text.append(PALETTE_EDGE, self.get_component_rich_style("key-footer--edge"))
            text.append(" " * (place.start - len(text)))
            extra = hover if place.shown == self._hover else None
            dim = "dim" if not place.shown.enabled else ""
            text.append(place.shown.key_display, key_style + extra if extra else key_style)
            text.stylize(dim, len(text) - len(place.shown.key_display), len(text))
            if place.named:
                name = " " + place.shown.description
                text.append(name, name_style + extra if extra else name_style)
                text.stylize(dim, len(text) - len(name), len(text))
        text.truncate(width, pad=True)
        return text

    # --- the mouse ----------------------------------------------------------------------------
    def key_at(self, x: int) -> ShownKey | None:
        return next((p.shown for p in self._placed if p.start <= x < p.end), None)

    def key_region(self, description: str) -> tuple[int, int] | None:
        """The columns (from, to) of the key named ``description`` on the line, for a click."""
        found = next((p for p in self._placed if p.shown.description == description), None)
        return (found.start, found.end) if found else None

    def on_click(self, event: events.Click) -> None:
        shown = self.key_at(event.x)
        if shown is None:
            return
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        shown = self.key_at(event.x)
        if shown != self._hover:
            self._hover = shown
            self.tooltip = shown.tooltip if shown else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()
