"""Shared fixtures: every test gets its own database file in a temporary folder."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from secretariat_tui.store.database import Database, open_database


@pytest.fixture(autouse=True)
def own_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user data folder (crash reports, the default database) of each test is its own,
    never the real one of whoever runs the tests; subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("data-home")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_real_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``c`` pressed in a test (the monkey's, or a copy test's) never reaches the clipboard
    or tmux buffer of whoever runs the suite: the variables that name them are removed, and
    the tests that copy set their own."""
    for name in ("TMUX", "STY", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def nothing_kept_frozen() -> Iterator[None]:
    """The app freezes what its first screen was built from (``ui/app.keep_for_the_session``):
    right for one session, but in a test run it would keep every earlier test's garbage."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def own_user_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user's own settings file and documents folder (where the export folder is made)
    of each test are its own: no test reads or writes the real ones of whoever runs them."""
    import platformdirs

    from secretariat_tui import config

    home = tmp_path_factory.mktemp("user-home")
    monkeypatch.setenv(config.CONFIG_ENV_VAR, str(home / "config"))
    # config reads platformdirs on use (not at start), so the patch is on platformdirs itself.
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(home / "Dokument"))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "secretariat.json"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    with open_database(db_path) as db:
        yield db


def seed_references(db_path: Path, *, members: int = 9, meetings: int = 0) -> None:
    """Members 1..``members`` and annual meetings 1..``meetings`` in the file, so that records
    pointing at them can be stored: every save checks that a reference has its record."""
    from datetime import date

    from secretariat_tui.domain.board import AnnualMeeting
    from secretariat_tui.store.board import MeetingRepository
    from secretariat_tui.store.members import MemberRepository
    from tests.factories import make_member

    with open_database(db_path) as db:
        MemberRepository(db).add_many([make_member(f"Medlem {i}") for i in range(members)])
        for year in range(meetings):
            MeetingRepository(db).add(AnnualMeeting(date(2020 + year, 4, 18)))
