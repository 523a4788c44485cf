"""Atomic saves: temp file, fsync, rename; a failed save leaves the old bytes and no temp file."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.members import Member
from secretariat_tui.store import atomic, storage
from secretariat_tui.store.atomic import atomic_write_bytes, remove_stale_temps, temp_name
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.members import MemberRepository, from_document
from tests.factories import make_member


def temps_beside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{temp_name(path)}*"))


def members_on_disk(path: Path) -> list[Member]:
    table = json.loads(path.read_bytes()).get("members", {})
    return [from_document(doc, int(doc_id)) for doc_id, doc in table.items()]


def fail(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


# --- atomic_write_bytes ---------------------------------------------------------------------


def test_atomic_write_replaces_the_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert temps_beside(target) == []


@pytest.mark.parametrize("failing_call", ["replace", "fsync"], ids=["rename", "fsync"])
def test_a_failed_rename_or_fsync_keeps_the_old_bytes_and_removes_the_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: str
) -> None:
    target = tmp_path / "file.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, failing_call, fail)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert temps_beside(target) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.json"]


def test_the_data_is_fsynced_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: calls.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(
        atomic.os, "replace", lambda a, b: calls.append("replace") or real_replace(a, b)
    )
    atomic_write_bytes(tmp_path / "file.json", b"data")
    monkeypatch.undo()
    assert calls == ["fsync", "replace", "fsync"], "file fsync, rename, then the folder's fsync"


# --- stale temp files -----------------------------------------------------------------------


def test_stale_temp_files_from_a_crash_are_removed_on_open(db_path: Path) -> None:
    with open_database(db_path):
        pass
    stale = [
        db_path.with_name(".secretariat.json.tmp-123-abcd"),
        db_path.with_name(f"{temp_name(db_path)}456-ef01"),
    ]
    for path in stale:
        path.write_bytes(b'{"half a')
    other = db_path.with_name(".other.json.tmp-123-abcd")
    other.write_bytes(b"another database's save")

    with open_database(db_path) as db:
        assert sorted(db.removed_temps) == sorted(stale)
    assert not any(path.exists() for path in stale)
    assert other.exists(), "only this database's temp files are ours to remove"


def test_remove_stale_temps_finds_nothing_when_clean(tmp_path: Path) -> None:
    assert remove_stale_temps(tmp_path / "secretariat.json") == []


# --- a failed save --------------------------------------------------------------------------


def insert(repo: MemberRepository, kept: Member) -> None:
    repo.add(make_member("Osparad"))


def update(repo: MemberRepository, kept: Member) -> None:
    repo.update(replace(kept, name="Osparad", end_reason="x", ended=date(2024, 1, 1)))


@pytest.mark.parametrize("save", [insert, update], ids=["insert", "update"])
def test_a_failed_insert_or_update_is_not_shown_as_saved(
    database: Database,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    save: Callable[[MemberRepository, Member], None],
) -> None:
    repo = MemberRepository(database)
    kept = repo.add(make_member("Sparad"))
    monkeypatch.setattr(storage, "atomic_write_bytes", fail)
    with pytest.raises(StoreError, match="Kunde inte spara i .*secretariat.json"):
        save(repo, kept)
    assert repo.all() == [kept]
    assert repo.get(kept.id or 0) == kept
    assert repo.all() == members_on_disk(db_path)


def test_saving_works_again_after_a_failed_save(
    database: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = MemberRepository(database)
    repo.add(make_member("Första"))
    with monkeypatch.context() as patch:
        patch.setattr(storage, "atomic_write_bytes", fail)
        with pytest.raises(StoreError):
            repo.add(make_member("Misslyckad"))
    repo.add(make_member("Andra"))
    assert [m.name for m in repo.all()] == ["Första", "Andra"]
    assert repo.all() == members_on_disk(db_path)


def test_memory_follows_the_disk_when_the_save_fails_after_the_rename(
    database: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the rename (the folder fsync) means the change is on disk: show it."""
    repo = MemberRepository(database)
    real_write = storage.atomic_write_bytes

    def write_then_fail(target: Path, data: bytes) -> None:
        real_write(target, data)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(storage, "atomic_write_bytes", write_then_fail)
    with pytest.raises(StoreError):
        repo.add(make_member("På disken"))
    monkeypatch.undo()
    assert [m.name for m in repo.all()] == ["På disken"]
    assert repo.all() == members_on_disk(db_path)
