"""MemberRepository: a Member goes into the file and comes back the same, every field kept."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.members import Contact, FormChange, Member
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.members import MemberNotFound, MemberRepository
from tests.factories import FULL, INDIVIDUAL, NETWORKING, PERSON, make_member


def full_member() -> Member:
    """An organisation with every field set, a form history and an end."""
    return make_member(
        "Föreningen Ärlig Öppenhet",
        joined=date(2019, 4, 1),
        forms=(
            FormChange(date(2019, 4, 1), NETWORKING),
            FormChange(date(2022, 1, 1), FULL),
            FormChange(date(2024, 7, 1), NETWORKING),
        ),
        org_number="802002-4280",
        contact=Contact(
            person="Åsa Öberg",
            email="asa@example.org",
            phone="+46 70-123 45 67",
            address="Storgatan 1\n111 22 Stockholm",
        ),
        ended=date(2024, 12, 31),
        end_reason="Gick upp i en annan organisation",
    )


def test_a_member_round_trips_with_every_field_through_the_file(db_path: Path) -> None:
    with open_database(db_path) as db:
        added = MemberRepository(db).add(full_member())
    assert added.id is not None
    with open_database(db_path) as db:
        loaded = MemberRepository(db).get(added.id)
    assert loaded == replace(full_member(), id=added.id)
    assert "Åsa Öberg" in db_path.read_text(encoding="utf-8"), "åäö are stored as text"


def test_a_minimal_individual_round_trips(database: Database) -> None:
    person = make_member("Anna Andersson", kind=PERSON, joined=date(2024, 2, 29), form=INDIVIDUAL)
    repo = MemberRepository(database)
    stored = repo.add(person)
    assert repo.all() == [stored]
    assert stored == replace(person, id=stored.id)


def test_update_replaces_the_stored_member(db_path: Path) -> None:
    with open_database(db_path) as db:
        repo = MemberRepository(db)
        stored = repo.add(full_member())
        other = repo.add(replace(full_member(), name="Annan"))
        changed = replace(stored, ended=None, end_reason="", contact=Contact(person="Ny"))
        repo.update(changed)
    with open_database(db_path) as db:
        assert MemberRepository(db).all() == [changed, other]


def test_ids_are_stable_and_all_lists_every_member(database: Database) -> None:
    repo = MemberRepository(database)
    ids = [repo.add(replace(full_member(), name=f"M{i}")).id for i in range(3)]
    assert len(set(ids)) == 3
    assert [m.name for m in repo.all()] == ["M0", "M1", "M2"]
    assert repo.get(ids[1]).name == "M1"


def test_a_missing_member_is_reported_by_id(database: Database) -> None:
    repo = MemberRepository(database)
    with pytest.raises(MemberNotFound, match="id 42"):
        repo.get(42)
    with pytest.raises(MemberNotFound):
        repo.update(replace(full_member(), id=42))
    with pytest.raises(MemberNotFound):
        repo.update(full_member())  # never stored: no id


def test_members_are_stored_in_their_own_table_beside_the_meta(db_path: Path) -> None:
    with open_database(db_path) as db:
        MemberRepository(db).add(full_member())
    document = json.loads(db_path.read_bytes())
    assert set(document) == {"_meta", "members"}
    assert document["members"]["1"]["forms"][1] == {"from": "2022-01-01", "form": "full"}


def test_the_erasure_date_round_trips_and_an_old_record_without_it_reads_none(
    db_path: Path,
) -> None:
    with open_database(db_path) as db:
        erased = MemberRepository(db).add(replace(make_member(), erased_on=date(2026, 6, 1)))
        MemberRepository(db).add(make_member("Äldre"))
    document = json.loads(db_path.read_bytes())
    del document["members"]["2"]["erased_on"]  # as a file written before erasure existed
    db_path.write_text(json.dumps(document), encoding="utf-8")
    with open_database(db_path) as db:
        repository = MemberRepository(db)
        assert repository.get(erased.id or 0).erased_on == date(2026, 6, 1)
        assert repository.get(2).erased_on is None
