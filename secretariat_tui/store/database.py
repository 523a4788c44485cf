"""Opening a database file: lock, check, back up, migrate, then hand TinyDB a safe storage."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from secretariat_tui.store import backups
from secretariat_tui.store.atomic import atomic_write_bytes, remove_stale_temps
from secretariat_tui.store.check_stamp import is_checked, mark_checked, read_with_identity
from secretariat_tui.store.errors import (
    DatabaseLocked,
    DatabaseTooNew,
    DatabaseUnreadable,
    StoreError,
    file_label,
    os_reason,
)
from secretariat_tui.store.lock import SessionLock, acquire
from secretariat_tui.store.rules_stamp import rules_stamp
from secretariat_tui.store.schema import (
    META_DOC_ID,
    META_TABLE,
    SCHEMA_VERSION,
    meta_of,
    migrate,
    new_document,
)
from secretariat_tui.store.storage import AtomicJSONStorage, decode, encode
from secretariat_tui.store.tinydb_compat import forget_unsaved
from secretariat_tui.store.tinydb_compat import stored_documents as stored_documents


@dataclass
class Database:
    """An open database file; close it (or use ``with``) to release the lock."""

    path: Path
    """The real path (links resolved): the lock, the saves and the backups are all beside it."""
    tinydb: TinyDB
    lock: SessionLock | None
    """None only in a read-only session that found the file open elsewhere."""
    backup: Path | None = None
    removed_temps: list[Path] = field(default_factory=list)
    created: bool = False
    """True when this open made a new, empty file (a mistyped path should be noticed)."""
    read_only: bool = False
    """Every write is refused with a StoreError saying nothing was saved and why."""
    warnings: list[str] = field(default_factory=list)
    """One-line Swedish notices for the user (read-only, no backup possible), in order."""
    given: Path | None = None
    """The path as the user gave it, when that is a link to ``path``."""

    @property
    def label(self) -> str:
        """The file as messages name it: as given, and where the link leads if it is one."""
        return file_label(self.path, self.given)

    def table(self, name: str) -> Table:
        return self.tinydb.table(name)

    @contextmanager
    def one_save(self) -> Iterator[None]:
        """Every repository write in the block lands in one atomic save when it ends.

        For a change that spans registers (an erasure: the member, its payments, board seats,
        activities): the file holds all of it or none of it. The record check runs once, on
        the result. If the block raises, nothing is written and the session shows the file
        as it is; what TinyDB's tables remember of the abandoned block is dropped, so nothing
        from it is seen later.
        """
        storage = self.tinydb.storage
        if not isinstance(storage, AtomicJSONStorage):  # an in-memory copy: nothing to defer
            yield
            return
        try:
            with storage.deferred():
                yield
        except BaseException:
            forget_unsaved(self.tinydb)
            raise

    def close(self) -> None:
        self.tinydb.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class _Opened:
    """What reading an existing file found, before TinyDB is handed the document."""

    document: dict[str, Any]
    backup: Path | None = None
    refusal: str | None = None
    warnings: list[str] = field(default_factory=list)


def open_database(path: Path, *, create: bool = True, read_only: bool = False) -> Database:
    """Open ``path`` for this session, or raise a StoreError that names the file.

    The path is resolved first (links followed): the lock, temp files, saves and backups are
    all beside the real file, so a link to it (a synced folder) stays a link, and a second
    session through another name finds the same lock. A missing file is created (when
    ``create``, never when ``read_only``); an existing file that does not check out is never
    written to, and an empty database is never started over it.

    ``read_only`` is for commands that only read: every write is refused. When another session
    holds the lock, the file is read without it (saves are atomic, so it is the last saved
    state) and nothing is touched: no backup, and no stale temp file removed, since it may be
    that session's save in flight. A file its owner may not write opens read-only as well,
    and is never chmodded.
    """
    given = Path(path).expanduser().absolute()
    real = Path(os.path.realpath(given))
    label = file_label(real, given)
    if real.is_dir():
        raise StoreError(f"{label} är en mapp, inte en databasfil.")
    if not real.exists() and (read_only or not create):
        raise StoreError(f"Databasen {label} finns inte.")
    lock: SessionLock | None = None
    warnings: list[str] = []
    try:
        real.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not os.access(real.parent, os.W_OK):
            raise PermissionError(errno.EACCES, "no write access", str(real.parent))
        lock = acquire(real, given)
    except DatabaseLocked:
        if not read_only:
            raise
        warnings.append(
            f"Databasen {label} är öppen i ett annat fönster eller program: "
            "här visas det senast sparade."
        )
    except OSError as err:
        raise StoreError(f"Databasen {label} kan inte öppnas: {os_reason(err)}.") from err
    try:
        removed = remove_stale_temps(real) if lock is not None else []
        created = not real.exists()
        if created and read_only:
            raise StoreError(f"Databasen {label} finns inte.")
        if created:
            opened = _Opened(new_document(datetime.now().isoformat(timespec="seconds")))
            atomic_write_bytes(real, encode(opened.document))
            mark_checked(real, rules_stamp())  # empty: nothing in it to check
        else:
            opened = _open_existing(real, given, locked=lock is not None, read_only=read_only)
        refusal = opened.refusal
        if refusal is None and read_only:
            refusal = (
                f"Inget sparades: databasen {label} är öppen i ett annat fönster eller program. "
                "Stäng det och försök igen."
                if lock is None
                else f"Inget sparades: databasen {label} är öppnad bara för läsning."
            )
        tinydb = TinyDB(
            real,
            opened.document,
            storage=AtomicJSONStorage,
            refusal=refusal,
            reload=lambda: _current(decode(real.read_bytes())),
        )
    except OSError as err:
        if lock is not None:
            lock.release()
        raise StoreError(f"Databasen {label} kan inte öppnas: {os_reason(err)}.") from err
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Database(
        path=real,
        tinydb=tinydb,
        lock=lock,
        backup=opened.backup,
        removed_temps=removed,
        created=created,
        read_only=refusal is not None,
        warnings=warnings + opened.warnings,
        given=given if given != real else None,
    )


def _open_existing(real: Path, given: Path, *, locked: bool, read_only: bool) -> _Opened:
    """Check every record, back the file up (under the lock), migrate it, keep it owner-only.

    A file whose records are bad is refused before it is backed up, so it never passes for
    a good backup; an old file's own bytes are backed up before a migration rewrites it.
    Only what the file allows: a file without the owner's write bit is read, never written
    or chmodded; an unwritable backups folder is a warning, not a refusal to open.
    """
    label = file_label(real, given)
    raw, seen = read_with_identity(real)
    opened = _Opened(read_document(real, raw, given=given))
    old = opened.document[META_TABLE][META_DOC_ID]["schema"] < SCHEMA_VERSION
    if not old and not is_checked(real, seen, rules_stamp()):
        check_every_record(real, opened.document, given=given)
        if locked:
            mark_checked(real, rules_stamp(), seen)
    mode = stat.S_IMODE(real.stat().st_mode)
    if not mode & stat.S_IWUSR:
        opened.refusal = (
            f"Inget sparades: databasen {label} är skrivskyddad (ägaren saknar skrivrätt). "
            "Ge filen skrivrätt för att kunna spara."
        )
        opened.warnings.append(
            f"Databasen {label} är skrivskyddad: den visas bara för läsning, inget kan sparas."
        )
    backed_up = False
    if locked:
        try:
            opened.backup = backups.make_backup(real, raw)
            backed_up = True
        except OSError as err:
            folder = backups.backup_dir(real)
            reason = (
                "det är en fil, inte en mapp"
                if folder.exists() and not folder.is_dir()
                else os_reason(err)
            )
            opened.warnings.append(
                f"Ingen säkerhetskopia kunde göras i {folder}: {reason}. Databasen öppnades ändå."
            )
    if old:
        opened.document = migrate(opened.document, SCHEMA_VERSION)
        check_every_record(real, opened.document, given=given)
        if not backed_up and opened.refusal is None and not read_only:
            opened.refusal = (
                f"Inget sparades: databasen {label} har ett äldre format och kunde inte "
                "säkerhetskopieras innan den uppdaterades."
            )
            opened.warnings.append(
                f"Databasen {label} har ett äldre format men kunde inte säkerhetskopieras: "
                "den visas bara för läsning och uppdateras inte."
            )
        if opened.refusal is None and not read_only:
            atomic_write_bytes(real, encode(opened.document))
            mark_checked(real, rules_stamp())
    if opened.refusal is None and not read_only and mode & 0o077:
        os.chmod(real, mode & ~0o077)
    return opened


def _current(document: dict[str, Any]) -> dict[str, Any]:
    """The document as this program's schema, migrated in memory if the file is older."""
    if document[META_TABLE][META_DOC_ID]["schema"] < SCHEMA_VERSION:
        return migrate(document, SCHEMA_VERSION)
    return document


