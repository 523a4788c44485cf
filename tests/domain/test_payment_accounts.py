"""Bankgiro, plusgiro and Swish numbers: published numbers pass and are written as printed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from secretariat_tui.domain.payment_accounts import (
    normalise_bankgiro,
    normalise_plusgiro,
    normalise_swish,
)


@pytest.mark.parametrize(
    ("typed", "printed"),
    # Published bankgiro numbers (a fund company's payment page; Bankgirot's example files).
    [
        ("5402-9681", "5402-9681"),
        ("2973675", "297-3675"),
        ("640 5070", "640-5070"),
        ("9912346", "991-2346"),
    ],
)
def test_published_bankgiro_numbers(typed: str, printed: str) -> None:
    assert normalise_bankgiro(typed) == printed


@pytest.mark.parametrize(
    ("typed", "printed"),
    # Published plusgiro numbers (IKEA's two, Sveriges riksbank's 4-2).
    [("2865434", "28 65 43-4"), ("41054685", "410 54 68-5"), ("4-2", "4-2")],
)
def test_published_plusgiro_numbers(typed: str, printed: str) -> None:
    assert normalise_plusgiro(typed) == printed


@pytest.mark.parametrize(
    ("function", "typed", "words"),
    [
        (normalise_bankgiro, "5402-9682", "ska vara 1"),
        (normalise_bankgiro, "540296", "7 eller 8 siffror"),
        (normalise_bankgiro, "5402-968X", "bara siffror"),
        (normalise_plusgiro, "410 54 68-6", "ska vara 5"),
        (normalise_plusgiro, "1", "2–8 siffror"),
        (normalise_swish, "123 456", "10 siffror"),
    ],
)
def test_wrong_numbers_are_refused_in_swedish(
    function: Callable[[str], str], typed: str, words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        function(typed)


def test_swish_is_grouped_as_swish_prints_it() -> None:
    assert normalise_swish("1234567890") == "123 456 78 90"
