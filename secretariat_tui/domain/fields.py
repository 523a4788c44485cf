"""Every field of every register, declared once: name, Swedish label, flag, kind, hint.

A register lists its fields here in the domain (``network_fields.NETWORK_FIELDS`` …), and
each front-end builds what it needs from that one list: the TUI form its inputs, selects and
checkboxes (``ui.widgets.field_widgets``), the CLI its click options and the flag names in
its error lines (``commands.field_options``), the members and payments files their columns
(``exports.csv_files``). So a field added to the list appears in each, and a label or a rule
cannot drift between copies.

A field's *kind* is the one reader for its text: a day takes the fast entry (``15/1``,
``idag``, ISO) in every form and flag, a time ``18``/``18:00``, an amount exact kronor, a
choice any case of its values, yes/no ``ja``/``nej``. Reading needs "today" (for a day
typed without a year), passed in so tests and the screen agree on what ``15/1`` means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar

from secretariat_tui.domain.date_entry import (
    EnteredDate,
    parse_date_entry,
    parse_time_entry,
    time_text,
)
from secretariat_tui.domain.dates import EARLIEST, LATEST
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.money import parse_amount, typed_amount

T = TypeVar("T")

YES, NO = "ja", "nej"
_YES_WORDS = {YES, "j", "yes", "y", "true", "1"}
_NO_WORDS = {NO, "n", "no", "false", "0"}
DAY_HINT = "t.ex. 2024-01-15, 15/1, 15 jan, i dag eller +3"
MONTH_HINT = "t.ex. 2024-01-15, 15/1, 15 jan, jan 2024 (bara månad), i dag eller +3"


def yes_no(value: bool) -> str:
    return YES if value else NO


def parse_year(text: str) -> int:
    """A four-digit year within the registers' span (1900–2100)."""
    raw = text.strip()
    if not raw:
        raise ValueError("Ange ett år, t.ex. 2024.")
    if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
        raise ValueError(f"”{raw}” är inget år: skriv ÅÅÅÅ, t.ex. 2024.")
    year = int(raw)
    if not EARLIEST.year <= year <= LATEST.year:
        raise ValueError(f"{raw} ligger utanför {EARLIEST.year}–{LATEST.year}; skrev du fel år?")
    return year


# --- kinds: one reader (and one writer back to text) per kind of value ------------------------


class Kind(Generic[T]):
    """How a field's text is read (``parse``) and written back for a form (``text``)."""

    hint = ""
    """Shown as the form's placeholder and in the flag's help when the field says no more."""

    def parse(self, text: str, today: date) -> T:
        raise NotImplementedError

    def empty(self, default: Any) -> Any:
        """The value of an optional field left empty."""
        return default

    def text(self, value: T) -> str:
        return "" if value is None else str(value)


class Text(Kind[str]):
    """Free text, optionally through a rule (a title's length, a name's spaces)."""

    def __init__(self, rule: Callable[[str], str] | None = None) -> None:
        self.rule = rule

    def parse(self, text: str, today: date) -> str:
        return self.rule(text) if self.rule else text.strip()

    def empty(self, default: Any) -> str:
        return ""


class Day(Kind[date]):
    """A calendar day in the fast entry; ``month=True`` also takes a whole month."""

    def __init__(self, *, month: bool = False) -> None:
        self.month = month
        self.hint = MONTH_HINT if month else DAY_HINT

    def parse(self, text: str, today: date) -> Any:
        entered = parse_date_entry(text, today, allow_month=self.month)
        return entered if self.month else entered.day

    def text(self, value: Any) -> str:
        if value is None:
            return ""
        return value.iso() if isinstance(value, EnteredDate) else value.isoformat()


class Time(Kind[time]):
    hint = "t.ex. 18:00 eller 9.30"

    def parse(self, text: str, today: date) -> time:
        return parse_time_entry(text)

    def text(self, value: time | None) -> str:
        return time_text(value)


