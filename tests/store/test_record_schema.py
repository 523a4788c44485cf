"""The schema the open checks is the one the repositories write: no field more, none less."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.fees import FeeOverride, FeeSchedule, Payment
from secretariat_tui.domain.invoices import Invoice
from secretariat_tui.domain.mail import MailKind, MailTemplate, SentMail
from secretariat_tui.domain.members import Contact, MembershipForm
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.report_texts import written_text
from secretariat_tui.domain.settings import Settings, SmtpSecurity
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.store.bank_lines import BankLineRecord
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.fees import FeeRepository
from secretariat_tui.store.import_headings import HeadingMemory
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.mail import MailTemplates, SentMailRecord
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.store.record_check import check_records
from secretariat_tui.store.record_schema import SCHEMAS
from secretariat_tui.store.report_texts import ReportTextRepository
from secretariat_tui.store.settings import SettingsRepository
from tests.factories import make_member


def one_of_everything(path: Path) -> None:
    """One record in every table, every optional field filled, written by the repositories."""
    day = date(2024, 4, 18)
    with open_database(path) as db:
        member = MemberRepository(db).add(
            replace(
                make_member(contact=Contact("Anna", "a@example.se", "08-123 456", "Gatan 1")),
                erased_on=day,
            )
        )
        assert member.id is not None
        fees = FeeRepository(db)
        fees.save_schedule(FeeSchedule(2024, {MembershipForm.FULL: Decimal("1500")}))
        fees.save_override(FeeOverride(member.id, 2024, Decimal("750"), "Avtal"))
        PaymentRepository(db).add(Payment(member.id, 2024, Decimal("750"), day, "R1", "N"))
        BankLineRecord(db).record(
            [("bgmax:1:2024-04-18:1", Payment(member.id, 2024, Decimal("1"), day))], day
        )
        board = BoardRepository(db)
        meeting = board.meetings.add(
            AnnualMeeting(day, "Noter", voting_fee_year=2024, voting_cutoff=day)
        )
        assert meeting.id is not None
        board.seats.add(
            BoardSeat("Nils", Role.CHAIR, member.id, meeting.id, 2, day, "Flytt", starts_on=day)
        )
        board.attendance.set(meeting.id, Attendance(member.id, "Ombud", present=True))
        calendar = CalendarRepository(db)
        network = calendar.networks.add(
            NetworkMembership("Nät", "Org", day, day, "Medlem", "Varje månad", "K", "N")
        )
        calendar.activities.add(
            Activity(
                title="Möte",
                when=EnteredDate(day),
                category=Category.PLATFORM_MEETING,
                starts_at=time(18),
                ends_at=time(20),
                ends_on=day,
                location="Stockholm",
                participants="Alla",
                notes="N",
                network_id=network.id,
            )
        )
        autumn_night = EnteredDate(date(2025, 10, 26))
        starts, ends = time(2, 10, fold=1), time(2, 40, fold=1)  # the second pass
        calendar.activities.add(Activity("Natt", autumn_night, Category.MEETING, starts, ends))
        calendar.submissions.add(
            Submission(
                kind=SubmissionKind.PETITION,
                title="Skrivelse",
                when=EnteredDate(day),
                status=SubmissionStatus.SUBMITTED,
                recipient="Departementet",
                co_signers=(member.id,),
                reference="Ref",
                notes="N",
            )
        )
        assert calendar.move("aktivitet-1", [i.key for i in calendar.items()], -1)
        SettingsRepository(db).save(
            Settings(
                3,
                "Plattformen",
                "802000-0009",
                address="Box 1, 111 11 Stockholm",
                bankgiro="5402-9681",
                plusgiro="28 65 43-4",
                swish="123 456 78 90",
                terms_days=20,
                ocr_length_digit=False,
                sender_email="kansli@example.se",
                smtp_host="smtp.example.se",
                smtp_port=2525,
                smtp_security=SmtpSecurity.SSL,
                smtp_user="kansli",
            )
        )
        invoices = InvoiceRepository(db)
        (first,) = invoices.record(
            [Invoice(1, member.id, 2024, "2024000106", day, day, Decimal("750"))]
        )
        invoices.record_credit(
            Invoice(2, member.id, 2024, "2024000205", day, day, Decimal("-750"), credits=1),
            replace(first, credited_by=2),
        )
        SentMailRecord(db).add(
            SentMail(member.id, 2024, MailKind.REMINDER, datetime(2024, 4, 18, 9, 30))
        )
        MailTemplates(db).save(MailTemplate(MailKind.INVOICE, "Ämne {år}", "Hej {namn}"))
        HeadingMemory(db, "members").remember(["foreningen"], ["Föreningen"], ["Namn"])
        ReportTextRepository(db).save(written_text(2024, "kampanj", "Text.", "Kampanj 215"))


def test_every_field_the_repositories_write_is_a_column_and_every_column_is_written(
    db_path: Path,
) -> None:
    one_of_everything(db_path)
    document = json.loads(db_path.read_bytes())

    assert check_records(document, SCHEMAS) is None
    for schema in SCHEMAS:
        records = list(document[schema.name].values())
        assert records, f"nothing was written to {schema.name}"
        written = set().union(*(record.keys() for record in records))
        assert written == {column.name for column in schema.columns}, schema.name
