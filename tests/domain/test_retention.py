"""Retention: ended members due for erasure N years after their last day, payments after the
seventh year after their year's end (Bokföringslagen), each around its boundary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.members import Contact
from secretariat_tui.domain.retention import erase_from, payment_kept_until, retention_due
from tests.factories import PERSON, make_member

ENDED = date(2024, 6, 30)


def due_ids(today: date, years: int = 2, **member: object) -> list[int | None]:
    ended = make_member("Anna", kind=PERSON, ended=ENDED, id=1)
    found = retention_due([replace(ended, **member)], [], years=years, today=today)
    return [m.id for m in found.members]


@pytest.mark.parametrize(
    "today, due",
    [(date(2026, 6, 29), False), (date(2026, 6, 30), False), (date(2026, 7, 1), True)],
)
def test_a_member_is_due_the_day_after_n_years_from_its_last_day(today: date, due: bool) -> None:
    assert due_ids(today) == ([1] if due else [])


def test_the_number_of_years_is_the_setting() -> None:
    assert due_ids(date(2027, 6, 30), years=3) == []
    assert due_ids(date(2027, 7, 1), years=3) == [1]
    assert due_ids(date(2027, 6, 30), years=2) == [1]


def test_a_last_day_on_29_february_counts_to_28_february() -> None:
    assert erase_from(make_member(ended=date(2024, 2, 29)), 2) == date(2026, 3, 1)


def test_active_and_erased_members_are_not_listed() -> None:
    assert due_ids(date(2030, 1, 1), ended=None) == []
    erased = {"erased_on": date(2026, 8, 1), "name": "Raderad person (id 1)"}
    assert due_ids(date(2030, 1, 1), **erased) == []


def test_an_organisation_without_personal_data_is_not_listed_and_with_a_contact_it_is() -> None:
    org = make_member("Föreningen", ended=ENDED, id=2)
    contact = replace(org, contact=Contact(email="info@example.se"), id=3)
    found = retention_due([org, contact], [], years=2, today=date(2030, 1, 1))
    assert [m.id for m in found.members] == [3]


def payment(fee_year: int, paid_on: date) -> Payment:
    return Payment(1, fee_year, Decimal(100), paid_on, id=fee_year)


@pytest.mark.parametrize(
    "today, due",
    [(date(2025, 12, 31), False), (date(2026, 1, 1), True)],
)
def test_a_payment_is_kept_through_the_seventh_year_after_its_year(today: date, due: bool) -> None:
    found = retention_due([], [payment(2018, date(2018, 3, 1))], years=2, today=today)
    assert [p.fee_year for p in found.payments] == ([2018] if due else [])


def test_a_payment_counts_from_the_later_of_fee_year_and_payment_date() -> None:
    late = payment(2018, date(2019, 1, 10))
    early = payment(2020, date(2019, 12, 20))
    assert payment_kept_until(late) == date(2026, 12, 31)
    assert payment_kept_until(early) == date(2027, 12, 31)
    assert retention_due([], [late, early], years=2, today=date(2027, 1, 1)).payments == (late,)
