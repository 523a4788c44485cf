"""The report's outline: the 2024 report's sections in order, written and generated."""

from __future__ import annotations

import re

import pytest

from secretariat_tui.domain.report_outline import (
    REPORT_OUTLINE,
    WRITTEN_KEYS,
    WRITTEN_SECTIONS,
    written_section,
)


def test_keys_are_unique_ascii_slugs_for_the_cli() -> None:
    keys = [s.key for s in REPORT_OUTLINE]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z]+", key) for key in keys)


def test_the_written_sections_are_the_parts_a_person_writes_in_the_report_order() -> None:
    assert WRITTEN_KEYS == (
        "intro",
        "uppdrag",
        "organisationsutveckling",
        "lagesrapport",
        "nsp",
        "paverkan",
        "kampanj",
        "tip",
        "efterfragan",
        "hemsida",
        "kunskapsoverforing",
    )


def test_every_written_section_says_what_belongs_in_it() -> None:
    assert all(s.hint for s in WRITTEN_SECTIONS)


def test_only_the_introduction_has_no_heading_among_the_written() -> None:
    assert [s.key for s in WRITTEN_SECTIONS if not s.heading] == ["intro"]


def test_the_generated_sections_interleave_in_the_2024_order() -> None:
    headings = [s.heading for s in REPORT_OUTLINE if s.heading]
    assert headings.index("Styrelse") < headings.index("Organisationsutveckling")
    assert headings.index("Internationellt kunskapsutbyte") < headings.index(
        "Civilsamhällets lägesrapport"
    )
    assert headings.index("Löpande verksamhet (månadsvis)") < headings.index("NSP")
    assert headings.index("Kunskapsutbyte") == headings.index("Kunskapsöverföring") - 1


def test_a_written_section_is_found_by_key_and_an_unknown_or_generated_one_is_refused() -> None:
    assert written_section("nsp").heading == "NSP"
    with pytest.raises(ValueError, match="Okänd textdel: 'styrelse'; välj en av intro, uppdrag"):
        written_section("styrelse")
    with pytest.raises(ValueError, match="Okänd textdel: 'x'"):
        written_section("x")
