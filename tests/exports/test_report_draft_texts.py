"""The full draft walks the outline: written texts in place, carried ones marked, none missing."""

from __future__ import annotations

from secretariat_tui.domain.report_data import ReportData
from secretariat_tui.domain.report_outline import REPORT_OUTLINE
from secretariat_tui.domain.report_texts import ReportText
from secretariat_tui.exports.annual_report import full_draft_markdown, full_draft_text
from secretariat_tui.exports.report_sections import (
    GENERATED,
    Heading,
    Paragraphs,
    draft_blocks,
)


def draft_with(*texts: ReportText, year: int = 2025) -> str:
    return full_draft_text(ReportData(year=year, texts={t.section: t for t in texts}))


def test_every_generated_section_has_its_blocks_or_is_a_heading_over_the_next() -> None:
    generated = {s.key for s in REPORT_OUTLINE if not s.written}
    assert set(GENERATED) == generated - {"organisation", "utsatta"}


def test_a_written_text_stands_under_its_heading_between_the_generated_sections() -> None:
    text = draft_with(ReportText(2025, "organisationsutveckling", "Två anställda på heltid."))
    assert "Organisationsutveckling\n" in text
    after = text.split("Organisationsutveckling")[1]
    assert after.index("Två anställda på heltid.") < after.index("Internationellt kunskapsutbyte")
    assert text.index("Medlemskap") < text.index("Organisationsutveckling")


def test_the_introduction_has_no_heading_and_follows_the_title() -> None:
    blocks = draft_blocks(
        ReportData(year=2025, texts={"intro": ReportText(2025, "intro", "Vi är en plattform.")})
    )
    assert blocks[:2] == [
        Heading("Verksamhetsberättelse 2025", 0),
        Paragraphs("Vi är en plattform."),
    ]


def test_a_carried_over_text_is_preceded_by_its_mark() -> None:
    carried = ReportText(2025, "tip", "Vi rapporterade i december.", carried_from=2024)
    markdown = full_draft_markdown(ReportData(year=2025, texts={"tip": carried}))
    section = markdown.split("### Trafficking in persons report\n\n")[1]
    assert section.startswith("\\[Från 2024, ej uppdaterad\\]\n\nVi rapporterade i december.")


def test_a_section_without_text_shows_its_heading_and_what_to_write() -> None:
    text = draft_with()
    nsp = text.split("\nNSP\n")[1]
    assert nsp.lstrip("-\n").startswith("[Att skriva: stödprogrammets år:")
    assert text.count("[Att skriva: ") == sum(1 for s in REPORT_OUTLINE if s.written)


def test_a_text_with_its_own_heading_replaces_the_outlines_for_its_year() -> None:
    text = draft_with(ReportText(2025, "kampanj", "Kampanjen spreds.", "Kampanj 215"))
    assert "\nKampanj 215\n" in text and "\nKampanj\n" not in text


def test_a_register_section_with_nothing_this_year_says_so() -> None:
    text = draft_with(year=2031)
    exchange = text.split("\nKunskapsutbyte\n")[1].split("\nKunskapsöverföring\n")[0]
    assert "[Inget i registren för 2031]" in exchange
