"""The calendar screen's publish key: the preview in a yes/no question, then the publish in a
worker thread, and what became of it in a message that stays until it is closed.

The same ``publish.publisher`` as ``calendar publish``: the URL, user and categories are the
user's settings (``settings set caldav-url …`` or a first ``calendar publish --url … --user
…``); the password comes from ``SECRETARIAT_CALDAV_PASSWORD`` or the keyring. The network
call never runs on the app's loop: a slow server must not freeze the keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from textual.app import App
from textual.worker import get_current_worker

from secretariat_tui.domain.calendar_publish import categories_text
from secretariat_tui.publish.caldav_server import PublishError
from secretariat_tui.publish.password import caldav_password
from secretariat_tui.publish.publisher import Outcome, Preview, preview, publish
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.user_config import load_user_config
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.file_message import FileMessageScreen, tell

SHOWN_CHANGES = 10
"""Lines of the preview in the question; the rest are counted (the dialog fits 80×24)."""
NOT_SET = (
    "Ingen kalender att publicera till ännu. Ange adressen och användaren en gång: "
    "secretariat settings set caldav-url https://…/ och settings set caldav-user NAMN "
    "(eller secretariat calendar publish --url … --user …)."
)


class PublishMessageScreen(FileMessageScreen):
    """The file message's dialog, titled for a publish."""

    TITLES = ("Kalendern är publicerad", "Publiceringen misslyckades")


def start_publish(app: App[object], calendar: CalendarRepository) -> None:
    """Show what a publish would change and, on yes, publish."""
    config = load_user_config()
    if not config.caldav_url or not config.caldav_user:
        app.push_screen(PublishMessageScreen([NOT_SET], failed=True))
        return
    planned = preview(
        calendar.items(), config.caldav_url, config.publish_categories, datetime.now(UTC)
    )
    question = _question(planned, categories_text(config.publish_categories))

    def answered(yes: bool | None) -> None:
        if yes:
            run_publish(app, planned, config.caldav_user)

    app.push_screen(ConfirmScreen(question, yes="Publicera"), answered)


def run_publish(app: App[object], planned: Preview, user: str) -> None:
    def work() -> None:
        try:
            outcome = publish(planned, user, caldav_password(planned.url, user))
        except PublishError as err:
            outcome = Outcome(failure=str(err))
        if not get_current_worker().is_cancelled:
            app.call_from_thread(_tell, app, outcome)

    app.run_worker(work, thread=True, exclusive=True, group="publish", name="publish")


def _question(planned: Preview, categories: str) -> str:
    lines = planned.lines()
    changes = lines[1:]
    more = len(changes) - SHOWN_CHANGES
    shown: Sequence[str] = changes[:SHOWN_CHANGES] + ([f"… och {more} till"] if more > 0 else [])
    return "\n".join([f"Publicera {categories} i {planned.url}?", lines[0], *shown])


def _tell(app: App[object], outcome: Outcome) -> None:
    tell(app, PublishMessageScreen([outcome.message()], failed=bool(outcome.failure)))
