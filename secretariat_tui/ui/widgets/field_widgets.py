"""The widget for each kind of field, the same in every form of the app.

⏎ moves on to the next field from every kind of field, so a form is filled top to bottom
with the same key. A choice is a ``ChoiceSelect``: space or alt+↓ opens its list, a letter
picks the next option starting with it. It always holds one of its options ("no choice" is
an option of its own with the value ``""`` where the field may be left empty); only a list
with nothing to choose from shows ``"Välj…"``. Yes/no is a checkbox (space ticks it), read
back as ``ja``/``nej`` like the CLI flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Checkbox, Select

from secretariat_tui.domain.fields import Field, yes_no

CHOOSE = "Välj…"


class FieldSubmitted(Message):
    """⏎ on a choice or a checkbox: the form moves on, as after ``Input.Submitted``."""


class ChoiceSelect(Select[str], inherit_bindings=False):
    """One of (label, value) options, opened with space or alt+↓ so that ⏎ can move on.

    Starts on ``value``, or on the first option when ``value`` is not among them: a
    required choice then has a sensible value, an optional one its "none" option.
    """

    BINDINGS = [
        Binding("space,alt+down,down,up", "show_overlay", "Öppna listan", show=False),
        Binding("enter", "submit", "Nästa fält", show=False),
    ]

    def __init__(self, options: Sequence[tuple[str, str]], value: str, *, id: str) -> None:
        self._labels = tuple((label.casefold(), v) for label, v in options)
        values = [v for _, v in options]
        super().__init__(
            options,
            value=value if value in values else (values[0] if values else Select.NULL),
            prompt=CHOOSE,
            allow_blank=not values,
            id=id,
            compact=True,
        )

    def on_mount(self, event: events.Mount) -> None:
        """A form closed (esc typed as it opened) takes its widgets down while they are still
        mounting; Textual's own mount of a Select then shows the chosen value in a label
        already gone (``NoMatches: '#label'``, a crash). Nothing is left to show then."""
        if not self.query("SelectCurrent #label"):
            event.prevent_default()

    def action_submit(self) -> None:
        self.post_message(FieldSubmitted())

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """A typed letter picks here; it is not a key of the form or the app."""
        return character is not None and character.isprintable() and character != " "

    def on_key(self, event: events.Key) -> None:
        if self.expanded or not self.check_consume_key(event.key, event.character):
            return
        event.stop()
        event.prevent_default()
        assert event.character is not None
        self._pick_by_letter(event.character.casefold())

    def _pick_by_letter(self, letter: str) -> None:
        """The next option (after the one chosen, round to the top) that starts with
        ``letter``: the first such at once, the others by typing it again."""
        matching = [v for label, v in self._labels if label.startswith(letter)]
        if not matching:
            return
        after = matching.index(self.value) + 1 if self.value in matching else 0
        self.value = matching[after % len(matching)]


class FlagCheckbox(Checkbox, inherit_bindings=False):
    """Space ticks it; enter moves on to the next field, as in every other field of a form.

    It says ``ja`` or ``nej`` beside the box: Textual draws the box the same ticked or not
    (only its colour differs), which a terminal with few colours does not show.
    """

    BINDINGS = [
        Binding("space", "toggle_button", "Kryssa", show=False),
        Binding("enter", "submit", "Nästa fält", show=False),
    ]

    def __init__(self, value: bool, *, id: str) -> None:
        super().__init__(yes_no(value), value, id=id, compact=True)

    def action_submit(self) -> None:
        self.post_message(FieldSubmitted())

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.label = yes_no(event.value)


def flag_checkbox(field: Field, text: str, today: date, *, id: str) -> Checkbox:
    """A yes/no field's checkbox, ticked as ``text`` (or the field's default) says."""
    try:
        ticked = bool(field.parse(text, today))
    except ValueError:
        ticked = bool(field.default)
    return FlagCheckbox(ticked, id=id)


def checkbox_value(checkbox: Checkbox) -> str:
    return yes_no(checkbox.value)
