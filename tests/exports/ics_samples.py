"""Calendar items for the ICS tests, and readers of the file that do not use the code under test.

Each sample pins one thing a client must get right: a winter and a summer evening (UTC+1 and
UTC+2), a one-day and a two-day all-day item, a meeting over the night the clocks go back, a
long title with åäö that must be folded, text that must be escaped, and month-only items.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.calendar import CalendarItem, Source
from secretariat_tui.domain.date_entry import EnteredDate, Precision

STAMP = datetime(2024, 12, 30, 9, 15, 0, tzinfo=UTC)
LATER_STAMP = datetime(2025, 3, 4, 10, 0, 0, tzinfo=UTC)

LONG_TITLE = (
    "Deltog på MR-dagarna tillsammans med Räddningsmissionen och pratade om Sveriges brister "
    "i sina åtaganden gentemot brottsoffren"
)

_next_id = iter(range(1, 1000))


def item(
    title: str,
    day: date,
    category: Category = Category.MEETING,
    *,
    month_only: bool = False,
    source: Source = Source.ACTIVITY,
    **fields: object,
) -> CalendarItem:
    source_id = next(_next_id)
    when = EnteredDate(day, Precision.MONTH if month_only else Precision.DAY)
    made = CalendarItem(source, source_id, title, when, category, uid=f"sample-{source_id}")
    return replace(made, **fields)


WINTER = item(
    "Styrelsemöte – vinter",
    date(2024, 1, 16),
    Category.BOARD,
    starts_at=time(18, 0),
    ends_at=time(20, 0),
    location="Göteborg; Ågatan 3, plan 2",
    participants="Styrelsen, kansliet",
    notes="Dagordning:\r\n1. Budget\\prognos\n2. Övrigt",
)
SUMMER = item(
    "Sommarmöte på Åland",
    date(2024, 6, 18),
    Category.MEETING,
    starts_at=time(18, 0),
)
ONE_DAY = item(
    "Inlaga om brottsofferfonden",
    date(2024, 3, 1),
    Category.ADVOCACY,
    source=Source.SUBMISSION,
    uid="extern-4711@kalender.example.org",
)
TWO_DAYS = item(
    LONG_TITLE,
    date(2024, 11, 21),
    Category.EVENT,
    ends_on=date(2024, 11, 22),
    participants="Göteborgs Räddningsmission",
)
PLATFORM = item(
    "Vårens plattformsmöte",
    date(2024, 5, 23),
    Category.PLATFORM_MEETING,
    starts_at=time(13, 0),
    ends_at=time(16, 0),
    location="Digitalt (Teams)",
)
OVER_DST_END = item(
    "Konferens över natten då klockan ställs tillbaka",
    date(2024, 10, 26),
    Category.EVENT,
    starts_at=time(9, 0),
    ends_at=time(16, 0),
    ends_on=date(2024, 10, 27),
)
NEXT_YEAR = item("Nyårsmingel", date(2025, 1, 10), Category.INTERNAL)
MONTH_ONLY = item("Medlemsutskick", date(2024, 2, 1), Category.INTERNAL, month_only=True)
MONTH_ONLY_PLATFORM = item(
    "Plattformsmöte, datum ej satt", date(2024, 9, 1), Category.PLATFORM_MEETING, month_only=True
)

DATED_2024 = (WINTER, ONE_DAY, PLATFORM, SUMMER, OVER_DST_END, TWO_DAYS)
SAMPLES = (*DATED_2024, NEXT_YEAR, MONTH_ONLY, MONTH_ONLY_PLATFORM)


def physical_lines(data: bytes) -> list[bytes]:
    """The lines as written, without their CRLF; the file must end with one."""
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def content_lines(data: bytes) -> list[str]:
    """RFC 5545 §3.1 unfolding: a line starting with a space continues the one before."""
    lines: list[str] = []
    for raw in physical_lines(data):
        text = raw.decode("utf-8")
        if text.startswith(" "):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def events(data: bytes) -> list[dict[str, str]]:
    """Each VEVENT as {"NAME;PARAMS": value}; a property twice in one event is an error."""
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in content_lines(data):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            assert name not in current, f"{name} twice in one event"
            current[name] = value
    return found


def by_summary(data: bytes) -> dict[str, dict[str, str]]:
    return {unescape(e["SUMMARY"]): e for e in events(data)}


def unescape(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT, read from left to right."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)
