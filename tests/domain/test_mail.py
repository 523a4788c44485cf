"""Fee e-mails' rules: templates, who a run reaches, skips or cannot reach, what it says."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from secretariat_tui.domain.fees import FeeSchedule, Payment, member_year
from secretariat_tui.domain.invoices import Invoice
from secretariat_tui.domain.mail import (
    DEFAULT_TEMPLATES,
    Association,
    MailKind,
    SentMail,
    fee_mail_facts,
    fill,
    payment_details,
    plan_mail,
    template_problem,
)
from secretariat_tui.domain.members import Contact, MembershipForm
from tests.factories import make_member

SCHEDULE = FeeSchedule(2025, {MembershipForm.FULL: Decimal("1500")})
ASSOCIATION = Association("Plattformen", "bankgiro 5050-1055")


def row(member_id: int, email: str = "", paid: str = "0"):  # type: ignore[no-untyped-def]
    member = make_member(f"Förening {member_id}", id=member_id, contact=Contact(email=email))
    payments = [Payment(member_id, 2025, Decimal(paid), date(2025, 2, 1))] if paid != "0" else []
    return member_year(member, 2025, SCHEDULE, None, payments)


def invoice(number: int, member_id: int, **extra: object) -> Invoice:
    values: dict[str, object] = {
        "number": number,
        "member_id": member_id,
        "fee_year": 2025,
        "ocr": f"2025{number:04d}00",
        "issued": date(2025, 2, 1),
        "due": date(2025, 3, 3),
        "amount": Decimal("1500"),
    }
    return Invoice(**{**values, **extra})  # type: ignore[arg-type]


def test_every_default_template_uses_only_known_placeholders() -> None:
    for template in DEFAULT_TEMPLATES.values():
        assert template_problem(template.subject) is None
        assert template_problem(template.body) is None


def test_an_unknown_placeholder_is_named_and_the_known_ones_listed() -> None:
    problem = template_problem("Hej {nman}, {belopp}")
    assert problem is not None
    assert problem.startswith("Okänd platshållare {nman}; de som finns: {namn}, ")


def test_fill_replaces_known_placeholders_and_leaves_other_braces() -> None:
    assert fill("{namn}: {belopp} {x} {", {"namn": "Å", "belopp": "1 kr"}) == "Å: 1 kr {x} {"


def test_a_reminder_carries_the_standing_invoices_ocr_and_the_amount_still_due() -> None:
    rows = [row(1, "a@x.se", paid="500"), row(2, "b@x.se"), row(3, "c@x.se", paid="1500")]
    invoices = [invoice(1, 1), invoice(2, 1, credited_by=3), invoice(4, 2, credited_by=5)]
    facts = fee_mail_facts(MailKind.REMINDER, 2025, rows, invoices, ASSOCIATION)
    assert [(f.member_id, f.amount, f.ocr, f.due) for f in facts] == [
        (1, Decimal("1000.00"), "2025000100", date(2025, 3, 3)),
        (2, Decimal("1500"), "", None),
    ]
    values = facts[1].values()
    assert values["ocr"] == "– (ange ”Förening 2 2025” som meddelande)"
    assert values["förfallodag"] == "snarast"
    assert values["betalningsuppgifter"] == "bankgiro 5050-1055"


def test_invoice_mail_goes_with_open_standing_invoices_only() -> None:
    rows = [row(1, "a@x.se"), row(2, "b@x.se", paid="1500"), row(3, "c@x.se")]
    invoices = [invoice(1, 1), invoice(2, 2), invoice(3, 3, credited_by=4)]
    facts = fee_mail_facts(MailKind.INVOICE, 2025, rows, invoices, ASSOCIATION)
    assert [(f.member_id, f.invoice) for f in facts] == [(1, 1)]
    only = fee_mail_facts(MailKind.INVOICE, 2025, rows, invoices, ASSOCIATION, member_id=3)
    assert only == []


def test_plan_skips_who_got_one_this_year_unless_again_and_lists_who_has_no_address() -> None:
    facts = fee_mail_facts(
        MailKind.REMINDER, 2025, [row(1, "a@x.se"), row(2), row(3, "c@x.se")], [], ASSOCIATION
    )
    sent = [
        SentMail(1, 2025, MailKind.REMINDER, datetime(2025, 4, 1, 9, 30)),
        SentMail(3, 2025, MailKind.INVOICE, datetime(2025, 2, 1, 9, 0)),
        SentMail(3, 2024, MailKind.REMINDER, datetime(2024, 4, 1, 9, 0)),
    ]
    plan = plan_mail(MailKind.REMINDER, 2025, facts, sent)
    assert [f.member_id for f in plan.to_send] == [3]
    assert plan.lines() == [
        "Redan skickad (påminnelse 2025-04-01 09:30): Förening 1; "
        "hoppas över (--again skickar igen).",
        "Saknar e-post: Förening 2; nås inte med e-post.",
    ]
    again = plan_mail(MailKind.REMINDER, 2025, facts, sent, again=True)
    assert [f.member_id for f in again.to_send] == [1, 3]


def test_payment_details_names_each_way_given() -> None:
    assert payment_details("5050-1055", "", "123 456 78 90") == (
        "bankgiro 5050-1055 eller Swish 123 456 78 90"
    )
    assert payment_details("", "", "") == ""
