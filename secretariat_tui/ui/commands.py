"""Commands declared once: each one is a key in the footer, a line in help and a palette entry.

A ``Command`` holds what the user needs to know about an action (keys, Swedish title and
description, whether the footer shows it); a screen lists its commands in ``BINDINGS`` through
``bindings(...)``, and ``offered(screen)`` finds, for help and the palette, every command that
can run there now. That reads only public Textual API, in the order Textual itself looks for a
key: the focused widget and its ancestors out to the app (the screen and the app when nothing
has focus; a dialog ends the chain), each node's declared ``BINDINGS``, its ``check_action``
for whether the command may run now, and ``Screen.active_bindings`` for which keys reach it (a
key that the filter field takes as text does not; enter, which a table's own binding shadows,
still counts: the screen's enter handler opens the row).

Plain ``Binding``\\s with an ``id`` and a description count as commands too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from textual.actions import parse
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class Command:
    """One thing the user can do, with every word the footer, help and the palette show."""

    keys: str
    """Comma-separated as in Textual ("x,delete"); the first is the one the footer shows."""
    action: str
    title: str
    """Short Swedish name: the footer's label, the palette's and help's name for it."""
    tooltip: str
    """What it does, in Swedish: the footer's tooltip, the palette's and help's explanation."""
    id: str
    footer: bool = True
    everywhere: str = ""
    """Keys that reach it even through a form's text field (priority bindings; not in the
    footer): f1 for help where ? is typed text."""
    key_display: str | None = None
    first: bool = False
    """Its keys act as the app reads them, before the focused field's queue (a priority
    binding): what is typed right after them then goes where they lead."""

    def bindings(self) -> list[Binding]:
        """The Textual bindings of this command: its keys, then its ``everywhere`` keys."""
        found = []
        if self.keys:
            found.append(self._binding(self.keys, self.footer, self.first, self.key_display))
        if self.everywhere:  # hidden keys that reach it through a text field, shown as they are
            found.append(self._binding(self.everywhere, False, True, None))
        return found

    def _binding(self, keys: str, show: bool, priority: bool, display: str | None) -> Binding:
        return Binding(
            keys,
            self.action,
            self.title,
            show=show,
            key_display=display,
            priority=priority,
            tooltip=self.tooltip,
            id=self.id,
        )


def year_commands(*, footer: bool = True) -> tuple[Command, Command]:
    """``<`` and ``>``: the year before and after, in the same words on every screen that
    shows a year; in the footer as one key ("< > År") unless ``footer`` is off."""
    return (
        Command(
            "less_than_sign",
            "year(-1)",
            "Året före",
            "Visa året före",
            id="year-back",
            footer=False,
        ),
        Command(
            "greater_than_sign",
            "year(1)",
            "År",
            "Visa året efter",
            id="year-on",
            footer=footer,
            key_display="< >" if footer else None,  # the footer's one key for both years
        ),
    )


def bindings(*declared: Command | BindingType) -> list[BindingType]:
    """``BINDINGS`` from commands (and, while screens move over, plain bindings)."""
    return [
        binding
        for item in declared
        for binding in (item.bindings() if isinstance(item, Command) else [item])
    ]


@dataclass
class Offer:
    """A command that can run on this screen now, with every key that reaches it."""

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
        """Run the command as its key would; the palette awaits what this returns."""
        return self.node.app.run_action(self.binding.action, self.node)


def offered(screen: Screen[object]) -> list[Offer]:
    """The enabled commands from the focused widget out to the app, once per id, nearest first."""
    reaching = screen.active_bindings  # a key missing here is taken as text by a field
    found: dict[str, Offer] = {}
    for node in _chain(screen):
        for binding in _declared(type(node)):
            if not (binding.id and binding.description) or binding.key not in reaching:
                continue
            if not enabled(node, binding):
                continue
            offer = found.setdefault(binding.id, Offer(node, binding))
            shown = screen.app.get_key_display(binding)
            if shown not in offer.keys:
                offer.keys.append(shown)
    return list(found.values())


def palette(
    screen: Screen[object], *, always: Sequence[Command], leave_out: Iterable[Command] = ()
) -> Iterator[SystemCommand]:
    """Palette entries: what ``offered`` finds, and ``always`` even where it is not offered (in
    a dialog, quit; the theme has no key). The palette sorts them by title."""
    offers = offered(screen)
    skipped = {command.id for command in leave_out}
    for offer in offers:
        if offer.binding.id not in skipped:
            keys = ", ".join(offer.keys)
            yield SystemCommand(offer.title, f"{offer.explanation} ({keys})", offer.run)
    app, found = screen.app, {offer.binding.id for offer in offers}
    for command in always:
        if command.id not in found:
            bound = Binding.make_bindings(command.bindings())
            keys = ", ".join(app.get_key_display(binding) for binding in bound)
            explanation = f"{command.tooltip} ({keys})" if keys else command.tooltip
            yield SystemCommand(command.title, explanation, partial(app.run_action, command.action))


def _chain(screen: Screen[object]) -> list[DOMNode]:
    """The nodes a key goes through, nearest first, as Textual's own key handling walks them."""
    focused = screen.focused
    if focused is None or focused.loading:
        nodes: list[DOMNode] = [screen, screen.app]
    else:
        nodes = list(focused.ancestors_with_self)
    for index, node in enumerate(nodes, 1):
        if node.is_modal:  # nothing behind a dialog reaches it
            return nodes[:index]
    return nodes


def declared(node_class: type[DOMNode]) -> list[Binding]:
    """The commands a class declares (its bases' too), once per id: what a register offers
    before its screen exists, for the palette of another register."""
    found: dict[str, Binding] = {}
    for binding in _declared(node_class):
        if binding.id and binding.description:
            found.setdefault(binding.id, binding)
    return list(found.values())


def _declared(node_class: type[DOMNode]) -> Iterator[Binding]:
    """The class's bindings, its own first; a key bound by a subclass hides its base's
    bindings for that key (as Textual merges ``BINDINGS``)."""
    taken: set[str] = set()
    for cls in node_class.__mro__:
        own = list(Binding.make_bindings(vars(cls).get("BINDINGS", ())))
        yield from (binding for binding in own if binding.key not in taken)
        taken.update(binding.key for binding in own)


def enabled(node: DOMNode, binding: Binding) -> bool:
    """``check_action`` of the node that would run it (``app.`` and ``screen.`` are named)."""
    namespace, name, parameters = parse(binding.action)
    target = node.app if namespace == "app" else node.screen if namespace == "screen" else node
    return target.check_action(name, parameters) is not False
