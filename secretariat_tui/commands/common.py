"""What every command group shares: the context holding the database path, and errors.

Commands that may write open the database through ``CliContext.database()`` (which holds the
lock); commands that only read use ``CliContext.reading()``, which also works while the file is
open in the TUI (it shows the last saved state). Both print the store's notices once, as
``Obs: …`` lines on stderr. A domain ``FieldErrors`` becomes ``FieldErrorsForCli``: one stderr
line naming the flags, exit 1 (``field_options``). Listing commands take their ``--format`` from
``format_option``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from secretariat_tui.domain.text import MULTILINE_FIELDS, text_problem
from secretariat_tui.store.database import Database, open_database


@dataclass
class CliContext:
    db_path: Path
    _told: set[str] = field(default_factory=set, repr=False)

    @contextmanager
    def database(self, *, create: bool = True) -> Iterator[Database]:
        """The database for a command that may write: refused while another session has it."""
        with open_database(self.db_path, create=create) as db:
            if db.created:
                self._tell(f"skapade en ny, tom databas {db.label}.")
            for warning in db.warnings:
                self._tell(warning)
            yield db

    @contextmanager
    def reading(self) -> Iterator[Database]:
        """The database read-only, for a command that only reads: every write is refused.

        Opens also while the TUI has the file (it reads the last saved state) and never
        creates a missing file.
        """
        with open_database(self.db_path, create=False, read_only=True) as db:
            for warning in db.warnings:
                self._tell(warning)
            yield db

    def _tell(self, notice: str) -> None:
        """A notice on stderr, once per command even if it opens the file twice."""
        if notice not in self._told:
            self._told.add(notice)
            click.echo(f"Obs: {notice}", err=True)


def format_option(
    *choices: str, default: str
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--format`` option (stored as ``fmt``) every listing command takes."""
    assert default in choices, f"{default!r} is not one of {choices}"
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Utdataformat.",
    )


def refuse_unsafe_text(group: click.Command) -> None:
    """Check every text option and argument of every command before the command runs.

    A control character, a bidi override or bytes that were not UTF-8 (a latin-1 terminal
    typing "Ö") are refused as a usage error naming the flag, before anything is opened, so
    no command can store them (``domain.text``). Paths (``click.Path``) are not text here: a
    file name in another encoding is still a file name.

    A command reached twice (a lazy group hands out each command it loads) is checked once.
    """
    for command in _commands(group):
        texts = [p for p in command.params if isinstance(p.type, click.types.StringParamType)]
        if command.callback is not None and texts and command.callback not in _CHECKED:
            command.callback = _checking(command.callback, texts)
            _CHECKED.add(command.callback)


_CHECKED: set[Callable[..., Any]] = set()
"""The callbacks ``refuse_unsafe_text`` made: wrapping one again would check twice."""


def _commands(group: click.Command) -> Iterator[click.Command]:
    yield group
    for command in getattr(group, "commands", {}).values():
        yield from _commands(command)


def _checking(callback: Callable[..., Any], params: list[click.Parameter]) -> Callable[..., Any]:
    @functools.wraps(callback)
    def checked(*args: Any, **kwargs: Any) -> Any:
        for param in params:
            value = kwargs.get(param.name or "")
            for text in value if isinstance(value, tuple | list) else (value,):
                if not isinstance(text, str):
                    continue
                problem = text_problem(text, multiline=param.name in MULTILINE_FIELDS)
                if problem:
                    raise click.BadParameter(
                        problem, ctx=click.get_current_context(silent=True), param=param
                    )
        return callback(*args, **kwargs)

    return checked
