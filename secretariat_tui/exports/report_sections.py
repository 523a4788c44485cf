"""The annual report as blocks (headings, paragraphs, the month table), before any format.

Markdown, plain text and Word render the same blocks (``annual_report``, ``report_docx``), so
the three can never say different things. Headings have a level: 0 is the document's title,
1 a section of the report ("Organisation", "Löpande verksamhet (månadsvis)"), 2 a part of one
("Styrelse", "Medlemskap"). A section asked for alone starts at level 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from secretariat_tui.domain.board import board_on
from secretariat_tui.domain.calendar import CalendarItem, MonthGroup, month_groups
from secretariat_tui.domain.report_data import ReportData
from secretariat_tui.domain.report_outline import REPORT_OUTLINE, ReportSection
from secretariat_tui.domain.report_texts import ReportText
from secretariat_tui.exports.board_report import board_paragraph, year_meeting
from secretariat_tui.exports.report_membership import (
    membership_forms_paragraph,
    membership_paragraph,
)
from secretariat_tui.exports.report_paragraphs import (
    advocacy_paragraph,
    held_meetings_sentence,
    joined_networks_paragraph,
    networks_paragraph,
)

ACTIVITY_TITLE = "Löpande verksamhet (månadsvis)"
SECTIONS = ("activities", "members", "board", "networks", "advocacy", "all")
"""What the CLI may ask for; "all" is the full draft."""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Paragraphs:
    """Lines of text: each a paragraph, a bullet (``- ``) or a numbered item (``1. ``)."""

    text: str


@dataclass(frozen=True)
class MonthTable:
    """All twelve months, each with its report lines: the Word original's two-column table."""

    months: tuple[MonthGroup, ...]


Block = Heading | Paragraphs | MonthTable


class LineKind(StrEnum):
    PLAIN = "plain"
    BULLET = "bullet"
    NUMBERED = "numbered"


_NUMBERED = re.compile(r"\d+\. ")


def paragraph_lines(text: str) -> list[tuple[LineKind, str]]:
    """The non-blank lines of a paragraph text with their kind; list markers taken off."""
    found: list[tuple[LineKind, str]] = []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if line.startswith("- "):
            found.append((LineKind.BULLET, line[2:]))
        elif match := _NUMBERED.match(line):
            found.append((LineKind.NUMBERED, line[match.end() :]))
        else:
            found.append((LineKind.PLAIN, line))
    return found


def report_months(items: Iterable[CalendarItem], year: int) -> list[MonthGroup]:
    """The twelve months with the report's lines only: an item kept internal is left out."""
    return month_groups([i for i in items if i.in_report], year)


def activity_blocks(items: Iterable[CalendarItem], year: int) -> list[Block]:
    return [Heading(ACTIVITY_TITLE, 1), MonthTable(tuple(report_months(items, year)))]


def _text_or(text: str, note: str) -> Paragraphs:
    return Paragraphs(text or note)


def members_blocks(data: ReportData) -> list[Block]:
    return [
        Heading("Medlemskap", 1),
        Paragraphs(membership_forms_paragraph(data.year)),
        Paragraphs(membership_paragraph(data.year, data.members, data.fee_rows)),
    ]


def board_blocks(data: ReportData) -> list[Block]:
    meeting = year_meeting(data.year, data.meetings)
    since = meeting.held_on if meeting else date(data.year, 1, 1)
    if board_on(since, data.seats, data.meetings):
        text = board_paragraph(data.year, data.seats, data.meetings, data.members_by_id)
    else:
        text = f"Inga styrelseledamöter finns registrerade för {data.year}."
    return [Heading("Styrelse", 1), Paragraphs(text)]


def networks_blocks(data: ReportData, *, with_joined: bool = True) -> list[Block]:
    held = networks_paragraph(data.networks, data.activities, data.year)
    joined = joined_networks_paragraph(data.networks, data.activities, data.year)
    texts = [held, joined] if with_joined else [held]
    found = [Paragraphs(t) for t in texts if t]
    note = Paragraphs(f"Inga nätverksmedlemskap finns registrerade för {data.year}.")
    return [Heading("Internationellt kunskapsutbyte", 1), *(found or [note])]


