"""The report's written texts, one per year and section, and how a new year starts.

The report is written once a year, mostly by changing last year's words. So a written
section (``report_outline.WRITTEN_SECTIONS``) with no text of its own for a year starts from
the latest earlier year's text, marked as carried over (``carried_from``) until it is saved
for the year: the draft and the status list show the mark, and nothing is written to the
file for the carried text itself. A text saved empty is no text: the section falls back to
the carried one, or to its placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from secretariat_tui.domain.report_outline import WRITTEN_KEYS, written_section
from secretariat_tui.domain.text import check_text


@dataclass(frozen=True)
class ReportText:
    year: int
    section: str
    """A key of ``report_outline.WRITTEN_SECTIONS``."""
    text: str
    heading: str = ""
    """The section's heading for this year when it is not the outline's ("Kampanj 215",
    "Civilsamhällets lägesrapport 2023"); "" for the outline's heading."""
    carried_from: int | None = None
    """The earlier year this text was taken from, when the year has none of its own."""

    @property
    def state(self) -> TextState:
        return TextState.DONE if self.carried_from is None else TextState.CARRIED


class TextState(StrEnum):
    DONE = "klar"
    CARRIED = "ej uppdaterad"
    EMPTY = "tom"


def state_of(text: ReportText | None) -> TextState:
    return TextState.EMPTY if text is None else text.state


def state_label(text: ReportText | None) -> str:
    """ "klar", "från 2023, ej uppdaterad" or "tom": the status list's words."""
    if text is not None and text.carried_from is not None:
        return f"från {text.carried_from}, {TextState.CARRIED}"
    return str(state_of(text))


def clean_text(text: str) -> str:
    """A text as it is kept: line ends as ``\\n`` (an editor may write CRLF), no trailing blank
    lines or spaces; ValueError (Swedish) for a control character that cannot be saved."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return check_text("\n".join(line.rstrip() for line in lines).strip("\n"), multiline=True)


def clean_heading(heading: str) -> str:
    return check_text(heading.strip())


def written_text(year: int, section: str, text: str, heading: str = "") -> ReportText:
    """A year's own text, checked: a known written section, safe text (ValueError, Swedish)."""
    written_section(section)
    return ReportText(year, section, clean_text(text), clean_heading(heading))


def year_texts(stored: Iterable[ReportText], year: int) -> dict[str, ReportText]:
    """The texts ``year``'s report shows, by section key, in the outline's order.

    A section's own text for the year, else the latest earlier year's, carried over
    (``carried_from`` set, ``year`` the asked one); a section with neither is not in the dict
    (``state_of(None)`` is "tom"). Later years never carry back.
    """
    latest: dict[str, ReportText] = {}
    for text in stored:
        if text.year > year or not text.text:
            continue
        kept = latest.get(text.section)
        if kept is None or text.year > kept.year:
            latest[text.section] = text
    found: dict[str, ReportText] = {}
    for key in WRITTEN_KEYS:
        if (last := latest.get(key)) is not None:
            own = last.year == year
            found[key] = last if own else replace(last, year=year, carried_from=last.year)
    return found
