"""Every stored record checked against the schema when a file is opened, before anything reads it.

One wrong-typed field (a date ``2024-13-45``, a name that is a number, an amount ``"abc"``) used
to surface as a traceback wherever the record was first converted. Checking every record of
every table at open turns that into one message naming the table, the record, the field, what
was found and what was expected, and keeps a broken file from being backed up as a good one.

The check must cost a few per cent of opening, not a second conversion. So a field is checked
a column at a time, in loops that run in C (``map``, ``str.join``, ``set.issuperset``, ``min``,
``list.count``): about 5 ms for the ten-year register's 8,600 records, against about 140 ms
for opening it. Only when a column fails is the table walked record by record, in Python, to
find and name the first bad value. ``Kind.ok`` (one value) and ``Kind.all_ok`` (a column) must
agree on every input; ``tests/store/test_record_check.py`` holds them to it.

A found value is shown only for fields that cannot hold personal data (dates, amounts, choices,
numbers); free text is described by its type, so no name or e-mail reaches a message.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from decimal import Decimal
from itertools import chain
from operator import itemgetter, methodcaller
from typing import Any

Values = Sequence[Any]
AMOUNT_LIMIT = Decimal(10**9)
"""No fee or payment comes near a billion kronor; a stored one that does is corrupt."""

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-(?:0[1-9]|1[0-2])", re.ASCII)
_TIME = re.compile(r"\d{2}:\d{2}", re.ASCII)
_FAULTS = (TypeError, ValueError, ArithmeticError)
"""What a C parser raises for a value it cannot read (decimal's InvalidOperation included)."""


def _all(check: Callable[[], object]) -> bool:
    """Run a column check whose faults are exceptions; True when it ran through."""
    try:
        return bool(check())
    except _FAULTS:
        return False


def _runs(iterator: Iterable[object]) -> bool:
    """Drive a C-level ``map`` to its end: its faults are raised, else True."""
    deque(iterator, maxlen=0)
    return True


def _types_in(values: Iterable[Any], *allowed: type) -> bool:
    return set(allowed).issuperset(map(type, values))


class Kind:
    """What one stored field must hold. ``expected`` ends the Swedish message."""

    expected: str = ""
    shows_value: bool = True
    """False for free text: a bad value is described by its type, never shown."""
    optional: bool = False
    """None means "no value" (and "" too for dates and times, as their converters read it)."""
    empty_is_none: bool = False

    def ok(self, value: Any) -> bool:
        if self.optional and (value is None or (self.empty_is_none and value == "")):
            return True
        return _all(lambda: self.ok_present(value))

    def ok_present(self, value: Any) -> bool:
        raise NotImplementedError

    def all_ok(self, values: Values) -> bool:
        """``all(map(self.ok, values))``, the fast way where there is one."""
        return all(map(self.ok, values))

    def nullable(self) -> Kind:
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__, optional=True)
        return copy

    def _present(self, values: Values) -> Values:
        """The values other than "no value" (all of them when the kind is required): in C when
        every falsy value is a None (or ""), as in every file the program writes."""
        if not self.optional:
            return values
        present = list(filter(None, values))
        nothing = values.count(None) + (values.count("") if self.empty_is_none else 0)
        if len(present) + nothing == len(values):
            return present
        return [v for v in values if v is not None and not (self.empty_is_none and v == "")]


class Text(Kind):
    expected = "text"
    shows_value = False

    def ok_present(self, value: Any) -> bool:
        return type(value) is str

    def all_ok(self, values: Values) -> bool:
        if self.optional:
            return _types_in(values, str, type(None))
        return _all(lambda: "".join(values) or True)


class Flag(Kind):
    expected = "sant eller falskt (true/false)"

    def ok_present(self, value: Any) -> bool:
        return type(value) is bool

    def all_ok(self, values: Values) -> bool:
        allowed = (bool, type(None)) if self.optional else (bool,)
        return _types_in(values, *allowed)


