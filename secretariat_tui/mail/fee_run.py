"""One fee e-mail run, assembled from what the register holds: who gets which message, who is
left out and why, the server and the sender. Shared by ``fees send`` and the fees screen, so
both preview, skip and record alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from secretariat_tui.domain.mail import (
    Association,
    FeeMailSources,
    MailFacts,
    MailKind,
    MailPlan,
    SentMail,
    fee_mail_facts,
    payment_details,
    plan_mail,
)
from secretariat_tui.domain.settings import Settings
from secretariat_tui.exports.mail_messages import Attachment, Outgoing, Sender, outgoing
from secretariat_tui.mail.smtp_sender import SmtpServer


@dataclass(frozen=True)
class FeeMailRun:
    kind: MailKind
    year: int
    plan: MailPlan
    messages: list[Outgoing]
    problems: list[str]
    """Members whose message cannot be written (a bad address), one line each."""
    server: SmtpServer | None
    """None until the register names an SMTP server (``settings set smtp-host``)."""

    def sent(self, one: Outgoing, when: datetime) -> SentMail:
        """The record of ``one`` as the server accepted it at ``when``."""
        return SentMail(one.member_id, self.year, self.kind, when)


def association(settings: Settings) -> Association:
    details = payment_details(settings.bankgiro, settings.plusgiro, settings.swish)
    return Association(settings.name, details)


def smtp_server(settings: Settings) -> SmtpServer | None:
    host = settings.smtp_host.strip()
    if not host:
        return None
    return SmtpServer(host, settings.port, settings.smtp_security, settings.smtp_user.strip())


def fee_mail_run(
    sources: FeeMailSources,
    kind: MailKind,
    year: int,
    when: datetime,
    *,
    member_id: int | None = None,
    again: bool = False,
    word_template: bytes | None = None,
) -> FeeMailRun:
    """The run, an invoice message with its invoice's Word file (on ``word_template``, the
    report's, None: the shipped one) attached; ValueError (Swedish) when there is no sender
    address to write From with, or the template is no Word file."""
    settings = sources.settings
    facts = fee_mail_facts(
        kind, year, sources.rows, sources.invoices, association(settings), member_id=member_id
    )
    plan = plan_mail(kind, year, facts, sources.sent, again=again)
    if plan.to_send and not settings.sender_email.strip():
        raise ValueError(
            "Ingen avsändaradress: settings set sender-email ADRESS (föreningens e-post)."
        )
    sender = Sender(settings.name or "Föreningen", settings.sender_email.strip())
    attached = invoice_files(sources, plan.to_send, word_template)
    messages, problems = outgoing(
        sources.template, plan.to_send, sender, when, lambda f: attached.get(f.invoice or 0, ())
    )
    return FeeMailRun(kind, year, plan, messages, problems, smtp_server(settings))


def invoice_files(
    sources: FeeMailSources, facts: Sequence[MailFacts], word_template: bytes | None
) -> dict[int, tuple[Attachment]]:
    """Each message's invoice as Word, by invoice number (python-docx loaded only here)."""
    wanted = {f.invoice for f in facts if f.invoice is not None}
    if not wanted:
        return {}
    from secretariat_tui.domain.invoices import invoice_file_name
    from secretariat_tui.exports.invoice_docx import InvoiceSheet, invoice_docx
    from secretariat_tui.exports.report_docx import TemplateError

    members = {row.member.id: row.member for row in sources.rows}
    files = {}
    for invoice in sources.invoices:
        if invoice.number in wanted:
            sheet = InvoiceSheet(invoice, members[invoice.member_id], sources.settings)
            try:
                data = invoice_docx(sheet, word_template)
            except TemplateError as err:
                raise ValueError(f"Word-mallen {err} Inga brev gjordes.") from None
            files[invoice.number] = (Attachment(invoice_file_name(invoice), data),)
    return files
