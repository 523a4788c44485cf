"""Year figures for the annual report's membership paragraph, derived from the register."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from secretariat_tui.domain.members import Member, MemberKind, MembershipForm

KindForm = tuple[MemberKind, MembershipForm]


def count_by(
    counts: Counter[KindForm], kind: MemberKind | None = None, form: MembershipForm | None = None
) -> int:
    """How many in ``counts`` are of ``kind`` and/or ``form`` (None: any)."""
    return sum(
        n
        for (k, f), n in counts.items()
        if (kind is None or k is kind) and (form is None or f is form)
    )


@dataclass(frozen=True)
class YearFigures:
    """New and ended members in ``year``, and who was a member at its end, by kind and form."""

    year: int
    new: int
    ended: int
    at_year_end: Counter[KindForm] = field(default_factory=Counter)

    @property
    def total_at_year_end(self) -> int:
        return sum(self.at_year_end.values())

    def count(self, kind: MemberKind | None = None, form: MembershipForm | None = None) -> int:
        return count_by(self.at_year_end, kind, form)


def year_figures(members: Iterable[Member], year: int) -> YearFigures:
    year_end = date(year, 12, 31)
    new = ended = 0
    at_end: Counter[KindForm] = Counter()
    for member in members:
        if member.joined.year == year:
            new += 1
        if member.ended is not None and member.ended.year == year:
            ended += 1
        form = member.form_on(year_end)
        if form is not None:
            at_end[(member.kind, form)] += 1
    return YearFigures(year=year, new=new, ended=ended, at_year_end=at_end)
