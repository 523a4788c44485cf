"""Reading an iCalendar file (Outlook, Google, Thunderbird …) into plain events with their lines.

``icalendar`` parses (VTIMEZONE with Windows or IANA zone names, floating times, DURATION,
folding, CRLF or LF, RFC 5545 escapes): ``ics`` 0.7 reads a Windows TZID and a floating time
as UTC and returns what it read of a truncated file without a word. Around the parser, a scan
of the file's lines does what a parser that is lenient by design does not: it refuses a file
that is not UTF-8, not iCalendar, or cut off (BEGIN without END), and it knows the line of
every component and property, so an error can say where it is. Times come out as
Europe/Stockholm wall-clock times (``domain/local_time.py``); a floating time is taken as one.
At the summer-time changes they are what calendars show: a time in the spring gap an hour on
(RFC 5545 §3.3.5), a time in the repeated autumn hour with its pass (``fold``), and a DURATION
added as exact hours and nominal days (RFC 5545 §3.3.6).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import icalendar

from secretariat_tui.domain.local_time import instant, wall_clock

TIMEZONE_PARTS = frozenset({"VTIMEZONE", "STANDARD", "DAYLIGHT"})
READ = frozenset(
    {"UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "STATUS", "CATEGORIES", "LOCATION"}
    | {"DESCRIPTION", "RRULE", "RDATE", "RECURRENCE-ID"}
)
"""The event properties the import uses: one of them broken refuses the file."""
DATES = frozenset({"DTSTART", "DTEND", "RDATE", "RECURRENCE-ID"})
UTF8_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(rb"\r\n|\n|\r")

_CONTENT_LINE = re.compile(r"[A-Za-z0-9-]+[;:]")


class IcsFormatError(ValueError):
    """The file cannot be imported as it is: one Swedish message saying what and where.

    ``line`` is the file's line (counted as an editor shows them), when there is one.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"rad {line}: {message}" if line else message)
        self.line = line


@dataclass(frozen=True)
class IcsEvent:
    """One VEVENT as plain values. Datetimes are naive Europe/Stockholm wall-clock times."""

    line: int
    uid: str = ""
    summary: str = ""
    start: date | datetime | None = None
    end: date | datetime | None = None
    """From DTEND, else DTSTART + DURATION; None if the file gives neither."""
    status: str = ""
    recurring: bool = False
    recurrence_of: bool = False
    """A changed occurrence of a recurring event (RECURRENCE-ID)."""
    categories: tuple[str, ...] = ()
    location: str = ""
    description: str = ""


@dataclass
class _Scanned:
    """A component as the lines show it: where it begins and where each property stands."""

    name: str
    line: int
    properties: dict[str, tuple[int, str]] = field(default_factory=dict)
    lines: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, name: str) -> int:
        return self.properties.get(name, (self.line, ""))[0]

    def raw(self, name: str) -> str:
        return self.properties.get(name, (0, ""))[1]


def read_events(data: bytes) -> list[IcsEvent]:
    """Every VEVENT of ``data``, in file order; IcsFormatError if the file cannot be read."""
    lines = _logical_lines(data)
    scanned = _scan(lines)
    text = "\n".join(line for _, line in lines)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as err:
        raise _parser_error(str(err), scanned) from None
    components = [c for calendar in calendars for c in calendar.walk()]
    if len(components) != len(scanned):  # pragma: no cover - a file the scan misread
        raise IcsFormatError("Filens delar (BEGIN … END) kan inte läsas entydigt.")
    pairs = list(zip(components, scanned, strict=True))
    for component, where in pairs:
        _check(component, where)
    return [_event(c, where) for c, where in pairs if where.name == "VEVENT"]


def _parser_error(message: str, scanned: Sequence[_Scanned]) -> IcsFormatError:
    """What the parser refused, at the first line whose value its (English) message quotes."""
    for component in scanned:
        for number, line in component.lines:
            value = _split(line)[2].strip()
            if len(value) >= 3 and value in message:
                return IcsFormatError(f"”{_short(line)}” kan inte läsas.", number)
    return IcsFormatError(f"Filen kan inte läsas som iCalendar (tolken svarar: {message}).")


