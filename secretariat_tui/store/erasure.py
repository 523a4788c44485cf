"""Erasing a person from the live file and from every backup that holds their data.

Blanking fields is not enough: each open of the file copies it into a backup, so the name
would stay in up to ten copies, and in the copies older versions left in ``<stem>.backups/``.
So an erasure is planned first, without changing anything (``plan_member_erasure``):

- the live file: the domain's erasure (``domain.erasure``), saved later in one atomic save;
- each backup, in both folders: parsed, migrated and checked like an open. It holds the
  person if any text value matches one of their strings (the current record's and every
  backup's own version of it, since an e-mail may have changed), or if the raw bytes do
  (JSON escapes, a text the parser does not show). A copy that holds them is rewritten:
  the same erasure applied, and the result checked to contain none of the strings, parsed
  and raw. A copy that cannot be read, migrated or rewritten clean is removed, if its bytes
  hold any of the strings. The old folder is shared by files with one stem: a copy there
  whose ``_meta.created`` is not this file's is another database's and is left alone
  (and named in the plan if it holds the person).

``erase_member`` then carries the plan out: the live save first (if it fails, no backup is
touched), then each backup written atomically in place and read back, or removed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from secretariat_tui.domain.erasure import Erasure, plan_erasure
from secretariat_tui.domain.personal_data import (
    distinct,
    mention_pattern,
    person_strings,
    raw_pattern,
)
from secretariat_tui.store import backups
from secretariat_tui.store.atomic import TEMP_MARKER, atomic_write_bytes
from secretariat_tui.store.database import Database, check_every_record, read_document
from secretariat_tui.store.errors import (
    DatabaseTooNew,
    DatabaseUnreadable,
    StoreError,
    os_reason,
)
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.personal_data import (
    document,
    in_memory,
    load_people,
    load_register,
    save_erasure,
)
from secretariat_tui.store.schema import META_DOC_ID, META_TABLE, SCHEMA_VERSION, migrate
from secretariat_tui.store.storage import encode, refuse_bad_records


class Action(Enum):
    REWRITE = "rewrite"
    REMOVE = "remove"
    LEAVE = "leave"


@dataclass(frozen=True)
class BackupStep:
    """What the erasure does to one backup file, and why (Swedish, for the plan)."""

    path: Path
    action: Action
    reason: str = ""
    data: bytes | None = None
    """The rewritten file, for REWRITE: checked before it is shown in the plan."""
    strings: tuple[str, ...] = ()
    """What must not be in the file afterwards."""


@dataclass(frozen=True)
class ErasurePlan:
    erasure: Erasure
    steps: tuple[BackupStep, ...] = ()
    checked: int = 0

    def _with(self, action: Action) -> tuple[BackupStep, ...]:
        return tuple(s for s in self.steps if s.action is action)

    @property
    def rewrite(self) -> tuple[BackupStep, ...]:
        return self._with(Action.REWRITE)

    @property
    def remove(self) -> tuple[BackupStep, ...]:
        return self._with(Action.REMOVE)

    @property
    def left(self) -> tuple[BackupStep, ...]:
        return self._with(Action.LEAVE)

    @property
    def touches_backups(self) -> bool:
        return bool(self.rewrite or self.remove)

    @property
    def nothing_to_do(self) -> bool:
        return not self.erasure.changes_anything and not self.touches_backups

    def register_lines(self) -> list[str]:
        """The register part of the plan, in Swedish: what goes, and what stays."""
        erasure = self.erasure
        lines = []
        if erasure.before is not None and erasure.before.erased_on is not None:
            lines.append(
                f"Personuppgifterna för medlem {erasure.member_id} raderades redan "
                f"{erasure.before.erased_on.isoformat()}."
            )
        if erasure.changes_anything:
            lines.append("I registret tas detta bort:")
            lines += [f"  {line}" for line in erasure.lines()]
            lines.append(
                "  Medlemmen finns kvar: tidigare års siffror, betalningarnas belopp, år, datum "
                "och referens och styrelseposternas roller och datum står kvar."
            )
        return lines

    def backup_lines(self) -> list[str]:
        """The backups part of the plan, in Swedish: which are rewritten, removed, left."""
        if not self.steps:
            return [f"Säkerhetskopior: {self.checked} genomsökta; ingen innehåller uppgifterna."]
        lines = [f"Säkerhetskopior: {self.checked} genomsökta."]
        for title, steps in (
            ("Skrivs om utan uppgifterna", self.rewrite),
            ("Tas bort", self.remove),
            ("Lämnas orörda", self.left),
        ):
            if steps:
                lines.append(f"  {title} ({len(steps)}):")
                lines += [f"    {s.path}" + (f" – {s.reason}" if s.reason else "") for s in steps]
        return lines


@dataclass(frozen=True)
class ErasureDone:
    live_saved: bool
    rewritten: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()
    failed: tuple[str, ...] = field(default_factory=tuple)
    """One Swedish line per backup that could be neither rewritten nor removed."""

    def summary(self) -> str:
        return f"Säkerhetskopior: {len(self.rewritten)} omskrivna, {len(self.removed)} borttagna."


# --- finding the copies -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Copy:
    path: Path
    raw: bytes
    document: dict[str, Any] | None
    fault: str = ""
    legacy: bool = False


def backup_files(db_path: Path) -> list[tuple[Path, bool]]:
    """Every backup of the file, in both folders, with True for the old folder's; also the
    hidden leftovers of a backup a crash cut off, which hold the data just the same."""
    found: dict[Path, bool] = {}
    current = backups.backup_dir(db_path)
    for path in backups.list_backups(db_path):
        found[path] = False
    stem = db_path.stem
    for folder, legacy in ((current, False), (backups.legacy_backup_dir(db_path), True)):
        if not folder.is_dir():
            continue
        patterns = [f".{stem}-*.json{TEMP_MARKER}*"]
        if legacy and folder != current:
            patterns.append(f"{stem}-*.json")
        for pattern in patterns:
            for path in sorted(folder.glob(pattern)):
                if path.is_file():
                    found.setdefault(path, legacy and folder != current)
    return list(found.items())


def _read_copy(path: Path, legacy: bool) -> _Copy:
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _Copy(path, b"", None, f"kan inte läsas: {os_reason(err)}", legacy)
    try:
        parsed = read_document(path, raw, backup_hint=False)
        parsed = migrate(parsed, SCHEMA_VERSION)
        check_every_record(path, parsed, backup_hint=False)
    except DatabaseUnreadable as err:
        return _Copy(path, raw, None, f"kan inte läsas ({err.reason})", legacy)
    except DatabaseTooNew:
        return _Copy(path, raw, None, "gjord av en nyare version av programmet", legacy)
    except Exception:  # noqa: BLE001  (a migration that fails on this copy: unreadable)
        return _Copy(path, raw, None, "kan inte läsas av det här programmet", legacy)
    return _Copy(path, raw, parsed, "", legacy)


def _created(document: dict[str, Any]) -> object:
    return document.get(META_TABLE, {}).get(META_DOC_ID, {}).get("created")


def _texts(document: Any) -> list[str]:
    """Every text value in a parsed document (its keys are the program's: tables, ids)."""
    found: list[str] = []
    stack = [document]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is str:
            found.append(value)
        elif kind is dict:
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
    return found


def holds(parsed: dict[str, Any] | None, raw: bytes, strings: Iterable[str]) -> bool:
    """Whether a file holds any of ``strings``: in its bytes (as typed, or as JSON escapes
    them), or in its parsed text values (where a line break or an escape in the middle of a
    name shows as itself). The values are searched as one text, joined by a character that
    is no word character, so that whole-word matching still stops at each value's ends."""
    strings = tuple(strings)
    in_bytes = raw_pattern(strings)
    if in_bytes is not None and in_bytes.search(raw.decode("utf-8", "replace")):
        return True
    pattern = mention_pattern(strings)
    return bool(pattern and parsed is not None and pattern.search("\x00".join(_texts(parsed))))


# --- the plan ------------------------------------------------------------------------------------


def plan_member_erasure(db: Database, member_id: int, today: date) -> ErasurePlan:
    """What erasing the member's person would change, in the file and in every backup.

    Changes nothing. Raises MemberNotFound for an unknown id, StoreError in a read-only
    session (nothing could be saved). The backups are read twice, one at a time (first for
    the person's strings in each, then for the plan), so a ten-year register's ten copies
    are never all in memory at once.
    """
    if db.read_only:
        raise StoreError(f"Inget raderades: databasen {db.label} är öppnad bara för läsning.")
    MemberRepository(db).get(member_id)
    live = load_register(db)
    files = backup_files(db.path)
    older: list[str] = []
    for path, legacy in files:
        copy = _read_copy(path, legacy)
        if copy.document is not None:
            people = load_people(in_memory(copy.document, path))
            if any(m.id == member_id for m in people.members):
                older += person_strings(people, member_id)
    erasure = plan_erasure(live, member_id, today, also=distinct(older))
    day = erasure.member.erased_on if erasure.member and erasure.member.erased_on else today
    also = distinct([*person_strings(live, member_id), *older])
    created = _created(document(db))
    steps = []
    for path, legacy in files:
        copy = _read_copy(path, legacy)
        if copy.document is None:
            step = _unreadable_step(copy, erasure.strings)
        elif copy.legacy and _created(copy.document) != created:
            step = _other_file_step(copy, erasure.strings)
        else:
            register = load_register(in_memory(copy.document, path))
            step = _parsed_step(copy, plan_erasure(register, member_id, day, also=also))
        if step is not None:
            steps.append(step)
    return ErasurePlan(erasure, tuple(steps), checked=len(files))


def _unreadable_step(copy: _Copy, strings: tuple[str, ...]) -> BackupStep | None:
    if holds(None, copy.raw, strings):
        reason = f"{copy.fault} och innehåller uppgifterna"
        return BackupStep(copy.path, Action.REMOVE, reason, strings=strings)
    reason = f"{copy.fault}; inga av uppgifterna finns i filen"
    return BackupStep(copy.path, Action.LEAVE, reason)


def _other_file_step(copy: _Copy, strings: tuple[str, ...]) -> BackupStep | None:
    if not holds(copy.document, copy.raw, strings):
        return None
    reason = (
        "hör till en annan databasfil (den gamla mappen delas av filer med samma namn) men "
        "innehåller uppgifterna: radera personen i den databasen också"
    )
    return BackupStep(copy.path, Action.LEAVE, reason)


def _parsed_step(copy: _Copy, erasure: Erasure) -> BackupStep | None:
    assert copy.document is not None
    strings = erasure.strings
    if not erasure.removes_data and not holds(copy.document, copy.raw, strings):
        return None
    copy_db = in_memory(copy.document, copy.path)
    try:
        save_erasure(copy_db, erasure)
        result = document(copy_db)
        refuse_bad_records(result)
        data = encode(result)
    except (StoreError, ValueError, LookupError):
        return BackupStep(copy.path, Action.REMOVE, "kan inte skrivas om", strings=strings)
    if holds(result, data, strings):
        reason = "uppgifterna finns kvar efter omskrivningen"
        return BackupStep(copy.path, Action.REMOVE, reason, strings=strings)
    return BackupStep(copy.path, Action.REWRITE, data=data, strings=strings)


# --- carrying it out -----------------------------------------------------------------------------


def erase_member(db: Database, plan: ErasurePlan) -> ErasureDone:
    """The live file in one save, then every backup as planned; say what was done.

    A failed live save raises (StoreError) before any backup is touched. A backup that
    cannot be written, or reads back wrong, is removed instead; one that cannot be removed
    either is reported in ``failed``.
    """
    saved = plan.erasure.changes_anything
    if saved:
        save_erasure(db, plan.erasure)
    rewritten: list[Path] = []
    removed: list[Path] = []
    failed: list[str] = []
    for step in plan.rewrite:
        assert step.data is not None
        try:
            atomic_write_bytes(step.path, step.data)
            if step.path.read_bytes() == step.data:
                rewritten.append(step.path)
                continue
        except OSError:
            pass
        _remove(step.path, removed, failed)
    for step in plan.remove:
        _remove(step.path, removed, failed)
    return ErasureDone(saved, tuple(rewritten), tuple(removed), tuple(failed))


def _remove(path: Path, removed: list[Path], failed: list[str]) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        removed.append(path)
    except OSError as err:
        failed.append(f"{path} kunde varken skrivas om eller tas bort: {os_reason(err)}.")
    else:
        removed.append(path)