@dataclass
class Whole(Kind):
    """An integer in ``low..high`` (never a bool or a float, which JSON also calls numbers)."""

    low: int
    high: int
    what: str = "ett heltal"

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"{self.what} {self.low}–{self.high}"

    def ok_present(self, value: Any) -> bool:
        return type(value) is int and self.low <= value <= self.high

    def all_ok(self, values: Values) -> bool:
        present = self._present(values)
        if not _types_in(present, int):
            return False
        return not present or (self.low <= min(present) and max(present) <= self.high)


class _Parsed(Kind):
    """Text of a ``shape`` that a C parser reads, the one the converter uses: refused where
    either refuses. ``days_only`` parses just the ten-character values (the rest are months)."""

    empty_is_none = True
    shape: re.Pattern[str] | None = None
    parse: Callable[[str], object]
    days_only = False

    def ok_present(self, value: Any) -> bool:
        if self.shape is not None and not self.shape.fullmatch(value):
            return False
        if not self.days_only or len(value) == 10:
            self.parse(value)
        return True

    def all_ok(self, values: Values) -> bool:
        present = self._present(values)
        shape = self.shape

        def check() -> bool:
            # Each distinct value once: a register has a few dozen times and fewer days than
            # activities. A value that cannot be in a set (a list) is a fault like any other.
            distinct = set(present)
            if shape is not None and not all(map(shape.fullmatch, distinct)):
                return False
            parsed = [v for v in distinct if len(v) == 10] if self.days_only else distinct
            return _runs(map(self.parse, parsed))

        return _all(check)


class Day(_Parsed):
    """A day as stored (``2024-04-18``), read by ``date.fromisoformat`` like the converters."""

    expected = "ett datum ÅÅÅÅ-MM-DD"
    parse = staticmethod(date.fromisoformat)


class DayOrMonth(_Parsed):
    """An entered date as stored: a day, or a whole month (``2024-05``)."""

    expected = "ett datum ÅÅÅÅ-MM-DD eller en månad ÅÅÅÅ-MM"
    shape = _DAY_OR_MONTH
    parse = staticmethod(date.fromisoformat)
    days_only = True


class Clock(_Parsed):
    expected = "en tid TT:MM"
    shape = _TIME
    parse = staticmethod(time.fromisoformat)


@dataclass
class Amount(Kind):
    """Kronor as stored (``1500.00``: text, never a float); ``positive`` refuses zero,
    ``signed`` takes a negative amount too (a credit note)."""

    positive: bool = True
    signed: bool = False

    @property
    def expected(self) -> str:  # type: ignore[override]
        least = "större än noll" if self.positive else "noll eller mer"
        return f"ett belopp {'' if self.signed else least + ' '}som text (t.ex. ”1500.00”)"

    def ok_present(self, value: Any) -> bool:
        return type(value) is str and self._within(Decimal(value), Decimal(value))

    def _within(self, least: Decimal, most: Decimal) -> bool:
        if self.signed:
            return least > -AMOUNT_LIMIT and most < AMOUNT_LIMIT
        return (least > 0 if self.positive else least >= 0) and most < AMOUNT_LIMIT

    def all_ok(self, values: Values) -> bool:
        present = self._present(values)
        if not _types_in(present, str):
            return False
        try:
            amounts = list(map(Decimal, set(present)))  # text only: each distinct amount once
            return not amounts or self._within(min(amounts), max(amounts))
        except _FAULTS:  # "abc", or a NaN that refuses to be compared
            return False


@dataclass
class Choice(Kind):
    values: frozenset[str]

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "ett av " + ", ".join(f"”{v}”" for v in sorted(self.values))

    def ok_present(self, value: Any) -> bool:
        return type(value) is str and value in self.values

    def all_ok(self, values: Values) -> bool:
        allowed = self.values | {None} if self.optional else self.values
        return _all(lambda: allowed.issuperset(values))


@dataclass
class Ref(Kind):
    """The id of a record in another table, which must be in the file."""

    table: str
    ids: frozenset[int] = frozenset()

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"id för en post i tabellen {self.table}"

    def ok_present(self, value: Any) -> bool:
        return type(value) is int and value in self.ids

    def all_ok(self, values: Values) -> bool:
        present = self._present(values)
        return _types_in(present, int) and self.ids.issuperset(present)


