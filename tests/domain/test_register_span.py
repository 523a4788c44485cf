"""The years a register covers: its first dated record to its last, or to this year."""

from __future__ import annotations

from secretariat_tui.domain.register_span import YearSpan, year_span


def test_the_span_runs_from_the_first_record_to_this_year_or_the_last_record() -> None:
    assert year_span([2019, 2017, 2024], 2026) == YearSpan(2017, 2026)
    assert year_span([2017, 2028], 2026) == YearSpan(2017, 2028), "records typed ahead count"


def test_an_empty_register_covers_this_year_alone() -> None:
    span = year_span([], 2026)
    assert span == YearSpan(2026, 2026) and span.describe() == "2026"


def test_a_year_outside_is_refused_with_the_range_and_inside_is_not() -> None:
    span = YearSpan(2017, 2026)
    assert span.refusal(1900) == (
        "Registret omfattar 2017–2026; det finns inget att berätta om 1900."
    )
    assert span.refusal(2027) is not None
    assert span.refusal(2017) is None and span.refusal(2026) is None
    assert 2016 not in span and 2020 in span
