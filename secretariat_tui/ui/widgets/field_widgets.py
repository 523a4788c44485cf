"""The widget for each kind of field, the same in every form of the app.

A choice is a ``ChoiceSelect`` (``"Välj…"`` until chosen; "no choice" is an option of its
own with the value ``""`` where the field may be left empty); yes/no is a checkbox (space
ticks it, enter moves on like in any field), read back as ``ja``/``nej`` like the CLI flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.binding import Binding
from textual.widgets import Checkbox, Select

from secretariat_tui.domain.fields import Field, yes_no

CHOOSE = "Välj…"


class ChoiceSelect(Select[str]):
    """One of (label, value) options; a value not among them shows the prompt."""

    def __init__(self, options: Sequence[tuple[str, str]], value: str, *, id: str) -> None:
        values = {v for _, v in options}
        super().__init__(
            options,
            value=value if value in values else Select.NULL,
            prompt=CHOOSE,
            id=id,
            compact=True,
        )


class FlagCheckbox(Checkbox, inherit_bindings=False):
    """Space ticks it; enter moves on to the next field, as in every other field of a form.

    It says ``ja`` or ``nej`` beside the box: Textual draws the box the same ticked or not
    (only its colour differs), which a terminal with few colours does not show.
    """

    BINDINGS = [
        Binding("space", "toggle_button", "Kryssa", show=False),
        Binding("enter", "app.focus_next", "Nästa fält", show=False),
    ]

    def __init__(self, value: bool, *, id: str) -> None:
        super().__init__(yes_no(value), value, id=id, compact=True)

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
