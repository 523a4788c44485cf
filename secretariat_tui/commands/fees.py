"""`secretariat fees …`: the fee schedule, agreed amounts, status, reminders, paying figures,
and invoices (``commands.invoices``).

Every value is checked before the database is opened, so a bad flag writes nothing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click

from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.field_options import YEAR
from secretariat_tui.commands.lazy import LazyGroup
from secretariat_tui.commands.output import (
    XLSX,
    file_format,
    output_option,
    output_target,
    write_output,
)
from secretariat_tui.domain.fees import (
    FeeOverride,
    FeeSchedule,
    FeeStatus,
    MemberYear,
    paying_figures,
)
from secretariat_tui.domain.members import Member, MembershipForm
from secretariat_tui.domain.money import format_kronor, parse_amount
from secretariat_tui.exports import fees_listing as listing
from secretariat_tui.store.database import Database
from secretariat_tui.store.fees import FeeRepository
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.members import MemberNotFound, MemberRepository

# --- shared with `payments` ---------------------------------------------------------------------


def amount_option(text: str, flag: str = "--amount") -> Decimal:
    """Kronor as typed (decimal comma or point, ``1 500 kr``) or one error line naming the flag."""
    try:
        return parse_amount(text)
    except ValueError as err:
        raise click.ClickException(f"{flag}: {err}") from None


def get_member(db: Database, member_id: int) -> Member:
    """The member, or one error line naming ``--member``."""
    try:
        return MemberRepository(db).get(member_id)
    except MemberNotFound as err:
        raise click.ClickException(f"--member: {err}") from None


def member_row(ledger: FeeLedger, member_id: int, year: int) -> MemberYear:
    """The member's fee for ``year``, or one error line naming ``--member``."""
    try:
        return ledger.member_row(member_id, year)
    except MemberNotFound as err:
        raise click.ClickException(f"--member: {err}") from None


def warn(message: str) -> None:
    click.echo(f"Obs: {message}", err=True)


def _year_rows(db: Database, year: int) -> list[MemberYear]:
    """Every member due in ``year`` in Swedish name order; a year without fees set says so."""
    ledger = FeeLedger.of(db)
    if ledger.fees.schedule(year) is None:
        warn(listing.no_schedule_note(year))
    return listing.sorted_rows(ledger.year_rows(year))


# --- commands -----------------------------------------------------------------------------------


INVOICES_AND_MAIL = {
    "invoice": "secretariat_tui.commands.invoices:invoice",
    "invoices": "secretariat_tui.commands.invoices:list_invoices",
    "credit": "secretariat_tui.commands.invoices:credit_invoice",
    "send": "secretariat_tui.commands.fees_mail:send",
    "mail-text": "secretariat_tui.commands.fees_mail:mail_text",
}
"""Declared in their own modules and loaded when run: the Word files and the mail stay out of
every other fees (and payments) command's start."""


@click.group(cls=LazyGroup, lazy_commands=INVOICES_AND_MAIL)
def fees() -> None:
    """Medlemsavgifter: avgift per år och form, överenskommelser, status, påminnelser,
    fakturor."""


@fees.command("schedule")
@click.option("--year", type=YEAR, help="Året (ÅÅÅÅ); utan --year visas alla år.")
@format_option("table", "json", default="table")
@click.pass_obj
def show_schedule(obj: CliContext, year: int | None, fmt: str) -> None:
    """Visa avgiften per medlemsform för ett år eller för alla år."""
    with obj.reading() as db:
        repository = FeeRepository(db)
        if year is None:
            schedules = repository.schedules()
        else:
            found = repository.schedule(year)
            schedules = [found] if found else []
    click.echo(listing.schedules_table(schedules, year).render(fmt), nl=False)


@fees.command("set")
@click.option("--year", required=True, type=YEAR, help="Året (ÅÅÅÅ).")
@click.option(
    "--form",
    required=True,
    type=click.Choice([f.value for f in MembershipForm]),
    help="Medlemsformen: full, individual eller networking.",
)
@click.option(
    "--amount", required=True, help="Avgiften i kronor, t.ex. 1500 eller 1 500,50 (0 = ingen)."
)
@click.pass_obj
def set_fee(obj: CliContext, year: int, form: str, amount: str) -> None:
    """Fastställ avgiften för en medlemsform ett år; de andra formernas avgifter behålls."""
    fee = amount_option(amount)
    membership_form = MembershipForm(form)
    with obj.database() as db:
        repository = FeeRepository(db)
        current = repository.schedule(year)
        amounts = dict(current.amounts) if current else {}
        amounts[membership_form] = fee
        repository.save_schedule(FeeSchedule(year=year, amounts=amounts))
    click.echo(f"Avgift {year} för {membership_form.label}: {format_kronor(fee)}")


