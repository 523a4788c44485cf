"""`secretariat members …`: list, show, add, edit, end, figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import click

from secretariat_tui.commands.common import CliContext, FieldErrorsForCli, format_option
from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.member_fields import (
    apply_edit,
    create_member,
    parse_member_fields,
    raw_fields,
)
from secretariat_tui.domain.members import MemberKind, MembershipForm
from secretariat_tui.exports import members_listing as listing
from secretariat_tui.store.members import MemberRepository


def _member_options(*, required: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The member's fields as flags: required for ``add``, all optional for ``edit``."""
    options = [
        click.option("--name", required=required, help="Namn."),
        click.option(
            "--kind",
            required=required,
            type=click.Choice([k.value for k in MemberKind]),
            help="Organisation eller enskild person.",
        ),
        click.option(
            "--form",
            required=required,
            type=click.Choice([f.value for f in MembershipForm]),
            help="Medlemsform: full (bara organisationer), individual (bara personer), networking.",
        ),
        click.option("--org-number", "org_number", help="Organisationsnummer NNNNNN-NNNN."),
        click.option("--contact", "contact_person", help="Kontaktperson."),
        click.option("--email", help="E-post."),
        click.option("--phone", help="Telefon."),
        click.option("--address", help="Postadress."),
        click.option("--joined", required=required, help="Medlem sedan (ÅÅÅÅ-MM-DD)."),
    ]

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _given(values: Mapping[str, str | None]) -> dict[str, str]:
    """Only the flags that were typed, so an edit keeps every field not mentioned."""
    return {name: value for name, value in values.items() if value is not None}


@click.group()
def members() -> None:
    """Medlemsregistret: lista, visa, lägg till, ändra, avsluta, årssiffror."""


@members.command("list")
@format_option("table", "csv", "json", default="table")
@click.option("--all", "include_ended", is_flag=True, help="Ta med avslutade medlemmar.")
@click.pass_obj
def list_members(obj: CliContext, fmt: str, include_ended: bool) -> None:
    """Lista medlemmarna i namnordning (utan --all bara de som inte har lämnat ännu)."""
    with obj.reading() as db:
        found = MemberRepository(db).all()
    today = date.today()
    shown = listing.sorted_members(m for m in found if include_ended or not m.has_left(today))
    click.echo(listing.members_table(shown, today).render(fmt), nl=False)


@members.command("show")
@click.argument("member_id", metavar="ID", type=int)
@format_option("text", "json", default="text")
@click.pass_obj
def show_member(obj: CliContext, member_id: int, fmt: str) -> None:
    """Visa alla uppgifter om en medlem, formhistoriken och rättigheterna."""
    with obj.reading() as db:
        member = MemberRepository(db).get(member_id)
    click.echo(listing.member_json(member) if fmt == "json" else listing.member_detail(member))


@members.command("add")
@_member_options(required=True)
@click.pass_obj
def add_member(obj: CliContext, **values: str | None) -> None:
    """Lägg till en medlem. Inget sparas om något fält är fel."""
    try:
        member = create_member(parse_member_fields(_given(values)))
    except FieldErrors as err:
        raise FieldErrorsForCli(err) from None
    with obj.database() as db:
        stored = MemberRepository(db).add(member)
    click.echo(f"Lade till medlem {stored.id}: {stored.name}")


@members.command("edit")
@click.argument("member_id", metavar="ID", type=int)
@_member_options(required=False)
@click.option(
    "--form-from",
    "form_from",
    help="Dag då den nya medlemsformen börjar gälla (ÅÅÅÅ-MM-DD, annars i dag).",
)
@click.pass_obj
def edit_member(obj: CliContext, member_id: int, **values: str | None) -> None:
    """Ändra en medlem; bara de flaggor som anges ändras. Ett formbyte sparas med datum."""
    changes = _given(values)
    if not changes:
        raise click.UsageError("Inget att ändra: ange minst en flagga, t.ex. --name.")
    if "form_from" in changes and "form" not in changes:
        raise click.UsageError("--form-from används bara tillsammans med --form.")
    with obj.database(create=False) as db:
        repository = MemberRepository(db)
        member = repository.get(member_id)
        try:
            draft = parse_member_fields({**raw_fields(member), **changes})
            edited = apply_edit(member, draft, date.today())
        except FieldErrors as err:
            raise FieldErrorsForCli(err) from None
        repository.update(edited)
    click.echo(f"Sparade medlem {edited.id}: {edited.name}")


@members.command("end")
@click.argument("member_id", metavar="ID", type=int)
@click.option("--date", "day", required=True, help="Sista dag som medlem (ÅÅÅÅ-MM-DD).")
@click.option("--reason", default="", help="Orsak, t.ex. utträde.")
@click.pass_obj
def end_member(obj: CliContext, member_id: int, day: str, reason: str) -> None:
    """Avsluta ett medlemskap. Medlemmen finns kvar i registret för historikens skull."""
    try:
        last_day = parse_date(day)
    except ValueError as err:
        raise click.ClickException(f"--date: {err}") from None
    with obj.database(create=False) as db:
        repository = MemberRepository(db)
        member = repository.get(member_id)
        try:
            ended = member.end(last_day, reason)
        except FieldErrors as err:
            raise FieldErrorsForCli(err) from None
        repository.update(ended)
    click.echo(f"Avslutade medlemskapet för {ended.name} per {last_day.isoformat()}")


@members.command("reopen")
@click.argument("member_id", metavar="ID", type=int)
@click.pass_obj
def reopen_member(obj: CliContext, member_id: int) -> None:
    """Ångra ett utträde som blev fel: slutdatumet tas bort och medlemmen blir aktiv igen."""
    with obj.database(create=False) as db:
        repository = MemberRepository(db)
        member = repository.get(member_id)
        try:
            reopened = member.reopen()
        except FieldErrors as err:
            raise FieldErrorsForCli(err) from None
        repository.update(reopened)
    click.echo(f"Ångrade utträdet för {reopened.name}; medlemmen är aktiv igen.")


@members.command("figures")
@click.option("--year", required=True, type=click.IntRange(1900, 2999), help="Året (ÅÅÅÅ).")
@format_option("text", "json", default="text")
@click.pass_obj
def member_figures(obj: CliContext, year: int, fmt: str) -> None:
    """Årets siffror: nya, avslutade och medlemmar vid årets slut per typ och form."""
    with obj.reading() as db:
        figures = year_figures(MemberRepository(db).all(), year)
    click.echo(listing.figures_json(figures) if fmt == "json" else listing.figures_text(figures))
