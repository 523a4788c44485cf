"""`secretariat fees send` and `fees mail-text`: invoices and reminders by e-mail.

Every message is printed before anything leaves; nothing is sent without a yes (``--yes`` for
scripts); ``--dry-run`` stops after the preview, without the network; ``--eml MAPP`` saves the
messages as files to send from Outlook or Thunderbird instead. Each message the server
accepted is recorded on the member, so a second run skips who already got one (``--again``
sends anyway); a member without an address is listed, never skipped in silence.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from secretariat_tui.commands import calendar_common
from secretariat_tui.commands.common import CliContext
from secretariat_tui.commands.field_options import YEAR
from secretariat_tui.commands.report_template import report_template
from secretariat_tui.domain.mail import (
    PLACEHOLDERS,
    MailKind,
    MailTemplate,
    template_problem,
)
from secretariat_tui.exports.mail_messages import Outgoing, eml_bytes, eml_filename, preview
from secretariat_tui.mail.fee_run import FeeMailRun, fee_mail_run
from secretariat_tui.mail.smtp_sender import SendOutcome, SmtpServer, send_all, smtp_password
from secretariat_tui.publish.password import PasswordMissing
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.store.mail import MailTemplates, SentMailRecord, fee_mail_sources
from secretariat_tui.store.members import MemberNotFound, MemberRepository
from secretariat_tui.store.output_files import (
    OutputRefused,
    ResolvedOutput,
    resolve_output,
    write_output_file,
)

WHAT = click.Choice([kind.value for kind in MailKind])
RULE = "-" * 60


@click.command("send")
@click.option("--year", required=True, type=YEAR, help="Avgiftsåret (ÅÅÅÅ).")
@click.option(
    "--what",
    required=True,
    type=WHAT,
    help="invoice: fakturorna (med Word-filen bifogad); reminder: påminnelser till obetalda.",
)
@click.option("--member", "member_id", type=int, help="Bara till medlemmen med detta id.")
@click.option("--dry-run", is_flag=True, help="Visa bara breven; skicka och spara inget.")
@click.option(
    "--eml",
    "folder",
    type=click.Path(path_type=Path),
    metavar="MAPP",
    help="Spara varje brev som en .eml-fil i mappen i stället för att skicka "
    "(öppnas i Outlook och Thunderbird).",
)
@click.option("--again", is_flag=True, help="Skicka också till dem som redan fått ett brev.")
@click.option("--yes", is_flag=True, help="Fråga inte före sändningen (för skript).")
@click.pass_obj
def send(
    obj: CliContext,
    year: int,
    what: str,
    member_id: int | None,
    dry_run: bool,
    folder: Path | None,
    again: bool,
    yes: bool,
) -> None:
    """Skicka fakturor eller påminnelser med e-post, efter en förhandsvisning av varje brev.

    Servern och avsändaren är registrets inställningar (settings set smtp-host, smtp-port,
    smtp-security, smtp-user, sender-email); lösenordet läses från SECRETARIAT_SMTP_PASSWORD
    eller nyckelringen, aldrig från en fil. Texten är en mall: se fees mail-text.
    """
    kind = MailKind(what)
    with obj.reading() as db:
        if member_id is not None:
            try:
                MemberRepository(db).get(member_id)
            except MemberNotFound as err:
                raise click.ClickException(f"--member: {err}") from None
        sources = fee_mail_sources(db, kind, year)
    try:
        run = fee_mail_run(
            sources,
            kind,
            year,
            datetime.now(),
            member_id=member_id,
            again=again,
            word_template=report_template("docx", None) if kind is MailKind.INVOICE else None,
        )
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    click.echo(_preview(run))
    if not run.messages or dry_run:
        return
    if folder is not None:
        _save_eml(obj, folder, run)
        return
    server, password = _server(run)
    question = f"Skicka {len(run.messages)} e-brev via {server.where}?"
    if not calendar_common.confirmed(question, yes, nothing="Inget skickades", act="skicka"):
        return
    outcome = _send(obj, run, server, password)
    lines = outcome.lines()
    if outcome.failure or outcome.failed:
        raise click.ClickException("\n".join(lines))
    click.echo("\n".join(lines))


def _preview(run: FeeMailRun) -> str:
    parts = [preview(one.message) for one in run.messages]
    left_out = run.plan.lines() + [f"Kan inte skrivas: {line}" for line in run.problems]
    count = f"{len(run.messages)} e-brev ({run.kind.plural} {run.year})"
    summary = [f"{count} att skicka." if run.messages else f"Inga {run.kind.plural} att skicka."]
    blocks = [f"{RULE}\n{part}" for part in parts]
    return "\n".join([*blocks, *([RULE] if blocks else []), *left_out, *summary])


def _save_eml(obj: CliContext, folder: Path, run: FeeMailRun) -> None:
    """Every name checked before the first file is written: all are saved, or none."""
    targets: list[tuple[ResolvedOutput, Outgoing]] = []
    for one in run.messages:
        try:
            target = resolve_output(
                folder / eml_filename(run.kind, one.facts), obj.db_path, replace=False
            )
        except OutputRefused as err:
            raise click.ClickException(f"--eml: {err}") from None
        targets.append((target, one))
    for target, one in targets:
        try:
            write_output_file(target, eml_bytes(one.message))
        except OSError as err:
            raise click.ClickException(f"{target} kunde inte skrivas: {os_reason(err)}.") from None
    click.echo(
        f"Sparade {len(targets)} .eml-filer i {folder}; de räknas inte som skickade "
        "förrän de skickats."
    )


def _server(run: FeeMailRun) -> tuple[SmtpServer, str]:
    if run.server is None:
        raise click.UsageError(
            "Ingen e-postserver inställd: settings set smtp-host VÄRD (och smtp-user, "
            "sender-email); eller spara breven med --eml MAPP."
        )
    try:
        return run.server, smtp_password(run.server)
    except PasswordMissing as err:
        raise click.ClickException(str(err)) from None


def _send(obj: CliContext, run: FeeMailRun, server: SmtpServer, password: str) -> SendOutcome:
    """Each accepted message recorded at once; a record that cannot be written is said, and
    the sending goes on (the message has left: stopping would not call it back)."""
    unrecorded: list[str] = []
    with obj.database(create=False) as db:

        def recorded(one: Outgoing) -> None:
            try:
                SentMailRecord(db).add(run.sent(one, datetime.now()))
            except (StoreError, OSError) as err:
                unrecorded.append(f"{one.facts.name} ({err})")

        outcome = send_all(server, password, run.messages, recorded)
    if unrecorded:
        click.echo(f"Obs: skickat men inte antecknat: {'; '.join(unrecorded)}.", err=True)
    return outcome


@click.command("mail-text")
@click.option("--what", required=True, type=WHAT, help="invoice eller reminder.")
@click.option("--subject", help="Ny ämnesrad.")
@click.option(
    "--body-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="FIL",
    help="Ny brödtext från en UTF-8-textfil.",
)
@click.option("--reset", is_flag=True, help="Tillbaka till programmets text.")
@click.pass_obj
def mail_text(
    obj: CliContext, what: str, subject: str | None, body_file: Path | None, reset: bool
) -> None:
    """Visa eller ändra e-brevets mall (ämne och text) för fakturor eller påminnelser.

    Platshållarna fylls i för varje medlem: {namn}, {kontaktperson}, {belopp}, {år}, {ocr},
    {förfallodag}, {förening}, {betalningsuppgifter}.
    """
    kind = MailKind(what)
    if reset and (subject is not None or body_file is not None):
        raise click.UsageError("--reset används utan --subject och --body-file.")
    body = _body(body_file)
    if subject is not None and (problem := template_problem(subject)):
        raise click.BadParameter(problem, param_hint="--subject")
    if body is not None and (problem := template_problem(body)):
        raise click.BadParameter(problem, param_hint="--body-file")
    changing = reset or subject is not None or body is not None
    with obj.database(create=False) if changing else obj.reading() as db:
        templates = MailTemplates(db)
        if reset:
            templates.reset(kind)
        elif changing:
            current = templates.get(kind)
            templates.save(MailTemplate(kind, subject or current.subject, body or current.body))
        template, own = templates.get(kind), templates.is_own(kind)
    origin = "registrets egen" if own else "programmets"
    names = ", ".join(f"{{{name}}} {about}" for name, about in PLACEHOLDERS.items())
    click.echo(
        f"Mall för {kind.plural} ({origin}):\nÄmne: {template.subject}\n\n{template.body}"
        f"\nPlatshållare: {names}."
    )


def _body(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise click.BadParameter(
            f"{path} kan inte läsas: {err}", param_hint="--body-file"
        ) from None
    if not text.strip():
        raise click.BadParameter(f"{path} är tom.", param_hint="--body-file")
    return text
