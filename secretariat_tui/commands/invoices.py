"""`secretariat fees invoice|invoices|credit`: invoices with OCR numbers, as Word files.

``fees invoice`` makes one invoice per member that owes for the year (those already invoiced
are left out, so a second run reaches only the rest), writes a Word file per invoice and one
combined file for printing into the folder (``-o``, else the export folder), and records
them; ``--dry-run`` only shows who would be invoiced. ``fees invoices`` lists a year's
invoices with their status; ``fees credit`` cancels one with a credit note. The run itself
is the store's (``store.invoices.make_invoices``), the same the fees screen's key calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.field_options import YEAR
from secretariat_tui.commands.report_template import report_template
from secretariat_tui.domain.invoices import Invoice, missing_settings, next_number, to_invoice
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.settings import Settings
from secretariat_tui.exports.fees_listing import sorted_rows
from secretariat_tui.exports.invoices_listing import invoices_table, plan_text
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.invoices import (
    InvoiceRepository,
    InvoiceRun,
    Render,
    make_credit,
    make_invoices,
)
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.store.user_config import load_user_config

FOLDER_HELP = "Mappen fakturorna sparas i (skapas om den saknas); utan -o exportmappen."


def _folder(folder: str | None) -> Path:
    """``-o`` is a folder (its parameter is not ``output``: no ``--force``, since an invoice's
    file is never replaced); each file in it goes through the path resolver."""
    return Path(folder).expanduser().absolute() if folder else load_user_config().export_folder


def _render(db: Database, template: bytes | None) -> Render:
    """The Word files for a run (python-docx is loaded only when invoices are written)."""
    from secretariat_tui.exports.invoice_docx import invoice_files
    from secretariat_tui.exports.report_docx import TemplateError

    members = {m.id: m for m in FeeLedger.of(db).members.all() if m.id is not None}

    def render(invoices: Sequence[Invoice], settings: Settings) -> list[tuple[str, bytes]]:
        try:
            return invoice_files(invoices, settings, members, template)
        except TemplateError as err:
            raise click.ClickException(f"Word-mallen {err} Inga fakturor gjordes.") from None

    return render


def _written(run: InvoiceRun, what: str) -> None:
    total = sum((i.amount for i in run.invoices), start=run.invoices[0].amount * 0)
    numbers = [i.number for i in run.invoices]
    span = f"{numbers[0]}" if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
    click.echo(f"Gjorde {what} {span}, sammanlagt {format_kronor(total)}. Skrev:")
    _files(run)


def _files(run: InvoiceRun) -> None:
    for path in run.files:
        click.echo(f"  {path}")


@click.command("invoice")
@click.option("--year", required=True, type=YEAR, help="Avgiftsåret (ÅÅÅÅ).")
@click.option("--member", "member_id", type=int, help="Bara den här medlemmen (id).")
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False), help=FOLDER_HELP)
@click.option("--dry-run", is_flag=True, help="Visa bara vilka som skulle faktureras.")
@click.option(
    "--again-credited",
    is_flag=True,
    help="Fakturera också den vars faktura för året är krediterad.",
)
@click.pass_obj
def invoice(
    obj: CliContext,
    year: int,
    member_id: int | None,
    folder: str | None,
    dry_run: bool,
    again_credited: bool,
) -> None:
    """Fakturera årets medlemsavgift: en faktura per medlem som är skyldig, med OCR-nummer,
    som Word-filer (en per faktura och en samlad för utskrift). De som redan har en faktura
    för året faktureras inte igen."""
    template = None if dry_run else report_template("docx", None)
    opened = obj.reading() if dry_run else obj.database(create=False)
    with opened as db:
        rows = sorted_rows(FeeLedger.of(db).year_rows(year))
        if member_id is not None and not any(r.member.id == member_id for r in rows):
            raise click.ClickException(
                f"--member: medlem {member_id} finns inte eller var inte medlem {year}."
            )
        invoices = InvoiceRepository(db)
        drafts = to_invoice(
            rows, invoices.all(), year, member_id=member_id, again_credited=again_credited
        )
        if dry_run or not drafts:
            click.echo(plan_text(drafts, year, next_number(invoices.all())))
            for problem in missing_settings(SettingsRepository(db).get()):
                click.echo(f"Obs: {problem}", err=True)
            return
        try:
            run = make_invoices(
                db,
                drafts,
                issued=date.today(),
                folder=_folder(folder),
                render=_render(db, template),
            )
        except StoreError as err:  # settings missing, a file refused or not written
            raise click.ClickException(str(err)) from None
    _written(run, "faktura" if len(run.invoices) == 1 else "fakturor")


@click.command("invoices")
@click.option("--year", required=True, type=YEAR, help="Avgiftsåret (ÅÅÅÅ).")
@format_option("table", "csv", "json", default="table")
@click.pass_obj
def list_invoices(obj: CliContext, year: int, fmt: str) -> None:
    """Årets fakturor: nummer, medlem, OCR, belopp, förfallodag och status (obetald, betald,
    krediterad, kreditfaktura)."""
    with obj.reading() as db:
        ledger = FeeLedger.of(db)
        rows = {r.member.id: r for r in ledger.year_rows(year) if r.member.id is not None}
        names = {m.id: m.name for m in ledger.members.all() if m.id is not None}
        found = InvoiceRepository(db).for_year(year)
    click.echo(invoices_table(found, names, rows).render(fmt), nl=False)


@click.command("credit")
@click.argument("number", metavar="NUMMER", type=click.IntRange(min=1))
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False), help=FOLDER_HELP)
@click.pass_obj
def credit_invoice(obj: CliContext, number: int, folder: str | None) -> None:
    """Kreditera en faktura: en kreditfaktura med negativt belopp som pekar på den, sparad
    och skriven som Word-fil. Medlemmen faktureras inte igen för året utan --again-credited."""
    template = report_template("docx", None)
    with obj.database(create=False) as db:
        try:
            run = make_credit(
                db,
                number,
                issued=date.today(),
                folder=_folder(folder),
                render=_render(db, template),
            )
        except (StoreError, ValueError) as err:  # no such invoice, or not one to credit
            raise click.ClickException(str(err)) from None
    (note,) = run.invoices
    click.echo(
        f"Krediterade faktura {number} med kreditfaktura {note.number} "
        f"({format_kronor(note.amount)}). Skrev:"
    )
    _files(run)
