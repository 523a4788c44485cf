"""Dates as typed: ISO accepted, anything else refused with a Swedish message saying why."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat_tui.domain.dates import parse_date


def test_iso_dates_are_parsed() -> None:
    assert parse_date("2024-04-18") == date(2024, 4, 18)


def test_single_digit_month_and_day_and_spaces_are_accepted() -> None:
    assert parse_date(" 2024-4-8 ") == date(2024, 4, 8)


@pytest.mark.parametrize("text", ["", "18/4 2024", "2024.04.18", "20240418", "24-04-18", "igår"])
def test_a_bad_format_says_how_to_write_a_date(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert "ÅÅÅÅ-MM-DD" in str(caught.value)
    assert "är inget datum" in str(caught.value)


@pytest.mark.parametrize(
    "text", ["2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "0000-01-01"]
)
def test_an_impossible_date_is_refused_as_not_in_the_calendar(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert str(caught.value) == f"Datumet {text} finns inte i kalendern."


def test_a_leap_day_in_a_leap_year_is_accepted() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize("typo", ["0024-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_a_year_outside_1900_to_2100_is_refused_as_a_typo(typo: str) -> None:
    with pytest.raises(ValueError, match="utanför 1900–2100"):
        parse_date(typo)
