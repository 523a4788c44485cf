"""`secretariat payments …`: record, list and delete payments of membership fees."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal

import click

from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.fees import YEAR, get_member, member_row, warn
from secretariat_tui.commands.field_options import field_errors, field_options, given
from secretariat_tui.commands.lazy import LazyGroup
from secretariat_tui.domain.fees import FeeStatus, MemberYear, Payment
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.payment_fields import (
    PAYMENT_CONTEXT,
    PAYMENT_FIELDS,
    parse_payment_fields,
)
from secretariat_tui.exports import fees_listing as listing
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository

# Stands in for an omitted --amount while the other flags are checked before the database is
# opened; `add` then replaces it with what is outstanding, which only the database knows.
_OUTSTANDING_LATER = "1"


def stdin_is_interactive() -> bool:
    """Whether someone can answer a question (tests replace this to answer one)."""
    return sys.stdin.isatty()


ELSEWHERE = {"import-bank": "secretariat_tui.commands.bank_import:import_bank"}
"""Subcommands declared in their own modules, imported when they run: the bank file's readers."""


@click.group(cls=LazyGroup, lazy_commands=ELSEWHERE)
def payments() -> None:
    """Betalningar av medlemsavgifter: registrera, lista, ta bort."""


@payments.command("add")
@field_options(PAYMENT_CONTEXT, required=True)
@field_options(PAYMENT_FIELDS, required=False)
@click.pass_obj
def add_payment(obj: CliContext, member_id: int, fee_year: int, **values: str | None) -> None:
    """Registrera en betalning. Utan --amount: det som är kvar att betala för året; utan
    --date: i dag."""
    amount, year = values["amount"], fee_year
    typed = _typed_payment(member_id, year, given(values))
    with obj.database(create=False) as db:
        ledger = FeeLedger.of(db)
        before = member_row(ledger, member_id, year)
        name = before.member.name
        if before.status is FeeStatus.NOT_DUE:
            raise click.ClickException(
                f"--year: {name} var inte medlem {year}; betalningen sparades inte."
            )
        if amount is None:
            if before.outstanding <= 0:
                raise click.ClickException(
                    f"{name} har inget kvar att betala för {year} "
                    f"({before.status.label.lower()}); ange --amount."
                )
            typed = replace(typed, amount=before.outstanding)
        stored = ledger.payments.add(typed)
        has_schedule = ledger.fees.schedule(year) is not None
    click.echo(f"Registrerade betalning {stored.id}: {listing.payment_summary(stored, name)}")
    if overpaid := _overpaid_note(before, stored.amount, has_schedule=has_schedule):
        warn(overpaid)


def _overpaid_note(before: MemberYear, amount: Decimal, *, has_schedule: bool) -> str | None:
    """What to point out when ``amount`` takes the year's payments past what is due, if anything."""
    paid = before.paid + amount
    if paid <= before.due:
        return None
    if before.status is FeeStatus.NO_FEE and not has_schedule:
        return listing.no_schedule_note(before.year)
    what = (
        "är befriad från avgiften"
        if before.status is FeeStatus.EXEMPT
        else f"ska betala {format_kronor(before.due)}"
    )
    return (
        f"överbetalning: {before.member.name} {what} för {before.year} men har nu betalat "
        f"{format_kronor(paid)} ({format_kronor(paid - before.due)} för mycket)."
    )


def _typed_payment(member_id: int, year: int, raw: dict[str, str]) -> Payment:
    """The flags read as the payment form is, every one checked before the database is opened."""
    today = date.today()
    raw = {"amount": _OUTSTANDING_LATER, "paid_on": today.isoformat()} | raw
    with field_errors():
        return parse_payment_fields(raw, today, member_id=member_id, fee_year=year)


@payments.command("list")
@click.option("--year", type=YEAR, help="Bara betalningar för det avgiftsåret.")
@click.option("--member", "member_id", type=int, help="Bara betalningar från den medlemmen (id).")
@format_option("table", "csv", "json", default="table")
@click.pass_obj
def list_payments(obj: CliContext, year: int | None, member_id: int | None, fmt: str) -> None:
    """Lista betalningarna i datumordning."""
    with obj.reading() as db:
        if member_id is not None:
            get_member(db, member_id)
        repository = PaymentRepository(db)
        found = repository.for_year(year) if year is not None else repository.all()
        names = {m.id: m.name for m in MemberRepository(db).all() if m.id is not None}
    shown = listing.sorted_payments(
        p for p in found if member_id is None or p.member_id == member_id
    )
    click.echo(listing.payments_table(shown, names).render(fmt), nl=False)


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
