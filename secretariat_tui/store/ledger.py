"""A year's fees read from the three registers at once: what every screen and command needs.

The derivation itself is the domain's (``fee_year``, ``member_year``); this only gathers the
members, the schedule, the agreed amounts and the payments for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from secretariat_tui.domain.fees import MemberYear, fee_year, member_year
from secretariat_tui.store.database import Database
from secretariat_tui.store.fees import FeeRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository


@dataclass(frozen=True)
class FeeLedger:
    members: MemberRepository
    fees: FeeRepository
    payments: PaymentRepository

    @classmethod
    def of(cls, db: Database) -> FeeLedger:
        return cls(MemberRepository(db), FeeRepository(db), PaymentRepository(db))

    def year_rows(self, year: int) -> list[MemberYear]:
        """Every member who was a member some day of ``year``, with what is due and paid."""
        return fee_year(
            self.members.all(),
            year,
            self.fees.schedule(year),
            self.fees.overrides(year),
            self.payments.for_year(year),
        )

    def member_row(self, member_id: int, year: int) -> MemberYear:
        """One member's fee for ``year`` (status NOT_DUE if not a member that year)."""
        override = next((o for o in self.fees.overrides(year) if o.member_id == member_id), None)
        return member_year(
            self.members.get(member_id),
            year,
            self.fees.schedule(year),
            override,
            self.payments.for_member(member_id),
        )
