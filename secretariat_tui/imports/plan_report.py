"""An import plan as lines a person reads before saying yes: the CLI prints them, the TUI
shows them in its preview. One wording for both."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from secretariat_tui.imports.csv_dialect import ImportPlan

T = TypeVar("T")


@dataclass(frozen=True)
class PlanReport:
    lines: list[str]
    """What was detected, each new row (with why it is worth a look: ``samma namn som rad 2,
    blir en medlem till``), rows that differ from what is stored, the summary."""
    errors: list[str]
    """``rad 4, kolumn Belopp: …``, one per fault."""


def plan_report(plan: ImportPlan[T], source: str, describe: Callable[[T], str]) -> PlanReport:
    rows = "rad" if plan.rows == 1 else "rader"
    lines = [f"Läser {source}: {plan.dialect.describe()}, {plan.rows} {rows}."]
    lines += heading_lines(plan)
    lines += plan.notes
    lines += [
        f"  ny, rad {planned.line}: {describe(planned.item)}"
        + (f" ({planned.note})" if planned.note else "")
        for planned in plan.new
    ]
    differing = [s.line for s in plan.skipped if s.differs]
    if differing:
        lines.append(
            f"Obs: {line_list(differing)} finns redan i registret med andra uppgifter; "
            "importen ändrar inte det som redan finns."
        )
    lines.append(plan.summary())
    return PlanReport(lines=lines, errors=[str(error) for error in plan.errors])


def heading_lines(plan: ImportPlan[T]) -> list[str]:
    """How the file's headings were read, when any is not our column's own name: every
    heading then, so the user sees the whole mapping (``Organisation → Namn``)."""
    if all(heading.found == heading.column for heading in plan.headings):
        return []
    return ["Kolumnerna lästes så här:"] + [f"  {h.describe()}" for h in plan.headings]


def line_list(lines: Sequence[int]) -> str:
    return ("rad " if len(lines) == 1 else "raderna ") + ", ".join(str(n) for n in lines)


def skipping_note(plan: ImportPlan[T]) -> str:
    bad = len(plan.bad_lines)
    rows = "rad" if bad == 1 else "rader"
    return (
        f"Hoppar över {bad} felaktig{'' if bad == 1 else 'a'} {rows} ({line_list(plan.bad_lines)})."
    )
