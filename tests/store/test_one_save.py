"""``Database.one_save()``: several repository writes land in one atomic save, or none does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.members import Contact
from secretariat_tui.store import atomic, storage
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.store.storage import RecordRefused
from tests.factories import make_member


def seed(db_path: Path) -> None:
    with open_database(db_path) as db:
        MemberRepository(db).add(make_member("Förening", contact=Contact("Åsa", "a@example.se")))
        PaymentRepository(db).add(Payment(1, 2024, Decimal(500), date(2024, 3, 1), note="Swish"))


def test_writes_in_the_block_reach_the_file_in_one_save(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db_path)
    saves: list[bytes] = []
    real_write = storage.atomic_write_bytes

    def counted(target: Path, data: bytes) -> None:
        saves.append(data)
        real_write(target, data)

    with open_database(db_path) as db:
        monkeypatch.setattr(storage, "atomic_write_bytes", counted)
        members, payments = MemberRepository(db), PaymentRepository(db)
        with db.one_save():
            members.update(replace(members.get(1), contact=Contact()))
            payments.update(replace(payments.get(1), note=""))
            payments.add(Payment(1, 2025, Decimal(500), date(2025, 3, 1)))
            assert saves == [], "nothing is written inside the block"
        assert len(saves) == 1
    with open_database(db_path) as db:
        assert MemberRepository(db).get(1).contact == Contact()
        assert [p.note for p in PaymentRepository(db).all()] == ["", ""]


def test_a_failure_part_way_leaves_the_file_byte_identical_and_memory_as_the_file(
    db_path: Path,
) -> None:
    seed(db_path)
    before = db_path.read_bytes()
    with open_database(db_path) as db:
        members, payments = MemberRepository(db), PaymentRepository(db)
        payments.for_member(1)  # a cached query, which must not outlive the failed block
        with pytest.raises(RuntimeError, match="part-way"), db.one_save():
            members.update(replace(members.get(1), name="Ändrad", contact=Contact()))
            payments.update(replace(payments.get(1), note=""))
            assert payments.for_member(1)[0].note == ""
            assert members.add(make_member("Tillfällig")).id == 2
            raise RuntimeError("part-way")
        assert db_path.read_bytes() == before
        assert members.get(1).name == "Förening"
        assert members.get(1).contact.person == "Åsa"
        assert payments.for_member(1)[0].note == "Swish"
        added = members.add(make_member("Nästa"))
        assert added.id == 2, "the abandoned block leaves no gap in the ids"
    assert db_path.read_bytes() != before


def test_a_record_the_check_refuses_at_the_end_writes_nothing(db_path: Path) -> None:
    seed(db_path)
    before = db_path.read_bytes()
    with open_database(db_path) as db:
        payments = PaymentRepository(db)
        with pytest.raises(RecordRefused), db.one_save():
            payments.update(replace(payments.get(1), note=""))
            payments.add(Payment(99, 2024, Decimal(1), date(2024, 1, 1)))  # no member 99
        assert db_path.read_bytes() == before
        assert payments.get(1).note == "Swish"


def test_a_failed_write_at_the_end_leaves_the_old_bytes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db_path)
    before = db_path.read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with open_database(db_path) as db:
        members = MemberRepository(db)
        monkeypatch.setattr(atomic.os, "replace", full_disk)
        with pytest.raises(StoreError, match="disken är full"), db.one_save():
            members.update(replace(members.get(1), name="Ändrad"))
        monkeypatch.undo()
        assert db_path.read_bytes() == before
        assert members.get(1).name == "Förening"


def test_nested_blocks_save_once_when_the_outer_one_ends(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db_path)
    saves: list[bytes] = []
    real_write = storage.atomic_write_bytes
    with open_database(db_path) as db:
        monkeypatch.setattr(storage, "atomic_write_bytes", lambda t, d: saves.append(d))
        members = MemberRepository(db)
        with db.one_save():
            with db.one_save():
                members.update(replace(members.get(1), name="Ett"))
            assert saves == []
            members.update(replace(members.get(1), name="Två"))
        assert len(saves) == 1
        monkeypatch.setattr(storage, "atomic_write_bytes", real_write)


def test_a_read_only_session_is_refused_before_the_block_runs(db_path: Path) -> None:
    seed(db_path)
    ran = False
    with open_database(db_path, read_only=True) as db:
        with pytest.raises(StoreError, match="bara för läsning"), db.one_save():
            ran = True
    assert not ran
