"""Organisationsnummer: format NNNNNN-NNNN, last digit a Luhn check digit over the first nine."""

from __future__ import annotations

import pytest

from secretariat_tui.domain.orgnr import luhn_check_digit, normalise_org_number

# Real, published organisation numbers (Volvo, Ericsson, Skatteverket, an ideell förening …).
KNOWN_VALID = ["556012-5790", "556016-0680", "202100-5448", "802002-4280", "212000-0142"]


def reference_luhn_ok(number: str) -> bool:
    """An independent Luhn check (from the right), so the tests do not trust the code under test."""
    total = 0
    for position, char in enumerate(reversed(number.replace("-", ""))):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


@pytest.mark.parametrize("number", KNOWN_VALID)
def test_known_valid_numbers_are_accepted_unchanged(number: str) -> None:
    assert reference_luhn_ok(number)
    assert normalise_org_number(number) == number


@pytest.mark.parametrize("number", KNOWN_VALID)
def test_check_digit_is_computed_from_the_first_nine_digits(number: str) -> None:
    digits = number.replace("-", "")
    assert luhn_check_digit(digits[:9]) == int(digits[9])


def test_wrong_check_digit_is_refused_naming_the_expected_digit() -> None:
    with pytest.raises(ValueError) as caught:
        normalise_org_number("556012-5791")
    message = str(caught.value)
    assert "Kontrollsiffran stämmer inte" in message
    assert "ska den vara 0" in message


@pytest.mark.parametrize("last", "123456789")
def test_every_wrong_last_digit_is_refused(last: str) -> None:
    number = f"556016-068{last}"
    assert not reference_luhn_ok(number)
    with pytest.raises(ValueError, match="ska den vara 0"):
        normalise_org_number(number)


def test_ten_digits_without_hyphen_are_normalised() -> None:
    assert normalise_org_number("5560125790") == "556012-5790"


def test_surrounding_spaces_are_ignored() -> None:
    assert normalise_org_number("  556012-5790 ") == "556012-5790"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "556012-579",  # nine digits
        "556012-57900",  # eleven digits
        "55601-25790",  # hyphen in the wrong place
        "556012 5790",  # space instead of hyphen
        "556012--5790",
        "19556012-5790",  # twelve-digit personnummer style
        "55601A-5790",
        "abcdef-ghij",
        "556012–5790",  # en dash, as word processors write it
        "５５６０１２-５７９０",  # full-width digits
        "٥٥٦٠١٢-٥٧٩٠",  # Arabic-Indic digits
    ],
)
def test_bad_formats_are_refused_with_the_format_message(text: str) -> None:
    with pytest.raises(ValueError, match="NNNNNN-NNNN"):
        normalise_org_number(text)
