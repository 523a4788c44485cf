"""The annual report (verksamhetsberättelse) from the registers, as Markdown, text and Word.

- The activity section, "Löpande verksamhet (månadsvis)": all twelve months in order, each
  with its report lines in calendar order (dated items by day, month-only ones last), an empty
  month shown empty; items kept internal (``in_report`` off) are left out.
- A single month's list, for a members' newsletter.
- The paragraphs (membership, board, networks, advocacy) and a full draft in the 2024
  report's order, or one of ``SECTIONS`` alone.

In Markdown the month table becomes a bold month followed by its lines as a list:
Markdown tables cannot hold several lines in a cell without HTML, while a bold month over a
list reads like the Word table, survives any Markdown tool (pandoc turns it into Word) and
still reads well as plain text. Plain text keeps the two columns, aligned.

Pure functions: str for Markdown and text, bytes for Word (``report_docx``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from secretariat_tui.domain.calendar import CalendarItem, MonthGroup
from secretariat_tui.domain.text import shown
from secretariat_tui.exports import report_docx
from secretariat_tui.exports.report_sections import (
    ACTIVITY_TITLE,
    SECTIONS,
    Block,
    Heading,
    LineKind,
    MonthTable,
    Paragraphs,
    ReportData,
    activity_blocks,
    draft_blocks,
    paragraph_lines,
    report_months,
    section_blocks,
)

__all__ = [
    "ACTIVITY_TITLE",
    "MONTH_FORMATS",
    "REPORT_FORMATS",
    "SECTIONS",
    "ReportData",
    "activity_section_docx",
    "activity_section_markdown",
    "activity_section_text",
    "full_draft_docx",
    "full_draft_markdown",
    "full_draft_text",
    "month_list_markdown",
    "month_list_text",
    "render_month",
    "render_section",
    "section_docx",
    "section_markdown",
    "section_text",
]

# --- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<])")
_MD_LINE_START = re.compile(r"^(#|>|[-+] |\d+[.)] )")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no stray emphasis, link, heading or list."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    match = _MD_LINE_START.match(escaped)
    if match is None:
        return escaped
    marker = match.group(1)
    if marker[0].isdigit():
        digits = marker.rstrip(".) ")
        return f"{digits}\\{escaped[len(digits) :]}"
    return f"\\{escaped}"


def line_chunks(text: str, escape: Callable[[str], str] = str) -> list[str]:
    """Each plain line a chunk of its own (a paragraph); a run of list items one chunk."""
    chunks: list[list[str]] = []
    previous: LineKind | None = None
    for kind, line in paragraph_lines(text):
        if kind is LineKind.PLAIN or previous is not kind:
            chunks.append([])
        if kind is LineKind.PLAIN:
            marker = ""
        else:
            marker = "- " if kind is LineKind.BULLET else f"{len(chunks[-1]) + 1}. "
        chunks[-1].append(marker + escape(line))
        previous = kind
    return ["\n".join(chunk) for chunk in chunks]


def _md_months(months: Iterable[MonthGroup]) -> list[str]:
    chunks = []
    for group in months:
        chunks.append(f"**{group.heading}**")
        if group.items:
            chunks.append("\n".join(f"- {md_escape(i.title)}" for i in group.items))
    return chunks


def blocks_markdown(blocks: Iterable[Block]) -> str:
    chunks: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            chunks.append(f"{'#' * (block.level + 1)} {md_escape(block.text)}")
        elif isinstance(block, Paragraphs):
            chunks += line_chunks(block.text, md_escape)
        elif isinstance(block, MonthTable):
            chunks += _md_months(block.months)
    return "\n\n".join(chunks) + "\n"


# --- plain text -----------------------------------------------------------------------------

_UNDERLINES = {0: "=", 1: "-"}
_GAP = 3


def _text_heading(heading: Heading) -> str:
    underline = _UNDERLINES.get(heading.level)
    return f"{heading.text}\n{underline * len(heading.text)}" if underline else heading.text


def _text_months(months: Sequence[MonthGroup]) -> str:
    """Two aligned columns like the Word table: the month, then its lines one under another."""
    width = max(len(g.heading) for g in months) + _GAP
    rows = []
    for group in months:
        titles = [i.title for i in group.items] or [""]
        lines = [f"{group.heading:<{width}}{titles[0]}".rstrip()]
        lines += [f"{'':<{width}}{title}" for title in titles[1:]]
        rows.append("\n".join(lines))
    return "\n\n".join(rows)


def blocks_text(blocks: Iterable[Block]) -> str:
    chunks: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            chunks.append(_text_heading(block))
        elif isinstance(block, Paragraphs):
            chunks += line_chunks(block.text)
        elif isinstance(block, MonthTable):
            chunks.append(_text_months(block.months))
    return "\n\n".join(chunks) + "\n"


# --- the activity section and a single month ------------------------------------------------


def activity_section_markdown(items: Iterable[CalendarItem], year: int) -> str:
    return blocks_markdown(activity_blocks(items, year))


def activity_section_text(items: Iterable[CalendarItem], year: int) -> str:
    return blocks_text(activity_blocks(items, year))


def activity_section_docx(items: Iterable[CalendarItem], year: int) -> bytes:
    """The heading and a two-column table: the month in bold, its lines as paragraphs."""
    return report_docx.blocks_docx(activity_blocks(items, year), f"{ACTIVITY_TITLE} {year}")


EMPTY_MONTH = "Inget registrerat för månaden."


def _month(items: Iterable[CalendarItem], year: int, month: int) -> MonthGroup:
    if not 1 <= month <= 12:
        raise ValueError(f"Månaden måste vara 1–12, inte {month}.")
    return report_months(items, year)[month - 1]


def month_list_markdown(items: Iterable[CalendarItem], year: int, month: int) -> str:
    """One month's report lines under "## Januari 2024", e.g. for a members' newsletter."""
    group = _month(items, year, month)
    lines = [f"- {md_escape(i.title)}" for i in group.items] or [EMPTY_MONTH]
    return f"## {group.heading} {year}\n\n" + "\n".join(lines) + "\n"


def month_list_text(items: Iterable[CalendarItem], year: int, month: int) -> str:
    group = _month(items, year, month)
    title = f"{group.heading} {year}"
    lines = [f"- {i.title}" for i in group.items] or [EMPTY_MONTH]
    return f"{title}\n{'-' * len(title)}\n\n" + "\n".join(lines) + "\n"


# --- sections and the full draft ------------------------------------------------------------


def section_markdown(data: ReportData, section: str) -> str:
    return blocks_markdown(section_blocks(data, section))


def section_text(data: ReportData, section: str) -> str:
    return blocks_text(section_blocks(data, section))


def section_docx(data: ReportData, section: str, template: bytes | None = None) -> bytes:
    """On ``template``, the bytes of a .docx (None: the template shipped with the project)."""
    blocks = section_blocks(data, section)
    title = next(b.text for b in blocks if isinstance(b, Heading))
    named = title if section == "all" else f"{title} {data.year}"
    return report_docx.blocks_docx(blocks, named, template)


def full_draft_markdown(data: ReportData) -> str:
    return blocks_markdown(draft_blocks(data))


def full_draft_text(data: ReportData) -> str:
    return blocks_text(draft_blocks(data))


def full_draft_docx(data: ReportData) -> bytes:
    return report_docx.blocks_docx(draft_blocks(data), f"Verksamhetsberättelse {data.year}")


# --- one entry point for the command line and the TUI ---------------------------------------

REPORT_FORMATS = ("md", "txt", "docx")
MONTH_FORMATS = ("md", "txt")


def render_section(
    data: ReportData, section: str, fmt: str, template: bytes | None = None
) -> bytes:
    """``section`` of ``SECTIONS`` ("all" is the full draft) in ``fmt`` of ``REPORT_FORMATS``;
    Word on ``template`` (None: the shipped one)."""
    if fmt == "docx":
        return section_docx(data, section, template)
    render = section_markdown if fmt == "md" else section_text
    return shown(render(data, section), keep_lines=True).encode("utf-8")


def render_month(items: Iterable[CalendarItem], year: int, month: int, fmt: str) -> bytes:
    render = month_list_markdown if fmt == "md" else month_list_text
    return shown(render(items, year, month), keep_lines=True).encode("utf-8")
