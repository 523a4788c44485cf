"""Free text: control characters, bidi overrides and non-UTF-8 bytes are refused and shown."""

from __future__ import annotations

import os

import pytest

from secretariat_tui.domain.text import check_text, shown, text_problem

LATIN1_O = os.fsdecode(b"\xd6rebro")
"""What Python makes of "Örebro" typed in a latin-1 terminal: a lone surrogate for Ö."""


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Anna\x1b[2J", "styrtecken (\\x1b)"),
        ("C1\x9b31m", "styrtecken (\\x9b)"),
        ("nul\x00", "styrtecken (\\x00)"),
        ("del\x7f", "styrtecken (\\x7f)"),
        ("fdp\u202eexe.pdf", "riktnings- eller radtecken (\\u202e)"),
        ("isolate\u2066x", "(\\u2066)"),
        ("rad\u2028två", "(\\u2028)"),
        ("två\nrader", "ta bort en radbrytning (\\x0a)"),
        ("tab\there", "ta bort en tabb (\\x09)"),
        ("cr\rhere", "ta bort en vagnretur (\\x0d)"),
        (LATIN1_O, "inte är UTF-8 (\\xd6)"),
    ],
)
def test_unsafe_text_is_refused_saying_which_character(text: str, says: str) -> None:
    problem = text_problem(text)
    assert problem is not None and says in problem
    with pytest.raises(ValueError, match="ta bort|UTF-8"):
        check_text(text)


@pytest.mark.parametrize(
    "text",
    ["Föreningen Ängen", "Zoë 🙂", "1\u00a0500 kr", "Gatan 1, 123 45 Ort", "x\u200dy", ""],
)
def test_ordinary_text_passes_unchanged(text: str) -> None:
    assert text_problem(text) is None
    assert check_text(text) == text
    assert shown(text) == text


def test_notes_keep_their_lines_and_tabs_but_not_escapes() -> None:
    assert text_problem("rad ett\nrad två\tindrag", multiline=True) is None
    assert text_problem("rad\x1b[31m", multiline=True) is not None


def test_shown_makes_every_unsafe_character_visible() -> None:
    assert shown("A\x1b[31mB\x9bC\u202eD") == "A\\x1b[31mB\\x9bC\\u202eD"
    assert shown(LATIN1_O) == "\\xd6rebro"
    assert shown("två\nrader\tx") == "två\\x0arader\\x09x"
    assert shown("två\nrader\tx", keep_lines=True) == "två\nrader\tx"
    assert shown("\r", keep_lines=True) == "\\x0d"
