"""What the calendar registers' CLI tests share: run, refuse, and read back what was stored."""

from __future__ import annotations

from pathlib import Path

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.cli.helpers import ok, refused  # noqa: F401 (the calendar tests import them here)


def empty_database(db_path: Path) -> Path:
    """An existing, empty database, so no command's output carries the "new database" note."""
    with open_database(db_path):
        pass
    return db_path


def stored_activities(db_path: Path) -> list[Activity]:
    with open_database(db_path, create=False) as db:
        return CalendarRepository(db).activities.all()


def stored_networks(db_path: Path) -> list[NetworkMembership]:
    with open_database(db_path, create=False) as db:
        return CalendarRepository(db).networks.all()


def stored_submissions(db_path: Path) -> list[Submission]:
    with open_database(db_path, create=False) as db:
        return CalendarRepository(db).submissions.all()
