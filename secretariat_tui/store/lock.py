"""One instance per database file: an exclusive lock on ``<file>.lock`` held for the session."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from secretariat_tui.store.atomic import OWNER_ONLY
from secretariat_tui.store.errors import DatabaseLocked


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire(db_path: Path, given: Path | None = None) -> FileLock:
    """Take the lock without waiting, or raise DatabaseLocked naming the file.

    ``db_path`` is the real path, so that every link to one file shares one lock; ``given``,
    the path as typed, is only for the message. The OS drops the lock when the process dies,
    so a crash never leaves the file locked.
    """
    lock = FileLock(lock_path(db_path), timeout=0, mode=OWNER_ONLY)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseLocked(db_path, given) from None
    return lock