def _logical_lines(data: bytes) -> list[tuple[int, str]]:
    """Unfolded, decoded lines with the number of the physical line each begins on.

    Folds are rejoined on the bytes, before decoding (RFC 5545 §3.1: a line break followed by
    a space or tab): some generators fold inside a multi-byte UTF-8 character, and that file is
    UTF-8 all the same. Only what is still not UTF-8 then is a wrong encoding. CRLF (RFC 5545),
    LF (Google, hand-edited files) and old Mac CR all read the same; blank lines are kept for
    the scan to skip.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IcsFormatError("Filen är sparad som UTF-16; en iCalendar-fil ska vara UTF-8.")
    groups: list[list[tuple[int, bytes]]] = []
    physical = _LINE_BREAK.split(data.removeprefix(UTF8_BOM))
    for number, raw in enumerate(physical, start=1):
        if raw[:1] in (b" ", b"\t") and groups and any(part for _, part in groups[-1]):
            groups[-1].append((number, raw[1:]))
        else:
            groups.append([(number, raw)])
    return [(group[0][0], _decoded(group)) for group in groups]


def _decoded(parts: list[tuple[int, bytes]]) -> str:
    """One logical line's bytes as text; the error names the physical line of the bad byte."""
    joined = b"".join(part for _, part in parts)
    try:
        return joined.decode("utf-8")
    except UnicodeDecodeError as err:
        line, offset = parts[0][0], 0
        for number, part in parts:
            if offset > err.start:
                break
            line, offset = number, offset + len(part)
        raise IcsFormatError(
            "tecken som inte är UTF-8 (filen är troligen sparad som Windows-1252/latin-1); "
            "en iCalendar-fil ska vara UTF-8. Exportera kalendern igen.",
            line,
        ) from None


def _scan(lines: Sequence[tuple[int, str]]) -> list[_Scanned]:
    """The components in document order (the order ``walk()`` gives), their lines checked."""
    if not any(line.strip() for _, line in lines):
        raise IcsFormatError("Filen är tom.")
    found: list[_Scanned] = []
    open_: list[_Scanned] = []
    for number, line in lines:
        if not line.strip():
            continue
        readable = "\x00" not in line and _CONTENT_LINE.match(line)
        name, _, value = _split(line)
        if not found and (name, value.upper()) != ("BEGIN", "VCALENDAR"):
            raise IcsFormatError(
                f"Filen är ingen iCalendar-fil (.ics): den börjar med ”{_short(line)}”, "
                "inte BEGIN:VCALENDAR."
            )
        if not readable:
            raise IcsFormatError(f"”{_short(line)}” är ingen iCalendar-rad (NAMN:värde).", number)
        if not open_ and (name, value.upper()) != ("BEGIN", "VCALENDAR"):
            raise IcsFormatError(f"”{_short(line)}” står efter END:VCALENDAR.", number)
        if name == "BEGIN":
            component = _Scanned(value.upper(), number)
            found.append(component)
            open_.append(component)
        elif name == "END":
            if open_[-1].name != value.upper():
                raise IcsFormatError(
                    f"END:{value} passar inte: BEGIN:{open_[-1].name} på rad "
                    f"{open_[-1].line} är inte avslutad.",
                    number,
                )
            open_.pop()
        else:
            open_[-1].properties.setdefault(name, (number, value))
        if open_:
            open_[-1].lines.append((number, line))
    if open_:
        raise IcsFormatError(
            f"Filen tar slut innan BEGIN:{open_[-1].name} på rad {open_[-1].line} har "
            f"avslutats med END:{open_[-1].name}: filen är avkortad eller skadad."
        )
    return found


def _split(line: str) -> tuple[str, str, str]:
    """(NAME, parameters, value) of a content line; a quoted ``:`` in a parameter is skipped."""
    head = re.match(r'(?:[^:"]|"[^"]*")*', line)
    end = head.end() if head else 0
    name_params, value = line[:end], line[end + 1 :]
    name, _, params = name_params.partition(";")
    return name.upper(), params, value


def _short(line: str) -> str:
    return line if len(line) <= 60 else line[:57] + "…"


