"""`secretariat settings show|set`: the register's settings, stored in the file itself.

The association's details (``settings set name …``, ``settings set org-number …``) are read by
their declared fields (``domain.association_fields``), as the TUI's form reads them.
"""

from __future__ import annotations

from dataclasses import replace

import click

from secretariat_tui.commands.common import CliContext
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
from secretariat_tui.store.settings import SettingsRepository

RETENTION = "retention-years"
DETAILS = {setting_name(field): field for field in ASSOCIATION_FIELDS}
NAMES = (RETENTION, *DETAILS)


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
    return f"{name}: {value} – {field.help.rstrip('.').lower()}"


@click.group()
def settings() -> None:
    """Registrets inställningar (sparas i databasfilen)."""


@settings.command("show")
@click.pass_obj
def show_settings(obj: CliContext) -> None:
    """Visa inställningarna."""
    with obj.reading() as db:
        current = SettingsRepository(db).get()
    click.echo("\n".join(_describe(current, name) for name in NAMES))


@settings.command("set")
@click.argument("name", metavar="NAMN", type=click.Choice(NAMES))
@click.argument("value", metavar="VÄRDE")
@click.pass_obj
def set_setting(obj: CliContext, name: str, value: str) -> None:
    """Ändra en inställning, t.ex. settings set retention-years 3 eller settings set name
    "Föreningen X" (en tom text tar bort föreningens namn eller organisationsnummer)."""
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
