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
from secretariat_tui.store.schema import SCHEMA_VERSION, meta_of, migrate, new_document
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
    raw = path.read_bytes()
    document = check_document(path, raw)
    backup = backups.make_backup(path, raw)
    if document["_meta"]["1"]["schema"] < SCHEMA_VERSION:
        document = migrate(document, SCHEMA_VERSION)
        atomic_write_bytes(path, encode(document))
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, 0o600)
    return document, backup


def check_document(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse and identify the file's bytes; raise DatabaseUnreadable or DatabaseTooNew."""

    def unreadable(reason: str) -> DatabaseUnreadable:
        return DatabaseUnreadable(path, reason, backups.newest_readable_backup(path))

    if not raw.strip():
        raise unreadable("filen är tom")
    try:
        document = decode(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise unreadable("filen är inte UTF-8-text") from None
    except json.JSONDecodeError as err:
        raise unreadable(f"ogiltig JSON på rad {err.lineno}, kolumn {err.colno}") from None
    meta = meta_of(document)
    if meta is None:
        raise unreadable("filen är ingen databas för det här programmet")
    if meta["schema"] > SCHEMA_VERSION:
        raise DatabaseTooNew(path, meta["schema"], SCHEMA_VERSION)
    assert isinstance(document, dict)
    return document


def stored_documents(table: Table) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every document of ``table`` with its id, as held in memory: read them, never change them.

    ``Table.all`` copies each document into a ``Document`` first, which at 5,000 activities
    was a fifth of the time it took to open the register. ``_read_table`` is what ``all``
    reads from (tinydb is pinned below 5).
    """
    for key, doc in table._read_table().items():
        yield int(key), cast(dict[str, Any], doc)
