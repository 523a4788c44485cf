"""`secretariat activities …`: the monthly calendar (list) and the activity register (add, edit,
delete).

The list shows the calendar as the report has it: activities, the submissions that have left
the house and the annual meetings, each marked by its source. Only activities are edited here;
an id of another source (``påverkan-3``) is refused with a pointer to where it is edited. Any
item of the list can be moved up or down in its month (``move``), as in the TUI's year list.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from secretariat_tui.commands.calendar_common import (
    RecordId,
    delete_asked,
    fetch,
    find_network,
    nothing_to_change,
)
from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.fees import YEAR, warn
from secretariat_tui.commands.field_options import (
    ChoiceOf,
    check_given,
    field_errors,
    field_options,
    given,
)
from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.activity_fields import (
    ACTIVITY_FIELDS,
    edited_activity,
    parse_activity_fields,
)
from secretariat_tui.domain.calendar import CalendarItem, Source, in_month
from secretariat_tui.domain.date_entry import (
    MONTH_NAMES,
    parse_date_entry,
)
from secretariat_tui.domain.fields import yes_no
from secretariat_tui.exports.table import Cell, Table
from secretariat_tui.store.calendar import CalendarRepository

CATEGORY = ChoiceOf.of(ACTIVITY_FIELDS, "category")


def _summary(activity: Activity) -> str:
    return f"{activity.when.iso()} {activity.title} ({activity.category.value})"


def _network_id(calendar: CalendarRepository, network: str | None) -> dict[str, str]:
    """``--network`` as the id text the fields hold; an empty value unlinks."""
    if network is None:
        return {}
    if not network.strip():
        return {"network_id": ""}
    return {"network_id": str(find_network(network, calendar.networks.all()).id)}


@click.group()
def activities() -> None:
    """Kalendern: lista månad för månad; lägg till, ändra och ta bort aktiviteter."""


@activities.command("add")
@field_options(ACTIVITY_FIELDS, required=True)
@click.pass_obj
def add_activity(obj: CliContext, network_id: str | None, **values: object) -> None:
    """Lägg till en aktivitet. Inget sparas om något fält är fel."""
    network, today, raw = network_id, date.today(), given(values)
    with field_errors():
        parse_activity_fields(raw, today)
    with obj.database(create=network is None) as db:
        calendar = CalendarRepository(db)
        with field_errors():
            activity = parse_activity_fields({**raw, **_network_id(calendar, network)}, today)
        stored = calendar.activities.add(activity)
    click.echo(f"Lade till aktivitet {stored.id}: {_summary(stored)}")
    if stored.month_only:
        warn("bara månaden är angiven, så aktiviteten kommer inte med i ICS-kalendern.")


@activities.command("edit")
@click.argument("activity_id", metavar="ID", type=RecordId(Source.ACTIVITY))
@field_options(ACTIVITY_FIELDS, required=False)
@click.pass_obj
def edit_activity(
    obj: CliContext, activity_id: int, network_id: str | None, **values: object
) -> None:
    """Ändra en aktivitet; bara de flaggor som anges ändras, ett tomt värde tömmer fältet."""
    network, today = network_id, date.today()
    nothing_to_change({**values, "network": network}, "--title")
    changes = given(values)
    check_given(ACTIVITY_FIELDS, changes, today)
    with obj.database(create=False) as db:
        calendar = CalendarRepository(db)
        activity = fetch(calendar.activities, activity_id)
        with field_errors():
            edited = edited_activity(activity, {**changes, **_network_id(calendar, network)}, today)
        calendar.activities.update(edited)
    click.echo(f"Sparade aktivitet {activity_id}: {_summary(edited)}")


@activities.command("delete")
@click.argument("activity_id", metavar="ID", type=RecordId(Source.ACTIVITY))
@click.option("--yes", is_flag=True, help="Ta bort utan att fråga.")
@click.pass_obj
def delete_activity(obj: CliContext, activity_id: int, yes: bool) -> None:
    """Ta bort en aktivitet. Inlagor och årsmöten tas bort i sina egna register."""
    with obj.database(create=False) as db:
        delete_asked(CalendarRepository(db).activities, activity_id, "aktivitet", _summary, yes)


@activities.command("move")
@click.argument("item_id", metavar="ID")
@click.option("--up", "step", flag_value=-1, help="Ett steg upp i månadens ordning.")
@click.option("--down", "step", flag_value=1, help="Ett steg ned i månadens ordning.")
@click.pass_obj
def move_item(obj: CliContext, item_id: str, step: int | None) -> None:
    """Flytta en rad ett steg upp eller ned i sin månad (ordningen i verksamhetsberättelsen).

    ID som i activities list: en aktivitets nummer, eller påverkan-3, årsmöte-2."""
    if step is None:
        raise click.UsageError("Ange --up eller --down.")
    key = f"{Source.ACTIVITY.value}-{item_id.strip()}" if item_id.strip().isdigit() else item_id
    key = key.strip().casefold()
    with obj.database(create=False) as db:
        calendar = CalendarRepository(db)
        items = {i.key: i for i in calendar.items()}
        item = items.get(key)
        if item is None:
            raise click.ClickException(f"”{item_id}” finns inte i kalendern; se activities list.")
        year, month = item.day.year, item.day.month
        shown = [i.key for i in in_month(items.values(), year, month)]
        if not calendar.move(key, shown, step):
            edge = "först" if step < 0 else "sist"
            click.echo(f"{item.title} står redan {edge} i {MONTH_NAMES[month - 1]} {year}.")
            return
        order = [i.key for i in in_month(calendar.items(), year, month)]
    place = order.index(key) + 1
    click.echo(
        f"Flyttade {item.title}: plats {place} av {len(order)} i {MONTH_NAMES[month - 1]} {year}."
    )


# --- the calendar list ---------------------------------------------------------------------------


def _month(text: str, year: int | None) -> tuple[int, int]:
    """``--month`` as (year, month): ``2024-05``, ``maj`` or ``5`` (the last two in ``--year``)."""
    base = year or date.today().year
    if text.strip().isdigit() and 1 <= int(text) <= 12:
        return base, int(text)
    try:
        entered = parse_date_entry(text, date(base, 1, 1))
    except ValueError as err:
        raise click.ClickException(f"--month: {err}") from None
    if not entered.month_only:
        raise click.ClickException(
            f"--month: ”{text}” är en dag; ange en månad, t.ex. maj eller {base}-05."
        )
    if year is not None and entered.day.year != year:
        raise click.ClickException(f"--month: {entered.describe()} ligger inte i --year {year}.")
    return entered.day.year, entered.day.month


def _item_id(item: CalendarItem) -> str:
    """An activity's own id (what edit takes); for the other sources the key, never mistaken."""
    return str(item.source_id) if item.source is Source.ACTIVITY else item.key


