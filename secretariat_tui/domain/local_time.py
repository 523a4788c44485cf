"""Stockholm wall-clock times and the instants they stand for, at both summer-time changes.

The register keeps times as a clock in Stockholm shows them (``13:00``), because that is what
the coordinator types and reads. Twice a year that is not one instant per time:

- the last Sunday of March, 02:00–02:59 does not exist (the clock goes from 02:00 to 03:00).
  A form refuses such a time and names the next valid one; a time read from a calendar file
  (RFC 5545 §3.3.5: read with the offset before the gap) is the time calendars show, an hour on;
- the last Sunday of October, 02:00–02:59 happens twice. Python's ``fold`` (PEP 495) tells the
  two apart (``fold=1`` is the second pass, in winter time), and the register keeps it: a
  ``time`` carries it to the store and the ICS export. Python compares times *ignoring* fold,
  so code that must tell the passes apart compares :func:`instant` or :func:`same_clock`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING

from secretariat_tui.domain.date_entry import MONTH_NAMES, SECOND_PASS

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

TIMEZONE = "Europe/Stockholm"


@cache
def local_zone() -> ZoneInfo:
    """Stockholm's zone, read from the tz database on first use: a command that shows no time
    does not pay for it at start (issue 18)."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(TIMEZONE)


def instant(day: date, at: time) -> datetime:
    """The UTC instant of the wall-clock time ``at`` on ``day`` (its fold picks the pass)."""
    return datetime.combine(day, at, local_zone()).astimezone(UTC)


def wall_clock(moment: datetime) -> datetime:
    """An aware ``moment`` as naive Stockholm wall-clock time, fold set in the repeated hour.

    A naive ``moment`` is already wall-clock time; one that does not exist (the spring gap)
    comes out as the time calendars show for it, an hour later.
    """
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=local_zone())
    return aware.astimezone(UTC).astimezone(local_zone()).replace(tzinfo=None)


def exists(day: date, at: time) -> bool:
    """False for a time in the spring gap, which no clock in Stockholm shows."""
    naive = datetime.combine(day, at.replace(fold=0))
    return wall_clock(naive) == naive


def repeated(day: date, at: time) -> bool:
    """True for a time of the autumn night's hour that happens twice."""
    first, second = (datetime.combine(day, at.replace(fold=f), local_zone()) for f in (0, 1))
    return first.utcoffset() != second.utcoffset() and exists(day, at)


def same_clock(a: time | None, b: time | None) -> bool:
    """Equal times on the same pass: ``==`` alone takes the two 02:30 of October for one."""
    return a == b and getattr(a, "fold", 0) == getattr(b, "fold", 0)


def time_problem(day: date, at: time) -> str | None:
    """Why ``at`` cannot be a time on ``day`` (Swedish), or None when it can."""
    if not exists(day, at):
        following = datetime.combine(day, at.replace(fold=0))
        while not exists(following.date(), following.time()):
            following += timedelta(minutes=1)
        return (
            f"{at:%H:%M} finns inte den {_day_text(day)}: klockan ställdes fram till sommartid; "
            f"närmaste giltiga tid är {following:%H:%M}"
        )
    if at.fold and not repeated(day, at):
        return (
            f"”{SECOND_PASS}” gäller bara timmen som går två gånger när klockan ställs "
            f"tillbaka; {at:%H:%M} den {_day_text(day)} går bara en gång"
        )
    return None


def _day_text(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