@dataclass
class RefList(Kind):
    """A list of ids of records in another table (the co-signing members)."""

    shows_value = False  # a container may hold text: described, never shown

    table: str
    ids: frozenset[int] = frozenset()

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"en lista med id för poster i tabellen {self.table}"

    def ok_present(self, value: Any) -> bool:
        return type(value) is list and all(type(i) is int and i in self.ids for i in value)

    def all_ok(self, values: Values) -> bool:
        if not _types_in(values, list):
            return False
        flat = list(chain.from_iterable(values))
        return _types_in(flat, int) and self.ids.issuperset(flat)


@dataclass(frozen=True)
class Column:
    """One field of a table's records, and whether a record may leave it out."""

    name: str
    kind: Kind
    required: bool = True
    default: Any = None

    def holds(self, doc: Mapping[str, Any]) -> bool:
        """Whether ``doc`` has this column right (left out is right for an optional one)."""
        if self.name not in doc:
            return not self.required
        return self.kind.ok(doc[self.name])

    def column(self, docs: Sequence[Mapping[str, Any]]) -> list[Any] | None:
        """Every record's value (the default where an optional one is left out), or None
        when a required one is missing. Records the program wrote have every field, so
        the quick ``itemgetter`` is tried first."""
        try:
            return list(map(itemgetter(self.name), docs))
        except KeyError:
            if self.required:
                return None
        return list(map(methodcaller("get", self.name, self.default), docs))


@dataclass
class Record(Kind):
    """A nested object whose fields are columns too (a member's contact, a form change)."""

    shows_value = False  # a container may hold text: described, never shown

    columns: tuple[Column, ...]
    what: str = "ett objekt"

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"{self.what} med fälten {', '.join(c.name for c in self.columns)}"

    def ok_present(self, value: Any) -> bool:
        return type(value) is dict and all(c.holds(value) for c in self.columns)

    def all_ok(self, values: Values) -> bool:
        """Column by column, like a table: the 300 members' contacts in a few C loops."""
        present = self._present(values)
        if not _types_in(present, dict):
            return False
        for column in self.columns:
            inner = column.column(present)
            if inner is None or not column.kind.all_ok(inner):
                return False
        return True


@dataclass
class ListOf(Kind):
    shows_value = False  # a container may hold text: described, never shown

    item: Kind
    at_least: int = 0
    what: str = "en lista"

    @property
    def expected(self) -> str:  # type: ignore[override]
        least = f" med minst {self.at_least}" if self.at_least else ""
        return f"{self.what}{least}"

    def ok_present(self, value: Any) -> bool:
        return type(value) is list and len(value) >= self.at_least and self.item.all_ok(value)

    def all_ok(self, values: Values) -> bool:
        present = self._present(values)
        if not _types_in(present, list):
            return False
        if self.at_least and min(map(len, present), default=self.at_least) < self.at_least:
            return False
        return self.item.all_ok(list(chain.from_iterable(present)))


@dataclass
class MapOf(Kind):
    """An object from chosen keys to values of one kind (a fee schedule's amounts)."""

    shows_value = False  # a container may hold text: described, never shown

    keys: frozenset[str]
    item: Kind

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"ett objekt från {', '.join(sorted(self.keys))} till {self.item.expected}"

    def ok_present(self, value: Any) -> bool:
        return (
            type(value) is dict
            and self.keys.issuperset(value)
            and self.item.all_ok(list(value.values()))
        )