def advocacy_blocks(data: ReportData) -> list[Block]:
    text = advocacy_paragraph(data.submissions, data.year, data.members_by_id)
    note = f"Inga inskickade eller publicerade inlagor finns registrerade för {data.year}."
    return [Heading("Plattformens påverkansarbete", 1), _text_or(text, note)]


def knowledge_exchange_blocks(data: ReportData) -> list[Block]:
    """The 2024 report's "Kunskapsutbyte": the meetings held, counted by kind, then the
    networks joined, each its own paragraph as there."""
    parts = [
        held_meetings_sentence(data.activities, data.year),
        joined_networks_paragraph(data.networks, data.activities, data.year),
    ]
    text = "\n".join(p for p in parts if p)
    return [Heading("Kunskapsutbyte", 1), Paragraphs(text)] if text else []


GENERATED: dict[str, Callable[[ReportData], list[Block]]] = {
    "styrelse": board_blocks,
    "medlemskap": members_blocks,
    "internationellt": lambda data: networks_blocks(data, with_joined=False),
    "lopande": lambda data: activity_blocks(data.items, data.year),
    "inlagor": advocacy_blocks,
    "kunskapsutbyte": knowledge_exchange_blocks,
}
"""The outline's generated sections and the blocks the registers give them; a generated
section not here ("Organisation", "Plattformens arbete med utsatta") is a heading only."""


def _without_heading(blocks: list[Block]) -> list[Block]:
    """A section's blocks without its own leading heading: the outline gives the draft's."""
    return blocks[1:] if blocks and isinstance(blocks[0], Heading) else blocks


def generated_blocks(section: ReportSection, data: ReportData) -> list[Block]:
    """A generated section under the outline's heading; its register's blocks, or a visible
    note when the registers hold nothing for it this year."""
    heading: list[Block] = [Heading(section.heading, section.level)] if section.heading else []
    build = GENERATED.get(section.key)
    if build is None:
        return heading
    body = _without_heading(build(data))
    return [*heading, *(body or [Paragraphs(f"[Inget i registren för {data.year}]")])]


def written_blocks(section: ReportSection, text: ReportText | None) -> list[Block]:
    """A written section: its text (under the year's own heading if it has one), a carried-over
    text after the mark that it is not yet updated, or "[Att skriva: …]" when there is none."""
    shown = text.heading if text is not None and text.heading else section.heading
    heading: list[Block] = [Heading(shown, section.level)] if shown else []
    if text is None:
        return [*heading, Paragraphs(f"[Att skriva: {section.hint}]")]
    if text.carried_from is not None:
        mark = Paragraphs(f"[Från {text.carried_from}, ej uppdaterad]")
        return [*heading, mark, Paragraphs(text.text)]
    return [*heading, Paragraphs(text.text)]


def draft_blocks(data: ReportData) -> list[Block]:
    """The whole report in the order of the 2024 one (``REPORT_OUTLINE``): the registers'
    sections written from the data, the written ones from the year's texts, so the draft is
    the report with only this year's prose left to write, and nothing silently missing.
    """
    blocks: list[Block] = [Heading(f"Verksamhetsberättelse {data.year}", 0)]
    for section in REPORT_OUTLINE:
        if section.written:
            blocks += written_blocks(section, data.texts.get(section.key))
        else:
            blocks += generated_blocks(section, data)
    return blocks


def section_blocks(data: ReportData, section: str) -> list[Block]:
    """One of ``SECTIONS``: a section alone (its heading at level 1), or "all": the draft."""
    builders = {
        "activities": lambda: activity_blocks(data.items, data.year),
        "members": lambda: members_blocks(data),
        "board": lambda: board_blocks(data),
        "networks": lambda: networks_blocks(data),
        "advocacy": lambda: advocacy_blocks(data),
        "all": lambda: draft_blocks(data),
    }
    if section not in builders:
        raise ValueError(f"Okänd del: {section!r}; välj en av {', '.join(SECTIONS)}.")
    return builders[section]()