class Year(Kind[int]):
    hint = "ÅÅÅÅ, t.ex. 2024"

    def parse(self, text: str, today: date) -> int:
        return parse_year(text)


class Amount(Kind[Decimal]):
    """Exact kronor (never float); ``positive`` refuses 0, a fee may be 0 (no fee)."""

    hint = "kronor, t.ex. 1500 eller 1500,50"

    def __init__(self, *, positive: bool = True) -> None:
        self.positive = positive

    def parse(self, text: str, today: date) -> Decimal:
        amount = parse_amount(text)
        if self.positive and amount <= 0:
            raise ValueError("Beloppet måste vara större än noll.")
        return amount

    def text(self, value: Decimal | None) -> str:
        return "" if value is None else typed_amount(value)


E = TypeVar("E", bound=Enum)


class Choice(Kind[E]):
    """One of an enum's values, typed in any case (of ``utbildning/event`` either half).

    ``none`` is the label of "no choice" where the field may be left empty (its value is
    ``""``, the same in every form); without it a choice must be made. Each value is shown by
    its enum's ``label`` or, for an enum without one, by ``labels`` in the enum's order.
    """

    def __init__(
        self, enum: type[E], what: str, *, none: str = "", labels: Sequence[str] = ()
    ) -> None:
        self.enum, self.what, self.none = enum, what, none
        self.values = ", ".join(str(item.value) for item in enum)
        self.hint = f"{what}: {self.values}"
        self.labels = {
            item: labels[n] if labels else str(getattr(item, "label", item.value))
            for n, item in enumerate(enum)
        }

    def options(self) -> tuple[tuple[str, str], ...]:
        listed = tuple((self.labels[item], str(item.value)) for item in self.enum)
        return ((self.none, ""), *listed) if self.none else listed

    def parse(self, text: str, today: date) -> E:
        key = " ".join(text.split()).casefold()
        for item in self.enum:
            value = str(item.value).casefold()
            if key in (value, *value.split("/")) or key == self.labels[item].casefold():
                return item
        if not key:
            raise ValueError(f"Välj {self.what}.")
        raise ValueError(f"”{text.strip()}” är ingen {self.what}; välj {self.values}.")

    def empty(self, default: Any) -> E | None:
        if not self.none:
            raise ValueError(f"Välj {self.what}.")
        return None

    def text(self, value: E | None) -> str:
        return "" if value is None else str(value.value)


class Flag(Kind[bool]):
    """Yes or no: a checkbox in a form, ``--x/--not-x`` on the command line."""

    def parse(self, text: str, today: date) -> bool:
        word = text.strip().casefold()
        if word in _YES_WORDS:
            return True
        if word in _NO_WORDS:
            return False
        raise ValueError(f"Svara ja eller nej (inte ”{text.strip()}”).")

    def text(self, value: bool | None) -> str:
        return "" if value is None else yes_no(value)


class Listed(Kind[Any]):
    """One of options that only the form knows when it opens (the formats a text can be
    saved in, the networks there are); ``options_for`` in the form lists them."""

    def __init__(self, what: str, *, none: str = "") -> None:
        self.what, self.none = what, none
        self.hint = what

    def parse(self, text: str, today: date) -> Any:
        if not text.strip():
            raise ValueError(f"Välj {self.what}.")
        return text.strip()

    def empty(self, default: Any) -> Any:
        if not self.none:
            raise ValueError(f"Välj {self.what}.")
        return None


class Ref(Listed):
    """A record of another register (a network, a member) by its id; on the command line
    ``by_name`` also takes a name, found by the register's own rule."""

    def __init__(self, what: str, *, none: str = "", by_name: bool = False) -> None:
        super().__init__(what, none=none)
        self.by_name = by_name
        self.hint = f"{what}: id eller namn" if by_name else f"{what}: id"

    def parse(self, text: str, today: date) -> int:
        raw = text.strip()
        if not raw:
            raise ValueError(f"Välj {self.what}.")
        if not (raw.isascii() and raw.isdigit()):
            raise ValueError(f"”{raw}” är inget {self.what}s-id.")
        return int(raw)


