"""One instance per database file: an exclusive lock on ``<file>.lock`` held for the session.

On POSIX the lock is the kernel's ``flock`` on the lock file, taken without waiting: the OS
drops it when the process dies, so a crash never leaves the file locked. That is what
filelock's ``UnixFileLock`` does too, but importing filelock 4 costs about 25 ms (logging,
secrets, its settings machinery): half of what every command of the CLI may take to start
(issue 18). Where there is no ``fcntl`` (Windows) filelock does the locking, loaded only there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Protocol

from secretariat_tui.store.atomic import OWNER_ONLY
from secretariat_tui.store.errors import DatabaseLocked

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class SessionLock(Protocol):
    def release(self) -> None: ...


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire(db_path: Path, given: Path | None = None) -> SessionLock:
    """Take the lock without waiting, or raise DatabaseLocked naming the file.

    ``db_path`` is the real path, so that every link to one file shares one lock; ``given``,
    the path as typed, is only for the message. A second session in the same process is
    refused like one in another process: each holds its own open file.
    """
    if fcntl is None:  # pragma: no cover - Windows
        return _filelock(db_path, given)
    return FlockLock.take(lock_path(db_path), db_path, given)


class FlockLock:
    """The open lock file; the lock lives as long as it is open."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def take(cls, path: Path, db_path: Path, given: Path | None) -> FlockLock:
        """A lock file that is a link is refused (``O_NOFOLLOW``) rather than followed to
        some other file; one left loose by an older version is made owner-only."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(path, flags, OWNER_ONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise DatabaseLocked(db_path, given) from None
        except BaseException:
            os.close(fd)
            raise
        with contextlib.suppress(OSError):  # another's lock file in a shared folder: it holds
            os.fchmod(fd, OWNER_ONLY)
        return cls(fd)

    def release(self) -> None:
        """Closing the file drops the lock; a second release does nothing."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)


def _filelock(db_path: Path, given: Path | None) -> SessionLock:
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(db_path), timeout=0, mode=OWNER_ONLY)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseLocked(db_path, given) from None
    return lock
