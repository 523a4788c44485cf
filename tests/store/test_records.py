"""``restored``: the fast way back from a stored document gives the same frozen record."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict
from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.records import restored

SEMINAR = Activity(
    title="Seminarium om civilsamhället",
    when=EnteredDate.from_iso("2024-04-18"),
    category=Category.EVENT,
    location="Malmö",
    id=7,
)


def test_a_restored_record_is_the_record_init_builds() -> None:
    again = restored(Activity, **asdict(SEMINAR) | {"when": SEMINAR.when})
    assert again == SEMINAR
    assert hash(again) == hash(SEMINAR)
    assert type(again) is Activity
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.title = "Ändrad"  # type: ignore[misc]


def test_a_stored_day_reads_back_as_the_day_entered() -> None:
    assert EnteredDate.from_iso("2024-04-18") == EnteredDate(date(2024, 4, 18))
    assert EnteredDate.from_iso("2024-04-18") < EnteredDate.from_iso("2024-05")


def test_every_field_must_be_given() -> None:
    fields = asdict(SEMINAR)
    del fields["notes"]
    with pytest.raises(TypeError, match="cannot be restored|needs 13 fields"):
        restored(Activity, **fields)


def test_a_record_that_checks_itself_is_never_restored_past_its_check() -> None:
    with pytest.raises(TypeError, match="cannot be restored"):
        restored(
            Payment,
            member_id=1,
            fee_year=2024,
            amount=Decimal(0),
            paid_on=date.today(),
            reference="",
            note="",
            id=None,
        )
