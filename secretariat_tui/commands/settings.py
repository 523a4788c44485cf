"""`secretariat settings show|set`: the register's settings, stored in the file itself, and
the user's own (the export folder, the report's Word template, where the calendar is
published), stored on this machine for this user only: paths to this machine's files, and
this user's account on the calendar server.

The association's details (``settings set name …``, ``settings set org-number …``) are read by
their declared fields (``domain.association_fields``), as the TUI's form reads them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from secretariat_tui.commands import publish_settings
from secretariat_tui.commands.common import CliContext
from secretariat_tui.commands.report_template import SETTING as TEMPLATE
from secretariat_tui.commands.report_template import template_bytes
from secretariat_tui.domain.association_fields import (
    ASSOCIATION_FIELDS,
    association_text,
    parse_association_fields,
    setting_name,
)
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.settings import (
    DEFAULT_RETENTION_YEARS,
    RETENTION_MAX,
    RETENTION_MIN,
    Settings,
    parse_retention_years,
)
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.store.user_config import (
    load_user_config,
    set_export_folder,
    set_report_template,
)

RETENTION = "retention-years"
FOLDER = "export-folder"
DETAILS = {setting_name(field): field for field in ASSOCIATION_FIELDS}
USERS_OWN = (FOLDER, TEMPLATE, *publish_settings.NAMES)
NAMES = (RETENTION, *DETAILS, *USERS_OWN)


def _describe_retention(settings: Settings) -> str:
    default = " (standard)" if settings.retention_years == DEFAULT_RETENTION_YEARS else ""
    return (
        f"{RETENTION}: {settings.retention_years} år{default} – så länge efter "
        "medlemskapets slut sparas personuppgifterna innan members retention listar medlemmen "
        f"för radering ({RETENTION_MIN}–{RETENTION_MAX} år)"
    )


def _describe(settings: Settings, name: str) -> str:
    if name == RETENTION:
        return _describe_retention(settings)
    field = DETAILS[name]
    value = association_text(settings)[field.name] or "(inte satt)"
    about = field.help.rstrip(".")
    return f"{name}: {value} – {about[:1].lower()}{about[1:]}"


def _describe_folder(folder: Path) -> str:
    return (
        f"export-folder: {folder} – där TUI:ns dialoger sparar filer (den här datorn, bara "
        "för dig; skapas när den första filen sparas). Kommandonas -o utgår från mappen du står i."
    )


def _describe_template(template: Path | None) -> str:
    chosen = template or "(programmets mall)"
    return (
        f"{TEMPLATE}: {chosen} – Word-mallen som verksamhetsberättelsen byggs på (den här "
        "datorn, bara för dig; en tom text tar tillbaka programmets mall)"
    )


@click.group()
def settings() -> None:
    """Inställningar: registrets (i databasfilen), exportmappen och Word-mallen (dina, på den
    här datorn)."""


@settings.command("show")
@click.pass_obj
def show_settings(obj: CliContext) -> None:
    """Visa inställningarna."""
    with obj.reading() as db:
        current = SettingsRepository(db).get()
    click.echo("\n".join(_describe(current, name) for name in NAMES if name not in USERS_OWN))
    publish_settings.show_publishing()
    config = load_user_config()
    click.echo(_describe_folder(config.export_folder))
    click.echo(_describe_template(config.report_template))


@settings.command("set")
@click.argument("name", metavar="NAMN", type=click.Choice(NAMES))
@click.argument("value", metavar="VÄRDE")
@click.pass_obj
def set_setting(obj: CliContext, name: str, value: str) -> None:
    """Ändra en inställning, t.ex. settings set retention-years 3 eller settings set name
    "Föreningen X" (en tom text tar bort föreningens namn eller organisationsnummer)."""
    if name == FOLDER:
        _set_folder(value)
        return
    if name == TEMPLATE:
        _set_template(value)
        return
    if name in publish_settings.NAMES:
        publish_settings.set_publishing_setting(name, value)
        return
    with obj.database(create=False) as db:
        repository = SettingsRepository(db)
        current = repository.get()
        try:
            if name == RETENTION:
                changed = replace(current, retention_years=parse_retention_years(value))
            else:
                changed = parse_association_fields({DETAILS[name].name: value}, current)
        except FieldErrors as err:
            raise click.ClickException(f"{name}: {' '.join(err.errors.values())}") from None
        except ValueError as err:
            raise click.ClickException(f"{name}: {err}") from None
        repository.save(changed)
        saved = repository.get()
    click.echo(f"Sparade {_describe(saved, name)}.")


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


def _set_template(value: str) -> None:
    """Checked as ``--template`` is (a readable Word file), so the next report does not fail."""
    template = None
    if value.strip():
        template = Path(value.strip()).expanduser().absolute()
        template_bytes(template, TEMPLATE, nothing="Inget sparades.")
    try:
        saved = set_report_template(template)
    except OSError as err:
        raise click.ClickException(f"{TEMPLATE}: kunde inte sparas: {os_reason(err)}.") from None
    click.echo(f"Sparade {_describe_template(saved.report_template)}.")
