"""OCR references: Luhn check digit, Bankgirot's length digit, and the checks' Swedish words.

Known-good numbers come from published sources, not from the code under test: Bankgirot's
user manual for Bankgiro Inbetalningar (section 5.2) makes ``1234567890`` into
``123456789023`` with the length digit; ``1230`` is the check digit alone on ``123``.
"""

from __future__ import annotations

import pytest

from secretariat_tui.domain.ocr import check_ocr, make_ocr, ocr_base


def reference_luhn_ok(digits: str) -> bool:
    """An independent Luhn check (from the right), so the tests do not trust stdnum blindly."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def test_bankgirots_manual_example_with_the_length_digit() -> None:
    assert make_ocr("1234567890", length_digit=True) == "123456789023"


def test_check_digit_alone() -> None:
    assert make_ocr("123", length_digit=False) == "1230"


@pytest.mark.parametrize("published", ["123456789023", "1230", "4564", "123067", "456061"])
def test_published_references_pass_the_check(published: str) -> None:
    assert reference_luhn_ok(published)
    assert check_ocr(published, length_digit=False) == published


@pytest.mark.parametrize("published", ["123456789023", "123067", "456061"])
def test_published_references_with_a_length_digit_pass_that_check(published: str) -> None:
    assert check_ocr(published, length_digit=True) == published


def test_the_length_digit_counts_every_digit_mod_ten() -> None:
    """Ten digits of base + length + check = 12 digits: the length digit is 2."""
    made = make_ocr("1234567890", length_digit=True)
    assert len(made) == 12 and made[-2] == "2"
    short = make_ocr("12345", length_digit=True)
    assert short[-2] == "7" and len(short) == 7


@pytest.mark.parametrize("base", ["1", "42", "20250001", "9" * 20])
@pytest.mark.parametrize("length_digit", [True, False])
def test_every_made_reference_passes_its_own_check(base: str, length_digit: bool) -> None:
    made = make_ocr(base, length_digit=length_digit)
    assert made.startswith(base)
    assert reference_luhn_ok(made)
    assert check_ocr(made, length_digit=length_digit) == made


def test_spaces_and_hyphens_are_dropped() -> None:
    assert check_ocr(" 1234 5678-9023 ", length_digit=True) == "123456789023"


def test_a_wrong_check_digit_names_the_right_one() -> None:
    with pytest.raises(ValueError, match="Kontrollsiffran.*ska vara 0"):
        check_ocr("1231", length_digit=False)


def test_a_wrong_length_digit_is_refused() -> None:
    """``12369`` has a good check digit but says 6 digits where there are 5."""
    assert reference_luhn_ok("12369")
    assert check_ocr("12369", length_digit=False) == "12369"
    with pytest.raises(ValueError, match="Längdsiffran.*5 siffror"):
        check_ocr("12369", length_digit=True)


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "Fyll i"), ("12a4", "bara siffror"), ("0", "2–25 siffror"), ("1" * 26, "2–25")],
)
def test_bad_text_is_refused_in_swedish(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        check_ocr(text, length_digit=False)


def test_a_base_that_would_make_more_than_25_digits_is_refused() -> None:
    with pytest.raises(ValueError, match="för långt"):
        make_ocr("1" * 24, length_digit=True)


def test_the_base_is_the_year_and_the_invoice_number() -> None:
    assert ocr_base(2025, 7) == "20250007"
    assert ocr_base(2025, 12345) == "202512345"


def test_bases_are_unique_across_years_and_numbers() -> None:
    bases = {ocr_base(year, n) for year in (2024, 2025) for n in range(1, 20_001)}
    assert len(bases) == 2 * 20_000


def test_an_invoice_number_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="börjar på 1"):
        ocr_base(2025, 0)
