"""`secretariat payments import-bank FIL`: the bank's file of incoming payments (BgMax, or the
account's CSV export) matched to the members' fees, previewed, then recorded.

Only matched lines are recorded (the probable ones too with ``--accept-probable``); an
unmatched line, an overpayment or a line already recorded never is. A broken file is refused
whole: nothing of it is written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from secretariat_tui.commands.common import CliContext
from secretariat_tui.commands.field_options import YEAR
from secretariat_tui.commands.payments import payments
from secretariat_tui.commands.transfer import read_input
from secretariat_tui.domain.bank_matching import Verdict
from secretariat_tui.imports.bank_csv import BANK_COLUMNS
from secretariat_tui.imports.bank_file import (
    BankFile,
    payments_word,
    preview,
    read_bank_file,
    summary,
)
from secretariat_tui.imports.bgmax import BgmaxError
from secretariat_tui.imports.csv_dialect import CsvFormatError
from secretariat_tui.imports.headings import HeadingError, heading_set, parse_choices
from secretariat_tui.imports.remembered import worth_keeping
from secretariat_tui.store.bank_lines import BankLineRecord, match_bank_lines
from secretariat_tui.store.database import Database
from secretariat_tui.store.import_headings import HeadingMemory

BANK = "bank"
"""The register name the CSV headings' reading is remembered under."""


@payments.command("import-bank")
@click.argument("file", metavar="FIL", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--year",
    type=YEAR,
    help="Avgiftsåret en betalning utan faktura gäller (annars i år).",
)
@click.option("--dry-run", is_flag=True, help="Visa vad som skulle registreras, men spara inget.")
@click.option(
    "--accept-probable",
    is_flag=True,
    help="Registrera också de troliga (matchade på organisationsnummer, namn eller belopp).",
)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="RUBRIK=KOLUMN",
    help="För en CSV-fil: läs filens kolumn RUBRIK som KOLUMN (Datum, Text, Meddelande, "
    "Belopp, Referens), t.ex. --map ”Bokf.dag=Datum”. Kan ges flera gånger.",
)
@click.pass_obj
def import_bank(
    obj: CliContext,
    file: Path,
    year: int | None,
    dry_run: bool,
    accept_probable: bool,
    mapping: tuple[str, ...],
) -> None:
    """Läs in bankens fil med inbetalningar (BgMax från Bankgirot eller kontots CSV-export),
    matcha dem mot medlemmarnas avgifter och registrera de matchade."""
    data = read_input(file)
    try:
        chosen = parse_choices(mapping, BANK_COLUMNS)
    except HeadingError as err:
        raise click.BadParameter(str(err), param_hint="--map") from None
    today = date.today()
    with obj.database(create=False) as db:
        bank = _read(data, chosen, db)
        click.echo(f"Läste {file}: {bank.kind}.")
        for note in bank.notes:
            click.echo(note)
        if bank.errors:
            for error in bank.errors:
                click.echo(str(error), err=True)
            raise click.ClickException(
                f"Inget sparades: {len({e.line for e in bank.errors})} rader i filen har fel."
            )
        matches = match_bank_lines(db, bank.lines, year or today.year)
        click.echo(preview(matches))
        click.echo(summary(matches))
        taken = {Verdict.MATCHED} | ({Verdict.PROBABLE} if accept_probable else set())
        chosen_lines = [m for m in matches if m.verdict in taken]
        probable = sum(m.verdict is Verdict.PROBABLE for m in matches)
        if probable and not accept_probable:
            click.echo(
                f"{probable} {'trolig' if probable == 1 else 'troliga'} registreras inte: "
                "kör med --accept-probable, eller "
                "bekräfta dem i programmet (Avgifter, tangent i)."
            )
        if dry_run:
            click.echo("Provkörning: inget sparades.")
            return
        if not chosen_lines:
            click.echo("Inget nytt att registrera.")
            return
        BankLineRecord(db).record([(m.line.identity, m.payment()) for m in chosen_lines], today)
        _remember(db, bank)
    click.echo(f"Registrerade {payments_word(len(chosen_lines))}.")


def _read(data: bytes, chosen: dict[str, str | None], db: Database) -> BankFile:
    try:
        return read_bank_file(data, chosen=chosen, recall=HeadingMemory(db, BANK).recall)
    except (BgmaxError, CsvFormatError) as err:
        raise click.ClickException(f"{err} Inget sparades.") from None


def _remember(db: Database, bank: BankFile) -> None:
    """Keep how a CSV's headings were read, for next month's export of the same account."""
    if bank.plan is not None and worth_keeping(bank.plan.headings):
        found = [h.found for h in bank.plan.headings]
        columns = [h.column for h in bank.plan.headings]
        HeadingMemory(db, BANK).remember(heading_set(found), found, columns)
