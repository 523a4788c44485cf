"""One session per file: a second open, in this process or another, is refused and told why."""

from __future__ import annotations

import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from secretariat_tui.store.atomic import temp_name
from secretariat_tui.store.backups import list_backups
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseLocked, StoreError
from secretariat_tui.store.lock import SessionLock, _filelock, acquire, lock_path
from secretariat_tui.store.members import MemberRepository
from tests.factories import make_member

ROOT = Path(__file__).resolve().parents[2]

# Exit 3 and print the message when refused; exit 0 when the file opened.
SECOND_PROCESS = """
import sys
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseLocked, StoreError
from secretariat_tui.store.lock import SessionLock, _filelock, acquire, lock_path
try:
    open_database(sys.argv[1]).close()
except DatabaseLocked as err:
    print(err)
    sys.exit(3)
"""


def open_in_another_process(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SECOND_PROCESS, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_second_open_in_the_same_process_is_refused_naming_the_file(db_path: Path) -> None:
    with open_database(db_path):
        with pytest.raises(DatabaseLocked) as caught:
            open_database(db_path)
    assert str(db_path) in str(caught.value)
    assert "redan öppen" in str(caught.value)


def test_a_second_open_from_another_process_is_refused_naming_the_file(db_path: Path) -> None:
    with open_database(db_path):
        result = open_in_another_process(db_path)
    assert result.returncode == 3, result.stderr
    assert str(db_path) in result.stdout
    assert "redan öppen" in result.stdout


def test_after_the_first_session_closes_the_file_opens_again(db_path: Path) -> None:
    with open_database(db_path):
        pass
    with open_database(db_path):
        pass
    result = open_in_another_process(db_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_lock_is_free_again_when_the_other_process_has_closed(db_path: Path) -> None:
    with open_database(db_path):
        assert open_in_another_process(db_path).returncode == 3
    assert open_in_another_process(db_path).returncode == 0
    with open_database(db_path):
        pass


def test_a_refused_open_touches_nothing(db_path: Path) -> None:
    """The holder may be mid-save: its temp file and the file itself must be left alone."""
    with open_database(db_path) as holder:
        MemberRepository(holder).add(make_member())
        in_flight = db_path.with_name(f"{temp_name(db_path)}999-beef")
        in_flight.write_bytes(b"the holder's save in progress")
        before = db_path.read_bytes()
        backups_before = list_backups(db_path)
        with pytest.raises(DatabaseLocked):
            open_database(db_path)
        assert in_flight.exists()
        assert db_path.read_bytes() == before
        assert list_backups(db_path) == backups_before


def test_a_holder_that_dies_leaves_the_file_free(db_path: Path) -> None:
    """The kernel drops the lock with the process: a crash never leaves the file locked."""
    open_database(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_KILLED, str(db_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseLocked):
            open_database(db_path)
    finally:
        holder.kill()
        holder.wait(timeout=60)
    with open_database(db_path):
        pass


HOLD_UNTIL_KILLED = """
import sys, time
from secretariat_tui.store.database import open_database
db = open_database(sys.argv[1])
print("held", flush=True)
time.sleep(600)
"""


def test_a_lock_file_that_is_a_link_is_refused_not_followed(db_path: Path) -> None:
    open_database(db_path).close()
    elsewhere = db_path.with_name("someone-elses-file")
    elsewhere.write_bytes(b"not ours")
    lock_path(db_path).unlink()
    lock_path(db_path).symlink_to(elsewhere)
    with pytest.raises(StoreError, match="kan inte öppnas"):
        open_database(db_path)
    assert elsewhere.read_bytes() == b"not ours"


def test_a_loose_lock_file_left_by_an_older_version_is_made_owner_only(db_path: Path) -> None:
    open_database(db_path).close()
    lock_path(db_path).chmod(0o644)
    with open_database(db_path):
        assert stat.S_IMODE(lock_path(db_path).stat().st_mode) == 0o600


@pytest.mark.parametrize("take", [acquire, _filelock], ids=["flock", "filelock"])
def test_both_ways_of_locking_refuse_a_second_holder_and_free_on_release(
    db_path: Path, take: Callable[[Path, Path | None], SessionLock]
) -> None:
    """filelock takes the lock where there is no ``fcntl`` (Windows); here both are real."""
    first = take(db_path, None)
    with pytest.raises(DatabaseLocked):
        take(db_path, None)
    first.release()
    take(db_path, None).release()
