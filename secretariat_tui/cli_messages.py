"""click's usage errors in Swedish. click has no Swedish catalogue, so its few message shapes
are rewritten here; anything not recognised is shown as click wrote it."""

from __future__ import annotations

import re

_RULES: tuple[tuple[str, str], ...] = (
    (r"is not one of ", "är inte ett av "),
    (r"is not a valid integer", "är inget heltal"),
    (r"is not a valid float", "är inget tal"),
    (r"(\S+) is not in the range (\d+)<=x<=(\d+)", r"\1 ligger inte mellan \2 och \3"),
    (r"File '([^']*)' is a directory", r"'\1' är en mapp"),
    (r"File '([^']*)' does not exist", r"filen '\1' finns inte"),
    (r"Invalid value for ", "ogiltigt värde för "),
    (r"No such command ", "okänt kommando "),
    (r"No such option:? ", "okänd flagga "),
    (r"Missing option ", "flaggan saknas: "),
    (r"Missing argument ", "argumentet saknas: "),
    (r"Got unexpected extra arguments? \((.*)\)", r"oväntat argument: \1"),
    (r"Choose from:", "Välj bland:"),
    (r"Did you mean ", "Menade du "),
    (r"Option '([^']*)' requires an argument", r"flaggan \1 behöver ett värde"),
    (r"Option '([^']*)' does not take a value", r"flaggan \1 tar inget värde"),
)


def swedish(message: str) -> str:
    """The patterns are compiled (and cached by ``re``) when a message is shown, not at every
    start of the program."""
    for pattern, replacement in _RULES:
        message = re.sub(pattern, replacement, message)
    return message
