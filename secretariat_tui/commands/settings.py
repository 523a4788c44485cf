"""`secretariat settings show|set`: the register's settings, stored in the file itself."""

from __future__ import annotations

import click

from secretariat_tui.commands.common import CliContext
from secretariat_tui.domain.settings import (
    DEFAULT_RETENTION_YEARS,
    RETENTION_MAX,
    RETENTION_MIN,
    Settings,
    parse_retention_years,
)
from secretariat_tui.store.settings import SettingsRepository

NAMES = ("retention-years",)


def _describe(settings: Settings) -> str:
    default = " (standard)" if settings.retention_years == DEFAULT_RETENTION_YEARS else ""
    return (
        f"retention-years: {settings.retention_years} år{default} – så länge efter "
        "medlemskapets slut sparas personuppgifterna innan members retention listar medlemmen "
        f"för radering ({RETENTION_MIN}–{RETENTION_MAX} år)"
    )


@click.group()
def settings() -> None:
    """Registrets inställningar (sparas i databasfilen)."""


@settings.command("show")
@click.pass_obj
def show_settings(obj: CliContext) -> None:
    """Visa inställningarna."""
    with obj.reading() as db:
        current = SettingsRepository(db).get()
    click.echo(_describe(current))


@settings.command("set")
@click.argument("name", metavar="NAMN", type=click.Choice(NAMES))
@click.argument("value", metavar="VÄRDE")
@click.pass_obj
def set_setting(obj: CliContext, name: str, value: str) -> None:
    """Ändra en inställning, t.ex. settings set retention-years 3."""
    try:
        years = parse_retention_years(value)
    except ValueError as err:
        raise click.ClickException(f"{name}: {err}") from None
    with obj.database(create=False) as db:
        repository = SettingsRepository(db)
        repository.save(Settings(retention_years=years))
        saved = repository.get()
    click.echo(f"Sparade {_describe(saved)}.")
