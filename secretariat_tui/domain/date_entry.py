"""Fast date entry: what a secretary types (``15/1``, ``15 jan``, ``imorgon``, ``+3``) as a date.

Typing ``2024-01-15`` for every meeting is slow, but a guessed date is worse than a refusal.
So each entry must match one known shape, and any part the user left out is either taken from
``today`` on purpose (the year) or refused as ambiguous (``5``, ``2024``, ``12-01``, ``1/2/24``).
dateutil reads the textual forms with Swedish month names, and is read twice with different
defaults so that it can never invent a part silently. ISO is read without it, because
``dayfirst=True`` makes dateutil take ``2024-01-05`` for the first of May.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from secretariat_tui.domain.dates import EARLIEST, LATEST

_MONTHS = [
    ("jan", "januari"),
    ("feb", "februari"),
    ("mar", "mars"),
    ("apr", "april"),
    ("maj", "maj"),
    ("jun", "juni"),
    ("jul", "juli"),
    ("aug", "augusti"),
    ("sep", "sept", "september"),
    ("okt", "oktober"),
    ("nov", "november"),
    ("dec", "december"),
]
"""Swedish month names for dateutil; the last name of each entry is the full one."""


@cache
def _swedish() -> Any:
    """dateutil's reader with Swedish month names, made on the first date typed in a form or
    a flag: importing dateutil's parser is 6 ms that most commands never need (issue 18)."""
    from dateutil import parser

    class SwedishInfo(parser.parserinfo):
        MONTHS = _MONTHS

    return parser, SwedishInfo(dayfirst=True)


SECOND_PASS = "vintertid"
"""After a time of the second pass of the autumn night's repeated hour: ``02:30 vintertid``."""
MONTH_NAMES: tuple[str, ...] = tuple(names[-1] for names in _MONTHS)

_EXAMPLES = "2024-01-15, 15/1, 15 jan, jan 2024, i dag, i morgon eller +3"
_RELATIVE_DAYS = {"idag": 0, "i dag": 0, "imorgon": 1, "i morgon": 1, "igår": -1, "i går": -1}
_OFFSET = re.compile(r"(?P<sign>[+-]) ?(?P<count>\d{1,4}) ?(?P<unit>v?)", re.ASCII)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?", re.ASCII)
_SLASHED = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:[/ -](?P<y>\d+))?", re.ASCII)
_NAMED = re.compile(r"(?:(?P<d>\d{1,2}) )?(?P<m>[a-zåäö]+)(?: (?P<y>\d+))?", re.ASCII)
_TIME = re.compile(
    r"(?:kl\.? ?)?(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?|(?P<hh>\d{2})(?P<mm>\d{2}))",
    re.ASCII,
)
_DASHED = re.compile(r"\d{1,2}-\d{1,2}(?:-\d+)?", re.ASCII)
# Two leap years, and every field different, so a part dateutil filled in shows up as a difference.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 12, 28))


class Precision(StrEnum):
    """How much of a date the user gave: a day, or only a month (``jan 2024``)."""

    DAY = "dag"
    MONTH = "månad"


_STORED_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


@dataclass(frozen=True, order=True)
class EnteredDate:
    """A date as entered; a whole month is kept as its first day with ``MONTH`` precision."""

    day: date
    precision: Precision = Precision.DAY

    def __post_init__(self) -> None:
        if self.month_only and self.day.day != 1:
            raise ValueError(f"En hel månad sparas som dess första dag, inte {self.day}.")

    @property
    def month_only(self) -> bool:
        """True when only the month is known."""
        return self.precision is Precision.MONTH

    def iso(self) -> str:
        """``2024-05-03``, or ``2024-05`` for a whole month: the stored form."""
        return self.day.isoformat()[:7] if self.month_only else self.day.isoformat()

    @classmethod
    def from_iso(cls, text: str) -> EnteredDate:
        """Read what :meth:`iso` wrote; anything else is a ``ValueError``.

        A register holds thousands of these: a day (ten characters, dashes at 4 and 7,
        the only ten-character form ``date.fromisoformat`` reads with both) goes straight
        to the C parser, a month through the pattern.
        """
        try:
            if len(text) == 10 and text[4] == text[7] == "-" and text.isascii():
                # A whole day always holds the invariant ``__post_init__`` checks: skip
                # the frozen ``__init__`` (2 µs each, for thousands of stored dates).
                entered = object.__new__(cls)
                entered.__dict__.update(day=date.fromisoformat(text), precision=Precision.DAY)
                return entered
            found = _STORED_MONTH.fullmatch(text)
            if not found:
                raise ValueError
            return cls(date(int(found[1]), int(found[2]), 1), Precision.MONTH)
        except ValueError:
            raise ValueError(
                f"”{text}” är inget sparat datum (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM)."
            ) from None

    def describe(self) -> str:
        """Swedish words: ``15 januari 2024``, or ``januari 2024`` for a whole month."""
        month_year = f"{MONTH_NAMES[self.day.month - 1]} {self.day.year}"
        return month_year if self.month_only else f"{self.day.day} {month_year}"


