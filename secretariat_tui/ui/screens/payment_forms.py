"""Forms for a payment (record or correct one) and for a year's fee schedule."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from secretariat_tui.domain.fees import FeeAgreement, FeeOverride, FeeSchedule, MemberYear, Payment
from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.money import format_kronor, typed_amount
from secretariat_tui.domain.payment_fields import (
    AGREEMENT_FIELDS,
    PAYMENT_FIELDS,
    SCHEDULE_FIELDS,
    agreement_raw,
    parse_agreement_fields,
    parse_payment_fields,
    parse_schedule_fields,
    payment_raw,
    schedule_raw,
)
from secretariat_tui.ui.widgets.record_form import RecordForm


class PaymentForm(RecordForm[Payment]):
    """A new payment pre-filled with what is outstanding and today's date, or an edit."""

    def __init__(
        self,
        row: MemberYear,
        *,
        payment: Payment | None = None,
        today: date,
        save: Callable[[Payment], Payment],
    ) -> None:
        self.row, self.payment = row, payment
        if payment is not None:
            initial = payment_raw(payment)
            title = f"Ändra betalning från {row.member.name} för {row.year}"
        else:
            # A year already paid gets no amount: one ctrl+s must not pay it twice.
            typed = typed_amount(row.outstanding) if row.outstanding > 0 else ""
            initial = {"amount": typed, "paid_on": today.isoformat()}
            title = f"Betalning från {row.member.name} för {row.year}"
        intro = (
            f"Avgift {format_kronor(row.due)}, betalt hittills {format_kronor(row.paid)}, "
            f"kvar {format_kronor(row.outstanding)}."
        )
        if payment is None and row.due > 0 and row.outstanding <= 0:
            intro += " Avgiften är redan betald: skriv beloppet bara om det kommit mer."
        super().__init__(title, initial, intro, save=save, today=today)

    def form_fields(self) -> Sequence[Field]:
        return PAYMENT_FIELDS

    def build(self, values: dict[str, str]) -> Payment:
        assert self.row.member.id is not None
        return parse_payment_fields(
            values,
            self.today,
            member_id=self.row.member.id,
            fee_year=self.row.year,
            payment_id=self.payment.id if self.payment else None,
        )


class FeeScheduleForm(RecordForm[FeeSchedule]):
    def __init__(
        self,
        year: int,
        schedule: FeeSchedule | None,
        *,
        save: Callable[[FeeSchedule], FeeSchedule],
    ) -> None:
        self.year = year
        super().__init__(
            f"Avgifter för {year}",
            schedule_raw(schedule),
            "Årsavgift per medlemsform i kronor; 0 betyder ingen avgift. Avtalade belopp och "
            "befrielser för enskilda medlemmar sätts med a på medlemmens rad.",
            save=save,
        )

    def form_fields(self) -> Sequence[Field]:
        return SCHEDULE_FIELDS

    def build(self, values: dict[str, str]) -> FeeSchedule:
        return parse_schedule_fields(values, year=self.year)


class AgreementForm(RecordForm[FeeAgreement]):
    """The schedule's amount, an agreed amount, or an exemption for one member and year."""

    def __init__(
        self,
        row: MemberYear,
        current: FeeOverride | None,
        *,
        save: Callable[[FeeAgreement], FeeAgreement],
    ) -> None:
        self.row = row
        intro = (
            "Välj ”Enligt taxan” för att ta bort avtalet eller befrielsen."
            if current is not None
            else "Ett avtalat belopp ersätter taxan för året; befriad betyder ingen avgift."
        )
        super().__init__(
            f"Avgift för {row.member.name} {row.year}", agreement_raw(current), intro, save=save
        )

    def form_fields(self) -> Sequence[Field]:
        return AGREEMENT_FIELDS

    def build(self, values: dict[str, str]) -> FeeAgreement:
        assert self.row.member.id is not None
        return parse_agreement_fields(values, member_id=self.row.member.id, year=self.row.year)