def _check(component: Any, where: _Scanned) -> None:
    """Refuse a component the parser could not read where it matters for the import."""
    matters = where.name == "VEVENT" or where.name in TIMEZONE_PARTS
    for name, message in component.errors:
        if name is None:
            line, text = next(
                ((n, text) for n, text in where.lines if f"'{text}'" in message), where.lines[0]
            )
            raise IcsFormatError(f"”{_short(text)}” kan inte läsas.", line)
        if not matters or (where.name == "VEVENT" and name.upper() not in READ):
            continue
        name = name.upper()
        raw, line = where.raw(name), where.line_of(name)
        if name in DATES:
            raise IcsFormatError(f"{name} ”{raw}” är inget datum eller klockslag.", line)
        if name == "DURATION":
            raise IcsFormatError(f"DURATION ”{raw}” är ingen tidslängd (t.ex. PT1H30M).", line)
        raise IcsFormatError(f"{name} ”{_short(raw)}” kan inte läsas.", line)


def _event(component: Any, where: _Scanned) -> IcsEvent:
    def first(name: str) -> Any:
        """A property given twice (against RFC 5545) counts once: the first."""
        value = component.get(name)
        return value[0] if isinstance(value, list) and name != "CATEGORIES" else value

    start_prop = first("DTSTART")
    start = _local(start_prop, "DTSTART", where) if start_prop is not None else None
    end: date | datetime | None = None
    if first("DTEND") is not None:
        end = _local(first("DTEND"), "DTEND", where)
    elif first("DURATION") is not None and start_prop is not None:
        length = first("DURATION").dt
        if not isinstance(length, timedelta):
            raw = where.raw("DURATION")
            line = where.line_of("DURATION")
            raise IcsFormatError(f"DURATION ”{raw}” är ingen tidslängd (t.ex. PT1H30M).", line)
        end = _after(start_prop.dt, length)
    return IcsEvent(
        line=where.line,
        uid=_text(first("UID")),
        summary=_text(first("SUMMARY")),
        start=start,
        end=end,
        status=_text(first("STATUS")).upper(),
        recurring="RRULE" in component or "RDATE" in component,
        recurrence_of="RECURRENCE-ID" in component,
        categories=tuple(_categories(component.get("CATEGORIES"))),
        location=_text(first("LOCATION")),
        description=_text(first("DESCRIPTION")),
    )


def _local(prop: Any, name: str, where: _Scanned) -> date | datetime:
    value = prop.dt
    if isinstance(value, datetime):
        zone = prop.params.get("TZID")
        if value.tzinfo is None and zone:
            raise IcsFormatError(
                f"{name} har tidszonen ”{zone}”, som varken beskrivs i filen (VTIMEZONE) "
                "eller är en känd tidszon.",
                where.line_of(name),
            )
        return _in_stockholm(value)
    if isinstance(value, date):
        return value
    raise IcsFormatError(f"{name} ”{where.raw(name)}” är inget datum.", where.line_of(name))


def _in_stockholm(value: date | datetime) -> date | datetime:
    """A datetime as Stockholm wall-clock time (a floating one is taken as one); a date as is."""
    return wall_clock(value) if isinstance(value, datetime) else value


def _after(start: date | datetime, length: timedelta) -> date | datetime:
    """DTSTART + DURATION (RFC 5545 §3.3.6): days and weeks are nominal, so a day over a
    summer-time change still ends at the same wall-clock time; hours, minutes and seconds
    are exact, so PT2H from 01:30 on the autumn night ends at the second 02:30."""
    days = timedelta(days=length.days)
    if not isinstance(start, datetime):
        return start + days
    local = wall_clock(start)
    if days:
        local = wall_clock(local + days)
    return wall_clock(instant(local.date(), local.time()) + (length - days))


def _text(value: Any) -> str:
    """A TEXT value, unescaped by the parser; Outlook's CRLF inside it made plain newlines."""
    return "" if value is None else str(value).replace("\r\n", "\n").strip()


def _categories(value: Any) -> Iterator[str]:
    for prop in value if isinstance(value, Sequence) and not isinstance(value, str) else [value]:
        if prop is not None:
            yield from (str(category).strip() for category in prop.cats)
