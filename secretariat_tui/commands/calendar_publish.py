"""`secretariat calendar publish`: the platform meetings to the shared CalDAV calendar, or as
one subscribable ``.ics`` file (``--to MAPP``).

The URL and user are remembered (the user's own settings) once given; the password is read
from ``SECRETARIAT_CALDAV_PASSWORD`` or the keyring, never stored by us. The preview is
printed before anything is sent; ``--dry-run`` stops there, without the network.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from secretariat_tui.commands.common import CliContext
from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.calendar_publish import (
    calendar_url,
    categories_text,
    parse_categories,
)
from secretariat_tui.publish.caldav_server import PublishError
from secretariat_tui.publish.password import caldav_password
from secretariat_tui.publish.publisher import (
    SUBSCRIPTION_FILENAME,
    calendar_file,
    preview,
    publish,
)
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.output_files import OutputRefused, resolve_output, write_output_file
from secretariat_tui.store.user_config import UserConfig, load_user_config, set_publishing


@click.group("calendar")
def calendar_group() -> None:
    """Den delade kalendern som medlemmarna prenumererar på."""


@calendar_group.command("publish")
@click.option("--url", metavar="ADRESS", help="CalDAV-kalenderns adress (sparas till nästa gång).")
@click.option("--user", metavar="ANVÄNDARE", help="Användarnamnet på servern (sparas).")
@click.option(
    "--categories",
    metavar="KATEGORIER",
    help="Kategorier att publicera, med komma emellan; annars inställningen "
    "publish-categories (plattformsmöte).",
)
@click.option("--dry-run", is_flag=True, help="Visa bara vad som skulle ändras; skicka inget.")
@click.option(
    "--to",
    "folder",
    type=click.Path(path_type=Path),
    metavar="MAPP",
    help=f"Skriv kalendern som en fil, {SUBSCRIPTION_FILENAME}, i mappen i stället.",
)
@click.pass_obj
def publish_command(
    obj: CliContext,
    url: str | None,
    user: str | None,
    categories: str | None,
    dry_run: bool,
    folder: Path | None,
) -> None:
    """Publicera plattformsmötena i den delade kalendern: nya läggs till, ändrade uppdateras
    och borttagna tas bort; andras händelser i kalendern rörs aldrig.

    Lösenordet läses från SECRETARIAT_CALDAV_PASSWORD eller nyckelringen, aldrig från en fil.
    """
    config = load_user_config()
    chosen = _categories(categories, config)
    with obj.reading() as db:
        items = CalendarRepository(db).items()
    stamp = datetime.now(UTC)
    if folder is not None:
        _write_file(obj, folder, calendar_file(items, chosen, stamp).data, dry_run)
        return
    target, account = _where(url, user, config)
    planned = preview(items, target, chosen, stamp)
    click.echo("\n".join([f"{target} ({categories_text(chosen)}):", *planned.lines()]))
    if dry_run:
        return
    try:
        password = caldav_password(target, account)
    except PublishError as err:
        raise click.ClickException(str(err)) from None
    outcome = publish(planned, account, password)
    if outcome.failure:
        raise click.ClickException(outcome.message())
    click.echo(outcome.message())


def _categories(text: str | None, config: UserConfig) -> tuple[Category, ...]:
    if text is None:
        return config.publish_categories
    try:
        return parse_categories(text)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--categories") from None


def _where(url: str | None, user: str | None, config: UserConfig) -> tuple[str, str]:
    """The calendar and the user, remembered when given; a usage error saying how when not."""
    try:
        target = calendar_url(url) if url is not None else config.caldav_url
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--url") from None
    account = (user or "").strip() or config.caldav_user
    if not target or not account:
        missing = "--url ADRESS" if not target else "--user ANVÄNDARE"
        raise click.UsageError(
            f"Ingen kalender att publicera till: ange {missing} (sparas till nästa gång), "
            "eller settings set caldav-url/caldav-user."
        )
    if (target, account) != (config.caldav_url, config.caldav_user):
        try:
            set_publishing(url=target, user=account)
        except OSError as err:
            click.echo(f"Obs: adressen kunde inte sparas: {os_reason(err)}.", err=True)
    return target, account


def _write_file(obj: CliContext, folder: Path, data: bytes, dry_run: bool) -> None:
    """Replaced each time: subscribers read the same name again (that is what they follow)."""
    try:
        target = resolve_output(folder / SUBSCRIPTION_FILENAME, obj.db_path, replace=True)
    except OutputRefused as err:
        raise click.ClickException(f"--to: {err}") from None
    if dry_run:
        click.echo(f"Skulle skriva {target}.")
        return
    try:
        write_output_file(target, data)
    except OSError as err:
        raise click.ClickException(f"{target} kunde inte skrivas: {os_reason(err)}.") from None
    click.echo(f"Skrev {target}.")
