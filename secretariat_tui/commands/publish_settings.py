"""The publishing settings in `settings show|set`: caldav-url, caldav-user and
publish-categories, the user's own (``store.user_config``), never a password."""

from __future__ import annotations

import click

from secretariat_tui.domain.calendar_publish import (
    PASSWORD_ENV_VAR,
    calendar_url,
    categories_text,
    parse_categories,
)
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.user_config import UserConfig, load_user_config, set_publishing

URL, USER, CATEGORIES = "caldav-url", "caldav-user", "publish-categories"
NAMES = (URL, USER, CATEGORIES)


def describe(config: UserConfig, name: str) -> str:
    if name == URL:
        return (
            f"{URL}: {config.caldav_url or '(inte satt)'} – CalDAV-kalendern som calendar "
            "publish skickar till (den här datorn, bara för dig)"
        )
    if name == USER:
        return (
            f"{USER}: {config.caldav_user or '(inte satt)'} – användarnamnet på kalenderservern; "
            f"lösenordet läses från {PASSWORD_ENV_VAR} eller nyckelringen"
        )
    return (
        f"{CATEGORIES}: {categories_text(config.publish_categories)} – kategorierna som "
        "publiceras när --categories inte anges"
    )


def set_publishing_setting(name: str, value: str) -> None:
    try:
        if name == URL:
            saved = set_publishing(url=calendar_url(value))
        elif name == USER:
            if not value.strip():
                raise ValueError("ange ett användarnamn.")
            saved = set_publishing(user=value.strip())
        else:
            saved = set_publishing(categories=parse_categories(value))
    except ValueError as err:
        raise click.ClickException(f"{name}: {err}") from None
    except OSError as err:
        raise click.ClickException(f"{name}: kunde inte sparas: {os_reason(err)}.") from None
    click.echo(f"Sparade {describe(saved, name)}.")


def show_publishing() -> None:
    config = load_user_config()
    click.echo("\n".join(describe(config, name) for name in NAMES))
