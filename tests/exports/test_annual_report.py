"""The annual report written from the shipped demo: the 2024 report's month list, membership
sentence and section order, in Markdown, plain text and Word (read back with python-docx).

Every test reads a copy of ``data/demo.json`` in a temporary folder; the shipped file itself is
never opened, only hashed before and after this module.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from secretariat_tui.domain.calendar import CalendarItem
from secretariat_tui.domain.date_entry import MONTH_NAMES
from secretariat_tui.exports.annual_report import (
    ACTIVITY_TITLE,
    SECTIONS,
    ReportData,
    activity_section_docx,
    activity_section_markdown,
    activity_section_text,
    full_draft_docx,
    full_draft_markdown,
    full_draft_text,
    month_list_markdown,
    month_list_text,
    section_docx,
    section_markdown,
    section_text,
)
from secretariat_tui.exports.report_membership import membership_paragraph
from secretariat_tui.exports.report_sections import report_months
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.members import MemberRepository
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)
from tests.test_demo_calendar import REPORT_LINES_2024

MONTHS = [name.capitalize() for name in MONTH_NAMES]
JANUARY_2024 = [
    "Debattartikel i Göteborgsposten om straffriheten gällande människohandel för sexuella ändamål",
    "Möte med jämställdhetsministern och Arbetsmarknadsdepartementet om brister i "
    "brottsofferstödet och behovet av en ny handlingsplan mot prostitution och människohandel",
    "Kvinno- och tjejjouren i Umeå certifierades för NSP",
]
# Word for word the 2024 report's membership paragraph.
REPORT_MEMBERSHIP_2024 = (
    "Under 2024 fick Plattformen 4 nya medlemmar. Under år 2023 avslutade inga medlemmar sitt "
    "medlemskap. Totalt hade Plattformen 27 betalande medlemmar år 2024, varav 26 var "
    "organisationer. 20 organisationer hade fullt medlemskap, 6 organisationer var "
    "nätverkande medlemmar och en var enskild medlem."
)
DRAFT_HEADINGS = [
    (0, "Verksamhetsberättelse 2024"),
    (1, "Vårt uppdrag"),
    (1, "Organisation"),
    (2, "Styrelse"),
    (2, "Medlemskap"),
    (2, "Organisationsutveckling"),
    (1, "Internationellt kunskapsutbyte"),
    (1, "Civilsamhällets lägesrapport"),
    (1, ACTIVITY_TITLE),
    (1, "Plattformens arbete med utsatta"),
    (2, "NSP"),
    (1, "Plattformens påverkansarbete"),
    (2, "Kampanj"),
    (2, "Trafficking in persons report"),
    (2, "Efterfråganprojekt"),
    (2, "Plattformens hemsida"),
    (2, "Kunskapsutbyte"),
    (2, "Kunskapsöverföring"),
]
"""Every heading of the 2024 report, written sections included (here without texts: the
outline's headings, each over its "[Att skriva: …]")."""
JOINED_2024 = "Nationellt digitalt nätverk för uppsökande arbete online"


def data_for(year: int, db_path: Path) -> ReportData:
    with open_database(db_path) as db:
        calendar, board = CalendarRepository(db), BoardRepository(db)
        return ReportData(
            year=year,
            members=MemberRepository(db).all(),
            fee_rows=FeeLedger.of(db).year_rows(year),
            seats=board.seats.all(),
            meetings=board.meetings.all(),
            activities=calendar.activities.all(),
            networks=calendar.networks.all(),
            submissions=calendar.submissions.all(),
        )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    return data_for(2024, copy_of_demo(tmp_path_factory.mktemp("demo-report")))


@pytest.fixture(scope="module")
def items(data: ReportData) -> list[CalendarItem]:
    return data.items


def internal_titles(items: list[CalendarItem], year: int) -> set[str]:
    """Titles that only internal items of ``year`` have (the report must not show them)."""
    internal = {i.title for i in items if i.day.year == year and not i.in_report}
    return internal - {i.title for i in items if i.day.year == year and i.in_report}


def read_docx(data: bytes) -> DocxDocument:
    return Document(io.BytesIO(data))


def style_name(paragraph: Paragraph) -> str:
    assert paragraph.style is not None and paragraph.style.name is not None
    return paragraph.style.name


def bold_months(markdown: str) -> list[str]:
    return re.findall(r"^\*\*(\w+)\*\*$", markdown, flags=re.MULTILINE)


def text_columns(text: str) -> dict[str, list[str]]:
    """The two-column text read back: each month with the lines in its right-hand column.

    Every line below the title is either blank or has the month (or nothing) in the left
    column and a line (or nothing) starting exactly at the right-hand column."""
    column = len("September") + 3
    found: dict[str, list[str]] = {}
    for line in text.splitlines()[3:]:
        if not line:
            continue
        left, right = line[:column], line[column:]
        assert right == right.lstrip(), f"not aligned: {line!r}"
        if left.strip():
            assert left.strip() in MONTHS and left == f"{left.strip():<{column}}"[: len(left)]
            found[left.strip()] = []
        else:
            assert right, "a continuation line has text"
        if right:
            found[list(found)[-1]].append(right)
    return found


def markdown_month_lines(markdown: str, month: str) -> list[str]:
    """The list under ``**Month**``, up to the next month."""
    after = markdown.split(f"**{month}**\n", 1)[1]
    block = after.split("\n**", 1)[0]
    return [line[2:] for line in block.splitlines() if line.startswith("- ")]


# --- the activity section ------------------------------------------------------------------


def test_markdown_has_twelve_months_in_order_and_march_empty(items: list[CalendarItem]) -> None:
    markdown = activity_section_markdown(items, 2024)
    assert markdown.startswith(f"## {ACTIVITY_TITLE}\n\n**Januari**\n")
    assert bold_months(markdown) == MONTHS
    assert "**Mars**\n\n**April**" in markdown
    counts = [len(markdown_month_lines(markdown, m)) for m in MONTHS]
    assert counts == REPORT_LINES_2024


def test_january_has_the_reports_three_lines(items: list[CalendarItem]) -> None:
    assert markdown_month_lines(activity_section_markdown(items, 2024), "Januari") == JANUARY_2024
    assert text_columns(activity_section_text(items, 2024))["Januari"] == JANUARY_2024


def test_internal_items_stay_out_in_every_format(items: list[CalendarItem]) -> None:
    hidden = internal_titles(items, 2024)
    assert {"Styrelsemöte", "Medlemsfika", "Vårens plattformsmöte"} <= hidden
    markdown = activity_section_markdown(items, 2024)
    table = read_docx(activity_section_docx(items, 2024)).tables[0]
    shown = {
        "markdown": [line for m in MONTHS for line in markdown_month_lines(markdown, m)],
        "text": [
            line
            for lines in text_columns(activity_section_text(items, 2024)).values()
            for line in lines
        ],
        "docx": [p.text for row in table.rows for p in row.cells[1].paragraphs if p.text],
    }
    for form, lines in shown.items():
        assert len(lines) == sum(REPORT_LINES_2024), form
        assert not hidden & set(lines), form
        assert "Årsmöte" in lines, "the annual meeting is a report line"


def test_text_keeps_two_columns_and_an_empty_march(items: list[CalendarItem]) -> None:
    text = activity_section_text(items, 2024)
    assert text.startswith(f"{ACTIVITY_TITLE}\n{'-' * len(ACTIVITY_TITLE)}\n\n")
    assert "\n\nMars\n\nApril " in text, "an empty month is its name alone"
    columns = text_columns(text)
    assert list(columns) == MONTHS
    assert [len(lines) for lines in columns.values()] == REPORT_LINES_2024


def test_docx_is_a_heading_and_a_twelve_row_table_with_bold_months(
    items: list[CalendarItem],
) -> None:
    document = read_docx(activity_section_docx(items, 2024))
    (heading,) = document.paragraphs
    assert (style_name(heading), heading.text) == ("Heading 1", ACTIVITY_TITLE)
    (table,) = document.tables
    assert len(table.rows) == 12 and len(table.columns) == 2
    months = report_months(items, 2024)
    for row, group in zip(table.rows, months, strict=True):
        month_cell, lines_cell = row.cells
        runs = month_cell.paragraphs[0].runs
        assert "".join(r.text for r in runs) == group.heading
        assert runs and all(r.bold for r in runs)
        texts = [p.text for p in lines_cell.paragraphs]
        assert texts == ([i.title for i in group.items] or [""])
    assert [p.text for p in table.rows[2].cells[1].paragraphs] == [""], "March is empty"
    assert [p.text for p in table.rows[0].cells[1].paragraphs] == JANUARY_2024


def test_docx_right_cells_match_the_reports_line_counts(items: list[CalendarItem]) -> None:
    table: Table = read_docx(activity_section_docx(items, 2024)).tables[0]
    counts = [len([p for p in row.cells[1].paragraphs if p.text]) for row in table.rows]
    assert counts == REPORT_LINES_2024


def test_docx_is_marked_swedish_and_a4(items: list[CalendarItem]) -> None:
    document = read_docx(activity_section_docx(items, 2024))
    assert document.core_properties.language == "sv-SE"
    assert document.core_properties.title == f"{ACTIVITY_TITLE} 2024"
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert 'w:val="sv-SE"' in document.styles.element.xml


# --- a single month -------------------------------------------------------------------------


def test_month_list_for_a_newsletter(items: list[CalendarItem]) -> None:
    markdown = month_list_markdown(items, 2024, 1)
    assert markdown == "## Januari 2024\n\n" + "".join(f"- {t}\n" for t in JANUARY_2024)
    text = month_list_text(items, 2024, 1)
    assert text.startswith("Januari 2024\n------------\n\n- Debattartikel i Göteborgsposten")
    assert "Styrelsemöte" not in markdown + text


def test_an_empty_month_says_so_in_a_newsletter(items: list[CalendarItem]) -> None:
    assert month_list_markdown(items, 2024, 3) == "## Mars 2024\n\nInget registrerat för månaden.\n"
    assert month_list_text(items, 2024, 3).endswith("\n\nInget registrerat för månaden.\n")


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_outside_the_year_is_refused(items: list[CalendarItem], month: int) -> None:
    with pytest.raises(ValueError, match="1–12"):
        month_list_markdown(items, 2024, month)


# --- paragraphs and the draft ---------------------------------------------------------------


def test_2024_membership_paragraph_is_the_reports_word_for_word(data: ReportData) -> None:
    paragraph = membership_paragraph(2024, data.members, data.fee_rows)
    assert paragraph == REPORT_MEMBERSHIP_2024


def test_full_draft_has_the_reports_headings_in_order(data: ReportData) -> None:
    markdown = full_draft_markdown(data)
    headings = re.findall(r"^(#+) (.+)$", markdown, flags=re.MULTILINE)
    assert [(len(marks) - 1, text) for marks, text in headings] == DRAFT_HEADINGS
    document = read_docx(full_draft_docx(data))
    styles = {"Title": 0, "Heading 1": 1, "Heading 2": 2}
    docx_headings = [
        (styles[style_name(p)], p.text) for p in document.paragraphs if style_name(p) in styles
    ]
    assert docx_headings == DRAFT_HEADINGS
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 12
    text = full_draft_text(data)
    positions = [text.index(f"\n{heading}\n") for _, heading in DRAFT_HEADINGS[1:]]
    assert positions == sorted(positions)


def test_full_draft_holds_each_paragraph(data: ReportData) -> None:
    markdown = full_draft_markdown(data)
    assert REPORT_MEMBERSHIP_2024 in markdown
    assert "Plattformens styrelse har sedan årsmötet i april 2024 bestått av 6 ledamöter:" in (
        markdown
    )
    assert "\n\nOrdförande: " in markdown
    assert "1. Fullt medlemskap – för organisationer; ger motions-, yttrande-, förslags- och " in (
        markdown
    )
    international = markdown.split("## Internationellt kunskapsutbyte\n\n")[1].split("\n## ")[0]
    assert international.strip().split("\n\n") == NETWORKS_2024
    assert JOINED_2024 not in international, "the 2024 report has it under Kunskapsutbyte"
    exchange = markdown.split("### Kunskapsutbyte\n\n")[1].split("\n#")[0]
    assert exchange.strip().split("\n\n") == KNOWLEDGE_EXCHANGE_2024


NETWORKS_2024 = [
    "Plattformen är medlemsorganisation i EU Civil Society Platform Against Human Trafficking, "
    "ett forum för civilsamhället i EU, som drivs av Europeiska kommissionen och träffas normalt "
    "två gånger per år i Bryssel eller online. Plattformen deltog vid ett tillfälle under hösten.",
    "Plattformen är även medlem i GRETA:s nätverk för specialiserade jurister och "
    "civilsamhällesorganisationer, som drivs av Europarådet (GRETA) och träffas ungefär en gång "
    "per år, efter inbjudan. Plattformen deltog vid ett tillfälle under hösten.",
    "Plattformen är även medlem i CSO-nätverket för OSCE/ODIHR, civilsamhällets kontaktnät för "
    "OSCE:s arbete mot människohandel, som drivs av OSCE/ODIHR och träffas digitalt några gånger "
    "per år. Plattformen deltog vid ett tillfälle under hösten.",
    "Plattformen är även partner i Project FRAUD, som drivs av Östersjöstaternas råd och träffas "
    "vid workshoppar och studieresor inom projektet. Plattformen deltog vid ett tillfälle under "
    "våren.",
]
"""The 2024 report's "Internationellt kunskapsutbyte" as the demo's network register writes it."""

KNOWLEDGE_EXCHANGE_2024 = [
    "Under året har Plattformen anordnat två plattformsmöten, två medlemsfikor och ett "
    "nätverksmöte.",
    f"Under året har vi också gått med i {JOINED_2024}, som träffas digitalt varannan månad. "
    "Vi har även gått med i Regionalt samverkansnätverk för Västra Götaland mot prostitution och "
    "människohandel för sexuella ändamål, som träffas en gång per termin.",
]
"""The 2024 report's "Kunskapsutbyte": "två plattformsmöten, två medlemsfikor och nätverksmöte"."""


def test_advocacy_has_every_submission_sent_in_2024_by_kind(data: ReportData) -> None:
    advocacy = section_markdown(data, "advocacy")
    assert advocacy.startswith("## Plattformens påverkansarbete\n\n")
    assert advocacy.split("\n\n")[1:] == [
        "Under 2024 har Plattformen publicerat två debattartiklar:",
        "- 16 januari: Debattartikel i Göteborgsposten om straffriheten gällande människohandel "
        "för sexuella ändamål (tillsammans med Terrafem och Roks)\n"
        "- 18 juni: Publicering av statistikrapporten och debattartikel kopplad till denna",
        "Plattformen har även lämnat en skrivelse:",
        "- 20 september: Lämnade in framställan till den nya nationella handlingsplanen mot "
        "utnyttjande i prostitution och människohandel 2025–2027 (till "
        "Arbetsmarknadsdepartementet)",
        "Plattformen har även publicerat en rapport:",
        "- 25 april: Statistikrapporten trycktes och överlämnades till "
        "Arbetsmarknadsdepartementet och Justitiedepartementet, inklusive jämställdhetsministern",
        "Plattformen har även lämnat ett inspel vid sakråd:",
        "- 11 april: Sakråd med anledning av Sveriges rapportering till FN enligt "
        "Pekingplattformen (till Arbetsmarknadsdepartementet)",
        "Plattformen har även lämnat en rapport till Trafficking in Persons Report:",
        "- 10 december: Rapportering till US Department of State inför Trafficking in Persons "
        "Report (via amerikanska ambassaden i Stockholm)\n",
    ], "the TIP report is here although kept out of the month list; its recipient once"


def test_a_draft_submission_is_not_advocacy(tmp_path_factory: pytest.TempPathFactory) -> None:
    data_2026 = data_for(2026, copy_of_demo(tmp_path_factory.mktemp("demo-2026")))
    drafts = [s for s in data_2026.submissions if s.when.day.year == 2026]
    assert drafts and all(s.status.value == "utkast" for s in drafts)
    advocacy = section_text(data_2026, "advocacy")
    assert not [s for s in drafts if s.title in advocacy]
    assert "Inga inskickade eller publicerade inlagor finns registrerade för 2026." in advocacy


def test_networks_section_alone_includes_the_networks_joined(data: ReportData) -> None:
    networks = section_text(data, "networks")
    assert networks.startswith("Internationellt kunskapsutbyte\n---")
    assert networks.split("---\n\n")[1].strip().split("\n\n") == [
        *NETWORKS_2024,
        KNOWLEDGE_EXCHANGE_2024[1],
    ]


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_renders_in_every_format(data: ReportData, section: str) -> None:
    markdown = section_markdown(data, section)
    text = section_text(data, section)
    document = read_docx(section_docx(data, section))
    first_heading = markdown.splitlines()[0]
    assert first_heading.startswith("# " if section == "all" else "## ")
    title = first_heading.lstrip("# ")
    assert text.startswith(f"{title}\n")
    assert document.paragraphs[0].text == title
    assert "\n\n\n" not in markdown and "\n\n\n" not in text


def test_an_unknown_section_is_refused(data: ReportData) -> None:
    with pytest.raises(ValueError, match="Okänd del"):
        section_markdown(data, "finances")
