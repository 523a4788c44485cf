"""FeeRepository: schedules per year and agreed amounts/exemptions survive the file, exactly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from secretariat_tui.domain.fees import FeeOverride, FeeSchedule
from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.fees import FeeRepository
from tests.conftest import seed_references

FULL = MembershipForm.FULL
INDIVIDUAL = MembershipForm.INDIVIDUAL
NETWORKING = MembershipForm.NETWORKING


@pytest.fixture(autouse=True)
def members_to_refer_to(db_path: Path) -> None:
    """Payments and agreements point at members, which must be in the file."""
    seed_references(db_path)


def test_a_schedule_round_trips_through_the_file_with_exact_amounts(db_path: Path) -> None:
    schedule = FeeSchedule(
        2024, {FULL: Decimal("1500"), INDIVIDUAL: Decimal("300.50"), NETWORKING: Decimal("0")}
    )
    with open_database(db_path) as db:
        FeeRepository(db).save_schedule(schedule)
    with open_database(db_path) as db:
        loaded = FeeRepository(db).schedule(2024)

    assert loaded == schedule
    assert loaded is not None
    assert all(type(a) is Decimal for a in loaded.amounts.values())
    assert loaded.amounts[INDIVIDUAL] == Decimal("300.50")


def test_a_year_without_a_schedule_is_none(database: Database) -> None:
    FeeRepository(database).save_schedule(FeeSchedule(2023, {FULL: Decimal("1000")}))

    assert FeeRepository(database).schedule(2024) is None


def test_saving_a_schedule_again_replaces_that_year_only(database: Database) -> None:
    repo = FeeRepository(database)
    repo.save_schedule(FeeSchedule(2023, {FULL: Decimal("1000")}))
    repo.save_schedule(FeeSchedule(2024, {FULL: Decimal("1500"), NETWORKING: Decimal("500")}))
    repo.save_schedule(FeeSchedule(2024, {FULL: Decimal("1600")}))

    assert repo.schedules() == [
        FeeSchedule(2023, {FULL: Decimal("1000")}),
        FeeSchedule(2024, {FULL: Decimal("1600")}),
    ]


def test_schedules_come_in_year_order(database: Database) -> None:
    repo = FeeRepository(database)
    for year in (2025, 2022, 2024):
        repo.save_schedule(FeeSchedule(year, {FULL: Decimal(year)}))

    assert [s.year for s in repo.schedules()] == [2022, 2024, 2025]


def test_agreed_amount_and_exemption_round_trip(db_path: Path) -> None:
    agreed = FeeOverride(member_id=3, year=2024, amount=Decimal("750.25"), note="Avtal")
    exempt = FeeOverride(member_id=4, year=2024, amount=None, note="Styrelsebeslut")
    with open_database(db_path) as db:
        FeeRepository(db).save_override(agreed)
        FeeRepository(db).save_override(exempt)
    with open_database(db_path) as db:
        loaded = FeeRepository(db).overrides(2024)

    assert sorted(loaded, key=lambda o: o.member_id) == [agreed, exempt]
    assert loaded[1].exempt and not loaded[0].exempt


def test_saving_an_override_for_the_same_member_year_replaces_it(database: Database) -> None:
    repo = FeeRepository(database)
    repo.save_override(FeeOverride(member_id=3, year=2024, amount=Decimal("750")))
    repo.save_override(FeeOverride(member_id=3, year=2023, amount=Decimal("500")))
    repo.save_override(FeeOverride(member_id=3, year=2024, amount=None, note="Befriad"))

    assert repo.overrides(2024) == [FeeOverride(3, 2024, None, "Befriad")]
    assert len(repo.overrides()) == 2


def test_overrides_filter_by_year(database: Database) -> None:
    repo = FeeRepository(database)
    repo.save_override(FeeOverride(member_id=1, year=2023, amount=None))
    repo.save_override(FeeOverride(member_id=1, year=2024, amount=Decimal("100")))

    assert [o.year for o in repo.overrides(2023)] == [2023]
    assert {o.year for o in repo.overrides()} == {2023, 2024}


def test_clear_override_removes_only_that_member_year_and_says_whether_it_did(
    database: Database,
) -> None:
    repo = FeeRepository(database)
    repo.save_override(FeeOverride(member_id=1, year=2024, amount=None))
    repo.save_override(FeeOverride(member_id=1, year=2023, amount=None))
    repo.save_override(FeeOverride(member_id=2, year=2024, amount=None))

    assert repo.clear_override(1, 2024) is True
    assert repo.clear_override(1, 2024) is False
    assert sorted((o.member_id, o.year) for o in repo.overrides()) == [(1, 2023), (2, 2024)]
