"""The voting roll (röstlängd) of an annual meeting, derived from the forms and the fees.

Rösträtt has a member with full membership (fullt medlemskap) on the meeting day whose fee for
the rule's fee year is paid by the cut-off date. The fee year and the cut-off are settings
(``VotingRule``), stated in the UI with ``VotingRule.describe()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.fees import ZERO, FeeStatus, MemberYear, Payment
from secretariat_tui.domain.members import Member, MembershipForm

NETWORKING_REASON = "nätverkande medlem: yttranderätt, ingen rösträtt"
INDIVIDUAL_REASON = "individuellt medlemskap: motions- och yttranderätt"


@dataclass(frozen=True)
class VotingRule:
    fee_year: int
    cutoff: date

    def describe(self) -> str:
        return (
            "Rösträtt har fullvärdiga medlemmar (fullt medlemskap) som är medlemmar på mötesdagen "
            f"och har betalat avgiften för {self.fee_year} senast {self.cutoff.isoformat()}. "
            "Befriade medlemmar, och medlemmar utan avgift för året, räknas som betalda."
        )


def rule_for(meeting: AnnualMeeting) -> VotingRule:
    """The meeting's stored rule, or the default: its own year's fee paid by the meeting day."""
    return VotingRule(
        fee_year=meeting.voting_fee_year or meeting.held_on.year,
        cutoff=meeting.voting_cutoff or meeting.held_on,
    )


def with_rule(meeting: AnnualMeeting, rule: VotingRule) -> AnnualMeeting:
    return replace(meeting, voting_fee_year=rule.fee_year, voting_cutoff=rule.cutoff)


@dataclass(frozen=True)
class Attendance:
    """Who represents a member at a meeting (ombud) and whether they are there."""

    member_id: int
    delegate: str = ""
    present: bool = False


@dataclass(frozen=True)
class RollEntry:
    """One member on the roll; ``reason`` says why there is no vote (empty for a voter)."""

    member: Member
    delegate: str = ""
    present: bool = False
    reason: str = ""


@dataclass(frozen=True)
class VotingRoll:
    voters: tuple[RollEntry, ...]
    not_entitled: tuple[RollEntry, ...]

    @property
    def entitled_count(self) -> int:
        return len(self.voters)

    @property
    def present_votes(self) -> int:
        return sum(1 for entry in self.voters if entry.present)


def _paid_in_full_on(
    member_id: int, due: Decimal, payments: Iterable[Payment], year: int
) -> date | None:
    """The day the year's payments first added up to ``due``, or None if they never did."""
    total = ZERO
    mine = sorted(
        (p for p in payments if p.member_id == member_id and p.fee_year == year),
        key=lambda p: p.paid_on,
    )
    for payment in mine:
        total += payment.amount
        if total >= due:
            return payment.paid_on
    return None


def no_vote_reason(
    member: Member,
    day: date,
    row: MemberYear | None,
    payments: Iterable[Payment],
    rule: VotingRule,
) -> str:
    """Why ``member`` has no vote on ``day``, in Swedish; empty if it has one."""
    form = member.form_on(day)
    if form is MembershipForm.NETWORKING:
        return NETWORKING_REASON
    if form is MembershipForm.INDIVIDUAL:
        return INDIVIDUAL_REASON
    if row is None or row.status is FeeStatus.NOT_DUE:
        return f"inte medlem {rule.fee_year}: ingen betald avgift för det året"
    if row.status in (FeeStatus.EXEMPT, FeeStatus.NO_FEE):
        return ""
    assert member.id is not None
    paid_on = _paid_in_full_on(member.id, row.due, payments, rule.fee_year)
    if paid_on is None:
        return f"avgiften för {rule.fee_year} inte betald senast {rule.cutoff.isoformat()}"
    if paid_on > rule.cutoff:
        return f"avgiften betald först {paid_on.isoformat()}"
    return ""


def voting_roll(
    meeting: AnnualMeeting,
    members: Iterable[Member],
    rows: Iterable[MemberYear],
    payments: Iterable[Payment],
    rule: VotingRule,
    attendance: Mapping[int, Attendance],
) -> VotingRoll:
    """Every member on the meeting day, split into voters and members without a vote.

    ``rows`` are the fee rows for ``rule.fee_year`` (``domain.fees.fee_year``); ``payments``
    decide when the fee was paid, since the cut-off looks at the payment dates.
    """
    day = meeting.held_on
    by_member = {row.member.id: row for row in rows if row.year == rule.fee_year}
    payments = list(payments)
    voters: list[RollEntry] = []
    others: list[RollEntry] = []
    present_members = sorted(
        (m for m in members if m.is_member_on(day)), key=lambda m: (swedish_key(m.name), m.id or 0)
    )
    for member in present_members:
        mark = attendance.get(member.id or 0, Attendance(member.id or 0))
        reason = no_vote_reason(member, day, by_member.get(member.id), payments, rule)
        entry = RollEntry(member, mark.delegate, mark.present, reason)
        (others if reason else voters).append(entry)
    return VotingRoll(tuple(voters), tuple(others))
