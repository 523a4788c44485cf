"""Shared fixtures: every test gets its own database file in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from secretariat_tui.store.database import Database, open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "secretariat.json"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    with open_database(db_path) as db:
        yield db