@fees.command("agree")
@click.option("--member", "member_id", required=True, type=int, help="Medlemmens id.")
@click.option("--year", required=True, type=YEAR, help="Året (ÅÅÅÅ).")
@click.option("--amount", help="Avtalat belopp i kronor i stället för avgiften.")
@click.option("--exempt", is_flag=True, help="Befria medlemmen från avgiften det året.")
@click.option("--clear", is_flag=True, help="Ta bort överenskommelsen; vanlig avgift gäller.")
@click.option("--note", default="", help="Anteckning, t.ex. styrelsebeslut.")
@click.pass_obj
def agree(
    obj: CliContext,
    member_id: int,
    year: int,
    amount: str | None,
    exempt: bool,
    clear: bool,
    note: str,
) -> None:
    """Avtala ett belopp (--amount) eller befrielse (--exempt) för en medlem ett år,
    eller ta bort överenskommelsen (--clear)."""
    if [amount is not None, exempt, clear].count(True) != 1:
        raise click.UsageError("Ange exakt en av --amount, --exempt och --clear.")
    if clear and note:
        raise click.UsageError("--note används inte med --clear.")
    agreed: Decimal | None = None
    if amount is not None:
        agreed = amount_option(amount)
        if agreed == 0:
            raise click.ClickException(
                "--amount: Ett avtalat belopp måste vara större än noll; "
                "använd --exempt för att befria från avgiften."
            )
    with obj.database(create=False) as db:
        member = get_member(db, member_id)
        repository = FeeRepository(db)
        if clear:
            removed = repository.clear_override(member_id, year)
            click.echo(
                f"Tog bort överenskommelsen för {member.name} {year}; vanlig avgift gäller."
                if removed
                else f"Det fanns ingen överenskommelse för {member.name} {year}."
            )
            return
        repository.save_override(FeeOverride(member_id, year, agreed, note.strip()))
        status = FeeLedger.of(db).member_row(member_id, year).status
    if agreed is None:
        click.echo(f"{member.name} är befriad från avgiften {year}.")
    else:
        click.echo(f"Avtalat belopp för {member.name} {year}: {format_kronor(agreed)}")
    if status is FeeStatus.NOT_DUE:
        warn(f"{member.name} var inte medlem {year}; överenskommelsen påverkar ingen avgift.")


@fees.command("status")
@click.option("--year", required=True, type=YEAR, help="Året (ÅÅÅÅ).")
@format_option("table", "csv", "json", default="table")
@click.option("--unpaid", is_flag=True, help="Bara de som har obetald eller delvis betald avgift.")
@click.pass_obj
def status(obj: CliContext, year: int, fmt: str, unpaid: bool) -> None:
    """Varje medlem det året: form, avgift, betalt, kvar och status."""
    with obj.reading() as db:
        rows = _year_rows(db, year)
    if unpaid:
        rows = [r for r in rows if r.owes]
    click.echo(listing.status_table(rows).render(fmt), nl=False)


@fees.command("unpaid")
@click.option("--year", required=True, type=YEAR, help="Året (ÅÅÅÅ).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "bcc", XLSX]),
    default=None,
    help="text (standard), csv, bcc (bara e-postadresserna) eller xlsx "
    "(Excel-arbetsbok; också för -o FIL.xlsx).",
)
@output_option("påminnelselistan")
@click.pass_obj
def unpaid(obj: CliContext, year: int, fmt: str | None, output: str, force: bool) -> None:
    """Påminnelselistan: obetalda och delvis betalda med kontaktuppgifter och belopp.

    text är en lista att klistra in i ett e-brev; csv är `;`-separerad UTF-8 för Excel;
    xlsx är en Excel-arbetsbok; bcc är bara e-postadresserna på en rad (`a@x.se; b@y.se`)
    för ett e-brevs Bcc-fält. Medlemmar utan e-postadress markeras (med bcc: på stderr,
    efter "utan e-post:").
    """
    suffix = Path(output).suffix.casefold().removeprefix(".")
    fmt = file_format(fmt or (suffix if suffix in {"csv", XLSX} else "text"), output)
    target = output_target(obj, output, force=force)
    with obj.reading() as db:
        rows = listing.owing(_year_rows(db, year))
    table = listing.reminder_table(rows)
    if fmt == "bcc":  # the line alone, so that it can be piped to a clipboard
        data = _bcc(rows, year)
    elif fmt == XLSX:
        data = table.file_bytes(XLSX, title=f"Påminnelser {year}")
    elif fmt == "csv":  # the text is a letter to paste, not a table
        data = table.file_bytes("csv") if target else table.render("csv").encode()
    else:
        data = (listing.reminder_text(rows, year) + "\n").encode()
    write_output(target, data, output, f"påminnelselistan ({len(rows)} medlemmar)")


def _bcc(rows: list[MemberYear], year: int) -> bytes:
    """The addresses' line; on stderr who it leaves out, or that nobody owes."""
    if not rows:
        click.echo(f"Inga obetalda medlemsavgifter för {year}.", err=True)
        return b""
    if missing := listing.without_email_line(rows):
        click.echo(missing, err=True)
    line = listing.bcc_line(rows)
    return (line + "\n").encode() if line else b""


@fees.command("figures")
@click.option("--year", required=True, type=YEAR, help="Året (ÅÅÅÅ).")
@format_option("text", "json", default="text")
@click.pass_obj
def figures(obj: CliContext, year: int, fmt: str) -> None:
    """Betalande medlemmar det året, varav organisationer, per form; och vad som är obetalt."""
    with obj.reading() as db:
        rows = _year_rows(db, year)
    counted = paying_figures(rows, year)
    if fmt == "json":
        click.echo(listing.fee_figures_json(counted, rows))
    else:
        click.echo(listing.fee_figures_text(counted, rows))
