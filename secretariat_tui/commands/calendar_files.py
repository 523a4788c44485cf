"""`secretariat export …` and `secretariat import ics`: the calendar file and the annual report.

Every typed value is checked before the database is opened; an export writes one file
atomically (owner-readable only) or to standard out with ``-o -`` where the format is text;
an import shows its plan and writes it in one save, or nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import click

from secretariat_tui.commands.activities import CATEGORY
from secretariat_tui.commands.common import CliContext
from secretariat_tui.commands.field_options import YEAR, day_flag
from secretariat_tui.commands.output import (
    STDOUT,
    file_format,
    output_option,
    output_target,
    write_output,
)
from secretariat_tui.commands.report_template import SETTING, report_template
from secretariat_tui.commands.transfer import read_input
from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.date_entry import parse_date_entry
from secretariat_tui.exports.ics_calendar import IcsFilter, export_ics
from secretariat_tui.imports.ics_calendar import IcsFormatError, ics_plan_report, plan_ics_import
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.register_span import covered_years
from secretariat_tui.store.report_source import load_report_data


def in_year(today: date, year: int | None) -> date:
    """The day that lends its year to ``1/9``: with ``--year 2024`` that is 2024, not this year."""
    if year is None:
        return today
    leap_day = (today.month, today.day) == (2, 29)
    return today.replace(year=year, day=28 if leap_day else today.day)


@click.group("export")
def export_group() -> None:
    """Skriv kalenderfilen (ICS) eller verksamhetsberättelsens delar till fil."""


@click.group("import")
def import_group() -> None:
    """Läs in en kalenderfil (ICS) från Outlook, Google eller Thunderbird."""


@export_group.command("ics")
@click.option("--year", type=YEAR, help="Bara det årets aktiviteter.")
@click.option("--from", "start", metavar="DATUM", help="Från och med dagen (t.ex. 1/9 2024).")
@click.option("--to", "end", metavar="DATUM", help="Till och med dagen.")
@click.option("--category", type=CATEGORY, help=f"Bara en kategori: {CATEGORY.choices}.")
@click.option("--platform-meetings", is_flag=True, help="Bara plattformsmöten.")
@output_option("kalenderfilen")
@click.pass_obj
def export_ics_command(
    obj: CliContext,
    year: int | None,
    start: str | None,
    end: str | None,
    category: Category | None,
    platform_meetings: bool,
    output: str,
    force: bool,
) -> None:
    """Kalenderfil (.ics) att läsa in i Outlook, Google Kalender eller Thunderbird.

    Aktiviteter med bara månad (inget datum) kommer inte med; antalet sägs.
    """
    today = in_year(date.today(), year)
    first, last = day_flag(start, "--from", today), day_flag(end, "--to", today)
    if first and last and last < first:
        raise click.ClickException(f"--to: {last} ligger före --from {first}.")
    chosen = IcsFilter(
        year=year,
        start=first,
        end=last,
        category=category,
        platform_meetings_only=platform_meetings,
    )
    target = output_target(obj, output, force=force)
    with obj.reading() as db:
        items = CalendarRepository(db).items()
    result = export_ics(items, filter=chosen, stamp=datetime.now(UTC))
    if not result.events:
        raise click.ClickException("Inga aktiviteter passar urvalet; ingen fil skrevs.")
    what = f"{result.events} händelser" if result.events != 1 else "en händelse"
    write_output(target, result.data, output, what)
    if result.month_only_left_out:
        left = result.month_only_left_out
        click.echo(
            f"Obs: {left} {'aktivitet' if left == 1 else 'aktiviteter'} med bara månad "
            "kom inte med (en kalender behöver en dag).",
            err=True,
        )


SECTION_NAMES = {
    "activities": "löpande verksamhet",
    "members": "medlemskap",
    "board": "styrelse",
    "networks": "nätverk",
    "advocacy": "påverkansarbete",
    "all": "hela utkastet",
}


REPORT_FORMATS = ("md", "txt", "docx")


@export_group.command("report")
@click.option("--year", type=YEAR, required=True, help="Verksamhetsåret.")
@click.option(
    "--section",
    type=click.Choice(list(SECTION_NAMES)),
    default="all",
    show_default=True,
    help="En del av berättelsen, eller all: hela utkastet i 2024 års ordning.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default=None,
    help="md, txt eller docx; annars efter filnamnets ändelse (-o), annars md.",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),  # read and checked by report_template, in Swedish
    metavar="FIL.docx",
    help="Word-mallen att bygga på (föreningens egen); annars inställningen "
    f"{SETTING}, annars programmets mall.",
)
@output_option("texten")
@click.pass_obj
def export_report(
    obj: CliContext,
    year: int,
    section: str,
    fmt: str | None,
    template: Path | None,
    output: str,
    force: bool,
) -> None:
    """Verksamhetsberättelsen: löpande verksamhet, medlemskap, styrelse, nätverk, påverkan."""
    target = output_target(obj, output, force=force)  # the database's own files first
    fmt = file_format(fmt, output, REPORT_FORMATS)
    binary_to_terminal(fmt, output)
    template_data = report_template(fmt, template)
    from secretariat_tui.exports.annual_report import render_section  # loads python-docx

    with obj.reading() as db:
        if refused := covered_years(db, date.today().year).refusal(year):
            raise click.ClickException(f"{refused} Inget skrevs.")
        data = load_report_data(db, year)
    report = render_section(data, section, fmt, template_data)
    write_output(target, report, output, SECTION_NAMES[section])


@export_group.command("month")
@click.option(
    "--month", "month_text", required=True, metavar="MÅNAD", help="T.ex. 2024-05, maj 2024."
)
@click.option("--format", "fmt", type=click.Choice(["md", "txt"]), default="md", show_default=True)
@output_option("månadslistan")
@click.pass_obj
def export_month(obj: CliContext, month_text: str, fmt: str, output: str, force: bool) -> None:
    """En månads rader ur löpande verksamhet, t.ex. till medlemsbrevet."""
    try:
        month = parse_date_entry(month_text, date.today())
    except ValueError as err:
        raise click.ClickException(f"--month: {err}") from None
    target = output_target(obj, output, force=force)
    from secretariat_tui.exports.annual_report import render_month

    with obj.reading() as db:
        items = CalendarRepository(db).items()
    data = render_month(items, month.day.year, month.day.month, fmt)
    write_output(target, data, output, f"månadslistan för {month.describe()}")


def binary_to_terminal(fmt: str, output: str) -> None:
    if fmt == "docx" and output == STDOUT:
        raise click.UsageError("En Word-fil kan inte skrivas till standard ut; ange -o FIL.docx.")


@import_group.command("ics")
@click.argument("file", metavar="FIL", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Visa vad som skulle läsas in, men spara inget.")
@click.option(
    "--category",
    type=CATEGORY,
    default=Category.MEETING.value,
    show_default=True,
    help="Kategori för händelser som inte anger någon av våra.",
)
@click.pass_obj
def import_ics(obj: CliContext, file: Path, dry_run: bool, category: Category) -> None:
    """Läs in händelser som aktiviteter; samma UID igen uppdaterar i stället för att dubblera."""
    data = read_input(file)
    with obj.database(create=False) as db:
        calendar = CalendarRepository(db)
        try:
            plan = plan_ics_import(
                data,
                calendar.activities.all(),
                default_category=category,
                elsewhere=calendar.uids_owned_elsewhere(),
            )
        except IcsFormatError as err:
            raise click.ClickException(f"{file}: {err} Inget sparades.") from None
        for line in ics_plan_report(plan, str(file)).lines:
            click.echo(line)
        if dry_run:
            click.echo("Provkörning: inget sparades.")
            return
        if not plan.has_changes:
            click.echo("Inget nytt att spara.")
            return
        calendar.activities.save_many(plan.added, [new for _, new in plan.updated])
    click.echo(f"Sparade: {len(plan.added)} nya, {len(plan.updated)} uppdaterade.")