def read_document(
    path: Path, raw: bytes, *, given: Path | None = None, backup_hint: bool = True
) -> dict[str, Any]:
    """Parse and identify the file's bytes; raise DatabaseUnreadable or DatabaseTooNew.

    The error names the newest backup that passes every check an open makes, unless
    ``backup_hint`` is False (when the backups themselves are being checked).
    """

    def unreadable(reason: str) -> DatabaseUnreadable:
        return _unreadable(path, reason, given=given, backup_hint=backup_hint)

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
        raise DatabaseTooNew(path, meta["schema"], SCHEMA_VERSION, given)
    assert isinstance(document, dict)
    return document


def check_every_record(
    path: Path, document: dict[str, Any], *, given: Path | None = None, backup_hint: bool = True
) -> None:
    """Raise DatabaseUnreadable naming the first record that does not fit the schema.

    The schemas load here, on the first file that needs them: a file the program wrote
    itself opens without them (``rules_stamp``)."""
    from secretariat_tui.store.record_check import check_records
    from secretariat_tui.store.record_schema import SCHEMAS

    bad = check_records(document, SCHEMAS)
    if bad is not None:
        reason = f"den har en felaktig post: {bad.describe()}"
        raise _unreadable(path, reason, given=given, backup_hint=backup_hint)


def _unreadable(
    path: Path, reason: str, *, given: Path | None, backup_hint: bool
) -> DatabaseUnreadable:
    backup = newest_good_backup(path) if backup_hint else None
    return DatabaseUnreadable(path, reason, backup, given)


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
