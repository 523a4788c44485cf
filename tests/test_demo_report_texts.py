"""The demo's report texts: the 2024 draft is the whole report, and later years carry it over.

Every test reads a copy of ``data/demo.json``; the shipped file is only hashed.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document

from secretariat_tui.domain.report_data import ReportData
from secretariat_tui.domain.report_outline import WRITTEN_SECTIONS
from secretariat_tui.exports.annual_report import full_draft_docx, full_draft_markdown
from secretariat_tui.store.database import open_database
from secretariat_tui.store.report_source import load_report_data
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)

ORIGINAL_HEADINGS_2024 = [
    "Verksamhetsberättelse 2024",
    "Vårt uppdrag",
    "Organisation",
    "Styrelse",
    "Medlemskap",
    "Organisationsutveckling",
    "Internationellt kunskapsutbyte",
    "Civilsamhällets lägesrapport 2023",
    "Löpande verksamhet (månadsvis)",
    "Plattformens arbete med utsatta",
    "NSP",
    "Plattformens påverkansarbete",
    "Kampanj 215",
    "Trafficking in persons report",
    "Efterfråganprojekt",
    "Plattformens hemsida",
    "Kunskapsutbyte",
    "Kunskapsöverföring",
]
"""Every heading of the 2024 verksamhetsberättelse, in its order."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("demo-texts"))


def report(demo: Path, year: int) -> ReportData:
    with open_database(demo, create=False) as db:
        return load_report_data(db, year)


def test_the_2024_draft_has_every_heading_of_the_original_in_order(demo: Path) -> None:
    markdown = full_draft_markdown(report(demo, 2024))
    assert re.findall(r"^#+ (.+)$", markdown, flags=re.MULTILINE) == ORIGINAL_HEADINGS_2024
    assert "Att skriva" not in markdown and "ej uppdaterad" not in markdown


def test_the_2024_word_draft_has_the_same_headings(demo: Path) -> None:
    document = Document(io.BytesIO(full_draft_docx(report(demo, 2024))))
    styles = ("Title", "Heading 1", "Heading 2")
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name in styles
    ]
    assert headings == ORIGINAL_HEADINGS_2024


def test_the_2024_texts_hold_the_reports_facts(demo: Path) -> None:
    texts = report(demo, 2024).texts
    assert len(texts) == len(WRITTEN_SECTIONS)
    assert all(text.carried_from is None for text in texts.values())
    nsp = texts["nsp"].text
    for fact in ("63 personer", "7 barn", "68", "3,2 miljoner kronor", "2 544 827", "5 av"):
        assert fact in nsp, fact
    assert texts["uppdrag"].text.count("\n- ") == 4, "the mission's four points as bullets"


def test_2025_and_2026_start_from_2024_marked_not_updated(demo: Path) -> None:
    for year in (2025, 2026):
        data = report(demo, year)
        assert {text.carried_from for text in data.texts.values()} == {2024}
        markdown = full_draft_markdown(data)
        assert markdown.count("\\[Från 2024, ej uppdaterad\\]") == len(WRITTEN_SECTIONS)
        assert "### Kampanj 215" in markdown, "a carried text keeps its own heading"
