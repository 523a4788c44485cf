"""What has been kept long enough: ended members whose personal data should now be erased,
and payments past the bookkeeping period.

- A member ended more than N years ago (N a setting, ``Settings.retention_years``), counted
  from the last day of membership to today, whose personal data is still held.
- A payment is bookkeeping (räkenskapsinformation). Bokföringslagen (7 kap. 2 §) keeps it
  until the end of the seventh year after the end of the calendar year it belongs to; a
  payment of 2018 (fee year or payment date, the later) is kept through 2025 and listed
  from 1 January 2026.

This only lists; erasing and deleting are the user's decisions (``members erase``,
``payments delete``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.members import Member, MemberKind

BOOKKEEPING_YEARS = 7


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def holds_personal_data(member: Member) -> bool:
    """An individual not yet erased is a person by name; any member holds some while it has
    a contact or a reason for leaving (which may say something about a person)."""
    if member.kind is MemberKind.INDIVIDUAL and member.erased_on is None:
        return True
    contact = member.contact
    texts = (contact.person, contact.email, contact.phone, contact.address, member.end_reason)
    return any(text.strip() for text in texts)


def erase_from(member: Member, years: int) -> date | None:
    """The first day the member's personal data is due for erasure (None: still a member)."""
    if member.ended is None:
        return None
    return years_after(member.ended, years) + timedelta(days=1)


def payment_kept_until(payment: Payment) -> date:
    """The last day Bokföringslagen keeps the payment (see the module docstring)."""
    year = max(payment.fee_year, payment.paid_on.year)
    return date(year + BOOKKEEPING_YEARS, 12, 31)


@dataclass(frozen=True)
class Retention:
    today: date
    years: int
    members: tuple[Member, ...]
    payments: tuple[Payment, ...]


def retention_due(
    members: Iterable[Member], payments: Iterable[Payment], *, years: int, today: date
) -> Retention:
    """The ended members due for erasure and the payments past bookkeeping, oldest first."""
    due_members = sorted(
        (
            m
            for m in members
            if (start := erase_from(m, years)) is not None
            and start <= today
            and holds_personal_data(m)
        ),
        key=lambda m: (m.ended, m.id or 0),
    )
    due_payments = sorted(
        (p for p in payments if payment_kept_until(p) < today),
        key=lambda p: (p.paid_on, p.id or 0),
    )
    return Retention(today, years, tuple(due_members), tuple(due_payments))
