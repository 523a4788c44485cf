"""Swedish for the report: none and one as words, small numbers spelled out in prose, lists."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.exports.report_words import (
    PROSE_STYLE,
    and_join,
    counted,
    day_text,
    number,
    season,
    sentence,
)


@pytest.mark.parametrize(
    ("count", "neuter", "expected"),
    [(0, False, "inga"), (0, True, "inga"), (1, False, "en"), (1, True, "ett"), (2, False, "2")],
)
def test_member_figures_say_none_and_one_in_words_and_the_rest_in_digits(
    count: int, neuter: bool, expected: str
) -> None:
    assert number(count, neuter=neuter) == expected


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "ett"), (2, "två"), (6, "sex"), (12, "tolv"), (13, "13")]
)
def test_prose_spells_out_up_to_twelve(count: int, expected: str) -> None:
    assert number(count, neuter=True, spelled_to=PROSE_STYLE) == expected


def test_a_negative_count_is_a_bug() -> None:
    with pytest.raises(ValueError):
        number(-1)


def test_counted_takes_the_singular_for_one_only() -> None:
    new = ("ny medlem", "nya medlemmar")
    assert counted(0, *new) == "inga nya medlemmar"
    assert counted(1, *new) == "en ny medlem"
    assert counted(4, *new) == "4 nya medlemmar"
    times = ("tillfälle", "tillfällen")
    assert counted(1, *times, neuter=True, spelled_to=PROSE_STYLE) == "ett tillfälle"
    assert counted(2, *times, neuter=True, spelled_to=PROSE_STYLE) == "två tillfällen"


def test_lists_join_with_och_and_no_comma_before_it() -> None:
    assert and_join([]) == ""
    assert and_join(["Roks"]) == "Roks"
    assert and_join(["Terrafem", "Roks"]) == "Terrafem och Roks"
    assert and_join(["a", "b", "c"], "eller") == "a, b eller c"


def test_a_sentence_starts_with_a_capital() -> None:
    assert sentence("en organisation hade fullt medlemskap") == (
        "En organisation hade fullt medlemskap"
    )
    assert sentence("") == ""


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        ([3, 5], "under våren"),
        ([6], "under våren"),
        ([7, 10], "under hösten"),
        ([12], "under hösten"),
        ([4, 10], "under året"),
        ([], ""),
    ],
)
def test_seasons_are_half_years(months: list[int], expected: str) -> None:
    assert season(months) == expected


def test_a_day_or_only_a_month() -> None:
    assert day_text(EnteredDate(date(2024, 1, 16))) == "16 januari"
    assert day_text(EnteredDate(date(2024, 6, 1), Precision.MONTH)) == "juni"
