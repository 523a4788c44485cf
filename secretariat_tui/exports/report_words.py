"""Small pieces of Swedish for the annual report: counted nouns, lists, seasons, dates.

The 2024 report writes member counts as digits ("4 nya medlemmar", "27 betalande
medlemmar") but none and one as words ("inga medlemmar", "en var enskild medlem"), while
running prose spells small numbers out ("vid ett tillfälle", "två gånger per år"). Both
habits are here, so each paragraph can say which one it follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from secretariat_tui.domain.date_entry import MONTH_NAMES, EnteredDate, Precision

ORGANISATION = "Plattformen"
"""What the report calls the association in its sentences."""

MEMBER_STYLE = 1
"""Member figures: words for none and one only, digits from 2 (the report's habit)."""

PROSE_STYLE = 12
"""Counts in prose: words up to twelve (Swedish house style), digits above."""

_WORDS = ("två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")


def number(count: int, *, neuter: bool = False, spelled_to: int = MEMBER_STYLE) -> str:
    """0 → "inga", 1 → "en" (or "ett" for a neuter noun), up to ``spelled_to`` in words,
    above it in digits."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    if count == 0:
        return "inga"
    if count == 1:
        return "ett" if neuter else "en"
    if count <= min(spelled_to, 12):
        return _WORDS[count - 2]
    return str(count)


def counted(
    count: int,
    singular: str,
    plural: str,
    *,
    neuter: bool = False,
    spelled_to: int = MEMBER_STYLE,
) -> str:
    """ "inga nya medlemmar", "en ny medlem", "4 nya medlemmar", "ett tillfälle"."""
    noun = singular if count == 1 else plural
    return f"{number(count, neuter=neuter, spelled_to=spelled_to)} {noun}"


def and_join(parts: Sequence[str], conjunction: str = "och") -> str:
    """ "a", "a och b", "a, b och c" (no comma before "och", as Swedish writes it)."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


def sentence(text: str) -> str:
    """The text with a capital first letter ("en organisation …" → "En organisation …")."""
    return text[:1].upper() + text[1:]


def season(months: Iterable[int]) -> str:
    """ "under våren" (January–June), "under hösten" (July–December), "under året" (both).

    Half-years, as an association's terms run: a meeting in December is the autumn's.
    """
    found = set(months)
    if not found:
        return ""
    if max(found) <= 6:
        return "under våren"
    if min(found) >= 7:
        return "under hösten"
    return "under året"


def month_name(day: date) -> str:
    return MONTH_NAMES[day.month - 1]


def day_text(when: EnteredDate) -> str:
    """ "16 januari", or "juni" for what is only known by month."""
    name = month_name(when.day)
    return name if when.precision is Precision.MONTH else f"{when.day.day} {name}"
