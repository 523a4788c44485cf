"""Fees and payments in the shipped demo database: the 2024 report's paying members, and a
current year (2026) with something on the reminder list.

Every test reads a copy of ``data/demo.json`` in a temporary folder; the shipped file itself is
never opened, only hashed before and after this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from secretariat_tui.domain.fees import (
    FeeOverride,
    FeeSchedule,
    FeeStatus,
    MemberYear,
    Payment,
    fee_year,
    paying_figures,
)
from secretariat_tui.domain.members import Member, MemberKind, MembershipForm
from secretariat_tui.store.database import open_database
from secretariat_tui.store.fees import FeeRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)

ORG = MemberKind.ORGANISATION
PERSON = MemberKind.INDIVIDUAL


@dataclass(frozen=True)
class Register:
    members: list[Member]
    schedules: list[FeeSchedule]
    overrides: list[FeeOverride]
    payments: list[Payment]

    def year(self, year: int) -> list[MemberYear]:
        schedule = next((s for s in self.schedules if s.year == year), None)
        return fee_year(self.members, year, schedule, self.overrides, self.payments)


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Register:
    copy = copy_of_demo(tmp_path_factory.mktemp("demo-fees"))
    with open_database(copy) as db:
        fees = FeeRepository(db)
        return Register(
            members=MemberRepository(db).all(),
            schedules=fees.schedules(),
            overrides=fees.overrides(),
            payments=PaymentRepository(db).all(),
        )


def test_schedules_for_2023_to_2026(register: Register) -> None:
    assert [s.year for s in register.schedules] == [2023, 2024, 2025, 2026]
    for schedule in register.schedules:
        for form in MembershipForm:
            assert schedule.amount_for(form) > 0, (schedule.year, form)


def test_2024_paying_members_match_the_annual_report(register: Register) -> None:
    figures = paying_figures(register.year(2024), 2024)
    assert figures.total == 27
    assert figures.count(kind=ORG) == 26
    assert figures.by_kind_and_form[(ORG, MembershipForm.FULL)] == 20
    assert figures.by_kind_and_form[(ORG, MembershipForm.NETWORKING)] == 6
    assert figures.by_kind_and_form[(PERSON, MembershipForm.INDIVIDUAL)] == 1
    assert figures.total == sum(figures.by_kind_and_form.values())


@pytest.mark.parametrize("year", [2023, 2024])
def test_nobody_owes_in_the_settled_years(register: Register, year: int) -> None:
    rows = register.year(year)
    assert rows
    assert [r.member.name for r in rows if r.owes] == []
    assert {r.status for r in rows} == {FeeStatus.PAID}


def test_2024_has_a_member_who_paid_in_two_parts(register: Register) -> None:
    split = [r for r in register.year(2024) if len(r.payments) == 2]
    assert len(split) == 1
    row = split[0]
    assert row.status is FeeStatus.PAID
    assert all(p.amount < row.due for p in row.payments)
    assert sum(p.amount for p in row.payments) == row.due


def test_members_who_left_before_2023_owe_nothing_later(register: Register) -> None:
    left_early = {m.id for m in register.members if m.ended and m.ended.year < 2023}
    assert left_early
    for year in (2023, 2024, 2025, 2026):
        assert not left_early & {r.member.id for r in register.year(year)}
    assert not [p for p in register.payments if p.member_id in left_early and p.fee_year >= 2023]


def test_every_payment_is_for_a_year_the_member_was_due(register: Register) -> None:
    due = {(r.member.id, r.year) for y in (2023, 2024, 2025, 2026) for r in register.year(y)}
    for payment in register.payments:
        assert (payment.member_id, payment.fee_year) in due, payment
        assert payment.paid_on.year == payment.fee_year, payment


def test_2025_has_one_exemption_and_one_agreed_amount(register: Register) -> None:
    overrides = [o for o in register.overrides if o.year == 2025]
    assert len([o for o in overrides if o.exempt]) == 1
    assert len([o for o in overrides if not o.exempt]) == 1
    assert all(o.note for o in overrides)

    schedule = next(s for s in register.schedules if s.year == 2025)
    rows = {r.member.id: r for r in register.year(2025)}
    for override in overrides:
        row = rows[override.member_id]
        assert row.form is not None
        if override.exempt:
            assert row.status is FeeStatus.EXEMPT
            assert row.due == 0
        else:
            assert override.amount is not None
            assert 0 < override.amount < schedule.amount_for(row.form), "a reduced amount"
            assert row.due == override.amount
            assert row.status is FeeStatus.PAID


def test_2026_reminder_list_has_content(register: Register) -> None:
    rows = register.year(2026)
    unpaid = [r for r in rows if r.status is FeeStatus.UNPAID]
    partly = [r for r in rows if r.status is FeeStatus.PARTLY]
    paid = [r for r in rows if r.status is FeeStatus.PAID]
    assert len(unpaid) >= 3
    assert len(partly) >= 1
    assert all(0 < r.outstanding < r.due for r in partly)
    # "Roughly two thirds have paid so far."
    assert 0.55 <= len(paid) / len(rows) <= 0.75
    assert [r for r in rows if r.owes and not r.member.contact.email], "no one to flag"


def test_amounts_are_decimal_and_payments_positive(register: Register) -> None:
    assert register.payments
    for payment in register.payments:
        assert isinstance(payment.amount, Decimal)
        assert payment.amount > 0
    for schedule in register.schedules:
        assert all(isinstance(a, Decimal) for a in schedule.amounts.values())
    for override in register.overrides:
        assert override.amount is None or isinstance(override.amount, Decimal)
    for year in (2023, 2024, 2025, 2026):
        for row in register.year(year):
            assert isinstance(row.due, Decimal) and isinstance(row.paid, Decimal)
