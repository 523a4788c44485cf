"""Dates as the user types them. ISO ``2024-04-18`` is what the UI shows and always accepts."""

from __future__ import annotations

import re
from datetime import date

# A register of an association founded in 2013 has no use for year 24 or 9999: a typo.
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str) -> date:
    """Parse an ISO date or raise ``ValueError`` with a Swedish message saying what was wrong."""
    cleaned = text.strip()
    match = _ISO.match(cleaned)
    if not match:
        raise ValueError(f"”{cleaned}” är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2024-04-18.")
    year, month, day = (int(part) for part in match.groups())
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise ValueError(f"Datumet {cleaned} finns inte i kalendern.") from None
    if not EARLIEST <= parsed <= LATEST:
        raise ValueError(
            f"{cleaned} ligger utanför {EARLIEST.year}–{LATEST.year}; skrev du fel år?"
        )
    return parsed
