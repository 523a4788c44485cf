"""Invoices: who is invoiced, gapless numbers never reused, second runs, credit notes, status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.domain.fees import (
    FeeOverride,
    FeeSchedule,
    MemberYear,
    Payment,
    fee_year,
)
from secretariat_tui.domain.invoices import (
    Invoice,
    InvoiceStatus,
    credit,
    invoice_status,
    issue,
    next_number,
    to_invoice,
)
from secretariat_tui.domain.ocr import check_ocr
from tests.factories import FULL, INDIVIDUAL, PERSON, make_member

YEAR = 2025
SCHEDULE = FeeSchedule(YEAR, {FULL: Decimal("1500"), INDIVIDUAL: Decimal("300")})
ISSUED = date(2025, 3, 1)
MEMBERS = [
    make_member("Alfa", id=1),
    make_member("Beta", id=2),
    make_member("Gamma", id=3, kind=PERSON),
    make_member("Delta", id=4),
    make_member("Epsilon", id=5),
]
OVERRIDES = [
    FeeOverride(2, YEAR, Decimal("800")),  # agreed amount
    FeeOverride(4, YEAR, None),  # exempt
]
PAYMENTS = [
    Payment(3, YEAR, Decimal("100"), date(2025, 2, 1)),  # part-paid
    Payment(5, YEAR, Decimal("1500"), date(2025, 2, 1)),  # paid
]


def rows(payments: Sequence[Payment] = PAYMENTS) -> list[MemberYear]:
    return fee_year(MEMBERS, YEAR, SCHEDULE, OVERRIDES, payments)


def make(
    existing: Sequence[Invoice] = (), *, member_id: int | None = None, again_credited: bool = False
) -> list[Invoice]:
    drafts = to_invoice(rows(), existing, YEAR, member_id=member_id, again_credited=again_credited)
    return issue(drafts, existing, issued=ISSUED, terms_days=30, length_digit=True)


def test_those_that_owe_are_invoiced_for_what_they_still_owe() -> None:
    drafts = to_invoice(rows(), [], YEAR)
    owed = {d.member.name: d.amount for d in drafts}
    assert owed == {"Alfa": Decimal("1500"), "Beta": Decimal("800"), "Gamma": Decimal("200")}


def test_numbers_start_at_one_without_gaps_each_with_its_ocr_and_due_date() -> None:
    made = make()
    assert [i.number for i in made] == [1, 2, 3]
    assert [i.member_id for i in made] == [1, 2, 3]
    assert all(i.due == date(2025, 3, 31) and i.issued == ISSUED for i in made)
    assert made[0].ocr == "2025000106" and check_ocr(made[0].ocr, length_digit=True)
    assert len({i.ocr for i in made}) == 3


def test_a_second_run_invoices_only_those_not_yet_invoiced() -> None:
    first = make(member_id=1)
    assert [(i.number, i.member_id) for i in first] == [(1, 1)]
    second = make(first)
    assert [(i.number, i.member_id) for i in second] == [(2, 2), (3, 3)]
    assert make(first + second) == []


def test_numbers_continue_after_the_highest_ever_given() -> None:
    """Across years too: one series; an earlier year's invoices are never renumbered."""
    old = Invoice(41, 9, 2024, "x", date(2024, 3, 1), date(2024, 3, 31), Decimal("1500"))
    assert next_number([old]) == 42
    made = make([old])
    assert [i.number for i in made] == [42, 43, 44]
    assert old.number == 41


def test_credit_note_is_negative_points_back_and_takes_the_next_number() -> None:
    made = make()
    note, credited = credit(made[1], made, issued=date(2025, 4, 1), length_digit=True)
    assert note.number == 4 and note.credits == 2 and note.amount == Decimal("-800")
    assert note.member_id == 2 and note.fee_year == YEAR
    assert credited.credited_by == 4 and credited.number == 2 and credited.ocr == made[1].ocr
    assert invoice_status(note, None) is InvoiceStatus.CREDIT_NOTE
    assert invoice_status(credited, None) is InvoiceStatus.CREDITED


def test_a_credited_member_is_invoiced_again_only_when_asked() -> None:
    made = make()
    note, credited = credit(made[1], made, issued=ISSUED, length_digit=True)
    after = [made[0], credited, made[2], note]
    assert make(after) == []
    again = make(after, again_credited=True)
    assert [(i.number, i.member_id) for i in again] == [(5, 2)]


def test_a_credit_note_or_a_credited_invoice_is_not_credited() -> None:
    made = make()
    note, credited = credit(made[0], made, issued=ISSUED, length_digit=True)
    with pytest.raises(ValueError, match="redan krediterad"):
        credit(credited, [*made, note], issued=ISSUED, length_digit=True)
    with pytest.raises(ValueError, match="är en kreditfaktura"):
        credit(note, [*made, note], issued=ISSUED, length_digit=True)


def test_status_follows_the_members_fee_for_the_year() -> None:
    made = make()
    paid = Payment(1, YEAR, Decimal("1500"), ISSUED)
    paid_rows = {r.member.id: r for r in rows([*PAYMENTS, paid])}
    assert invoice_status(made[0], paid_rows[1]) is InvoiceStatus.PAID
    assert invoice_status(made[1], paid_rows[2]) is InvoiceStatus.OPEN
    assert invoice_status(made[2], paid_rows[3]) is InvoiceStatus.OPEN


def test_ocr_without_the_length_digit_when_the_agreement_has_none() -> None:
    drafts = to_invoice(rows(), [], YEAR, member_id=1)
    (made,) = issue(drafts, [], issued=ISSUED, terms_days=10, length_digit=False)
    assert made.ocr == "202500013" and made.due == date(2025, 3, 11)
