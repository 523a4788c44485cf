"""The Radicale server each publish test gets, with an empty calendar made on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secretariat_tui.domain.calendar_publish import PASSWORD_ENV_VAR
from tests.publish.radicale_server import PASSWORD, Radicale, make_calendar, running_radicale

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")


@pytest.fixture
def radicale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Radicale]:
    """A running server with the calendar made, the password in the environment."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv(PASSWORD_ENV_VAR, PASSWORD)
    with running_radicale(tmp_path / "radicale") as server:
        make_calendar(server)
        yield server
