"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what arrived, for the mail tests."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "kansli"
PASSWORD = "hemligt-losen-42"
REFUSED = "finns-inte@example.se"
"""A recipient the server refuses (550), to show that one refusal does not stop the rest."""


@dataclass
class Arrived:
    envelope_to: list[str]
    message: EmailMessage


@dataclass
class Keeper:
    """The handler: keeps each message as Python's email parser reads it."""

    arrived: list[Arrived] = field(default_factory=list)

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address == REFUSED:
            return "550 5.1.1 Mottagaren finns inte"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        parsed = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.arrived.append(Arrived(list(envelope.rcpt_tos), parsed))
        return "250 Message accepted"


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login.decode() == USER
        and auth_data.password.decode() == PASSWORD
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class SmtpTestServer:
    host: str
    port: int
    keeper: Keeper

    @property
    def arrived(self) -> list[Arrived]:
        return self.keeper.arrived


AUTH_WITHOUT_TLS = "ignore:Requiring AUTH while not requiring TLS:UserWarning"
"""aiosmtpd's warning for each session: on purpose here (127.0.0.1, a test password)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_smtp(*, login: bool) -> Iterator[SmtpTestServer]:
    """The server, stopped after; with ``login`` it asks for AUTH (plain text: a test only)."""
    keeper = Keeper()
    port = free_port()
    extra: dict[str, Any] = (
        {"authenticator": _authenticate, "auth_required": True, "auth_require_tls": False}
        if login
        else {}
    )
    controller = Controller(keeper, hostname="127.0.0.1", port=port, **extra)
    controller.start()
    try:
        yield SmtpTestServer("127.0.0.1", port, keeper)
    finally:
        controller.stop()
