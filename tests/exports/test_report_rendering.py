"""One set of blocks, three formats: month order, escaping, lists and empty months are the same
in Markdown, plain text and Word."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.text.paragraph import Paragraph

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.calendar import CalendarItem, calendar_items
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.exports.annual_report import (
    ACTIVITY_TITLE,
    activity_section_docx,
    activity_section_markdown,
    activity_section_text,
    blocks_markdown,
    blocks_text,
    md_escape,
    month_list_markdown,
)
from secretariat_tui.exports.report_docx import blocks_docx
from secretariat_tui.exports.report_sections import Block, Heading, Paragraphs


def style_name(paragraph: Paragraph) -> str:
    assert paragraph.style is not None and paragraph.style.name is not None
    return paragraph.style.name


def item(
    title: str, iso: str, id: int, *, month_only: bool = False, in_report: bool = True
) -> Activity:
    when = EnteredDate(date.fromisoformat(iso), Precision.MONTH if month_only else Precision.DAY)
    return Activity(title, when, Category.MEETING, in_report=in_report, id=id, uid=f"u{id}")


def may_items() -> list[CalendarItem]:
    """Entered out of order: a month-only item first, a later day before an earlier one."""
    return calendar_items(
        [
            item("Någon gång i maj", "2024-05-01", 1, month_only=True),
            item("Den 20 maj", "2024-05-20", 2),
            item("Den 3 maj", "2024-05-03", 3),
            item("Internt i maj", "2024-05-04", 4, in_report=False),
            item("Förra årets maj", "2023-05-10", 5),
        ]
    )


MAY_ORDER = ["Den 3 maj", "Den 20 maj", "Någon gång i maj"]


def test_month_only_items_come_after_the_dated_ones_in_every_format() -> None:
    items = may_items()
    markdown = activity_section_markdown(items, 2024)
    assert "**Maj**\n\n" + "\n".join(f"- {t}" for t in MAY_ORDER) + "\n\n**Juni**" in markdown

    text = activity_section_text(items, 2024)
    width = len("September") + 3
    assert f"{'Maj':<{width}}{MAY_ORDER[0]}\n" in text
    assert "".join(f"{'':<{width}}{t}\n" for t in MAY_ORDER[1:]) in text

    table = Document(io.BytesIO(activity_section_docx(items, 2024))).tables[0]
    assert [p.text for p in table.rows[4].cells[1].paragraphs] == MAY_ORDER


def test_only_the_years_report_lines_are_shown() -> None:
    items = may_items()
    for rendered in (activity_section_markdown(items, 2024), activity_section_text(items, 2024)):
        assert "Internt i maj" not in rendered
        assert "Förra årets maj" not in rendered
    assert "Förra årets maj" in activity_section_markdown(items, 2023)


def test_a_year_without_lines_still_has_twelve_empty_months() -> None:
    text = activity_section_text([], 2030)
    assert text.splitlines()[3::2] == [
        "Januari",
        "Februari",
        "Mars",
        "April",
        "Maj",
        "Juni",
        "Juli",
        "Augusti",
        "September",
        "Oktober",
        "November",
        "December",
    ]
    table = Document(io.BytesIO(activity_section_docx([], 2030))).tables[0]
    assert len(table.rows) == 12
    assert all([p.text for p in row.cells[1].paragraphs] == [""] for row in table.rows)


def test_markdown_shows_titles_as_written() -> None:
    assert md_escape("*Viktigt* möte_med [länk]") == r"\*Viktigt\* möte\_med \[länk\]"
    assert md_escape("1. Första punkten") == r"1\. Första punkten"
    assert md_escape("# Inte en rubrik") == r"\# Inte en rubrik"
    assert md_escape("- Inte en lista") == r"\- Inte en lista"
    assert md_escape("Helt vanlig rad – 2025–2027") == "Helt vanlig rad – 2025–2027"
    items = calendar_items([item("Möte om *stjärnor*", "2024-01-15", 1)])
    assert "- Möte om \\*stjärnor\\*" in month_list_markdown(items, 2024, 1)
    assert "- Möte om \\*stjärnor\\*" in activity_section_markdown(items, 2024)


PARAGRAPHS = Paragraphs(
    "Inledning:\n1. Ett\n2. Två\nMellanrad\n- Punkt a\n- Punkt b\n\nSlutrad med *stjärna*"
)
BLOCKS: list[Block] = [Heading("Titel", 0), Heading("Del", 1), Heading("Underdel", 2), PARAGRAPHS]


def test_lines_become_paragraphs_and_lists_in_markdown() -> None:
    assert blocks_markdown(BLOCKS) == (
        "# Titel\n\n## Del\n\n### Underdel\n\n"
        "Inledning:\n\n1. Ett\n2. Två\n\nMellanrad\n\n- Punkt a\n- Punkt b\n\n"
        "Slutrad med \\*stjärna\\*\n"
    )


def test_lines_become_paragraphs_and_lists_in_text() -> None:
    assert blocks_text(BLOCKS) == (
        "Titel\n=====\n\nDel\n---\n\nUnderdel\n\n"
        "Inledning:\n\n1. Ett\n2. Två\n\nMellanrad\n\n- Punkt a\n- Punkt b\n\n"
        "Slutrad med *stjärna*\n"
    )


def test_lines_become_word_paragraphs_with_list_styles() -> None:
    document = Document(io.BytesIO(blocks_docx(BLOCKS, "Titel")))
    assert [(style_name(p), p.text) for p in document.paragraphs] == [
        ("Title", "Titel"),
        ("Heading 1", "Del"),
        ("Heading 2", "Underdel"),
        ("Normal", "Inledning:"),
        ("List Number", "Ett"),
        ("List Number", "Två"),
        ("Normal", "Mellanrad"),
        ("List Bullet", "Punkt a"),
        ("List Bullet", "Punkt b"),
        ("Normal", "Slutrad med *stjärna*"),
    ]
    assert document.core_properties.title == "Titel"


def test_the_section_title_heads_every_format() -> None:
    assert activity_section_markdown([], 2024).startswith(f"## {ACTIVITY_TITLE}\n\n")
    assert activity_section_text([], 2024).startswith(f"{ACTIVITY_TITLE}\n---")
