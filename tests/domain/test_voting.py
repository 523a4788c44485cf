"""The voting roll: full members on the meeting day whose fee for the rule's year is paid by the
cut-off vote; everyone else is listed with the reason, and the totals count present voters."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.fees import FeeOverride, FeeSchedule, Payment, fee_year
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.voting import (
    Attendance,
    VotingRoll,
    VotingRule,
    rule_for,
    voting_roll,
    with_rule,
)
from tests.factories import FULL, INDIVIDUAL, NETWORKING, PERSON, make_member

MEETING = AnnualMeeting(date(2024, 4, 18), id=1)
RULE = VotingRule(fee_year=2024, cutoff=date(2024, 3, 31))
SCHEDULE = FeeSchedule(2024, {FULL: Decimal("1500"), INDIVIDUAL: Decimal("300")})


def pay(member_id: int, day: date, amount: str = "1500") -> Payment:
    return Payment(member_id=member_id, fee_year=2024, amount=Decimal(amount), paid_on=day)


def roll_for(
    members: list[Member],
    payments: list[Payment],
    overrides: list[FeeOverride] | None = None,
    attendance: dict[int, Attendance] | None = None,
    schedule: FeeSchedule | None = SCHEDULE,
) -> VotingRoll:
    rows = fee_year(members, 2024, schedule, overrides or [], payments)
    return voting_roll(MEETING, members, rows, payments, RULE, attendance or {})


def reasons(roll: VotingRoll) -> dict[str, str]:
    return {e.member.name: e.reason for e in roll.not_entitled}


def test_the_rule_is_stated_in_swedish_with_year_and_cutoff() -> None:
    assert RULE.describe().startswith(
        "Rösträtt har fullvärdiga medlemmar (fullt medlemskap) som är medlemmar på mötesdagen "
        "och har betalat avgiften för 2024 senast 2024-03-31."
    )
    assert "utan avgift" in RULE.describe()


def test_a_full_member_that_paid_by_the_cutoff_votes() -> None:
    roll = roll_for([make_member("Childx", id=1)], [pay(1, date(2024, 3, 31))])

    assert [e.member.name for e in roll.voters] == ["Childx"]
    assert roll.not_entitled == ()


def test_an_unpaid_or_partly_paid_full_member_has_no_vote() -> None:
    members = [make_member("Roks", id=1), make_member("Terrafem", id=2)]
    roll = roll_for(members, [pay(2, date(2024, 2, 1), "1000")])

    assert roll.voters == ()
    assert reasons(roll) == {
        "Roks": "avgiften för 2024 inte betald senast 2024-03-31",
        "Terrafem": "avgiften för 2024 inte betald senast 2024-03-31",
    }


def test_paid_after_the_cutoff_says_when_the_fee_was_paid_in_full() -> None:
    payments = [pay(1, date(2024, 3, 1), "500"), pay(1, date(2024, 4, 10), "1000")]
    roll = roll_for([make_member("Roks", id=1)], payments)

    assert reasons(roll) == {"Roks": "avgiften betald först 2024-04-10"}


def test_an_exempt_member_and_a_year_without_fee_count_as_paid() -> None:
    exempt = roll_for([make_member("Roks", id=1)], [], [FeeOverride(1, 2024, None)])
    no_fee = roll_for([make_member("Roks", id=1)], [], schedule=None)

    assert [e.member.name for e in exempt.voters] == ["Roks"]
    assert [e.member.name for e in no_fee.voters] == ["Roks"]


def test_networking_and_individual_members_are_listed_with_their_rights_not_votes() -> None:
    members = [
        make_member("Nätverket", form=NETWORKING, id=1),
        make_member("Eva Enskild", kind=PERSON, id=2),
    ]
    payments = [pay(1, date(2024, 1, 5), "500"), pay(2, date(2024, 1, 5), "300")]
    roll = roll_for(members, payments)

    assert roll.voters == ()
    assert reasons(roll) == {
        "Nätverket": "nätverkande medlem: yttranderätt, ingen rösträtt",
        "Eva Enskild": "individuellt medlemskap: motions- och yttranderätt",
    }


def test_a_member_that_ended_before_the_meeting_is_not_on_the_roll() -> None:
    gone = make_member("Avslutad", ended=date(2024, 4, 1), id=1)
    roll = roll_for([gone], [pay(1, date(2024, 1, 5))])

    assert roll.voters == () and roll.not_entitled == ()


def test_totals_count_voters_and_the_present_ones_with_their_delegates() -> None:
    members = [make_member(name, id=i) for i, name in enumerate(["Childx", "Roks", "Terrafem"], 1)]
    payments = [pay(i, date(2024, 2, 1)) for i in (1, 2, 3)]
    attendance = {
        1: Attendance(1, delegate="Anna Ombud", present=True),
        2: Attendance(2, delegate="Bo Ombud", present=False),
    }
    roll = roll_for(members, payments, attendance=attendance)

    assert (roll.entitled_count, roll.present_votes) == (3, 1)
    assert [(e.member.name, e.delegate, e.present) for e in roll.voters] == [
        ("Childx", "Anna Ombud", True),
        ("Roks", "Bo Ombud", False),
        ("Terrafem", "", False),
    ]


def test_a_meeting_without_a_stored_rule_votes_on_its_own_year_paid_by_the_meeting_day() -> None:
    meeting = AnnualMeeting(date(2024, 4, 18), id=1)
    assert rule_for(meeting) == VotingRule(2024, date(2024, 4, 18))
    stored = with_rule(meeting, VotingRule(2023, date(2024, 3, 31)))
    assert rule_for(stored) == VotingRule(2023, date(2024, 3, 31))
