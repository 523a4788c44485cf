"""Fee schedules (one document per year) and agreed amounts/exemptions per member and year."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tinydb import Query

from secretariat_tui.domain.fees import FeeAgreement, FeeOverride, FeeSchedule
from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.store.database import Database

SCHEDULES = "fee_schedules"
OVERRIDES = "fee_overrides"


def schedule_from_document(doc: dict[str, Any]) -> FeeSchedule:
    return FeeSchedule(
        year=int(doc["year"]),
        amounts={MembershipForm(f): Decimal(a) for f, a in doc["amounts"].items()},
    )


def override_from_document(doc: dict[str, Any]) -> FeeOverride:
    amount = doc.get("amount")
    return FeeOverride(
        member_id=int(doc["member_id"]),
        year=int(doc["year"]),
        amount=Decimal(amount) if amount is not None else None,
        note=doc.get("note", ""),
    )


class FeeRepository:
    def __init__(self, db: Database) -> None:
        self._schedules = db.table(SCHEDULES)
        self._overrides = db.table(OVERRIDES)

    # --- schedules ----------------------------------------------------------------------------
    def schedules(self) -> list[FeeSchedule]:
        return sorted(
            (schedule_from_document(d) for d in self._schedules.all()), key=lambda s: s.year
        )

    def schedule(self, year: int) -> FeeSchedule | None:
        doc = self._schedules.get(Query().year == year)
        return schedule_from_document(doc) if isinstance(doc, dict) else None

    def save_schedule(self, schedule: FeeSchedule) -> FeeSchedule:
        """Replace the year's schedule in one write."""
        doc = {
            "year": schedule.year,
            "amounts": {f.value: str(a) for f, a in schedule.amounts.items()},
        }
        self._schedules.upsert(doc, Query().year == schedule.year)
        return schedule

    # --- agreed amounts and exemptions ----------------------------------------------------------
    def overrides(self, year: int | None = None) -> list[FeeOverride]:
        docs = self._overrides.all()
        return [o for o in map(override_from_document, docs) if year is None or o.year == year]

    def save_override(self, override: FeeOverride) -> FeeOverride:
        doc = {
            "member_id": override.member_id,
            "year": override.year,
            "amount": str(override.amount) if override.amount is not None else None,
            "note": override.note,
        }
        where = (Query().member_id == override.member_id) & (Query().year == override.year)
        self._overrides.upsert(doc, where)
        return override

    def set_agreement(self, agreement: FeeAgreement) -> FeeAgreement:
        """Store the agreement, or remove any when the schedule is to apply again."""
        if agreement.override is None:
            self.clear_override(agreement.member_id, agreement.year)
        else:
            self.save_override(agreement.override)
        return agreement

    def clear_override(self, member_id: int, year: int) -> bool:
        where = (Query().member_id == member_id) & (Query().year == year)
        return bool(self._overrides.remove(where))
