"""The SMTP server each mail test gets, on 127.0.0.1 with a free port; never another address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from secretariat_tui.mail.smtp_sender import PASSWORD_ENV_VAR
from tests.mail.smtp_server import PASSWORD, SmtpTestServer, running_smtp


@pytest.fixture
def smtp_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpTestServer]:
    """A server that asks for a login; the right password in the environment."""
    monkeypatch.setenv(PASSWORD_ENV_VAR, PASSWORD)
    with running_smtp(login=True) as server:
        yield server
