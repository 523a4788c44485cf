"""The report's texts per year: a new year starts from the latest earlier text, marked."""

from __future__ import annotations

import pytest

from secretariat_tui.domain.report_texts import (
    ReportText,
    TextState,
    state_label,
    state_of,
    written_text,
    year_texts,
)


def test_a_years_own_text_is_done() -> None:
    own = ReportText(2024, "nsp", "NSP 2024.")
    found = year_texts([own], 2024)
    assert found == {"nsp": own}
    assert state_of(found["nsp"]) is TextState.DONE
    assert state_label(found["nsp"]) == "klar"


def test_a_section_without_a_text_for_the_year_starts_from_the_latest_earlier_one() -> None:
    stored = [
        ReportText(2022, "nsp", "NSP 2022."),
        ReportText(2024, "kampanj", "Kampanjen.", "Kampanj 215"),
        ReportText(2023, "nsp", "NSP 2023."),
        ReportText(2027, "nsp", "Later."),
    ]
    found = year_texts(stored, 2025)
    assert found["nsp"] == ReportText(2025, "nsp", "NSP 2023.", carried_from=2023)
    assert found["kampanj"] == ReportText(2025, "kampanj", "Kampanjen.", "Kampanj 215", 2024)
    assert state_of(found["nsp"]) is TextState.CARRIED
    assert state_label(found["nsp"]) == "från 2023, ej uppdaterad"


def test_later_years_never_carry_back_and_an_untouched_section_is_empty() -> None:
    found = year_texts([ReportText(2025, "nsp", "NSP 2025.")], 2024)
    assert found == {}
    assert state_of(found.get("nsp")) is TextState.EMPTY
    assert state_label(None) == "tom"


def test_the_texts_come_in_the_outline_order() -> None:
    stored = [ReportText(2024, "hemsida", "H."), ReportText(2024, "intro", "I.")]
    assert list(year_texts(stored, 2024)) == ["intro", "hemsida"]


def test_a_written_text_is_cleaned_crlf_and_trailing_blanks_taken_off() -> None:
    text = written_text(2024, "tip", "Rad ett.  \r\n\r\nRad två.\r\n\r\n", "  Rubrik ")
    assert text == ReportText(2024, "tip", "Rad ett.\n\nRad två.", "Rubrik")


def test_a_written_text_refuses_an_unknown_section_and_a_control_character() -> None:
    with pytest.raises(ValueError, match="Okänd textdel"):
        written_text(2024, "styrelse", "Text")
    with pytest.raises(ValueError, match="styrtecken"):
        written_text(2024, "tip", "Text \x1b[31m")
    with pytest.raises(ValueError, match="en radbrytning"):
        written_text(2024, "tip", "Text", "Två\nrader")
