"""The years a register covers: from its first dated record to its last, or to this year.

A report asked for outside them is not a report of anything: 1900 would claim every network
the platform belongs to today, and a year far ahead a membership that has not happened. The
span ends at this year when the records stop earlier, since this year's report is written
while the year's first records are still to be typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class YearSpan:
    first: int
    last: int

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.first <= year <= self.last

    def describe(self) -> str:
        """``2017–2026``, or ``2026`` for a single year."""
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"

    def refusal(self, year: int) -> str | None:
        """The Swedish reason ``year`` cannot be reported on, or None when it can."""
        if year in self:
            return None
        return f"Registret omfattar {self.describe()}; det finns inget att berätta om {year}."


def year_span(years: Iterable[int], this_year: int) -> YearSpan:
    """The span of ``years`` (the registers' dated records), stretched to ``this_year``; an
    empty register covers this year alone."""
    found = list(years)
    return YearSpan(min(found, default=this_year), max([*found, this_year]))
