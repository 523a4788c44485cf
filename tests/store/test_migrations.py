"""Schema migrations: on open, the old file is backed up first, then migrated and saved."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from secretariat_tui.store import database, schema
from secretariat_tui.store.backups import backup_dir, list_backups
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.schema import migrate, new_document
from secretariat_tui.store.storage import encode
from tests.store.holder import held_elsewhere

V1_MEMBER = {
    "name": "Exempel",
    "kind": "organisation",
    "joined": "2020-01-01",
    "forms": [{"from": "2020-01-01", "form": "full"}],
    "org_number": "",
    "contact": {"person": "Åsa", "email": "", "phone": "", "address": ""},
    "ended": None,
    "end_reason": "",
}


@pytest.fixture
def v1_file(db_path: Path) -> bytes:
    document = new_document("2024-01-01T00:00:00")
    document["members"] = {"1": dict(V1_MEMBER)}
    raw = encode(document)
    db_path.write_bytes(raw)
    return raw


@pytest.fixture
def schema_v2(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Pretend this program knows schema 2; the 1→2 step records what it saw when it ran."""
    seen: list[str] = []

    def one_to_two(document: dict[str, Any]) -> dict[str, Any]:
        seen.append("migrated")
        for member in document.get("members", {}).values():
            member["contact_person"] = member["contact"].pop("person")
        return document

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(database, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, one_to_two)
    return seen


def test_opening_an_old_file_backs_up_the_old_bytes_then_migrates(
    db_path: Path, v1_file: bytes, schema_v2: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    order: list[str] = []
    real_migrate = database.migrate

    def watched_migrate(document: dict[str, Any], *args: Any) -> dict[str, Any]:
        backups = list_backups(db_path)
        assert db_path.read_bytes() == v1_file, "the file is still v1 while migrating"
        order.append(
            "backup of v1 present"
            if backups and backups[-1].read_bytes() == v1_file
            else "no backup"
        )
        return real_migrate(document, *args)

    monkeypatch.setattr(database, "migrate", watched_migrate)

    with open_database(db_path) as db:
        assert db.backup is not None
        assert db.backup.read_bytes() == v1_file
        assert db.table("members").get(doc_id=1)["contact_person"] == "Åsa"

    assert order == ["backup of v1 present"]
    assert schema_v2 == ["migrated"]
    document = json.loads(db_path.read_bytes())
    assert document["_meta"]["1"]["schema"] == 2
    assert document["members"]["1"]["contact_person"] == "Åsa"
    assert "person" not in document["members"]["1"]["contact"]


def test_a_migrated_file_is_not_migrated_again(
    db_path: Path, v1_file: bytes, schema_v2: list[str]
) -> None:
    with open_database(db_path):
        pass
    migrated = db_path.read_bytes()
    with open_database(db_path):
        pass
    assert schema_v2 == ["migrated"]
    assert db_path.read_bytes() == migrated
    assert [b.read_bytes() for b in list_backups(db_path)] == [v1_file, migrated]


def test_a_failing_migration_leaves_the_file_as_it_was(
    db_path: Path, v1_file: bytes, schema_v2: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(document: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("members")

    monkeypatch.setitem(schema.MIGRATIONS, 1, broken)
    with pytest.raises(KeyError):
        open_database(db_path)
    assert db_path.read_bytes() == v1_file
    assert [b.read_bytes() for b in list_backups(db_path)] == [v1_file]


def test_migrate_runs_every_step_up_to_the_target(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(schema.MIGRATIONS, 1, lambda d: {**d, "steps": ["1→2"]})
    monkeypatch.setitem(schema.MIGRATIONS, 2, lambda d: {**d, "steps": [*d["steps"], "2→3"]})
    result = migrate(new_document("x"), target=3)
    assert result["steps"] == ["1→2", "2→3"]
    assert result["_meta"]["1"]["schema"] == 3


def test_a_current_file_is_not_rewritten_on_open(db_path: Path) -> None:
    with open_database(db_path):
        pass
    before = db_path.read_bytes()
    mtime = db_path.stat().st_mtime_ns
    with open_database(db_path):
        pass
    assert db_path.read_bytes() == before
    assert db_path.stat().st_mtime_ns == mtime


def test_a_reading_session_migrates_in_memory_only(
    db_path: Path, v1_file: bytes, schema_v2: list[str]
) -> None:
    with open_database(db_path, read_only=True) as db:
        assert db.table("members").get(doc_id=1)["contact_person"] == "Åsa"
    assert db_path.read_bytes() == v1_file


def test_a_reader_of_an_old_file_held_elsewhere_writes_nothing(
    db_path: Path, v1_file: bytes, schema_v2: list[str]
) -> None:
    """The holder runs this program's schema 1: the reader knows 2, and must not save it."""
    with held_elsewhere(db_path):
        held = db_path.read_bytes()
        with open_database(db_path, read_only=True) as db:
            assert db.table("members").get(doc_id=1)["contact_person"] == "Åsa"
        assert db_path.read_bytes() == held


def test_an_old_file_that_cannot_be_backed_up_is_not_migrated_on_disk(
    db_path: Path, v1_file: bytes, schema_v2: list[str]
) -> None:
    backup_dir(db_path).write_bytes(b"a file where the folder should be")
    with open_database(db_path) as db:
        assert db.read_only
        assert db.table("members").get(doc_id=1)["contact_person"] == "Åsa"
        assert any("äldre format" in w for w in db.warnings)
        with pytest.raises(StoreError) as caught:
            db.table("members").insert({"name": "Ny"})
    assert "Inget sparades" in str(caught.value)
    assert db_path.read_bytes() == v1_file
