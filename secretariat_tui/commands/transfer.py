"""`secretariat members import|export` and `secretariat payments import|export`: CSV files in
the dialect Swedish Excel opens and writes, and Excel workbooks (.xlsx).

The file reading and writing is here; deciding what a file means is in ``imports/`` and
``exports/``. An import checks every row first, prints what it would do, and then writes the
new rows in one save, or nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TypeVar

import click

from secretariat_tui.commands.common import CliContext
from secretariat_tui.commands.field_options import YEAR
from secretariat_tui.commands.members import members
from secretariat_tui.commands.output import (
    file_format,
    file_format_option,
    output_option,
    output_target,
    write_output,
)
from secretariat_tui.commands.payments import payments
from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.exports.csv_files import (
    MEMBER_COLUMNS,
    PAYMENT_COLUMNS,
    members_csv_bytes,
    payments_csv_bytes,
)
from secretariat_tui.imports.csv_dialect import CsvFormatError, ImportPlan
from secretariat_tui.imports.headings import HeadingError, heading_set, parse_choices
from secretariat_tui.imports.members_csv import plan_members_import
from secretariat_tui.imports.payments_csv import plan_payments_import
from secretariat_tui.imports.plan_report import plan_report, skipping_note
from secretariat_tui.imports.remembered import Choices, plan_as_before, worth_keeping
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.import_headings import HeadingMemory
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository

T = TypeVar("T")


def _import_options(command: Callable[..., object]) -> Callable[..., object]:
    command = click.option(
        "--map",
        "mapping",
        multiple=True,
        metavar="RUBRIK=KOLUMN",
        help="Läs filens kolumn RUBRIK som KOLUMN, t.ex. --map ”Organisation=Namn” "
        "(RUBRIK= hoppar över kolumnen). Kan ges flera gånger; annars gissas kolumnerna "
        "från rubrikerna.",
    )(command)
    command = click.option(
        "--skip-bad",
        is_flag=True,
        help="Spara de felfria raderna och hoppa över de felaktiga.",
    )(command)
    command = click.option(
        "--dry-run", is_flag=True, help="Visa vad som skulle läsas in, men spara inget."
    )(command)
    return click.argument("file", metavar="FIL", type=click.Path(dir_okay=False, path_type=Path))(
        command
    )


# --- export -------------------------------------------------------------------------------------


@members.command("export")
@file_format_option
@output_option("medlemsregistret")
@click.pass_obj
def export_members(obj: CliContext, fmt: str | None, output: str, force: bool) -> None:
    """Skriv hela medlemsregistret (även avslutade) som CSV eller Excel-arbetsbok (.xlsx)."""
    fmt = file_format(fmt, output)
    target = output_target(obj, output, force=force)
    with obj.reading() as db:
        found = MemberRepository(db).all()
    write_output(target, members_csv_bytes(found, fmt), output, f"{len(found)} medlemmar")


@payments.command("export")
@click.option("--year", type=YEAR, help="Bara betalningar för det avgiftsåret.")
@file_format_option
@output_option("betalningarna")
@click.pass_obj
def export_payments(
    obj: CliContext, year: int | None, fmt: str | None, output: str, force: bool
) -> None:
    """Skriv betalningarna som CSV eller Excel-arbetsbok (.xlsx), med medlemmens namn och
    organisationsnummer."""
    fmt = file_format(fmt, output)
    target = output_target(obj, output, force=force)
    with obj.reading() as db:
        repository = PaymentRepository(db)
        found = repository.for_year(year) if year is not None else repository.all()
        known = MemberRepository(db).all()
    data = payments_csv_bytes(found, known, fmt)
    write_output(target, data, output, f"{len(found)} betalningar")


# --- import -------------------------------------------------------------------------------------


@members.command("import")
@_import_options
@click.pass_obj
def import_members(
    obj: CliContext, file: Path, dry_run: bool, skip_bad: bool, mapping: tuple[str, ...]
) -> None:
    """Läs in medlemmar från en CSV-fil (Excel: ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”)
    eller en Excel-arbetsbok (.xlsx, första bladet).

    Filens egna rubriker känns igen (Organisation, E-post, Medlemstyp …); saknas Typ följer
    den medlemsformen, saknas Medlem sedan blir det i dag. Medlemmar som redan finns (samma
    organisationsnummer, annars samma namn) hoppas över och ändras inte. Inget sparas om
    någon rad är fel, utom med --skip-bad.
    """
    chosen = _choices(mapping, MEMBER_COLUMNS)
    data = read_input(file)
    with _existing_database(obj) as db:
        existing = MemberRepository(db).all() if db else []
        plan = _plan(
            lambda: plan_as_before(
                lambda c: plan_members_import(data, existing, chosen=c, today=date.today()),
                chosen,
                _recall(db, MEMBERS),
            )
        )
        _report(plan, file, describe=lambda m: m.name)
        if _go_ahead(plan, dry_run=dry_run, skip_bad=skip_bad):
            with _writable(obj, db) as target:
                MemberRepository(target).add_many(plan.items)
                _remember(target, MEMBERS, plan)
            click.echo(f"Sparade {len(plan.new)} nya medlemmar.")


@payments.command("import")
@_import_options
@click.pass_obj
def import_payments(
    obj: CliContext, file: Path, dry_run: bool, skip_bad: bool, mapping: tuple[str, ...]
) -> None:
    """Läs in betalningar från en CSV-fil (Excel: ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”)
    eller en Excel-arbetsbok (.xlsx, första bladet).

    Medlemmen hittas på organisationsnummer, annars på exakt namn. En betalning som redan finns
    (samma medlem, år, datum, belopp och referens) hoppas över. Inget sparas om någon rad är
    fel, utom med --skip-bad.
    """
    chosen = _choices(mapping, PAYMENT_COLUMNS)
    data = read_input(file)
    with _existing_database(obj) as db:
        known = MemberRepository(db).all() if db else []
        existing = PaymentRepository(db).all() if db else []
        plan = _plan(
            lambda: plan_as_before(
                lambda c: plan_payments_import(data, known, existing, chosen=c),
                chosen,
                _recall(db, PAYMENTS),
            )
        )
        names = {m.id: m.name for m in known}

        def describe(p: Payment) -> str:
            name = names.get(p.member_id, "?")
            return f"{name}, {p.fee_year}: {format_kronor(p.amount)} {p.paid_on.isoformat()}"

        _report(plan, file, describe=describe)
        if _go_ahead(plan, dry_run=dry_run, skip_bad=skip_bad):
            with _writable(obj, db) as target:
                PaymentRepository(target).add_many(plan.items)
                _remember(target, PAYMENTS, plan)
            click.echo(f"Sparade {len(plan.new)} nya betalningar.")


MEMBERS, PAYMENTS = "members", "payments"


def _recall(db: Database | None, register: str) -> Callable[[list[str]], Choices]:
    """The remembered reading of a heading set (none before the database exists)."""
    if db is None:
        return lambda key: {}
    return HeadingMemory(db, register).recall


def _remember(db: Database, register: str, plan: ImportPlan[T]) -> None:
    """Keep how the file's headings were read, for the next file with the same ones."""
    if worth_keeping(plan.headings):
        found = [h.found for h in plan.headings]
        columns = [h.column for h in plan.headings]
        HeadingMemory(db, register).remember(heading_set(found), found, columns)


