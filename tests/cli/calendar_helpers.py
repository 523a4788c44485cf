"""What the calendar registers' CLI tests share: run, refuse, and read back what was stored."""

from __future__ import annotations

from pathlib import Path

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.cli.helpers import run


def empty_database(db_path: Path) -> Path:
    """An existing, empty database, so no command's output carries the "new database" note."""
    with open_database(db_path):
        pass
    return db_path


def ok(db_path: Path, *args: str) -> str:
    result = run(db_path, *args)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


def refused(db_path: Path, *args: str, code: int = 1) -> str:
    """The command fails with one error line on stderr and prints nothing; returns the line.

    In-process a usage error (exit 2) comes with click's usage lines, which ``main()`` drops;
    only its ``Error:`` line is kept here.
    """
    result = run(db_path, *args)
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    if code == 2:
        lines = [line for line in lines if line.startswith("Error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def stored_activities(db_path: Path) -> list[Activity]:
    with open_database(db_path, create=False) as db:
        return CalendarRepository(db).activities.all()


def stored_networks(db_path: Path) -> list[NetworkMembership]:
    with open_database(db_path, create=False) as db:
        return CalendarRepository(db).networks.all()


def stored_submissions(db_path: Path) -> list[Submission]:
    with open_database(db_path, create=False) as db:
        return CalendarRepository(db).submissions.all()
