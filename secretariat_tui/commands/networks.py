"""`secretariat networks …`: the network memberships and the participation in each.

Participation is never typed as a number: it is the activities whose ``--network`` names the
network, counted for a year in the list and listed by `show`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import click

from secretariat_tui.commands.calendar_common import confirmed, fetch, nothing_to_change
from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.fees import YEAR
from secretariat_tui.commands.field_options import check_given, field_errors, field_options, given
from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.network_fields import (
    NETWORK_FIELDS,
    NETWORK_LABELS,
    edited_network,
    network_fields,
    parse_network_fields,
)
from secretariat_tui.domain.networks import (
    NetworkMembership,
    participations,
    participations_by_network,
)
from secretariat_tui.exports.table import Table
from secretariat_tui.exports.tabular import aligned, to_json
from secretariat_tui.store.calendar import CalendarRepository, NetworkInUse


def _period(network: NetworkMembership) -> str:
    since = network.since.isoformat() if network.since else ""
    until = network.until.isoformat() if network.until else ""
    if since and until:
        return f"{since}–{until}"
    return f"sedan {since}" if since else (f"till {until}" if until else "")


def _object(network: NetworkMembership, taken: Sequence[Activity]) -> dict[str, Any]:
    return {
        "id": network.id,
        **network_fields(network),
        "since": network.since.isoformat() if network.since else None,
        "until": network.until.isoformat() if network.until else None,
        "participations": [
            {"id": a.id, "date": a.when.iso(), "title": a.title, "category": a.category.value}
            for a in taken
        ],
    }


@click.group()
def networks() -> None:
    """Nätverksmedlemskap: lista, visa med deltagande, lägg till, ändra, ta bort."""


@networks.command("list")
@click.option("--year", type=YEAR, help="Året deltagandet räknas för (ÅÅÅÅ); annars i år.")
@format_option("table", "csv", "json", default="table")
@click.pass_obj
def list_networks(obj: CliContext, year: int | None, fmt: str) -> None:
    """Alla nätverk i namnordning, med antalet aktiviteter i dem under året."""
    year = year or date.today().year
    with obj.reading() as db:
        calendar = CalendarRepository(db)
        found = sorted(calendar.networks.all(), key=lambda n: swedish_key(n.name))
        done = calendar.activities.all()
    taken = participations_by_network(done, year)
    counted = [(n, taken.get(n.id or 0, [])) for n in found]
    header = ("Id", "Nätverk", "Arrangör", "Roll", "Period", "Träffas", f"Deltagande {year}")
    table = Table(
        header,
        [(str(n.id), n.name, n.organiser, n.role, _period(n), n.meets, len(t)) for n, t in counted],
        right=[6],
        empty="Inga nätverk registrerade.",
        records=[{**_object(n, t), "year": year} for n, t in counted],
    )
    click.echo(table.render(fmt), nl=False)


@networks.command("show")
@click.argument("network_id", metavar="ID", type=int)
@click.option("--year", type=YEAR, help="Bara deltagandet det året (ÅÅÅÅ); annars alla år.")
@format_option("text", "json", default="text")
@click.pass_obj
def show_network(obj: CliContext, network_id: int, year: int | None, fmt: str) -> None:
    """Ett nätverk med alla uppgifter och de aktiviteter som var deltagande i det."""
    with obj.reading() as db:
        calendar = CalendarRepository(db)
        network = fetch(calendar.networks, network_id)
        taken = participations(network_id, calendar.activities.all(), year)
    if fmt == "json":
        click.echo(to_json(_object(network, taken)))
        return
    values = network_fields(network)
    rows = [(f"{label}:", values[name] or "–") for name, label in NETWORK_LABELS.items()]
    click.echo(aligned([("Id:", str(network.id)), *rows]))
    when = f" {year}" if year else ""
    click.echo("")
    if not taken:
        click.echo(f"Inget deltagande{when} registrerat.")
        return
    click.echo(f"Deltagande{when} ({len(taken)}):")
    click.echo(aligned([(f"  {a.id}", a.when.iso(), a.title) for a in taken]))


@networks.command("add")
@field_options(NETWORK_FIELDS, required=True)
@click.pass_obj
def add_network(obj: CliContext, **values: str | None) -> None:
    """Lägg till ett nätverksmedlemskap. Inget sparas om något fält är fel."""
    with field_errors():
        network = parse_network_fields(given(values), date.today())
    with obj.database() as db:
        stored = CalendarRepository(db).networks.add(network)
    click.echo(f"Lade till nätverk {stored.id}: {stored.name}")


@networks.command("edit")
@click.argument("network_id", metavar="ID", type=int)
@field_options(NETWORK_FIELDS, required=False)
@click.pass_obj
def edit_network(obj: CliContext, network_id: int, **values: str | None) -> None:
    """Ändra ett nätverk; bara de flaggor som anges ändras, ett tomt värde tömmer fältet."""
    nothing_to_change(values, "--until")
    today, changes = date.today(), given(values)
    check_given(NETWORK_FIELDS, changes, today)
    with obj.database(create=False) as db:
        repository = CalendarRepository(db).networks
        network = fetch(repository, network_id)
        with field_errors():
            edited = edited_network(network, changes, today)
        repository.update(edited)
    click.echo(f"Sparade nätverk {network_id}: {edited.name}")


@networks.command("delete")
@click.argument("network_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Ta bort utan att fråga.")
@click.pass_obj
def delete_network(obj: CliContext, network_id: int, yes: bool) -> None:
    """Ta bort ett nätverk som ingen aktivitet hör till (annars: ange ett slutdatum)."""
    with obj.database(create=False) as db:
        calendar = CalendarRepository(db)
        network = fetch(calendar.networks, network_id)
        linked = participations(network_id, calendar.activities.all())
        if linked:
            raise click.ClickException(str(NetworkInUse(network, len(linked))))
        if not confirmed(f"Ta bort nätverk {network_id}: {network.name}?", yes):
            return
        calendar.delete_network(network_id)
    click.echo(f"Tog bort nätverk {network_id}: {network.name}")
