"""Rotating backups: a copy of the checked file each time it is opened, newest kept.

Backups live in ``<stem>.backups/`` beside the database. A copy identical to the newest one is
not made again, so that opening the file many times (every CLI call opens it) does not rotate
the older, different states out.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from secretariat_tui.store.atomic import TEMP_MARKER, atomic_write_bytes
from secretariat_tui.store.storage import decode

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}.backups")


def list_backups(db_path: Path) -> list[Path]:
    """Backups oldest first (names sort by time)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.json"))


def make_backup(
    db_path: Path, data: bytes, keep: int = KEEP, now: datetime | None = None
) -> Path | None:
    """Store ``data`` (the file's checked bytes) as the newest backup; return its path."""
    remove_stale_backup_temps(db_path)
    existing = list_backups(db_path)
    if existing and existing[-1].read_bytes() == data:
        return None
    folder = backup_dir(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{db_path.stem}-{stamp}.json"
    atomic_write_bytes(target, data)
    for old in list_backups(db_path)[:-keep]:
        os.unlink(old)
    return target


def remove_stale_backup_temps(db_path: Path) -> None:
    """Delete copies a crash cut off mid-backup (hidden, never rotated). Call under the lock."""
    folder = backup_dir(db_path)
    if folder.is_dir():
        for stale in folder.glob(f".{db_path.stem}-*.json{TEMP_MARKER}*"):
            stale.unlink(missing_ok=True)


def newest_readable_backup(db_path: Path) -> Path | None:
    """The newest backup that parses as JSON, for the error message about a broken file."""
    for candidate in reversed(list_backups(db_path)):
        try:
            decode(candidate.read_bytes())
        except (OSError, ValueError):
            continue
        return candidate
    return None
