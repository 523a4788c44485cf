"""Fee status per member and year, derived from the schedule, agreements and payments.

The rules under test (domain/fees.py): a member owes the year's fee for every calendar year it
was a member for at least a day, at the form held on its first day that year; an agreed amount
or an exemption replaces the schedule; paid means the year's payments cover what is due.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fees import (
    FeeOverride,
    FeeSchedule,
    FeeStatus,
    Payment,
    fee_year,
    member_year,
    paying_figures,
)
from secretariat_tui.domain.members import FormChange, Member, MemberKind, MembershipForm

ORG = MemberKind.ORGANISATION
PERSON = MemberKind.INDIVIDUAL
FULL = MembershipForm.FULL
INDIVIDUAL = MembershipForm.INDIVIDUAL
NETWORKING = MembershipForm.NETWORKING

SCHEDULE_2024 = FeeSchedule(
    2024, {FULL: Decimal("1500"), INDIVIDUAL: Decimal("300"), NETWORKING: Decimal("500")}
)


def member(
    id: int = 1,
    *,
    kind: MemberKind = ORG,
    joined: date = date(2020, 1, 1),
    forms: tuple[tuple[date, MembershipForm], ...] | None = None,
    ended: date | None = None,
) -> Member:
    held = forms or ((joined, FULL if kind is ORG else INDIVIDUAL),)
    return Member(
        name=f"Medlem {id}",
        kind=kind,
        joined=joined,
        forms=tuple(FormChange(day, form) for day, form in held),
        ended=ended,
        id=id,
    )


def paid(member_id: int, amount: str, year: int = 2024, day: date = date(2024, 3, 1)) -> Payment:
    return Payment(member_id=member_id, fee_year=year, amount=Decimal(amount), paid_on=day)


# --- who owes what -----------------------------------------------------------------------------


def test_a_member_all_year_owes_the_schedule_amount_for_its_form_and_is_unpaid() -> None:
    row = member_year(member(), 2024, SCHEDULE_2024, None, [])

    assert (row.form, row.due, row.paid, row.outstanding) == (FULL, Decimal("1500"), 0, 1500)
    assert row.status is FeeStatus.UNPAID
    assert row.owes


def test_joined_mid_year_owes_the_whole_years_fee_at_the_form_held_on_joining() -> None:
    joined = date(2024, 9, 15)
    newcomer = member(joined=joined, forms=((joined, NETWORKING), (date(2024, 11, 1), FULL)))
    row = member_year(newcomer, 2024, SCHEDULE_2024, None, [])

    assert row.form is NETWORKING
    assert row.due == Decimal("500"), "the whole fee, not a part of the year"
    assert row.status is FeeStatus.UNPAID


def test_joined_on_new_years_eve_still_owes_that_year() -> None:
    row = member_year(member(joined=date(2024, 12, 31)), 2024, SCHEDULE_2024, None, [])

    assert row.status is FeeStatus.UNPAID
    assert row.due == Decimal("1500")


def test_not_yet_joined_is_not_due() -> None:
    row = member_year(member(joined=date(2025, 1, 1)), 2024, SCHEDULE_2024, None, [])

    assert row.status is FeeStatus.NOT_DUE
    assert (row.form, row.due, row.outstanding) == (None, 0, 0)


def test_ended_mid_year_still_owes_that_year_but_not_the_year_after() -> None:
    leaver = member(ended=date(2024, 3, 31))
    schedule_2025 = FeeSchedule(2025, {FULL: Decimal("1600")})

    assert member_year(leaver, 2024, SCHEDULE_2024, None, []).status is FeeStatus.UNPAID
    after = member_year(leaver, 2025, schedule_2025, None, [])
    assert after.status is FeeStatus.NOT_DUE
    assert after.due == 0


def test_ended_on_new_years_day_owes_that_year_ended_the_day_before_does_not() -> None:
    on_first = member(ended=date(2024, 1, 1))
    on_eve = member(ended=date(2023, 12, 31))

    assert member_year(on_first, 2024, SCHEDULE_2024, None, []).status is FeeStatus.UNPAID
    assert member_year(on_eve, 2024, SCHEDULE_2024, None, []).status is FeeStatus.NOT_DUE


def test_form_change_during_the_year_charges_the_form_held_on_january_1() -> None:
    changed = member(forms=((date(2020, 1, 1), NETWORKING), (date(2024, 6, 1), FULL)))

    this_year = member_year(changed, 2024, SCHEDULE_2024, None, [])
    assert (this_year.form, this_year.due) == (NETWORKING, Decimal("500"))
    next_year = member_year(changed, 2025, FeeSchedule(2025, {FULL: Decimal("1600")}), None, [])
    assert (next_year.form, next_year.due) == (FULL, Decimal("1600"))


def test_form_change_on_january_1_charges_the_new_form() -> None:
    changed = member(forms=((date(2020, 1, 1), NETWORKING), (date(2024, 1, 1), FULL)))

    assert member_year(changed, 2024, SCHEDULE_2024, None, []).form is FULL


# --- agreements and exemptions -----------------------------------------------------------------


def test_exemption_is_exempt_with_nothing_due_and_not_counted_as_paying() -> None:
    exempt = FeeOverride(member_id=1, year=2024, amount=None, note="styrelsebeslut")
    row = member_year(member(), 2024, SCHEDULE_2024, exempt, [])

    assert row.status is FeeStatus.EXEMPT
    assert (row.due, row.outstanding) == (0, 0)
    assert not row.owes
    assert paying_figures([row], 2024).total == 0


def test_agreed_amount_replaces_the_schedule() -> None:
    agreed = FeeOverride(member_id=1, year=2024, amount=Decimal("750"))

    unpaid = member_year(member(), 2024, SCHEDULE_2024, agreed, [])
    assert (unpaid.due, unpaid.status) == (Decimal("750"), FeeStatus.UNPAID)
    settled = member_year(member(), 2024, SCHEDULE_2024, agreed, [paid(1, "750")])
    assert settled.status is FeeStatus.PAID


def test_agreed_amount_applies_even_without_a_schedule() -> None:
    agreed = FeeOverride(member_id=1, year=2024, amount=Decimal("750"))

    assert member_year(member(), 2024, None, agreed, []).due == Decimal("750")


def test_an_agreement_for_another_member_or_year_is_ignored_by_fee_year() -> None:
    overrides = [
        FeeOverride(member_id=2, year=2024, amount=None),
        FeeOverride(member_id=1, year=2023, amount=Decimal("1")),
    ]
    [row] = fee_year([member(1)], 2024, SCHEDULE_2024, overrides, [])

    assert (row.status, row.due) == (FeeStatus.UNPAID, Decimal("1500"))


# --- payments ----------------------------------------------------------------------------------


def test_overpayment_is_paid_with_nothing_outstanding() -> None:
    row = member_year(member(), 2024, SCHEDULE_2024, None, [paid(1, "2000")])

    assert row.status is FeeStatus.PAID
    assert row.paid == Decimal("2000")
    assert row.outstanding == 0


def test_two_partial_payments_go_from_partly_paid_to_paid() -> None:
    first, second = paid(1, "1000"), paid(1, "500", day=date(2024, 5, 2))

    partly = member_year(member(), 2024, SCHEDULE_2024, None, [first])
    assert partly.status is FeeStatus.PARTLY
    assert partly.outstanding == Decimal("500")
    assert partly.owes

    both = member_year(member(), 2024, SCHEDULE_2024, None, [first, second])
    assert both.status is FeeStatus.PAID
    assert both.payments == (first, second)


def test_one_ore_short_is_still_partly_paid() -> None:
    row = member_year(member(), 2024, SCHEDULE_2024, None, [paid(1, "1499.99")])

    assert row.status is FeeStatus.PARTLY
    assert row.outstanding == Decimal("0.01")


def test_payments_for_another_year_or_member_do_not_count() -> None:
    others = [paid(1, "1500", year=2023), paid(1, "1500", year=2025), paid(2, "1500")]
    row = member_year(member(1), 2024, SCHEDULE_2024, None, others)

    assert row.status is FeeStatus.UNPAID
    assert row.paid == 0
    assert row.payments == ()


def test_fee_year_gives_each_member_its_own_payments_of_the_year_as_recorded() -> None:
    first, second = paid(1, "700", day=date(2024, 2, 1)), paid(1, "800", day=date(2024, 1, 15))
    others = [paid(2, "1500"), paid(1, "1500", year=2023)]
    rows = fee_year(
        [member(1), member(2), member(3)], 2024, SCHEDULE_2024, [], [first, *others, second]
    )

    assert [row.payments for row in rows] == [(first, second), (others[0],), ()]
    assert [row.status for row in rows] == [FeeStatus.PAID, FeeStatus.PAID, FeeStatus.UNPAID]


def test_a_payment_must_be_more_than_zero() -> None:
    for amount in ("0", "-1"):
        with pytest.raises(FieldErrors) as caught:
            paid(1, amount)
        assert set(caught.value.errors) == {"amount"}


# --- no fee --------------------------------------------------------------------------------------


def test_no_schedule_for_the_year_is_no_fee_and_owes_nothing() -> None:
    row = member_year(member(), 2026, None, None, [])

    assert row.status is FeeStatus.NO_FEE
    assert (row.due, row.outstanding) == (0, 0)
    assert not row.owes


def test_a_form_missing_from_the_schedule_is_no_fee() -> None:
    only_full = FeeSchedule(2024, {FULL: Decimal("1500")})
    row = member_year(member(kind=PERSON), 2024, only_full, None, [])

    assert row.status is FeeStatus.NO_FEE


def test_fee_year_lists_only_members_of_that_year() -> None:
    members = [
        member(1),
        member(2, joined=date(2025, 2, 1)),
        member(3, ended=date(2023, 6, 30)),
        member(4, joined=date(2024, 8, 1), ended=date(2024, 10, 1)),
    ]
    rows = fee_year(members, 2024, SCHEDULE_2024, [], [])

    assert [r.member.id for r in rows] == [1, 4]


# --- paying members (SPEC §5) --------------------------------------------------------------------


def test_paying_figures_count_paid_members_by_kind_and_the_form_the_fee_was_for() -> None:
    members = [
        member(1),  # full organisation, paid
        member(2),  # full organisation, paid
        member(3, forms=((date(2020, 1, 1), NETWORKING),)),  # networking org, paid
        member(4, kind=PERSON),  # individual, paid
        member(5, kind=PERSON, forms=((date(2020, 1, 1), NETWORKING),)),  # networking person
        member(6),  # partly paid: not paying
        member(7),  # exempt: not paying
        member(8),  # unpaid
        member(9, forms=((date(2020, 1, 1), NETWORKING), (date(2024, 7, 1), FULL))),  # paid
    ]
    payments = [
        paid(1, "1500"),
        paid(2, "1500"),
        paid(3, "500"),
        paid(4, "300"),
        paid(5, "500"),
        paid(6, "1000"),
        paid(9, "500"),
    ]
    rows = fee_year(members, 2024, SCHEDULE_2024, [FeeOverride(7, 2024, None)], payments)
    figures = paying_figures(rows, 2024)

    assert figures.total == 6
    assert figures.count(kind=ORG) == 4
    assert figures.count(kind=PERSON) == 2
    assert figures.count(form=FULL) == 2
    assert figures.count(form=NETWORKING) == 3, "member 9 paid as networking (held on Jan 1)"
    assert figures.count(form=INDIVIDUAL) == 1
    assert figures.count(kind=PERSON, form=NETWORKING) == 1


def test_paying_figures_ignore_rows_of_another_year() -> None:
    rows_2023 = fee_year(
        [member(1)], 2023, FeeSchedule(2023, {FULL: Decimal("1")}), [], [paid(1, "1", year=2023)]
    )

    assert paying_figures(rows_2023, 2023).total == 1
    assert paying_figures(rows_2023, 2024).total == 0


def test_paying_figures_give_the_2024_report_numbers() -> None:
    """27 paying, 26 organisations: 20 full, 6 networking organisations and one individual."""
    orgs_full = [member(i) for i in range(1, 21)]
    orgs_networking = [member(i, forms=((date(2020, 1, 1), NETWORKING),)) for i in range(21, 27)]
    person = [member(27, kind=PERSON)]
    unpaid = [member(28), member(29, kind=PERSON)]
    members = orgs_full + orgs_networking + person + unpaid
    fees = {FULL: "1500", NETWORKING: "500", INDIVIDUAL: "300"}
    payments = [paid(m.id or 0, fees[m.form]) for m in orgs_full + orgs_networking + person]
    figures = paying_figures(fee_year(members, 2024, SCHEDULE_2024, [], payments), 2024)

    assert (figures.total, figures.count(kind=ORG)) == (27, 26)
    assert figures.count(kind=ORG, form=FULL) == 20
    assert figures.count(kind=ORG, form=NETWORKING) == 6
    assert figures.count(kind=PERSON) == 1


def test_an_agreed_amount_of_zero_or_less_is_refused_in_favour_of_an_exemption() -> None:
    with pytest.raises(FieldErrors, match="befrielse"):
        FeeOverride(member_id=1, year=2024, amount=Decimal("0"))
    assert FeeOverride(member_id=1, year=2024, amount=None).exempt
