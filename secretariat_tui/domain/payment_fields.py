"""A payment, a year's fee schedule and a member's fee agreement: fields declared once, and
typed text → validated domain objects."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fees import FeeAgreement, FeeOverride, FeeSchedule, Payment
from secretariat_tui.domain.fields import (
    Amount,
    Choice,
    Day,
    Field,
    FieldReader,
    Ref,
    Year,
    field_named,
    record_text,
)
from secretariat_tui.domain.members import FORM_LABELS, MembershipForm
from secretariat_tui.domain.money import typed_amount

PAYMENT_FIELDS = (
    Field("amount", "Belopp", Amount(), required=True, help="Belopp.", placeholder="t.ex. 1500"),
    Field("paid_on", "Betaldatum", Day(), flag="--date", required=True, help="Betaldatum."),
    Field(
        "reference",
        "Referens",
        help="Referens, t.ex. OCR eller verifikationsnummer.",
        placeholder="t.ex. BG, Swish, OCR",
    ),
    Field("note", "Anteckning", help="Anteckning."),
)
"""A payment as typed; the member and the fee year come from where it is registered."""
PAYMENT_CONTEXT = (
    Field(
        "member_id", "Medlem", Ref("medlem"), flag="--member", required=True, help="Medlemmens id."
    ),
    Field(
        "fee_year",
        "Avgiftsår",
        Year(),
        flag="--year",
        required=True,
        help="Avgiftsåret betalningen gäller.",
    ),
)
"""Where a payment belongs: the form's row, the command line's ``--member`` and ``--year``."""
PAYMENT_LABELS = {f.name: f.label for f in PAYMENT_FIELDS}


def check_amount(text: str) -> str | None:
    """A payment's amount: more than zero (the one rule, also for a bank file's rows)."""
    return PAYMENT_FIELDS[0].check(text, date.min)


def parse_payment_fields(
    raw: Mapping[str, str],
    today: date,
    *,
    member_id: int,
    fee_year: int,
    payment_id: int | None = None,
) -> Payment:
    fields = FieldReader(PAYMENT_FIELDS, raw, today)
    values = fields.read()
    fields.done()
    return Payment(member_id=member_id, fee_year=fee_year, **values, id=payment_id)


def payment_raw(payment: Payment) -> dict[str, str]:
    return record_text(PAYMENT_FIELDS, payment)


SCHEDULE_FIELDS = tuple(
    Field(
        form.value, FORM_LABELS[form], Amount(positive=False), required=True, placeholder="kronor"
    )
    for form in MembershipForm
)
"""A year's fee per membership form; 0 is a form without a fee."""


def parse_schedule_fields(raw: Mapping[str, str], *, year: int) -> FeeSchedule:
    fields = FieldReader(SCHEDULE_FIELDS, raw, date.min)
    amounts = fields.read()
    fields.done()
    return FeeSchedule(year=year, amounts={form: amounts[form.value] for form in MembershipForm})


def schedule_raw(schedule: FeeSchedule | None) -> dict[str, str]:
    if schedule is None:
        return {form.value: "" for form in MembershipForm}
    return {form.value: typed_amount(schedule.amount_for(form)) for form in MembershipForm}


class FeeBasis(StrEnum):
    """How one member's fee for a year is decided."""

    SCHEDULE = "schedule"
    AGREED = "agreed"
    EXEMPT = "exempt"


AGREEMENT_FIELDS = (
    Field(
        "basis",
        "Avgiften bestäms",
        Choice(
            FeeBasis,
            "hur avgiften ska bestämmas",
            labels=("Enligt taxan", "Avtalat belopp", "Befriad från avgiften"),
        ),
    ),
    Field("amount", "Avtalat belopp", Amount(), placeholder="bara vid avtalat belopp"),
    Field("note", "Anteckning", placeholder="t.ex. styrelsebeslut 2025-03-12"),
)


def agreement_raw(override: FeeOverride | None) -> dict[str, str]:
    if override is None:
        return {"basis": "schedule", "amount": "", "note": ""}
    if override.amount is None:
        return {"basis": "exempt", "amount": "", "note": override.note}
    return {"basis": "agreed", "amount": typed_amount(override.amount), "note": override.note}


def parse_agreement_fields(raw: Mapping[str, str], *, member_id: int, year: int) -> FeeAgreement:
    fields = FieldReader(AGREEMENT_FIELDS, raw, date.min)
    basis, note = fields["basis"], fields["note"]
    fields.done()
    if basis is FeeBasis.SCHEDULE:
        return FeeAgreement(member_id, year, None)
    if basis is FeeBasis.EXEMPT:
        return FeeAgreement(member_id, year, FeeOverride(member_id, year, None, note))
    try:  # required only for an agreed amount
        amount = field_named(AGREEMENT_FIELDS, "amount").kind.parse(fields.text("amount"), date.min)
    except ValueError as err:
        raise FieldErrors({"amount": str(err)}) from None
    return FeeAgreement(member_id, year, FeeOverride(member_id, year, amount, note))
