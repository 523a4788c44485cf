"""Reading typed fields (a form or command-line flags) while collecting every error.

A register's parser asks for each field in turn; a field that fails records its Swedish
message and the parser carries on, so the user sees every fault at once, each by its field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import TypeVar

from secretariat_tui.domain.errors import FieldErrors

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

YES, NO = "ja", "nej"
YES_NO = ((YES.capitalize(), YES), (NO.capitalize(), NO))


class FieldReader:
    def __init__(self, raw: Mapping[str, str]) -> None:
        self._raw = raw
        self.errors: dict[str, str] = {}

    def text(self, name: str) -> str:
        return str(self._raw.get(name, "") or "").strip()

    def required(self, name: str, parser: Callable[[str], T]) -> T | None:
        """``parser(text)``; its ValueError message becomes the field's error."""
        try:
            return parser(self.text(name))
        except ValueError as err:
            self.errors[name] = str(err)
            return None

    def optional(self, name: str, parser: Callable[[str], T]) -> T | None:
        """Like ``required`` but an empty field is simply None."""
        return self.required(name, parser) if self.text(name) else None

    def choice(self, name: str, enum: type[E], what: str) -> E | None:
        text = self.text(name)
        for item in enum:
            if text.casefold() == str(item.value).casefold():
                return item
        self.errors[name] = f"Välj {what}."
        return None

    def flag(self, name: str, *, default: bool = True) -> bool:
        text = self.text(name).casefold()
        if not text:
            return default
        if text in {YES, "j", "yes", "y", "true", "1"}:
            return True
        if text in {NO, "n", "no", "false", "0"}:
            return False
        self.errors[name] = f"Svara ja eller nej (inte ”{self.text(name)}”)."
        return default

    def done(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)


def yes_no(value: bool) -> str:
    return YES if value else NO


def check_with(parser: Callable[[str], object]) -> Callable[[str], str | None]:
    """A live field check (a form's validator) from a parser that raises ValueError."""

    def check(text: str) -> str | None:
        try:
            parser(text)
        except ValueError as err:
            return str(err)
        return None

    return check


def optional_check(parser: Callable[[str], object]) -> Callable[[str], str | None]:
    required = check_with(parser)
    return lambda text: required(text) if text.strip() else None
