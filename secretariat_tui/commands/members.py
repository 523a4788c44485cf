"""`secretariat members …`: list, show, add, edit, end, figures.

The register's other commands live with their kind of work and load only when run: the
personal data commands (``personal_data.py``) and the CSV transfer (``transfer.py``).
"""

from __future__ import annotations

from datetime import date

import click

from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.field_options import (
    YEAR,
    check_given,
    field_errors,
    field_options,
    given,
)
from secretariat_tui.commands.lazy import LazyGroup
from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.member_fields import (
    END_FIELDS,
    MEMBER_FIELDS,
    NEW_MEMBER_FIELDS,
    apply_edit,
    create_member,
    end_membership,
    parse_member_fields,
    raw_fields,
)
from secretariat_tui.exports import members_listing as listing
from secretariat_tui.store.members import MemberRepository

ELSEWHERE = {
    "extract": "secretariat_tui.commands.personal_data:extract_member",
    "erase": "secretariat_tui.commands.personal_data:erase_member_command",
    "retention": "secretariat_tui.commands.personal_data:retention",
    "export": "secretariat_tui.commands.transfer:export_members",
    "import": "secretariat_tui.commands.transfer:import_members",
}


@click.group(cls=LazyGroup, lazy_commands=ELSEWHERE)
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
@field_options(NEW_MEMBER_FIELDS, required=True)
@click.pass_obj
def add_member(obj: CliContext, **values: str | None) -> None:
    """Lägg till en medlem. Inget sparas om något fält är fel."""
    with field_errors():
        member = create_member(parse_member_fields(given(values), date.today()))
    with obj.database() as db:
        stored = MemberRepository(db).add(member)
    click.echo(f"Lade till medlem {stored.id}: {stored.name}")


@members.command("edit")
@click.argument("member_id", metavar="ID", type=int)
@field_options(MEMBER_FIELDS, required=False)
@click.pass_obj
def edit_member(obj: CliContext, member_id: int, **values: str | None) -> None:
    """Ändra en medlem; bara de flaggor som anges ändras. Ett formbyte sparas med datum."""
    today, changes = date.today(), given(values)
    if not changes:
        raise click.UsageError("Inget att ändra: ange minst en flagga, t.ex. --name.")
    if "form_from" in changes and "form" not in changes:
        raise click.UsageError("--form-from används bara tillsammans med --form.")
    with obj.database(create=False) as db:
        repository = MemberRepository(db)
        member = repository.get(member_id)
        with field_errors():
            draft = parse_member_fields({**raw_fields(member), **changes}, today)
            edited = apply_edit(member, draft, today)
        repository.update(edited)
    click.echo(f"Sparade medlem {edited.id}: {edited.name}")


@members.command("end")
@click.argument("member_id", metavar="ID", type=int)
@field_options(END_FIELDS, required=True)
@click.pass_obj
def end_member(obj: CliContext, member_id: int, **values: str | None) -> None:
    """Avsluta ett medlemskap. Medlemmen finns kvar i registret för historikens skull."""
    today, raw = date.today(), given(values)
    check_given(END_FIELDS, raw, today)
    with obj.database(create=False) as db:
        repository = MemberRepository(db)
        member = repository.get(member_id)
        with field_errors():
            ended = end_membership(member, raw, today)
        repository.update(ended)
    assert ended.ended is not None
    click.echo(f"Avslutade medlemskapet för {ended.name} per {ended.ended.isoformat()}")


@members.command("reopen")
@click.argument("member_id", metavar="ID", type=int)
@click.pass_obj
def reopen_member(obj: CliContext, member_id: int) -> None:
    """Ångra ett utträde som blev fel: slutdatumet tas bort och medlemmen blir aktiv igen."""
    with obj.database(create=False) as db:
        repository = MemberRepository(db)
        member = repository.get(member_id)
        with field_errors():
            reopened = member.reopen()
        repository.update(reopened)
    click.echo(f"Ångrade utträdet för {reopened.name}; medlemmen är aktiv igen.")


@members.command("figures")
@click.option("--year", required=True, type=YEAR, help="Året (ÅÅÅÅ).")
@format_option("text", "json", default="text")
@click.pass_obj
def member_figures(obj: CliContext, year: int, fmt: str) -> None:
    """Årets siffror: nya, avslutade och medlemmar vid årets slut per typ och form."""
    with obj.reading() as db:
        figures = year_figures(MemberRepository(db).all(), year)
    click.echo(listing.figures_json(figures) if fmt == "json" else listing.figures_text(figures))
