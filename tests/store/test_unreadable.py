"""A corrupt, empty, foreign or too-new file is refused with a clear message and never touched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

import pytest

from secretariat_tui import APP_NAME
from secretariat_tui.store.backups import backup_dir, list_backups
from secretariat_tui.store.database import newest_good_backup, open_database
from secretariat_tui.store.errors import DatabaseTooNew, DatabaseUnreadable
from secretariat_tui.store.lock import acquire
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.schema import SCHEMA_VERSION
from tests.factories import make_member

BAD_FILES = {
    "truncated": b'{"_meta":{"1":{"app":"secretariat-tui","schema":1}},"members":{"1":{"na',
    "empty": b"",
    "whitespace": b" \n\t\n",
    "tinydb-default": b'{"_default": {}}',
    "json-list": b"[]",
    "other-app": json.dumps({"_meta": {"1": {"app": "other", "schema": 1}}}).encode(),
    "schema-not-a-number": json.dumps({"_meta": {"1": {"app": APP_NAME, "schema": "1"}}}).encode(),
    "schema-zero": json.dumps({"_meta": {"1": {"app": APP_NAME, "schema": 0}}}).encode(),
    "schema-negative": json.dumps({"_meta": {"1": {"app": APP_NAME, "schema": -1}}}).encode(),
    "schema-bool": json.dumps({"_meta": {"1": {"app": APP_NAME, "schema": True}}}).encode(),
    "not-utf8": b'{"_meta": "\xff\xfe\xfa"}',
    "utf16": '{"_default": {}}'.encode("utf-16"),
    "nul-bytes": b"\x00" * 64,
}

REASONS = {
    "truncated": "ogiltig JSON",
    "empty": "filen är tom",
    "whitespace": "filen är tom",
    "tinydb-default": "ingen databas för det här programmet",
    "json-list": "ingen databas för det här programmet",
    "other-app": "ingen databas för det här programmet",
    "schema-not-a-number": "ingen databas för det här programmet",
    "schema-zero": "ingen databas för det här programmet",
    "schema-negative": "ingen databas för det här programmet",
    "schema-bool": "ingen databas för det här programmet",
    "not-utf8": "inte UTF-8",
    "utf16": "inte UTF-8",
    "nul-bytes": "ogiltig JSON",
}


def good_database_with_a_backup(path: Path) -> Path:
    """A real database, opened twice so that the second open has backed it up."""
    with open_database(path) as db:
        MemberRepository(db).add(make_member())
    with open_database(path) as db:
        assert db.backup is not None
        return db.backup


def backup_state(path: Path) -> dict[str, bytes]:
    folder = backup_dir(path)
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.is_dir() else {}


Refusal = TypeVar("Refusal", bound=Exception)


def refused_open(path: Path, content: bytes, refusal: type[Refusal]) -> Refusal:
    """Write ``content`` as the file, open it, and return how it was refused.

    Checks that the refused file is left byte for byte and that no backup was made of it.
    """
    path.write_bytes(content)
    backups_before = backup_state(path)
    with pytest.raises(refusal) as caught:
        open_database(path)
    assert path.read_bytes() == content, "the refused file must be left byte for byte"
    assert backup_state(path) == backups_before, "no backup of the refused bytes"
    return caught.value


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_is_refused_naming_it_and_the_newest_backup(db_path: Path, kind: str) -> None:
    backup = good_database_with_a_backup(db_path)
    refusal = refused_open(db_path, BAD_FILES[kind], DatabaseUnreadable)
    message = str(refusal)
    assert str(db_path) in message
    assert str(backup) in message
    assert REASONS[kind] in message
    assert "Filen har inte ändrats" in message
    assert refusal.newest_backup == backup


def test_a_bad_file_is_refused_again_on_every_open(db_path: Path) -> None:
    good_database_with_a_backup(db_path)
    db_path.write_bytes(BAD_FILES["truncated"])
    for _ in range(3):
        with pytest.raises(DatabaseUnreadable):
            open_database(db_path)
    assert db_path.read_bytes() == BAD_FILES["truncated"]
    assert len(list_backups(db_path)) == 1


def test_a_refused_file_releases_the_lock(db_path: Path) -> None:
    good_database_with_a_backup(db_path)
    refused_open(db_path, b"{", DatabaseUnreadable)
    acquire(db_path).release()


def test_without_any_backup_the_message_says_so(db_path: Path) -> None:
    refusal = refused_open(db_path, b'{"_default": {}}', DatabaseUnreadable)
    assert refusal.newest_backup is None
    assert "Ingen säkerhetskopia utan fel" in str(refusal)
    assert not backup_dir(db_path).exists()


def test_a_broken_newest_backup_is_skipped_for_the_older_readable_one(db_path: Path) -> None:
    older = good_database_with_a_backup(db_path)
    broken_newest = older.with_name(older.name.replace("-", "-9", 1))
    broken_newest.write_bytes(b"{broken")
    assert list_backups(db_path)[-1] == broken_newest
    assert newest_good_backup(db_path) == older
    assert refused_open(db_path, b"", DatabaseUnreadable).newest_backup == older


def test_a_schema_newer_than_this_program_is_refused_and_untouched(db_path: Path) -> None:
    good_database_with_a_backup(db_path)
    document = json.loads(db_path.read_bytes())
    document["_meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    message = str(refused_open(db_path, json.dumps(document).encode(), DatabaseTooNew))
    assert str(db_path) in message
    assert f"schemaversion {SCHEMA_VERSION + 1}" in message
    assert f"version {SCHEMA_VERSION}" in message
    acquire(db_path).release()
