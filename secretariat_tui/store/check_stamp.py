"""A file this program wrote, or checked, and nobody has touched since needs no record check.

Checking every record costs about 8 ms of the 56 ms it takes to open the ten-year register
(and a third of what a CLI listing waits for), on every open. But the program only ever writes
what passed the check (every save runs it), so the check finds something only in a file
changed outside the program: edited by hand, restored from elsewhere, damaged. So after each
save and each passed check, ``<name>.checked`` beside the file records the file's identity
(inode, size, modification time in nanoseconds) and the rules' digest (``rules_stamp``); an
open that finds the same identity and digest skips the check. Any write by anyone else
changes the time (an editor that replaces the file also the inode), and a program with other
rules has another digest, so both check again. The stamp holds no personal data; losing it
costs one check.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from secretariat_tui.store.atomic import OWNER_ONLY


def stamp_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".checked")


def _identity(seen: os.stat_result, rules: str) -> str:
    return f"{rules} {seen.st_ino} {seen.st_size} {seen.st_mtime_ns}\n"


def read_with_identity(db_path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and the identity of exactly that file (``fstat`` of the same handle:
    a save elsewhere replaces the file by rename, never the bytes of this one)."""
    with open(db_path, "rb") as handle:
        return handle.read(), os.fstat(handle.fileno())


def is_checked(db_path: Path, seen: os.stat_result, rules: str | None) -> bool:
    """Whether the file ``seen`` is the one that last passed the check under ``rules`` (None:
    rules that cannot be named, so nothing counts as checked)."""
    if rules is None:
        return False
    try:
        return stamp_path(db_path).read_text(encoding="ascii") == _identity(seen, rules)
    except (OSError, ValueError):
        return False


def mark_checked(db_path: Path, rules: str | None, seen: os.stat_result | None = None) -> None:
    """Record that the file ``seen`` (default: as it is now) passed the check. Only under the
    lock, so nobody else can have replaced it; quietly nothing if the folder refuses: the
    next open checks again, which is all a stamp saves."""
    if rules is None:
        return
    with contextlib.suppress(OSError):
        seen = seen or os.stat(db_path)
        fd = os.open(stamp_path(db_path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(_identity(seen, rules))