def parse_date_entry(text: str, today: date, *, allow_month: bool = True) -> EnteredDate:
    """Read a typed date; ``today`` gives a left-out year and the base of relative entries.

    Raises:
        ValueError: with a Swedish message quoting the input and saying how to write it.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("Ange ett datum, t.ex. 2024-01-15, 15/1, 15 jan eller i dag.")
    norm = " ".join(raw.lower().split())
    norm = re.sub(r" ?([/-]) ?", r"\1", re.sub(r"(?<=[a-zåäö])\.", "", norm))
    entered = _relative(norm, today)
    if entered is None:
        entered = _absolute(raw, norm, today)
    if entered.month_only and not allow_month:
        example = f"15 {MONTH_NAMES[entered.day.month - 1][:3]} {entered.day.year}"
        raise ValueError(f"”{raw}” är en hel månad; här behövs en dag, t.ex. {example}.")
    if not EARLIEST <= entered.day <= LATEST:
        raise ValueError(
            f"”{raw}” blir {entered.describe()}, utanför {EARLIEST.year}–{LATEST.year}; "
            "skrev du fel år?"
        )
    return entered


def parse_day_entry(text: str, today: date) -> date:
    """Like :func:`parse_date_entry`, for fields that need a day, not a whole month."""
    return parse_date_entry(text, today, allow_month=False).day


def parse_time_entry(text: str) -> time:
    """Read ``18``, ``18:00``, ``18.00``, ``1800``, ``9.30`` or ``kl 18`` as a time of day.

    ``02:30 vintertid`` is the second 02:30 of the night the clock goes back (``fold=1``):
    what :func:`time_text` writes for it, so editing such an activity keeps its hour.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("Ange en tid, t.ex. 18:00 eller 9.30.")
    clock, _, second_pass = raw.lower().partition(f" {SECOND_PASS}")
    found = _TIME.fullmatch(clock.strip()) if not second_pass else None
    if found:
        hour, minute = int(found["h"] or found["hh"]), int(found["m"] or found["mm"] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute, fold=int(clock != raw.lower()))
    raise ValueError(f"”{raw}” är ingen tid: skriv t.ex. 18:00 eller 9.30.")


def time_text(value: time | None) -> str:
    """``18:00``; ``02:30 vintertid`` for the repeated hour's second pass; empty for None."""
    if value is None:
        return ""
    return f"{value:%H:%M} {SECOND_PASS}" if value.fold else f"{value:%H:%M}"


def _relative(norm: str, today: date) -> EnteredDate | None:
    """``idag``, ``imorgon``, ``igår``, ``+3``, ``-2``, ``+2v`` (weeks); None for anything else."""
    if norm in _RELATIVE_DAYS:
        return EnteredDate(today + timedelta(days=_RELATIVE_DAYS[norm]))
    found = _OFFSET.fullmatch(norm)
    if not found:
        return None
    count = int(found["count"]) * (-1 if found["sign"] == "-" else 1)
    step = timedelta(weeks=count) if found["unit"] else timedelta(days=count)
    return EnteredDate(today + step)


def _absolute(raw: str, norm: str, today: date) -> EnteredDate:
    """A date in one of the known shapes, or a ``ValueError`` saying why it is not one."""
    found = next(filter(None, (s.fullmatch(norm) for s in (_ISO, _SLASHED, _NAMED))), None)
    if found is None:
        raise ValueError(_why_not(raw, norm))
    typed_day, typed_month, typed_year = found["d"], found["m"], found["y"]
    month = int(typed_month) if typed_month.isdigit() else _swedish()[1].month(typed_month)
    if month is None:
        raise ValueError(_why_not(raw, norm))
    if typed_year and len(typed_year) != 4:
        if typed_day is None and len(typed_year) <= 2:  # "jan 24": the 24th, or 2024?
            raise ValueError(
                f"”{raw}” är tvetydigt: skriv dagen före månaden ({typed_year} {typed_month}) "
                f"eller året med fyra siffror ({typed_month} {today.year})."
            )
        raise ValueError(f"”{raw}” har ett tvetydigt årtal: skriv året med fyra siffror.")
    if not 1 <= month <= 12:
        raise ValueError(f"”{raw}”: det finns ingen månad {month}.")
    year = int(typed_year) if typed_year else today.year
    day = int(typed_day) if typed_day else 1
    typed = (year if typed_year else None, month, day if typed_day else None)
    try:
        # dateutil must read exactly what was typed: with dayfirst=True it still reads 1/13 as
        # 13 January, and it would fill in left-out parts from its default without a word.
        if found.re is not _ISO and _dateutil_reading(norm) != typed:
            raise ValueError(norm)
        entered = date(year, month, day)
    except ValueError:
        understood = f"{day} {MONTH_NAMES[month - 1]} {year}"
        raise ValueError(f"”{raw}”: {understood} finns inte i kalendern.") from None
    return EnteredDate(entered, Precision.DAY if typed_day else Precision.MONTH)


def _dateutil_reading(norm: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) as dateutil reads them, None for each part it had to fill in."""
    parser, swedish = _swedish()
    first, second = (
        parser.parse(norm, parserinfo=swedish, dayfirst=True, default=d) for d in _DEFAULTS
    )
    pairs = zip(first.timetuple()[:3], second.timetuple()[:3], strict=True)
    year, month, day = (a if a == b else None for a, b in pairs)
    return year, month, day


def _why_not(raw: str, norm: str) -> str:
    """The refusal for text in none of the known shapes."""
    if re.fullmatch(r"\d{1,2}", norm):
        return (
            f"”{raw}” kan vara en dag eller en månad: skriv dag och månad, t.ex. 15/1 eller 15 jan."
        )
    if re.fullmatch(r"\d{4}", norm):
        return f"”{raw}” är bara ett år: skriv t.ex. 15/1 {norm} eller jan {norm}."
    if _DASHED.fullmatch(norm):
        return (
            f"”{raw}” är tvetydigt (dag-månad eller månad-dag?): skriv t.ex. 15/1 eller 2024-01-15."
        )
    if norm.count("/") > 2:
        return f"”{raw}” har för många delar: skriv t.ex. 15/1/2024."
    return f"”{raw}” förstods inte som ett datum: skriv t.ex. {_EXAMPLES}."
