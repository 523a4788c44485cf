"""Where a command writes a file, and in which format: ``-o FIL``, ``--force``, ``--format``.

Shared by every command that writes a file (the register exports, the reminder list, the
calendar and report files, the personal-data extract), so each refuses the database and an
existing file the same way, takes the format from the file name's ending the same way, and
refuses a name that says another format than the one written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from secretariat_tui.commands.common import CliContext
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.output_files import (
    OutputExists,
    OutputRefused,
    ResolvedOutput,
    resolve_output,
    write_output_file,
)

STDOUT = "-"


def output_option(what: str) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """``-o FIL`` (stored as ``output``) and ``--force`` (``force``): every command that writes."""

    def decorate(command: Callable[..., object]) -> Callable[..., object]:
        command = click.option(
            "--force", is_flag=True, help="Ersätt filen om den finns (annars vägras den)."
        )(command)
        return click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=True, allow_dash=True),  # a path: never a text check
            default=STDOUT,
            show_default=True,
            metavar="FIL",
            help=f"Fil att skriva {what} till (- för standard ut). Filen blir läsbar bara för dig.",
        )(command)

    return decorate


def output_target(obj: CliContext, output: str, *, force: bool) -> ResolvedOutput | None:
    """Where ``-o`` writes (None: standard out), checked before any work is done.

    The database, its lock and its backups are refused by real path; an existing file only
    with ``--force``. One line on stderr and exit 1, and nothing is written.
    """
    if output == STDOUT:
        return None
    try:
        return resolve_output(Path(output), obj.db_path, replace=force)
    except OutputExists as err:
        raise click.ClickException(
            f"Filen {err.path} finns redan; inget skrevs. Välj ett annat namn, "
            "eller ersätt filen med --force."
        ) from None
    except OutputRefused as err:
        raise click.ClickException(f"{err} Inget skrevs.") from None


XLSX = "xlsx"
FILE_FORMATS = ("csv", XLSX)
KNOWN_SUFFIXES = frozenset({"md", "txt", "docx", "csv", XLSX, "ics"})
"""What the program writes, as file endings: a name ending in one says what the file holds."""


def file_format_option(command: Callable[..., object]) -> Callable[..., object]:
    """``--format csv|xlsx`` for a command that writes a file (stored as ``fmt``)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FILE_FORMATS),
        default=None,
        help="csv eller xlsx (Excel-arbetsbok); annars efter filnamnets ändelse, annars csv.",
    )(command)


def file_format(fmt: str | None, output: str, formats: Sequence[str] = FILE_FORMATS) -> str:
    """The format asked for, else the one the file name ends in, else the first of ``formats``.

    A name must not lie about what the file holds: ``--format`` with a name that ends in
    another of the program's formats (``--format docx -o x.txt``) is refused with one line
    naming both. A format without an ending of its own (the reminder list's text) is never
    in conflict. A workbook is no text for a terminal: to standard out only when redirected.
    """
    suffix = "" if output == STDOUT else Path(output).suffix.casefold().removeprefix(".")
    if fmt and fmt in KNOWN_SUFFIXES and suffix in KNOWN_SUFFIXES and suffix != fmt:
        raise click.ClickException(
            f"--format {fmt} passar inte filnamnet {output} (.{suffix}); byt ändelse till "
            f".{fmt} eller ta bort --format. Inget skrevs."
        )
    chosen = fmt or (suffix if suffix in formats else formats[0])
    if chosen == XLSX and output == STDOUT and _terminal():
        raise click.UsageError(
            "En Excel-arbetsbok kan inte visas i terminalen: skriv den till en fil med -o FIL.xlsx."
        )
    return chosen


def _terminal() -> bool:
    return sys.stdout.isatty()


def write_output(target: ResolvedOutput | None, data: bytes, output: str, what: str) -> None:
    """``data`` to the file ``output_target`` allowed, or to standard out when it is None."""
    if target is None:
        click.echo(data, nl=False)  # bytes go to the binary stream: the BOM and CRLF stay
        return
    shown = Path(output).expanduser()
    try:
        write_output_file(target, data)
    except OSError as err:
        raise click.ClickException(f"Kunde inte skriva {shown}: {os_reason(err)}.") from None
    click.echo(f"Skrev {what} till {shown}.")
