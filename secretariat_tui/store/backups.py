"""Rotating backups: a copy of the checked file each time it is opened, newest kept.

Backups live in ``<file name>.backups/`` beside the database (``reg.json.backups/``), so two
files with the same stem (``reg.json``, ``reg.db``) never share, prune or name each other's
backups. A copy identical to the newest one is not made again, so that opening the file many
times (every CLI call opens it) does not rotate the older, different states out.

A backup's name carries a sequence number and the time in UTC
(``reg-000042-20261204T232618Z.json``). Order and pruning go by the number alone, which only
grows: a clock set back (summer time ends, a laptop with a wrong clock) can neither make the
newest backup look old nor get it pruned. The time is there for people choosing one to restore.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from secretariat_tui.store.atomic import TEMP_MARKER, atomic_write_bytes

KEEP = 10


def backup_dir(db_path: Path) -> Path:
    """The folder of ``db_path``'s backups (give the real path, not a link to it)."""
    return db_path.with_name(f"{db_path.name}.backups")


def legacy_backup_dir(db_path: Path) -> Path:
    """Where backups were kept before: ``<stem>.backups/``, shared by files with one stem.

    Never read for restore hints (they may be another file's) and never pruned; kept known so
    that erasing a person's data can find the copies there too.
    """
    return db_path.with_name(f"{db_path.stem}.backups")


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(db_path.stem)}-(\d+)-\d{{8}}T\d{{6}}Z\.json")


def _sequence(backup: Path, pattern: re.Pattern[str]) -> int:
    match = pattern.fullmatch(backup.name)
    assert match is not None
    return int(match.group(1))


def list_backups(db_path: Path) -> list[Path]:
    """Backups oldest first, by sequence number (never by clock time)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = [p for p in folder.iterdir() if pattern.fullmatch(p.name)]
    return sorted(found, key=lambda p: _sequence(p, pattern))


def make_backup(
    db_path: Path, data: bytes, keep: int = KEEP, now: datetime | None = None
) -> Path | None:
    """Store ``data`` (the file's checked bytes) as the newest backup; return its path.

    Raises OSError when the folder cannot be made or written; the caller decides what that
    means (opening goes on with a warning).
    """
    remove_stale_backup_temps(db_path)
    existing = list_backups(db_path)
    if existing and existing[-1].read_bytes() == data:
        return None
    folder = backup_dir(db_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    number = _sequence(existing[-1], _pattern(db_path)) + 1 if existing else 1
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{db_path.stem}-{number:06d}-{stamp}.json"
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
