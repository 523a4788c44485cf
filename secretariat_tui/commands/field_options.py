"""A register's field declarations (``domain.fields``) as click options, and back.

``field_options`` makes one option per field: its flag, its help (what it holds and how to
write it), required for ``add`` only; a choice is checked by click (a usage error, exit 2),
yes/no is ``--x/--not-x``. ``given`` turns what was typed back into the text a form would
hold, so the domain's one parser reads the command line as it reads the form. A FieldErrors
becomes one line naming each field by its flag, in the order of the declarations (the
registers in ``domain.registers`` order, each register's fields as declared).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

import click

from secretariat_tui.domain.date_entry import parse_day_entry
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Choice, Field, Flag, Kind, Ref, Year, field_named, yes_no

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


class KindOf(click.ParamType):
    """A flag read by a field kind's one reader; what it cannot read is a usage error (exit 2)."""

    def __init__(self, kind: Kind[Any], name: str) -> None:
        self.kind, self.name = kind, name

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.kind.parse(value, date.today())
        except ValueError as err:
            self.fail(str(err), param, ctx)


YEAR = KindOf(Year(), "year")
"""``--year`` of every command: four digits, 1900–2100, the same reader as a form's year."""


class ChoiceOf(KindOf):
    """A choice field's value typed in any case (of ``utbildning/event`` either half)."""

    def __init__(self, kind: Choice[Any]) -> None:
        super().__init__(kind, kind.what.split()[0])
        self.what, self.choices = kind.what, kind.values

    @classmethod
    def of(cls, fields: Sequence[Field], name: str) -> ChoiceOf:
        """The type of a register's choice field, for a filter flag (``list --kind``)."""
        kind = field_named(fields, name).kind
        assert isinstance(kind, Choice), f"{name} is not a choice"
        return cls(kind)

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        return f"Välj {self.what}: {self.choices}."


def day_flag(text: str | None, flag: str, today: date) -> date | None:
    """A day flag that is not a record's field (``--date`` of a view, ``--from``): the fast
    entry like every date field (``15/1``, ``1 sep 2024``, ``idag``), or one error line."""
    if text is None:
        return None
    try:
        return parse_day_entry(text, today)
    except ValueError as err:
        raise click.ClickException(f"{flag}: {err}") from None


def option_for(field: Field, *, required: bool) -> Decorator:
    """The click option of one field; ``required`` for a command that creates the record."""
    help_text = " ".join(part for part in (field.help, _how(field)) if part)
    if isinstance(field.kind, Flag):
        name = field.option.removeprefix("--")
        return click.option(
            f"{field.option}/--not-{name}", field.name, default=None, help=help_text
        )
    settings = dict[str, Any]()
    if required and field.default is not None:  # a new record's value unless typed
        settings = {"default": field.text(field.default), "show_default": True}
    return click.option(
        field.option,
        field.name,
        required=required and field.required and not settings,
        type=_type_of(field),
        multiple=field.multiple,
        help=help_text,
        **settings,
    )


def _type_of(field: Field) -> click.ParamType | None:
    """A choice, a year or an id is read by click (a usage error, exit 2); the rest (a day
    needs "today", a name needs the register) by the domain's parser of the register."""
    kind = field.kind
    if isinstance(kind, Choice):
        return ChoiceOf(kind)
    if isinstance(kind, Year) or (isinstance(kind, Ref) and not kind.by_name):
        return KindOf(kind, "id" if isinstance(kind, Ref) else "year")
    return None


def _how(field: Field) -> str:
    """How the kind reads the flag (a form's own placeholder, "namn@exempel.se", is not a rule
    and is left to the form)."""
    hint = field.kind.hint
    return f"({hint[0].upper()}{hint[1:]}.)" if hint else ""


def field_options(
    fields: Sequence[Field], *, required: bool, leave_out: Sequence[str] = ()
) -> Decorator:
    """Every field as an option, in declaration order (``--help`` lists them so)."""
    options = [option_for(f, required=required) for f in fields if f.name not in leave_out]

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def given(values: Mapping[str, object]) -> dict[str, str]:
    """The flags that were given, as the text a form field would hold (an edit keeps the rest)."""
    raw: dict[str, str] = {}
    for name, value in values.items():
        if isinstance(value, bool):
            raw[name] = yes_no(value)
        elif isinstance(value, Enum):
            raw[name] = str(value.value)
        elif value is not None:
            raw[name] = str(value)
    return raw


def check_given(fields: Sequence[Field], raw: Mapping[str, str], today: date) -> None:
    """Each given value on its own, before the database is opened (an edit's flags).

    An empty value clears an optional field; a required one must still be read.
    """
    errors = {
        f.name: message
        for f in fields
        if f.name in raw and (message := f.check(raw[f.name], today)) is not None
    }
    if errors:
        raise FieldErrorsForCli(FieldErrors(errors))


def _flag_shown(field: Field) -> str:
    if isinstance(field.kind, Flag):
        return f"{field.option}/--not-{field.option.removeprefix('--')}"
    return field.option


@cache
def flags() -> dict[str, str]:
    """Every field's flag, so a FieldErrors from any register names what to type again; made
    when an error is shown, since it loads every register's fields (issue 18)."""
    from secretariat_tui.domain.registers import ALL_FIELDS

    return {f.name: _flag_shown(f) for f in ALL_FIELDS}


class FieldErrorsForCli(click.ClickException):
    """All faulty fields on one stderr line, each named by its flag, exit 1."""

    def __init__(self, err: FieldErrors) -> None:
        order = list(flags())
        names = sorted(err.errors, key=lambda n: order.index(n) if n in order else len(order))
        parts = [f"{flags().get(n, n)}: {err.errors[n].rstrip('.')}" for n in names]
        line = "; ".join(parts)
        super().__init__(line if line.endswith(("?", "!")) else f"{line}.")


@contextmanager
def field_errors() -> Iterator[None]:
    """A domain FieldErrors as one line naming the flags."""
    try:
        yield
    except FieldErrors as err:
        raise FieldErrorsForCli(err) from None
