"""One fee e-mail run, assembled from what the register holds: who gets which message, who is
left out and why, the server and the sender. Shared by ``fees send`` and the fees screen, so
both preview, skip and record alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

Attachments = Callable[[MailFacts], Sequence[Attachment]]


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
        return SentMail(one.member_id, self.year, self.kind, when, one.facts.email)


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
    attachments: Attachments = lambda _: (),
) -> FeeMailRun:
    """The run; ValueError (Swedish) when there is no sender address to write From with."""
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
    messages, problems = outgoing(sources.template, plan.to_send, sender, when, attachments)
    return FeeMailRun(kind, year, plan, messages, problems, smtp_server(settings))
