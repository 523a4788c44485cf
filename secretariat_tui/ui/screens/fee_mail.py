"""The fees screen's reminders by e-mail: every message shown, then sent on yes (in a worker
thread) or saved as ``.eml`` files in the export folder; what became of it in a message that
stays until it is closed.

The same run as ``fees send`` (``mail.fee_run``): who already got a reminder this year is
skipped and listed, as is who has no address. Each message the server accepts is recorded on
the app's loop (``call_from_thread``), the one thread that writes the register.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.worker import get_current_worker

from secretariat_tui.domain.mail import MailKind
from secretariat_tui.exports.mail_messages import Outgoing, eml_bytes, eml_filename, preview
from secretariat_tui.mail.fee_run import FeeMailRun, fee_mail_run
from secretariat_tui.mail.smtp_sender import SendOutcome, send_all, smtp_password
from secretariat_tui.publish.password import PasswordMissing
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.store.mail import SentMailRecord, fee_mail_sources
from secretariat_tui.store.output_files import OutputRefused, resolve_output, write_output_file
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.export import users_word_template
from secretariat_tui.ui.screens.file_message import FileMessageScreen, tell
from secretariat_tui.ui.screens.save_as import export_folder
from secretariat_tui.ui.widgets.key_footer import KeyFooter

NO_SERVER = (
    "Ingen e-postserver inställd. Ange den en gång: secretariat settings set smtp-host VÄRD "
    "(och smtp-user, sender-email); lösenordet i SECRETARIAT_SMTP_PASSWORD eller "
    "nyckelringen. Eller spara breven som .eml-filer (e) och skicka dem från e-postprogrammet."
)


class MailMessageScreen(FileMessageScreen):
    """The file message's dialog, titled for e-mail."""

    TITLES = ("E-breven är skickade", "E-breven skickades inte")


class MailPreviewScreen(ModalScreen[None]):
    """Every message of the run, to read before anything leaves."""

    BINDINGS = bindings(
        Command("y", "send", "Skicka", "Skicka breven (efter en fråga)", id="send"),
        Command("e", "eml", "Spara .eml", "Spara breven som .eml-filer i exportmappen", id="eml"),
        Command("escape,q", "close", "Stäng", "Stäng utan att skicka", id="close"),
    )

    def __init__(self, run: FeeMailRun, db: Database, database_path: Path) -> None:
        super().__init__()
        self.run, self.db, self.database_path = run, db, database_path

    def compose(self) -> ComposeResult:
        count = len(self.run.messages)
        title = f"E-post: {count} {self.run.kind.plural if count != 1 else self.run.kind.label}"
        with Vertical(classes="dialog preview"):
            yield Static(f"{title} {self.run.year}", classes="title", markup=False)
            with VerticalScroll():
                yield Static(preview_text(self.run), id="mail-preview-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"send", "eml"}:
            return bool(self.run.messages)
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_send(self) -> None:
        run, app = self.run, self.app
        if run.server is None:
            app.push_screen(MailMessageScreen([NO_SERVER], failed=True))
            return
        question = f"Skicka {len(run.messages)} e-brev via {run.server.where}?"

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)
                send_in_worker(app, run, lambda one: self._record(one))

        app.push_screen(ConfirmScreen(question, yes="Skicka"), answered)

    def _record(self, one: Outgoing) -> str:
        try:
            SentMailRecord(self.db).add(self.run.sent(one, datetime.now()))
        except (StoreError, OSError) as err:
            return f"{one.facts.name} ({err})"
        return ""

    def action_eml(self) -> None:
        lines, failed = save_eml(self.run, self.database_path)
        self.app.push_screen(
            MailMessageScreen(
                lines,
                failed=failed,
                title="Filerna kunde inte sparas" if failed else "Breven är sparade",
            )
        )


def preview_text(run: FeeMailRun) -> str:
    blocks = [preview(one.message) for one in run.messages]
    left_out = run.plan.lines() + [f"Kan inte skrivas: {line}" for line in run.problems]
    if not blocks:
        blocks = [f"Inga {run.kind.plural} att skicka för {run.year}."]
    return "\n\n────────\n\n".join(blocks) + ("\n\n" + "\n".join(left_out) if left_out else "")


def save_eml(run: FeeMailRun, database_path: Path) -> tuple[list[str], bool]:
    """The messages in ``<export folder>/<kind>-<year>/``; every name checked before one is
    written, so all are saved or none."""
    folder = export_folder().expanduser() / f"{run.kind.label}-{run.year}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        targets = [
            (
                resolve_output(
                    folder / eml_filename(run.kind, one.facts), database_path, replace=False
                ),
                one,
            )
            for one in run.messages
        ]
        for target, one in targets:
            write_output_file(target, eml_bytes(one.message))
    except OutputRefused as err:
        return [str(err)], True
    except OSError as err:
        return [f"{folder}: {os_reason(err)}."], True
    return [
        f"{len(targets)} .eml-filer i {folder}.",
        "Öppna dem i Outlook eller Thunderbird och skicka; de räknas inte som skickade här.",
    ], False


def send_in_worker(app: App[object], run: FeeMailRun, record: Callable[[Outgoing], str]) -> None:
    """The network in a thread; each accepted message recorded on the app's loop."""

    def work() -> None:
        unrecorded: list[str] = []

        def recorded(one: Outgoing) -> None:
            if problem := app.call_from_thread(record, one):
                unrecorded.append(problem)

        try:
            assert run.server is not None
            outcome = send_all(run.server, smtp_password(run.server), run.messages, recorded)
        except PasswordMissing as err:
            outcome = SendOutcome(failure=str(err))
        if get_current_worker().is_cancelled:
            return
        lines = outcome.lines()
        if unrecorded:
            lines.append(f"Skickat men inte antecknat: {'; '.join(unrecorded)}.")
        app.call_from_thread(_tell, app, lines, bool(outcome.failure or outcome.failed))

    app.run_worker(work, thread=True, exclusive=True, group="mail", name="mail")


def _tell(app: App[object], lines: list[str], failed: bool) -> None:
    tell(app, MailMessageScreen(lines, failed=failed))


def open_fee_mail(
    app: App[object], db: Database, database_path: Path, year: int, kind: MailKind
) -> None:
    """The reminders or the invoices of ``year`` in the mail preview, or a message saying
    what is missing. An invoice mail carries the invoice as a Word file, on the user's
    template as the export writes it."""
    try:
        template = users_word_template() if kind is MailKind.INVOICE else None
        sources = fee_mail_sources(db, kind, year)
        run = fee_mail_run(sources, kind, year, datetime.now(), word_template=template)
    except ValueError as err:
        app.push_screen(MailMessageScreen([str(err)], failed=True))
        return
    app.push_screen(MailPreviewScreen(run, db, database_path))