@dataclass(frozen=True)
class TableSchema:
    name: str
    what: str
    """The Swedish noun for one record, for the message: "medlem", "betalning"."""
    columns: tuple[Column, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class BadRecord:
    """The first fault found, described without any personal data."""

    table: str
    what: str
    record: str
    field: str
    found: str
    expected: str

    def describe(self) -> str:
        """``medlem 3 (tabellen members), fältet joined: ”2024-13-45”, väntat ett datum …``"""
        where = f"{self.what} {self.record} (tabellen {self.table})"
        if self.field:
            where += f", fältet {self.field}"
        return f"{where}: {self.found}, väntat {self.expected}"


_TYPE_NAMES = {
    str: "text",
    int: "ett heltal",
    float: "ett decimaltal",
    bool: "sant/falskt",
    list: "en lista",
    dict: "ett objekt",
    type(None): "inget värde (null)",
}
_MISSING = object()


def found_text(value: Any, kind: Kind) -> str:
    """What was found, safe to show: the value for non-personal fields, else its type."""
    if value is _MISSING:
        return "fältet saknas"
    if kind.shows_value and type(value) in (str, int):
        shown = str(value)
        if len(shown) <= 40 and shown.isprintable():
            return f"”{shown}”"
    return _TYPE_NAMES.get(type(value), "ett okänt värde")


def check_records(document: Mapping[str, Any], schemas: Iterable[TableSchema]) -> BadRecord | None:
    """The first bad record of ``document`` (a whole database as parsed), or None.

    ``Ref`` kinds are given the ids of the table they point to here, so a payment for a member
    that is not in the file is found too. A table the schemas do not name is left alone.
    """
    schemas = tuple(schemas)
    for schema in schemas:
        bad = _check_shape(schema, document.get(schema.name, {}))
        if bad:
            return bad
    pointed_to = {
        c.kind.table for s in schemas for c in s.columns if isinstance(c.kind, Ref | RefList)
    }
    ids = {name: frozenset(map(int, document.get(name, {}))) for name in pointed_to}
    for schema in schemas:
        table = document.get(schema.name, {})
        docs = list(table.values())
        values_of = _required_columns(schema.columns, docs)
        for column in schema.columns:
            kind = _with_ids(column.kind, ids)
            values = values_of.get(column.name) or column.column(docs)
            if values is None or not kind.all_ok(values):
                return _first_fault(schema, table, column, kind)
    return None


_CHUNK = 512
"""Records read per column before the next column: what fits the processor's cache."""


def _required_columns(columns: Sequence[Column], docs: list[Any]) -> dict[str, list[Any]]:
    """Every required column's values, or nothing for a column some record leaves out (it is
    then read, and found wanting, on its own).

    Read a few hundred records at a time, every column of them before the next few hundred:
    a file just parsed is in memory the processor has not touched again, and thirteen
    passes over all 15,000 activities cost about twice what this does (issue 18: the open
    of a file changed outside the program).
    """
    names = [column.name for column in columns if column.required]
    found: dict[str, list[Any]] = {name: [] for name in names}
    readers = [(found[name].extend, itemgetter(name)) for name in names]
    try:
        for start in range(0, len(docs), _CHUNK):
            chunk = docs[start : start + _CHUNK]
            for extend, read in readers:
                extend(map(read, chunk))
    except (KeyError, TypeError):
        return {}
    return found


def _check_shape(schema: TableSchema, table: Any) -> BadRecord | None:
    """A table is an object from record ids (digits) to objects, as TinyDB writes it."""

    def bad(record: str, found: str, expected: str) -> BadRecord:
        return BadRecord(schema.name, schema.what, record, "", found, expected)

    if type(table) is not dict:
        return bad("-", found_text(table, Text()), "en tabell (ett objekt)")
    if not all(map(str.isdecimal, table)):
        key = next(k for k in table if not k.isdecimal())
        return bad(key if len(key) <= 20 and key.isprintable() else "?", "text", "ett tal")
    if not _types_in(table.values(), dict):
        key = next(k for k, doc in table.items() if type(doc) is not dict)
        return bad(key, found_text(table[key], Text()), "ett objekt")
    return None


def _with_ids(kind: Kind, ids: Mapping[str, frozenset[int]]) -> Kind:
    if not isinstance(kind, Ref | RefList):
        return kind
    bound = replace(kind, ids=ids.get(kind.table, frozenset()))
    return bound.nullable() if kind.optional else bound


def _first_fault(
    schema: TableSchema, table: Mapping[str, Any], column: Column, kind: Kind
) -> BadRecord:
    for key, doc in table.items():
        value = doc.get(column.name, _MISSING)
        if value is _MISSING and not column.required:
            value = column.default
        if value is _MISSING or not kind.ok(value):
            found = found_text(value, kind)
            return BadRecord(schema.name, schema.what, key, column.name, found, kind.expected)
    raise AssertionError(f"{schema.name}.{column.name}: the column failed but no record did")
