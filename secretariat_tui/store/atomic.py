"""Atomic file replacement: a crash at any moment leaves the old file or the new one.

The order is the one POSIX needs for that promise: write a temporary file in the same folder,
flush and fsync it, ``os.replace`` it over the target, then fsync the folder so the rename
itself is on disk. The temporary file is removed on any error.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

OWNER_ONLY = 0o600
TEMP_MARKER = ".tmp-"


def temp_name(target: Path) -> str:
    """The hidden temp-file prefix for ``target``; stale ones are found by it after a crash."""
    return f".{target.name}{TEMP_MARKER}"


def atomic_write_bytes(target: Path, data: bytes) -> None:
    temp = target.with_name(f"{temp_name(target)}{os.getpid()}-{os.urandom(4).hex()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    fsync_dir(target.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete temp files a crashed writer left beside ``target``. Call only under the lock."""
    removed = []
    for stale in target.parent.glob(f"{temp_name(target)}*"):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
            removed.append(stale)
    return removed
