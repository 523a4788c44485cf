"""The widget for each kind of field, the same in every form of the app.

A choice is a ``ChoiceSelect`` (``"Välj…"`` until chosen; "no choice" is an option of its
own with the value ``""`` where the field may be left empty); yes/no is a checkbox (space
toggles it), read back as ``ja``/``nej`` like the command line's flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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


def flag_checkbox(field: Field, text: str, today: date, *, id: str) -> Checkbox:
    """A yes/no field's checkbox, ticked as ``text`` (or the field's default) says."""
    try:
        ticked = bool(field.parse(text, today))
    except ValueError:
        ticked = bool(field.default)
    return Checkbox("", ticked, id=id, compact=True)  # the row has the label


def checkbox_value(checkbox: Checkbox) -> str:
    return yes_no(checkbox.value)
