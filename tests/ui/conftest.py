"""UI fixtures: the app on a fresh copy of the demo database, with a fixed "today"."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from secretariat_tui.store.database import Database, open_database
from secretariat_tui.ui.app import SecretariatApp
from tests.ui.helpers import DEMO, TODAY


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo database under a fixed file name; the shipped file is never opened."""
    folder = tmp_path / "demo"
    folder.mkdir()
    copy = folder / "kansliet.json"
    shutil.copyfile(DEMO, copy)
    with open_database(copy) as db:
        yield db


@pytest.fixture
def app(demo_db: Database) -> SecretariatApp:
    return SecretariatApp(demo_db, today=TODAY, start="members")
