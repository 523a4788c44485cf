"""A payment and a year's fee schedule as typed in a form → validated domain objects."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fees import FeeAgreement, FeeOverride, FeeSchedule, Payment
from secretariat_tui.domain.members import FORM_LABELS, MembershipForm
from secretariat_tui.domain.money import parse_amount, typed_amount

PAYMENT_LABELS = {
    "amount": "Belopp",
    "paid_on": "Betaldatum",
    "reference": "Referens",
    "note": "Anteckning",
}


def check_amount(text: str) -> str | None:
    try:
        amount = parse_amount(text)
    except ValueError as err:
        return str(err)
    return None if amount > 0 else "Beloppet måste vara större än noll."


def check_fee(text: str) -> str | None:
    """A fee may be 0 (a form without a fee), never negative or malformed."""
    if not text.strip():
        return "Fyll i avgiften i kronor (0 om formen inte har någon avgift)."
    try:
        parse_amount(text)
    except ValueError as err:
        return str(err)
    return None


def parse_payment_fields(
    raw: Mapping[str, str], *, member_id: int, fee_year: int, payment_id: int | None = None
) -> Payment:
    errors: dict[str, str] = {}
    if message := check_amount(raw.get("amount", "")):
        errors["amount"] = message
    try:
        paid_on: date | None = parse_date(raw.get("paid_on", ""))
    except ValueError as err:
        errors["paid_on"] = str(err)
        paid_on = None
    if errors or paid_on is None:
        raise FieldErrors(errors)
    return Payment(
        member_id=member_id,
        fee_year=fee_year,
        amount=parse_amount(raw["amount"]),
        paid_on=paid_on,
        reference=raw.get("reference", "").strip(),
        note=raw.get("note", "").strip(),
        id=payment_id,
    )


def payment_raw(payment: Payment) -> dict[str, str]:
    return {
        "amount": typed_amount(payment.amount),
        "paid_on": payment.paid_on.isoformat(),
        "reference": payment.reference,
        "note": payment.note,
    }


def schedule_labels() -> dict[str, str]:
    return {form.value: FORM_LABELS[form] for form in MembershipForm}


def parse_schedule_fields(raw: Mapping[str, str], *, year: int) -> FeeSchedule:
    errors = {
        form.value: message
        for form in MembershipForm
        if (message := check_fee(raw.get(form.value, ""))) is not None
    }
    if errors:
        raise FieldErrors(errors)
    return FeeSchedule(
        year=year, amounts={form: parse_amount(raw[form.value]) for form in MembershipForm}
    )


def schedule_raw(schedule: FeeSchedule | None) -> dict[str, str]:
    if schedule is None:
        return {form.value: "" for form in MembershipForm}
    return {form.value: typed_amount(schedule.amount_for(form)) for form in MembershipForm}


AGREEMENT_CHOICES = (
    ("Enligt taxan", "schedule"),
    ("Avtalat belopp", "agreed"),
    ("Befriad från avgiften", "exempt"),
)


def agreement_raw(override: FeeOverride | None) -> dict[str, str]:
    if override is None:
        return {"basis": "schedule", "amount": "", "note": ""}
    if override.amount is None:
        return {"basis": "exempt", "amount": "", "note": override.note}
    return {"basis": "agreed", "amount": typed_amount(override.amount), "note": override.note}


def parse_agreement_fields(raw: Mapping[str, str], *, member_id: int, year: int) -> FeeAgreement:
    basis = raw.get("basis", "")
    note = raw.get("note", "").strip()
    if basis == "schedule":
        return FeeAgreement(member_id, year, None)
    if basis == "exempt":
        return FeeAgreement(member_id, year, FeeOverride(member_id, year, None, note))
    if basis != "agreed":
        raise FieldErrors({"basis": "Välj hur avgiften ska bestämmas."})
    if message := check_amount(raw.get("amount", "")):
        raise FieldErrors({"amount": message})
    amount = parse_amount(raw["amount"])
    return FeeAgreement(member_id, year, FeeOverride(member_id, year, amount, note))
