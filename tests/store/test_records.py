"""Building records in bulk: ``restored`` gives the same frozen record, no garbage collection
runs meanwhile, and equal stored values are converted once."""

from __future__ import annotations

import dataclasses
import gc
from dataclasses import asdict
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.fees import Payment
from secretariat_tui.store import calendar as calendar_store
from secretariat_tui.store.calendar import ActivityRepository, CalendarRepository
from secretariat_tui.store.database import Database
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


def test_a_register_is_built_without_garbage_collection_and_it_is_restored_after(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A collection during a bulk build frees nothing and walks every live record: 57 ms of
    the 3x register's payments (issue 18). Collection is back on afterwards, and a caller
    that had turned it off keeps it off."""
    activities = CalendarRepository(database).activities
    activities.add(SEMINAR)
    seen: list[bool] = []
    building = ActivityRepository.from_document

    def watched(self: ActivityRepository, doc: dict[str, Any], doc_id: int) -> Activity:
        seen.append(gc.isenabled())
        return building(self, doc, doc_id)

    monkeypatch.setattr(ActivityRepository, "from_document", watched)
    assert gc.isenabled()
    [built] = activities.all()
    assert seen == [False] and gc.isenabled()
    assert built.title == SEMINAR.title
    gc.disable()
    try:
        activities.all()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_records_built_in_bulk_share_equal_times_and_days() -> None:
    """Remembered conversions: a register of thousands of activities has a few dozen clock
    times; equal stored text gives the very same (immutable) value."""
    first = calendar_store._clock("18:00", None)
    assert first is calendar_store._clock("18:00", None) and first == time(18, 0)
    assert calendar_store._clock("02:30", True) == time(2, 30, fold=1)
    assert calendar_store._clock("02:30", True).fold == 1
    assert calendar_store._clock("02:30", None).fold == 0
    assert calendar_store._clock("", None) is None
    assert calendar_store._entered("2024-04-18") is calendar_store._entered("2024-04-18")
