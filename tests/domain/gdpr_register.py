"""A small register where an individual and an organisation's contact person appear in every
place the register can hold a person: the test data of the GDPR tests (domain, store, CLI).

Member 1 is the individual Anna Ek, member 2 the organisation Föreningen Ljuset with contact
person Bo Lind; member 3 is a bystander whose own data must never change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.fees import FeeOverride, FeeSchedule, Payment
from secretariat_tui.domain.members import Contact, MembershipForm
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.personal_data import Delegation, Register
from secretariat_tui.domain.submissions import Submission, SubmissionKind
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.store.database import Database
from tests.factories import PERSON, make_member

ANNA = Contact("Anna Ek", "anna.ek@example.se", "070-111 22 33", "Gränd 5, 123 45 Ort")
BO = Contact("Bo Lind", "bo.lind@ljuset.example", "08-765 43 21", "Box 12, 111 11 Stad")
ANNA_STRINGS = ("Anna Ek", "anna.ek@example.se", "070-111 22 33", "Gränd 5, 123 45 Ort")
BO_STRINGS = ("Bo Lind", "bo.lind@ljuset.example", "08-765 43 21", "Box 12, 111 11 Stad")
BYSTANDER = Contact("Cecilia Berg", "cecilia@example.org", "", "")

MEMBERS = (
    make_member(
        "Anna Ek",
        kind=PERSON,
        joined=date(2019, 2, 1),
        ended=date(2023, 6, 30),
        end_reason="Flyttade till Anna Eks syster",
        contact=ANNA,
        id=1,
    ),
    make_member(
        "Föreningen Ljuset",
        joined=date(2018, 1, 1),
        org_number="802001-6015",
        contact=BO,
        id=2,
    ),
    make_member("Stiftelsen Grannen", joined=date(2018, 1, 1), contact=BYSTANDER, id=3),
)
MEETINGS = (
    AnnualMeeting(date(2022, 4, 20), "Anna Ek valdes till kassör", id=1),
    AnnualMeeting(date(2023, 4, 19), id=2),
)
SEATS = (
    BoardSeat("Anna Ek", Role.TREASURER, None, 1, 1, left_reason="Anna Ek flyttade", id=1),
    BoardSeat("bo  lind", Role.MEMBER, 2, 2, 2, id=2),
    BoardSeat("Cecilia Berg", Role.CHAIR, 3, 1, 2, id=3),
)
DELEGATIONS = (
    Delegation(1, Attendance(1, "Anna Ek", present=True)),
    Delegation(1, Attendance(2, "Dan Ljus", present=True)),
    Delegation(2, Attendance(2, "Bo Lind", present=False)),
    Delegation(2, Attendance(3, "Cecilia Berg", present=True)),
)
PAYMENTS = (
    Payment(1, 2022, Decimal(200), date(2022, 3, 1), "OCR 123", "Swish från Anna Ek", id=1),
    Payment(2, 2023, Decimal(1500), date(2023, 2, 1), "Faktura 7", "Betalt av Bo", id=2),
    Payment(3, 2023, Decimal(1500), date(2023, 2, 2), "Faktura 8", "Kvitto till Cecilia", id=3),
)
AGREEMENTS = (
    FeeOverride(1, 2023, None, "Befriad efter samtal med Anna"),
    FeeOverride(2, 2022, Decimal(750), "Avtal med Bo Lind"),
)
ACTIVITIES = (
    Activity(
        "Samtal med ANNA EK om utbildning",
        EnteredDate(date(2022, 5, 10)),
        Category.MEETING,
        starts_at=time(10),
        location="Hemma hos Anna Ek",
        id=1,
    ),
    Activity(
        "Plattformsmöte",
        EnteredDate(date(2023, 9, 14)),
        Category.PLATFORM_MEETING,
        participants="Bo Lind (Föreningen Ljuset), Cecilia Berg",
        notes="Skicka protokollet till bo.lind@ljuset.example",
        id=2,
    ),
    Activity("Möte med Bo Ekström", EnteredDate(date(2023, 10, 1)), Category.MEETING, id=3),
    Activity("Besök hos Föreningen Ljuset", EnteredDate(date(2024, 2, 1)), Category.MEETING, id=4),
)
SUBMISSIONS = (
    Submission(
        SubmissionKind.CONSULTATION,
        "Remissvar om stödet",
        EnteredDate(date(2023, 3, 1)),
        co_signers=(2, 3),
        notes="Bo Lind skrev utkastet",
        uid="u1",
        id=1,
    ),
    Submission(
        SubmissionKind.DEBATE_ARTICLE,
        "Debattartikel",
        EnteredDate(date(2023, 5, 1)),
        recipient="Anna Ek, redaktionen",
        uid="u2",
        id=2,
    ),
)
NETWORKS = (NetworkMembership("Nordiskt nätverk", contact="070-111 22 33", id=1),)
SCHEDULES = (FeeSchedule(2022, {MembershipForm.FULL: Decimal(1500)}),)


def register() -> Register:
    return Register(
        members=MEMBERS,
        payments=PAYMENTS,
        agreements=AGREEMENTS,
        meetings=MEETINGS,
        seats=SEATS,
        delegations=DELEGATIONS,
        activities=ACTIVITIES,
        submissions=SUBMISSIONS,
        networks=NETWORKS,
    )


def write_register(db: Database) -> None:
    """The register above into an open database, through the repositories (same ids)."""
    from secretariat_tui.store.board import BoardRepository
    from secretariat_tui.store.calendar import CalendarRepository
    from secretariat_tui.store.fees import FeeRepository
    from secretariat_tui.store.members import MemberRepository
    from secretariat_tui.store.payments import PaymentRepository

    with db.one_save():
        MemberRepository(db).add_many([replace(m, id=None) for m in MEMBERS])
        board, calendar, fees = BoardRepository(db), CalendarRepository(db), FeeRepository(db)
        for meeting in MEETINGS:
            board.meetings.add(replace(meeting, id=None))
        board.seats.add_many([replace(s, id=None) for s in SEATS])
        for delegation in DELEGATIONS:
            board.attendance.set(delegation.meeting_id, delegation.attendance)
        PaymentRepository(db).add_many([replace(p, id=None) for p in PAYMENTS])
        for schedule in SCHEDULES:
            fees.save_schedule(schedule)
        for agreement in AGREEMENTS:
            fees.save_override(agreement)
        calendar.networks.add_many([replace(n, id=None) for n in NETWORKS])
        calendar.activities.add_many([replace(a, id=None) for a in ACTIVITIES])
        calendar.submissions.add_many([replace(s, id=None) for s in SUBMISSIONS])


# The extract of the register's organisation, its headings in order.
EXTRACT_SECTIONS = (
    "Medlem",
    "Formhistorik",
    "Betalningar",
    "Avtalade avgifter",
    "Styrelseuppdrag",
    "Ombud vid årsmöten",
    "Medundertecknade inlagor",
    "Aktiviteter som nämner Föreningen Ljuset eller Bo Lind",
    "Andra poster som nämner Föreningen Ljuset eller Bo Lind",
)
