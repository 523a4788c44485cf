"""Kronor: what people type becomes an exact Decimal, and amounts print the Swedish way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from secretariat_tui.domain.money import format_kronor, parse_amount, plain_amount


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1500", Decimal("1500")),
        ("1 500", Decimal("1500")),
        ("1500,50", Decimal("1500.50")),
        ("1500.50", Decimal("1500.50")),
        ("1 500 kr", Decimal("1500")),
        ("1\u00a0500", Decimal("1500")),
        ("1\u00a0500,50\u00a0kr", Decimal("1500.50")),
        ("  250 KR ", Decimal("250")),
        ("99,5", Decimal("99.50")),
        ("0", Decimal("0")),
    ],
)
def test_parse_amount_accepts_swedish_and_plain_forms(typed: str, expected: Decimal) -> None:
    assert parse_amount(typed) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("-100", "negativt"),
        ("- 1 500 kr", "negativt"),
        ("abc", "inget belopp"),
        ("12,345", "inget belopp"),
        ("1.500,50", "inget belopp"),
        ("", "belopp"),
        ("   ", "belopp"),
        ("kr", "inget belopp"),
    ],
)
def test_parse_amount_refuses_with_a_swedish_reason(typed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_amount(typed)


def test_parse_amount_is_an_exact_decimal_never_a_float() -> None:
    amount = parse_amount("1500,50")

    assert type(amount) is Decimal
    assert amount.as_tuple().exponent == -2, "kept to öre"
    # 0.10 + 0.20 is 0.30000000000000004 in float; Decimal keeps it exact.
    assert parse_amount("0,10") + parse_amount("0.20") == Decimal("0.30")


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1500"), "1 500 kr"),
        (Decimal("1500.00"), "1 500 kr"),
        (Decimal("1500.50"), "1 500,50 kr"),
        (Decimal("1500.5"), "1 500,50 kr"),
        (Decimal("250"), "250 kr"),
        (Decimal("0.00"), "0 kr"),
        (Decimal("1234567.89"), "1 234 567,89 kr"),
    ],
)
def test_format_kronor_uses_space_thousands_and_decimal_comma(amount: Decimal, text: str) -> None:
    assert format_kronor(amount) == text


def test_format_kronor_reads_back_as_the_same_amount() -> None:
    for amount in (Decimal("1500"), Decimal("1500.50"), Decimal("12345.05")):
        assert parse_amount(format_kronor(amount)) == amount


@pytest.mark.parametrize(
    ("amount", "text"),
    [(Decimal("1500.00"), "1500"), (Decimal("1500.5"), "1500.50"), (Decimal("12000"), "12000")],
)
def test_plain_amount_has_a_point_and_no_thousands_separator(amount: Decimal, text: str) -> None:
    assert plain_amount(amount) == text


def test_an_amount_above_a_million_kronor_is_refused_as_a_typo() -> None:
    assert parse_amount("1 000 000") == Decimal("1000000.00")
    for typo in ("1000001", "1" * 30):
        with pytest.raises(ValueError, match="orimligt stort"):
            parse_amount(typo)