def _choices(mapping: tuple[str, ...], columns: Sequence[str]) -> dict[str, str | None]:
    try:
        return parse_choices(mapping, columns)
    except HeadingError as err:
        raise click.BadParameter(str(err), param_hint="--map") from None


def read_input(file: Path) -> bytes:
    try:
        return file.expanduser().read_bytes()
    except OSError as err:
        raise click.ClickException(f"Filen {file} kan inte läsas: {os_reason(err)}.") from None


def _plan(make: Callable[[], ImportPlan[T]]) -> ImportPlan[T]:
    try:
        return make()
    except CsvFormatError as err:
        raise click.ClickException(f"{err} Inget sparades.") from None


@contextmanager
def _existing_database(obj: CliContext) -> Iterator[Database | None]:
    """The database if its file exists; a failed import must not leave a new empty file."""
    if not obj.db_path.expanduser().exists():
        yield None
        return
    with obj.database(create=False) as db:
        yield db


@contextmanager
def _writable(obj: CliContext, db: Database | None) -> Iterator[Database]:
    if db is not None:
        yield db
        return
    with obj.database() as created:
        yield created


def _report(plan: ImportPlan[T], file: Path, describe: Callable[[T], str]) -> None:
    """The preview: what was detected, each error on stderr, what would be added."""
    report = plan_report(plan, str(file), describe)
    for error in report.errors:
        click.echo(error, err=True)
    for line in report.lines:
        click.echo(line)


def _go_ahead(plan: ImportPlan[T], *, dry_run: bool, skip_bad: bool) -> bool:
    """Whether to write: never with errors unless --skip-bad, never in a dry run."""
    bad = len(plan.bad_lines)
    if bad and not skip_bad:
        raise click.ClickException(
            f"Inget sparades: {bad} {'rad har' if bad == 1 else 'rader har'} fel. Rätta filen, "
            "eller kör med --skip-bad för att spara bara de felfria raderna."
        )
    if bad:
        click.echo(skipping_note(plan))
    if dry_run:
        click.echo("Provkörning: inget sparades.")
        return False
    if not plan.new:
        click.echo("Inget nytt att spara.")
        return False
    return True