LIST_HEADERS = ("Id", "Datum", "Tid", "Kategori", "Rubrik", "Plats", "Källa", "I berättelsen")
WIDE = (5, 7)
"""Plats and I berättelsen: only in CSV, too wide for a terminal."""


def _row(item: CalendarItem) -> tuple[Cell, ...]:
    """The category is a choice: its label in the terminal, its value in CSV."""
    return (
        _item_id(item),
        item.date_text,
        item.time_text,
        item.category,
        item.title,
        item.location,
        item.source.value,
        yes_no(item.in_report),
    )


def _item_object(item: CalendarItem) -> dict[str, Any]:
    return {
        "key": item.key,
        "source": item.source.value,
        "id": item.source_id,
        "date": item.when.iso(),
        "until": item.ends_on.isoformat() if item.ends_on else None,
        "start": f"{item.starts_at:%H:%M}" if item.starts_at else None,
        "end": f"{item.ends_at:%H:%M}" if item.ends_at else None,
        "category": item.category.value,
        "title": item.title,
        "location": item.location,
        "participants": item.participants,
        "notes": item.notes,
        "in_report": item.in_report,
        "network_id": item.network_id,
        "uid": item.uid,
    }


@activities.command("list")
@click.option("--year", type=YEAR, help="Året (ÅÅÅÅ); annars i år.")
@click.option("--month", help="Bara en månad: 2024-05, maj eller 5.")
@click.option("--category", type=CATEGORY, help=f"Bara en kategori: {CATEGORY.choices}.")
@click.option("--only-activities", is_flag=True, help="Utan inlagor och årsmöten.")
@format_option("table", "csv", "json", default="table")
@click.pass_obj
def list_activities(
    obj: CliContext,
    year: int | None,
    month: str | None,
    category: Category | None,
    only_activities: bool,
    fmt: str,
) -> None:
    """Årets kalender månad för månad i kalenderns ordning: aktiviteter, inskickade inlagor och
    årsmöten (källa)."""
    if month:
        year, chosen = _month(month, year)
        months, period = [chosen], f"i {MONTH_NAMES[chosen - 1]} {year}"
    else:
        year = year or date.today().year
        months, period = list(range(1, 13)), str(year)
    with obj.reading() as db:
        items = CalendarRepository(db).items()
    shown = [
        i
        for m in months
        for i in in_month(items, year, m)
        if (category is None or i.category is category)
        and (not only_activities or i.source is Source.ACTIVITY)
    ]
    what = f" i kategorin {category.value}" if category else ""
    table = Table(
        LIST_HEADERS,
        [_row(i) for i in shown],
        wide=WIDE,
        empty=f"Inget i kalendern{what} {period}.",
        records=[_item_object(i) for i in shown],
    )
    click.echo(table.render(fmt), nl=False)
