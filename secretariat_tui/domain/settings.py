"""The register's own settings, stored in the file (so every session and command agrees).

How many years after a membership ended its personal data is kept before ``members
retention`` lists it for erasure: two years by default, long enough for a late question about
a past year's fee or annual meeting, short enough to keep no one for ever. And the
association's own details (name, organisation number), declared as fields in
``association_fields``: a detail added there and here is in the form, ``settings set`` and
the file at once.
"""

from __future__ import annotations

from dataclasses import dataclass

RETENTION_MIN = 1
RETENTION_MAX = 20
DEFAULT_RETENTION_YEARS = 2


@dataclass(frozen=True)
class Settings:
    retention_years: int = DEFAULT_RETENTION_YEARS
    """Years after the end of a membership before its personal data should be erased."""
    name: str = ""
    """The association's name ("" until set: the overview's first-run path asks for it)."""
    org_number: str = ""
    """The association's organisation number, ``NNNNNN-NNNN`` (checked), or ""."""


def parse_retention_years(text: str) -> int:
    """``"3"`` → 3; anything but a whole number of years 1–20 is a ValueError in Swedish."""
    cleaned = text.strip().removesuffix("år").strip()
    if not cleaned.isdigit() or not RETENTION_MIN <= int(cleaned) <= RETENTION_MAX:
        raise ValueError(
            f"Lagringstiden måste vara ett helt antal år, {RETENTION_MIN}–{RETENTION_MAX}; "
            f"”{text.strip()}” går inte."
        )
    return int(cleaned)
