"""Membership fees: the yearly schedule per form, agreed amounts and exemptions, payments,
and each member's derived status for a year. Status is always derived, never stored.

Rules (shown in the UI's help):
- A member owes the fee for every calendar year in which it was a member for at least a day.
- The fee is the schedule's amount for the form held on the member's first day in that year,
  unless an agreed amount or an exemption is recorded for that member and year.
- Paid means the payments for that fee year add up to at least the amount due; with no
  schedule for the year (or a fee of 0) the status is "no fee", which is not "paying".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.figures import KindForm, count_by
from secretariat_tui.domain.members import Member, MemberKind, MembershipForm

FEE_RULES = (
    "Avgifter: en medlem betalar årsavgift för varje kalenderår den är medlem minst en dag, "
    "med beloppet för den medlemsform den har sin första dag det året (årets taxa, t), om "
    "inte ett avtalat belopp eller en befrielse är registrerad. Betald = årets betalningar "
    "täcker avgiften; delvis betald visar vad som är kvar. Utan taxa för året: ingen avgift."
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class FeeSchedule:
    """The fee per membership form for one year; a form missing from it owes nothing."""

    year: int
    amounts: Mapping[MembershipForm, Decimal]

    def amount_for(self, form: MembershipForm) -> Decimal:
        return self.amounts.get(form, ZERO)


@dataclass(frozen=True)
class FeeOverride:
    """An agreed amount (``amount``) or an exemption (``amount is None``) for one member-year."""

    member_id: int
    year: int
    amount: Decimal | None
    note: str = ""

    def __post_init__(self) -> None:
        if self.amount is not None and self.amount <= 0:
            raise FieldErrors(
                {"amount": "Ett avtalat belopp måste vara större än noll; välj befrielse för 0 kr."}
            )

    @property
    def exempt(self) -> bool:
        return self.amount is None


@dataclass(frozen=True)
class FeeAgreement:
    """What a member owes for a year is settled by: ``override``, or the schedule if None."""

    member_id: int
    year: int
    override: FeeOverride | None


@dataclass(frozen=True)
class Payment:
    member_id: int
    fee_year: int
    amount: Decimal
    paid_on: date
    reference: str = ""
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        errors = {}
        if self.amount <= 0:
            errors["amount"] = "Beloppet måste vara större än noll."
        if not 1900 <= self.fee_year <= 2999:
            errors["fee_year"] = f"Avgiftsåret {self.fee_year} är orimligt."
        if errors:
            raise FieldErrors(errors)


class FeeStatus(StrEnum):
    PAID = "paid"
    PARTLY = "partly"
    UNPAID = "unpaid"
    EXEMPT = "exempt"
    NO_FEE = "no_fee"
    NOT_DUE = "not_due"

    @property
    def label(self) -> str:
        return {
            "paid": "Betald",
            "partly": "Delvis betald",
            "unpaid": "Obetald",
            "exempt": "Befriad",
            "no_fee": "Ingen avgift",
            "not_due": "Inte medlem",
        }[self.value]


@dataclass(frozen=True)
class MemberYear:
    """One member's fee for one year: what is due, what came in, and the status of it."""

    member: Member
    year: int
    form: MembershipForm | None
    due: Decimal
    paid: Decimal
    status: FeeStatus
    payments: tuple[Payment, ...] = ()

    @property
    def outstanding(self) -> Decimal:
        return max(self.due - self.paid, ZERO)

    @property
    def owes(self) -> bool:
        return self.status in (FeeStatus.UNPAID, FeeStatus.PARTLY)


def first_day_in_year(member: Member, year: int) -> date | None:
    """The member's first day of membership in ``year``, or None if not a member that year."""
    start = max(member.joined, date(year, 1, 1))
    if start.year != year or (member.ended is not None and member.ended < start):
        return None
    return start


def member_year(
    member: Member,
    year: int,
    schedule: FeeSchedule | None,
    override: FeeOverride | None,
    payments: Iterable[Payment],
) -> MemberYear:
    """Derive what ``member`` owes for ``year`` and whether it is paid."""
    assert member.id is not None, "status is derived for stored members"
    paid_for_year = tuple(p for p in payments if p.member_id == member.id and p.fee_year == year)
    paid = sum((p.amount for p in paid_for_year), ZERO)
    start = first_day_in_year(member, year)
    if start is None:
        return MemberYear(member, year, None, ZERO, paid, FeeStatus.NOT_DUE, paid_for_year)
    form = member.form_on(start)
    assert form is not None
    if override is not None and override.exempt:
        return MemberYear(member, year, form, ZERO, paid, FeeStatus.EXEMPT, paid_for_year)
    if override is not None and override.amount is not None:
        due = override.amount
    else:
        due = schedule.amount_for(form) if schedule else ZERO
    if due == ZERO:
        # No schedule for the year, or a form without a fee: nothing owed, nothing "paying".
        status = FeeStatus.NO_FEE
    elif paid >= due:
        status = FeeStatus.PAID
    elif paid > 0:
        status = FeeStatus.PARTLY
    else:
        status = FeeStatus.UNPAID
    return MemberYear(member, year, form, due, paid, status, paid_for_year)


def fee_year(
    members: Iterable[Member],
    year: int,
    schedule: FeeSchedule | None,
    overrides: Iterable[FeeOverride],
    payments: Iterable[Payment],
) -> list[MemberYear]:
    """Every member who was a member at some time in ``year``, with the fee status.

    The payments are sorted out per member once: handing each member all the year's payments
    to search would grow with the square of the register.
    """
    by_member = {o.member_id: o for o in overrides if o.year == year}
    paid_by: dict[int, list[Payment]] = {}
    for payment in payments:
        if payment.fee_year == year:
            paid_by.setdefault(payment.member_id, []).append(payment)
    rows = [
        member_year(m, year, schedule, by_member.get(m.id or 0), paid_by.get(m.id or 0, ()))
        for m in members
    ]
    return [row for row in rows if row.status is not FeeStatus.NOT_DUE]


@dataclass(frozen=True)
class PayingFigures:
    """ "Totalt hade Plattformen 27 betalande medlemmar år 2024, varav 26 var organisationer …"."""

    year: int
    by_kind_and_form: Counter[KindForm] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.by_kind_and_form.values())

    def count(self, kind: MemberKind | None = None, form: MembershipForm | None = None) -> int:
        return count_by(self.by_kind_and_form, kind, form)


def paying_figures(rows: Iterable[MemberYear], year: int) -> PayingFigures:
    """Members whose fee for ``year`` is paid, by kind and the form the fee was for."""
    counted: Counter[KindForm] = Counter()
    for row in rows:
        if row.year == year and row.status is FeeStatus.PAID and row.form is not None:
            counted[(row.member.kind, row.form)] += 1
    return PayingFigures(year=year, by_kind_and_form=counted)
