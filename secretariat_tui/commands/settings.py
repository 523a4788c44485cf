"""`secretariat settings show|set`: the register's settings, stored in the file itself, and
the user's own (the export folder), stored on this machine for this user only."""

from __future__ import annotations

from pathlib import Path

import click

from secretariat_tui.commands.common import CliContext
from secretariat_tui.domain.settings import (
    DEFAULT_RETENTION_YEARS,
    RETENTION_MAX,
    RETENTION_MIN,
    Settings,
    parse_retention_years,
)
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.store.user_config import load_user_config, set_export_folder

NAMES = ("retention-years", "export-folder")


def _describe(settings: Settings) -> str:
    default = " (standard)" if settings.retention_years == DEFAULT_RETENTION_YEARS else ""
    return (
        f"retention-years: {settings.retention_years} år{default} – så länge efter "
        "medlemskapets slut sparas personuppgifterna innan members retention listar medlemmen "
        f"för radering ({RETENTION_MIN}–{RETENTION_MAX} år)"
    )


def _describe_folder(folder: Path) -> str:
    return (
        f"export-folder: {folder} – där TUI:ns dialoger sparar filer (den här datorn, bara "
        "för dig; skapas när den första filen sparas). Kommandonas -o utgår från mappen du står i."
    )


@click.group()
def settings() -> None:
    """Inställningar: registrets (i databasfilen) och exportmappen (din, på den här datorn)."""


@settings.command("show")
@click.pass_obj
def show_settings(obj: CliContext) -> None:
    """Visa inställningarna."""
    with obj.reading() as db:
        current = SettingsRepository(db).get()
    click.echo(_describe(current))
    click.echo(_describe_folder(load_user_config().export_folder))


@settings.command("set")
@click.argument("name", metavar="NAMN", type=click.Choice(NAMES))
@click.argument("value", metavar="VÄRDE")
@click.pass_obj
def set_setting(obj: CliContext, name: str, value: str) -> None:
    """Ändra en inställning, t.ex. settings set retention-years 3."""
    if name == "export-folder":
        _set_folder(value)
        return
    try:
        years = parse_retention_years(value)
    except ValueError as err:
        raise click.ClickException(f"{name}: {err}") from None
    with obj.database(create=False) as db:
        repository = SettingsRepository(db)
        repository.save(Settings(retention_years=years))
        saved = repository.get()
    click.echo(f"Sparade {_describe(saved)}.")


def _set_folder(value: str) -> None:
    """A relative folder is taken from where the command is run, as every path it is given."""
    if not value.strip():
        raise click.ClickException("export-folder: ange en mapp.")
    folder = Path(value.strip()).expanduser().absolute()
    if folder.exists() and not folder.is_dir():
        raise click.ClickException(f"export-folder: {folder} är ingen mapp.")
    try:
        saved = set_export_folder(folder)
    except OSError as err:
        raise click.ClickException(f"export-folder: kunde inte sparas: {os_reason(err)}.") from None
    click.echo(f"Sparade {_describe_folder(saved.export_folder)}.")
