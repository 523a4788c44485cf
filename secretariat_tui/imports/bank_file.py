"""A bank file of either kind read into bank lines, and the preview of what matching made of
them: one reader and one preview for the command line and the TUI alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from secretariat_tui.domain.bank_lines import BankLine
from secretariat_tui.domain.bank_matching import Match, Verdict
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.imports.bank_csv import plan_bank_csv
from secretariat_tui.imports.bgmax import bgmax_lines, is_bgmax, read_bgmax
from secretariat_tui.imports.csv_dialect import ImportPlan, RowError
from secretariat_tui.imports.remembered import Choices, plan_as_before


@dataclass(frozen=True)
class BankFile:
    """The lines of a bank file and how it was read (``BgMax``, or the CSV's dialect)."""

    kind: str
    lines: tuple[BankLine, ...]
    errors: tuple[RowError, ...] = ()
    notes: tuple[str, ...] = ()
    plan: ImportPlan[BankLine] | None = None
    """A CSV's plan, for its headings (to remember the reading, or ask for it)."""


def read_bank_file(
    data: bytes,
    *,
    chosen: Mapping[str, str | None] | None = None,
    recall: Callable[[list[str]], Choices] = lambda key: {},
) -> BankFile:
    """The file's lines; a CSV read as the user says (``chosen``) over how the last file with
    its headings was read (``recall``). Raises BgmaxError (a broken BgMax file) or
    CsvFormatError (a CSV that cannot be read)."""
    if is_bgmax(data):
        found = read_bgmax(data)
        notes = ("Testfil från Bankgirot (T i startposten).",) if found.test else ()
        return BankFile("BgMax (Bankgirot)", tuple(bgmax_lines(found)), notes=notes)
    plan = plan_as_before(lambda given: plan_bank_csv(data, chosen=given), chosen or {}, recall)
    return BankFile(
        f"CSV från banken ({plan.dialect.describe()})",
        tuple(plan.items),
        plan.errors,
        plan.notes,
        plan,
    )


ORDER = (Verdict.MATCHED, Verdict.PROBABLE, Verdict.UNMATCHED, Verdict.ALREADY, Verdict.OUTGOING)


def describe_line(match: Match) -> str:
    """``rad 4, 2026-03-02, 1 500 kr, Föreningen Ljus: OCR 2026000106``."""
    line = match.line
    words = f" ”{line.words}”" if line.words else ""
    who = f" → {match.member.member.name} ({match.member.year})" if match.member else ""
    return (
        f"rad {line.line}, {line.paid_on.isoformat()}, {format_kronor(line.amount)}{words}"
        f"{who}: {match.why}"
    )


def preview(matches: Sequence[Match]) -> str:
    """Every line under its heading (matched, probable, unmatched, already imported)."""
    parts = []
    for verdict in ORDER:
        found = [m for m in matches if m.verdict is verdict]
        if not found:
            continue
        parts.append(f"{verdict.label} ({len(found)}):")
        parts += [f"  {describe_line(m)}" for m in found]
    return "\n".join(parts) if parts else "Filen har inga betalningar."


def summary(matches: Sequence[Match]) -> str:
    """``2 matchade, 1 trolig, 0 ej matchade, 3 redan inlästa``."""
    count = {v: sum(m.verdict is v for m in matches) for v in ORDER}
    words = (
        (Verdict.MATCHED, "matchad", "matchade"),
        (Verdict.PROBABLE, "trolig", "troliga"),
        (Verdict.UNMATCHED, "ej matchad", "ej matchade"),
        (Verdict.ALREADY, "redan inläst", "redan inlästa"),
    )
    return ", ".join(f"{count[v]} {one if count[v] == 1 else many}" for v, one, many in words)


def payments_word(count: int) -> str:
    """``1 betalning``, ``3 betalningar``."""
    return f"{count} betalning" if count == 1 else f"{count} betalningar"
