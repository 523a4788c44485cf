"""Send the fee e-mails over one SMTP connection: STARTTLS, SSL or plain, with a timeout.

Each failure is one Swedish line that says what to do, never a traceback: a server that
cannot be reached or a refused login stops the run (nothing could be sent anyway); a refused
recipient or message fails that message alone and the rest are still sent. ``on_sent`` is
called after each message the server accepted, before the next is tried, so what was sent
is recorded even when the run stops half-way.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field

from secretariat_tui.domain.settings import SmtpSecurity
from secretariat_tui.exports.mail_messages import Outgoing
from secretariat_tui.publish.password import stored_password

TIMEOUT = 20.0
"""Seconds to wait for the server at each step; read when a run starts, so tests shorten it."""
PASSWORD_ENV_VAR = "SECRETARIAT_SMTP_PASSWORD"


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    security: SmtpSecurity = SmtpSecurity.STARTTLS
    user: str = ""

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def keyring_account(self) -> str:
        """The keyring entry's name: one password per server account."""
        return f"{self.user}@{self.host}"


def smtp_password(server: SmtpServer) -> str:
    """The password for ``server``'s user ("" when it needs no login), or PasswordMissing."""
    if not server.user:
        return ""
    return stored_password(PASSWORD_ENV_VAR, server.keyring_account, "e-postservern")


@dataclass(frozen=True)
class Delivery:
    outgoing: Outgoing
    error: str = ""

    @property
    def sent(self) -> bool:
        return not self.error


@dataclass
class SendOutcome:
    deliveries: list[Delivery] = field(default_factory=list)
    failure: str = ""
    """Why the run stopped before the end ("" when every message was tried)."""

    @property
    def sent(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.sent]

    @property
    def failed(self) -> list[Delivery]:
        return [d for d in self.deliveries if not d.sent]

    def lines(self) -> list[str]:
        lines = [f"Skickade {len(self.sent)} av {len(self.deliveries)} e-brev."]
        lines += [f"Inte skickat till {d.outgoing.to}: {d.error}" for d in self.failed]
        if self.failure:
            lines.append(self.failure)
        return lines


def send_all(
    server: SmtpServer,
    password: str,
    outgoing: Sequence[Outgoing],
    on_sent: Callable[[Outgoing], None],
) -> SendOutcome:
    """Send ``outgoing`` in order; see the module's docstring for what stops the run."""
    outcome = SendOutcome()
    try:
        connection = _connect(server, password)
    except _Stop as refused:
        return _stopped(outcome, outgoing, str(refused))
    try:
        for index, one in enumerate(outgoing):
            try:
                connection.send_message(one.message)
            except smtplib.SMTPRecipientsRefused as err:
                reasons = [_reply(code, text) for code, text in err.recipients.values()]
                error = f"mottagaren avvisades av servern ({'; '.join(reasons)})."
            except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as err:
                error = f"servern tog inte emot brevet ({_reply(err.smtp_code, err.smtp_error)})."
            except (smtplib.SMTPException, OSError) as err:
                stop = (
                    f"Anslutningen till {server.where} bröts ({_reason(err)}); "
                    "resten skickades inte."
                )
                return _stopped(outcome, outgoing[index:], stop)
            else:
                outcome.deliveries.append(Delivery(one))
                on_sent(one)
                continue
            outcome.deliveries.append(Delivery(one, error))
    finally:
        _quit(connection)
    return outcome


class _Stop(Exception):
    """The run cannot go on; the text says why in Swedish."""


def _connect(server: SmtpServer, password: str) -> smtplib.SMTP:
    context = ssl.create_default_context()
    reached = f"E-postservern {server.where} kan inte nås"
    try:
        if server.security is SmtpSecurity.SSL:
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=TIMEOUT, context=context
            )
        else:
            connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
    except ssl.SSLError as err:
        raise _Stop(f"{reached} med SSL ({_reason(err)}); prova STARTTLS och port 587.") from None
    except (OSError, smtplib.SMTPException) as err:
        raise _Stop(f"{reached} ({_reason(err)}); kontrollera adress och port.") from None
    try:
        if server.security is SmtpSecurity.STARTTLS:
            connection.starttls(context=context)
        if server.user:
            connection.login(server.user, password)
    except smtplib.SMTPAuthenticationError as err:
        _close(connection)
        raise _Stop(
            f"E-postservern {server.where} vägrade inloggningen för {server.user} "
            f"({_reply(err.smtp_code, err.smtp_error)}); kontrollera användare och lösenord."
        ) from None
    except UnicodeEncodeError:
        _close(connection)
        raise _Stop(
            "Användarnamnet eller lösenordet för e-postservern innehåller tecken utanför ASCII "
            "(t.ex. å, ä, ö), som inloggningen inte kan skicka; välj ett lösenord utan dem."
        ) from None
    except smtplib.SMTPNotSupportedError as err:
        _close(connection)
        what = "STARTTLS" if server.security is SmtpSecurity.STARTTLS else "inloggning"
        raise _Stop(
            f"E-postservern {server.where} erbjuder inte {what} ({_reason(err)})."
        ) from None
    except (OSError, smtplib.SMTPException) as err:
        _close(connection)
        raise _Stop(f"{reached} ({_reason(err)}).") from None
    return connection


def _close(connection: smtplib.SMTP) -> None:
    with suppress(OSError):
        connection.close()


def _quit(connection: smtplib.SMTP) -> None:
    """Say goodbye; a server that already hung up is no error (what was sent, was sent)."""
    try:
        connection.quit()
    except (OSError, smtplib.SMTPException):
        _close(connection)


def _stopped(outcome: SendOutcome, rest: Sequence[Outgoing], why: str) -> SendOutcome:
    outcome.deliveries += [Delivery(one, "inte försökt.") for one in rest]
    outcome.failure = why
    return outcome


def _reply(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(said.split())}"


def _reason(err: BaseException) -> str:
    if isinstance(err, TimeoutError):
        return f"inget svar på {TIMEOUT:g} sekunder"
    if isinstance(err, ConnectionRefusedError):
        return "anslutningen nekades"
    if isinstance(err, smtplib.SMTPResponseException):
        return _reply(err.smtp_code, err.smtp_error)
    return str(err) or type(err).__name__
