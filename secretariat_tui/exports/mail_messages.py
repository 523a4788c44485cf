"""Fee e-mails as ``email.message.EmailMessage``: the template filled in for one member, with
its attachments, ready for SMTP or to be saved as an ``.eml`` file.

Pure: the time and the sender are given, nothing is looked up. UTF-8 throughout: the
standard library's default policy encodes a Swedish subject and display name as RFC 2047
words and the body as UTF-8 (quoted-printable or base64, whichever is shorter), so every mail
program shows å, ä and ö. An ``.eml`` file is the message as it would travel (CRLF lines):
Outlook and Thunderbird open it as a message to send.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from secretariat_tui.domain.mail import MailFacts, MailKind, MailTemplate, fill

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    maintype: str = DOCX_TYPE[0]
    subtype: str = DOCX_TYPE[1]


@dataclass(frozen=True)
class Outgoing:
    """One message and what it is about (so a result can be recorded on the member)."""

    facts: MailFacts
    message: EmailMessage

    @property
    def member_id(self) -> int:
        return self.facts.member_id

    @property
    def to(self) -> str:
        return str(self.message["To"])


@dataclass(frozen=True)
class Sender:
    """Who the messages are from: the association's name and its sender address."""

    name: str
    address: str


def build_message(
    template: MailTemplate,
    facts: MailFacts,
    sender: Sender,
    when: datetime,
    attachments: Sequence[Attachment] = (),
) -> EmailMessage:
    """One member's message; ValueError (Swedish) for an address that cannot be a header."""
    values = facts.values()
    message = EmailMessage()
    message["From"] = _address(sender.name, sender.address, "avsändaradressen")
    message["To"] = _address(facts.name, facts.email.strip(), f"e-postadressen för {facts.name}")
    message["Subject"] = " ".join(fill(template.subject, values).split())
    message["Date"] = format_datetime(when.astimezone())
    message["Message-ID"] = make_msgid(domain=_domain(sender.address))
    message.set_content(fill(template.body, values))
    for attachment in attachments:
        message.add_attachment(
            attachment.data,
            maintype=attachment.maintype,
            subtype=attachment.subtype,
            filename=attachment.filename,
        )
    return message


def outgoing(
    template: MailTemplate,
    facts: Sequence[MailFacts],
    sender: Sender,
    when: datetime,
    attachments: Callable[[MailFacts], Sequence[Attachment]] = lambda _: (),
) -> tuple[list[Outgoing], list[str]]:
    """Every member's message, and a line for each that cannot be written (a bad address)."""
    messages: list[Outgoing] = []
    problems: list[str] = []
    for one in facts:
        try:
            messages.append(
                Outgoing(one, build_message(template, one, sender, when, attachments(one)))
            )
        except ValueError as err:
            problems.append(f"{one.name}: {err}")
    return messages, problems


def _address(name: str, address: str, what: str) -> Address:
    """A header address; the display name may hold any letters, the address must be one."""
    user, at, domain = address.partition("@")
    if not (user and at and domain) or any(c.isspace() or c in '<>,;"' for c in address):
        raise ValueError(f"Ogiltig {what}: ”{address}”.")
    try:
        return Address(display_name=" ".join(name.split()), username=user, domain=domain)
    except (ValueError, IndexError) as err:
        raise ValueError(f"Ogiltig {what}: ”{address}” ({err}).") from None


def _domain(address: str) -> str:
    """The sender's domain names the Message-ID (not this computer's name, which it would leak)."""
    return address.rpartition("@")[2] or "localhost"


def eml_bytes(message: EmailMessage) -> bytes:
    """The message as an ``.eml`` file: as it would travel, CRLF line ends."""
    return message.as_bytes(policy=policy.SMTP)


def eml_filename(kind: MailKind, facts: MailFacts) -> str:
    """``påminnelse-2025-7-Föreningen-Bistånd.eml``: sorted by member, no path characters."""
    name = re.sub(r"[^\w-]+", "-", facts.name).strip("-")[:60] or "medlem"
    return f"{kind.label}-{facts.year}-{facts.member_id}-{name}.eml"


def preview(message: EmailMessage) -> str:
    """To, subject, attachments and body, as the coordinator reads it before anything leaves."""
    lines = [f"Till: {message['To']}", f"Ämne: {message['Subject']}"]
    names = [part.get_filename() or "" for part in message.iter_attachments()]
    if names:
        lines.append(f"Bilaga: {', '.join(names)}")
    body = message.get_body(("plain",))
    text = body.get_content() if body is not None else ""
    return "\n".join([*lines, "", text.rstrip("\n")])