# --- the declaration ------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One field of a register, as every front-end needs it."""

    name: str
    """The domain's name, also the key of the typed values and of FieldErrors."""
    label: str
    kind: Kind[Any] = Text()
    flag: str = ""
    """The CLI flag (``--date``); by default the name with dashes."""
    required: bool = False
    help: str = ""
    """What the field holds, for the flag's help; the kind's hint is added to it."""
    placeholder: str = ""
    """The form's grey hint; by default the kind's."""
    default: Any = None
    """A new record's value (a yes/no field's answer, a choice made unless changed)."""
    multiple: bool = False
    """On the command line the flag is given once per value (``--co-signer A --co-signer B``)."""

    @property
    def option(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")

    @property
    def hint(self) -> str:
        return self.placeholder or self.kind.hint

    def parse(self, text: str, today: date) -> Any:
        """The value ``text`` holds: an optional field left empty is its ``default`` ("" for
        text). Raises ValueError with the Swedish message for the field."""
        if text.strip() or self.required:
            if not text.strip() and isinstance(self.kind, Text) and self.kind.rule is None:
                raise ValueError(f"Fyll i {self.label.lower()}.")
            return self.kind.parse(text, today)
        return self.kind.empty(self.default)

    def check(self, text: str, today: date) -> str | None:
        """The field's own fault as a message (a form's live check), or None."""
        try:
            self.parse(text, today)
        except ValueError as err:
            return str(err)
        return None

    def text(self, value: Any) -> str:
        return self.kind.text(value)

    def shown(self, text: str) -> str:
        """The typed text as a person reads it: a choice by its Swedish label (a file for
        Excel, a listing); anything else as it is. The choice's reader takes it back."""
        if isinstance(self.kind, Choice) and text:
            return self.kind.labels[self.kind.parse(text, date.min)]
        return text


def field_named(fields: Iterable[Field], name: str) -> Field:
    return next(f for f in fields if f.name == name)


class FieldReader:
    """Reads a register's typed values field by field, collecting every error.

    A field that fails records its Swedish message and the reader carries on, so the user sees
    every fault at once, each under its field (or named by its flag).
    """

    def __init__(self, fields: Sequence[Field], raw: Mapping[str, str], today: date) -> None:
        self._fields = {f.name: f for f in fields}
        self._raw, self.today = raw, today
        self.errors: dict[str, str] = {}

    def text(self, name: str) -> str:
        return str(self._raw.get(name, "") or "").strip()

    def __getitem__(self, name: str) -> Any:
        """The field's value by its kind (None when empty or wrong; the error is kept)."""
        try:
            return self._fields[name].parse(self.text(name), self.today)
        except ValueError as err:
            self.errors[name] = str(err)
            return None

    def value(self, name: str, parse: Callable[[str], T]) -> T | None:
        """A field read by a register's own parser (one that needs more than the text)."""
        if not self.text(name) and not self._fields[name].required:
            return None
        try:
            return parse(self.text(name))
        except ValueError as err:
            self.errors[name] = str(err)
            return None

    def read(self, *names: str) -> dict[str, Any]:
        """The named fields' values (every field by default), errors kept for ``done``."""
        return {name: self[name] for name in names or self._fields}

    def done(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)


def record_text(fields: Sequence[Field], record: object) -> dict[str, str]:
    """A record's fields as a form holds them (text), each written by its field's kind: to
    prefill a form or to start a command-line edit from."""
    return {f.name: f.text(getattr(record, f.name)) for f in fields}


IN_REPORT = Field(
    "in_report",
    "Med i berättelsen",
    Flag(),
    help="Om raden ska stå i verksamhetsberättelsen (ny post: ja).",
    default=True,
)
"""The calendar registers' shared yes/no: is the line in the annual report."""


def new_record_text(fields: Sequence[Field]) -> dict[str, str]:
    """A new record's form as it opens: each field's default, as text."""
    return {f.name: f.text(f.default) for f in fields if f.default is not None}
