"""An import read the way the last file with the same headings was, and that reading kept.

The user says once which column is which (``--map``, the preview's column form); the next
file with the same headings (the same sheet, exported again next month) is then read the
same way, and the preview says so. The user's choices of this time still come first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from secretariat_tui.imports.csv_dialect import CsvFormatError, ImportPlan
from secretariat_tui.imports.headings import Heading, heading_set

T = TypeVar("T")
Choices = Mapping[str, str | None]
"""The user's word on a file's headings: ``{heading: column, or None to ignore it}``."""

AS_BEFORE = "Kolumnerna läses som förra gången en fil med de här rubrikerna lästes in."


def plan_as_before(
    make: Callable[[Choices], ImportPlan[T]],
    chosen: Choices,
    recall: Callable[[list[str]], Choices],
) -> ImportPlan[T]:
    """``make``'s plan with the remembered reading of these headings under ``chosen``.

    ``recall`` gives the remembered ``{heading: column or None}`` for a heading set (``{}``
    when there is none). Raises CsvFormatError as ``make`` does when even the remembered
    reading cannot read the file.
    """
    try:
        plan = make(chosen)
    except CsvFormatError as err:
        if not err.headings:
            raise
        before = recall(heading_set(h.found for h in err.headings))
        if not before:
            raise
    else:
        before = recall(heading_set(h.found for h in plan.headings))
        if not before:
            return plan
    again = make({**before, **chosen})
    return replace(again, notes=(AS_BEFORE, *again.notes))


def worth_keeping(headings: Sequence[Heading]) -> bool:
    """A reading to remember: one where a heading is not simply our column's own name."""
    return any(h.found != h.column for h in headings)
