"""`secretariat payments …`: record, list and delete payments of membership fees."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

import click

from secretariat_tui.commands.common import CliContext, FieldErrorsForCli
from secretariat_tui.commands.fees import (
    YEAR,
    get_member,
    one_member_year,
    warn,
)
from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fees import FeeStatus, Payment
from secretariat_tui.domain.money import format_kronor, parse_amount
from secretariat_tui.exports import fees_listing as listing
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository


def stdin_is_interactive() -> bool:
    """Whether someone can answer a question (tests replace this to answer one)."""
    return sys.stdin.isatty()


@click.group()
def payments() -> None:
    """Betalningar av medlemsavgifter: registrera, lista, ta bort."""


@payments.command("add")
@click.option("--member", "member_id", required=True, type=int, help="Medlemmens id.")
@click.option("--year", required=True, type=YEAR, help="Avgiftsåret betalningen gäller (ÅÅÅÅ).")
@click.option("--amount", help="Belopp i kronor (annars det som är kvar att betala).")
@click.option("--date", "day", help="Betaldatum ÅÅÅÅ-MM-DD (annars i dag).")
@click.option("--reference", default="", help="Referens, t.ex. OCR eller verifikationsnummer.")
@click.option("--note", default="", help="Anteckning.")
@click.pass_obj
def add_payment(
    obj: CliContext,
    member_id: int,
    year: int,
    amount: str | None,
    day: str | None,
    reference: str,
    note: str,
) -> None:
    """Registrera en betalning. Utan --amount: det som är kvar att betala för året."""
    errors: dict[str, str] = {}
    given: Decimal | None = None
    if amount is not None:
        try:
            given = parse_amount(amount)
        except ValueError as err:
            errors["amount"] = str(err)
        else:
            if given <= 0:
                errors["amount"] = "Beloppet måste vara större än noll."
    paid_on = date.today()
    if day is not None:
        try:
            paid_on = parse_date(day)
        except ValueError as err:
            errors["paid_on"] = str(err)
    if errors:
        raise FieldErrorsForCli(FieldErrors(errors))
    with obj.database(create=False) as db:
        member = get_member(db, member_id)
        before = one_member_year(db, member, year)
        if given is None:
            if before.outstanding <= 0:
                raise click.ClickException(
                    f"{member.name} har inget kvar att betala för {year} "
                    f"({before.status.label.lower()}); ange --amount."
                )
            given = before.outstanding
        try:
            payment = Payment(
                member_id=member_id,
                fee_year=year,
                amount=given,
                paid_on=paid_on,
                reference=reference.strip(),
                note=note.strip(),
            )
        except FieldErrors as err:
            raise FieldErrorsForCli(err) from None
        stored = PaymentRepository(db).add(payment)
    click.echo(
        f"Registrerade betalning {stored.id}: {listing.payment_summary(stored, member.name)}"
    )
    paid = before.paid + stored.amount
    if before.status is FeeStatus.NOT_DUE:
        warn(f"{member.name} var inte medlem {year}; kontrollera avgiftsåret.")
    elif paid > before.due:
        what = (
            "är befriad från avgiften"
            if before.status is FeeStatus.EXEMPT
            else f"ska betala {format_kronor(before.due)}"
        )
        warn(
            f"överbetalning: {member.name} {what} för {year} men har nu betalat "
            f"{format_kronor(paid)} ({format_kronor(paid - before.due)} för mycket)."
        )


@payments.command("list")
@click.option("--year", type=YEAR, help="Bara betalningar för det avgiftsåret.")
@click.option("--member", "member_id", type=int, help="Bara betalningar från den medlemmen (id).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Utdataformat.",
)
@click.pass_obj
def list_payments(obj: CliContext, year: int | None, member_id: int | None, fmt: str) -> None:
    """Lista betalningarna i datumordning."""
    with obj.database(create=False) as db:
        if member_id is not None:
            get_member(db, member_id)
        repository = PaymentRepository(db)
        found = repository.for_year(year) if year is not None else repository.all()
        names = {m.id: m.name for m in MemberRepository(db).all() if m.id is not None}
    shown = listing.sorted_payments(
        p for p in found if member_id is None or p.member_id == member_id
    )
    render = {
        "table": listing.payments_table,
        "csv": listing.payments_csv,
        "json": listing.payments_json,
    }[fmt]
    click.echo(render(shown, names), nl=fmt != "csv")


@payments.command("delete")
@click.argument("payment_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Ta bort utan att fråga.")
@click.pass_obj
def delete_payment(obj: CliContext, payment_id: int, yes: bool) -> None:
    """Ta bort en felregistrerad betalning (frågar först, utom med --yes)."""
    with obj.database(create=False) as db:
        repository = PaymentRepository(db)
        payment = repository.get(payment_id)
        names = {m.id: m.name for m in MemberRepository(db).all() if m.id is not None}
        summary = listing.payment_summary(payment, listing.member_name(names, payment.member_id))
        if not yes:
            if not stdin_is_interactive():
                raise click.ClickException(
                    "Ingen terminal att fråga i: ange --yes för att ta bort utan fråga."
                )
            if not click.confirm(f"Ta bort betalning {payment_id}: {summary}?", default=False):
                click.echo("Inget togs bort.")
                return
        repository.delete(payment_id)
    click.echo(f"Tog bort betalning {payment_id}: {summary}")
