"""Opening a database file: lock, check, back up, migrate, then hand TinyDB a safe storage."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from filelock import BaseFileLock
from tinydb import TinyDB
from tinydb.table import Table

from secretariat_tui.store import backups
from secretariat_tui.store.atomic import atomic_write_bytes, remove_stale_temps
from secretariat_tui.store.errors import DatabaseTooNew, DatabaseUnreadable, StoreError, os_reason
from secretariat_tui.store.lock import acquire
from secretariat_tui.store.record_check import check_records
from secretariat_tui.store.record_schema import SCHEMAS
from secretariat_tui.store.schema import (
    META_DOC_ID,
    META_TABLE,
    SCHEMA_VERSION,
    meta_of,
    migrate,
    new_document,
)
from secretariat_tui.store.storage import AtomicJSONStorage, decode, encode


@dataclass
class Database:
    """An open database file; close it (or use ``with``) to release the lock."""

    path: Path
    tinydb: TinyDB
    lock: BaseFileLock
    backup: Path | None = None
    removed_temps: list[Path] = field(default_factory=list)
    created: bool = False
    """True when this open made a new, empty file (a mistyped path should be noticed)."""

    def table(self, name: str) -> Table:
        return self.tinydb.table(name)

    def close(self) -> None:
        self.tinydb.close()
        self.lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open ``path`` for this session, or raise a StoreError that names the file.

    A missing file is created (when ``create``); an existing file that does not check out is
    never written to, and an empty database is never started over it.
    """
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise StoreError(f"{path} är en mapp, inte en databasfil.")
    if not path.exists() and not create:
        raise StoreError(f"Databasen {path} finns inte.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not os.access(path.parent, os.W_OK):
            raise PermissionError(errno.EACCES, "no write access", str(path.parent))
        lock = acquire(path)
    except OSError as err:
        raise StoreError(f"Databasen {path} kan inte öppnas: {os_reason(err)}.") from err
    try:
        removed = remove_stale_temps(path)
        created = not path.exists()
        if not created:
            document, backup = _open_existing(path)
        else:
            document, backup = new_document(datetime.now().isoformat(timespec="seconds")), None
            atomic_write_bytes(path, encode(document))
        tinydb = TinyDB(path, document, storage=AtomicJSONStorage)
    except OSError as err:
        lock.release()
        raise StoreError(f"Databasen {path} kan inte öppnas: {os_reason(err)}.") from err
    except BaseException:
        lock.release()
        raise
    return Database(
        path=path,
        tinydb=tinydb,
        lock=lock,
        backup=backup,
        removed_temps=removed,
        created=created,
    )


def _open_existing(path: Path) -> tuple[dict[str, Any], Path | None]:
    """Check, back up, then migrate: a file whose records are bad is never backed up as if
    good, and an old file's own bytes are backed up before a migration rewrites it."""
    raw = path.read_bytes()
    document = read_document(path, raw)
    old = document[META_TABLE][META_DOC_ID]["schema"] < SCHEMA_VERSION
    if not old:
        check_every_record(path, document)
    backup = backups.make_backup(path, raw)
    if old:
        document = migrate(document, SCHEMA_VERSION)
        check_every_record(path, document)
        atomic_write_bytes(path, encode(document))
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)
    return document, backup


def read_document(path: Path, raw: bytes, *, backup_hint: bool = True) -> dict[str, Any]:
    """Parse and identify the file's bytes; raise DatabaseUnreadable or DatabaseTooNew.

    The error names the newest backup that passes every check an open makes, unless
    ``backup_hint`` is False (when the backups themselves are being checked).
    """
    if not raw.strip():
        raise _unreadable(path, "filen är tom", backup_hint)
    try:
        document = decode(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _unreadable(path, "filen är inte UTF-8-text", backup_hint) from None
    except json.JSONDecodeError as err:
        where = f"ogiltig JSON på rad {err.lineno}, kolumn {err.colno}"
        raise _unreadable(path, where, backup_hint) from None
    meta = meta_of(document)
    if meta is None:
        raise _unreadable(path, "filen är ingen databas för det här programmet", backup_hint)
    if meta["schema"] > SCHEMA_VERSION:
        raise DatabaseTooNew(path, meta["schema"], SCHEMA_VERSION)
    assert isinstance(document, dict)
    return document


def check_every_record(path: Path, document: dict[str, Any], *, backup_hint: bool = True) -> None:
    """Raise DatabaseUnreadable naming the first record that does not fit the schema."""
    bad = check_records(document, SCHEMAS)
    if bad is not None:
        raise _unreadable(path, f"den har en felaktig post: {bad.describe()}", backup_hint)


def _unreadable(path: Path, reason: str, backup_hint: bool) -> DatabaseUnreadable:
    return DatabaseUnreadable(path, reason, newest_good_backup(path) if backup_hint else None)


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup that opens without a fault: parsed, migrated and every record checked."""
    for candidate in reversed(backups.list_backups(path)):
        try:
            document = read_document(candidate, candidate.read_bytes(), backup_hint=False)
            check_every_record(candidate, migrate(document, SCHEMA_VERSION), backup_hint=False)
        except Exception:  # noqa: BLE001  (any fault at all means: not a backup to restore)
            continue
        return candidate
    return None


def stored_documents(table: Table) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every document of ``table`` with its id, as held in memory: read them, never change them.

    ``Table.all`` copies each document into a ``Document`` first, which at 5,000 activities
    was a fifth of the time it took to open the register. ``_read_table`` is what ``all``
    reads from (tinydb is pinned below 5).
    """
    for key, doc in table._read_table().items():
        yield int(key), cast(dict[str, Any], doc)
