"""The figures of the run before, read back from the results file it wrote, to show beside
the new ones (issue 18: the results are regenerated with the previous figures beside them).

The results file is the record that is kept (the raw JSON beside the registers is not
committed), so the previous run is read from its tables: each ``### N× register`` section's
table, by the names of its columns, whatever columns that older version of the file had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

RENAMED_IN_ISSUE_18 = {"open": "open-all"}
"""``open`` built every record of every register before issue 18; that figure is now
``open-all``, and ``open`` is the open alone. A file without ``open-all`` is from before."""


@dataclass
class Previous:
    header: list[str] = field(default_factory=list)
    """The previous run's date, machine, Python and code lines."""
    figures: dict[tuple[float, str], dict[str, str]] = field(default_factory=dict)
    """(scale, figure) → its cells by column name (``median``, ``ratio``, …)."""

    def cell(self, scale: float, key: str, column: str) -> str:
        return self.figures.get((scale, key), {}).get(column, "—")


_SECTION = re.compile(r"^### (?P<scale>[\d.]+)× register")


def read_previous(path: Path) -> Previous | None:
    """The previous run's figures, or None when there is no readable results file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    previous = Previous(
        header=[
            line.removeprefix("- ")
            for line in lines
            if line.startswith(("- Date:", "- Machine:", "- Python", "- Code:"))
        ][:4]
    )
    scale: float | None = None
    columns: list[str] = []
    for line in lines:
        if found := _SECTION.match(line):
            scale, columns = float(found["scale"]), []
        elif line.startswith("#"):
            scale = None
        elif scale is not None and line.startswith("| figure |"):
            columns = [cell.strip() for cell in line.strip("|").split("|")]
        elif scale is not None and columns and line.startswith("| `"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            key = cells[0].strip("`")
            previous.figures[(scale, key)] = dict(zip(columns, cells, strict=False))
    if not previous.figures:
        return None
    if not any(key == "open-all" for _, key in previous.figures):
        for (scale_of, key), row in list(previous.figures.items()):
            if key in RENAMED_IN_ISSUE_18:
                del previous.figures[(scale_of, key)]
                previous.figures[(scale_of, RENAMED_IN_ISSUE_18[key])] = row
    return previous
