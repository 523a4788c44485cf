"""One member's payments for one year: add, correct or delete them (with a confirmation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.markup import escape
from rich.text import Text

from secretariat_tui.domain.fees import MemberYear, Payment
from secretariat_tui.domain.money import format_kronor, parse_amount
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.list_screen import ModalListScreen
from secretariat_tui.ui.screens.payment_forms import PaymentForm
from secretariat_tui.ui.screens.record_screen import RecordScreen
from secretariat_tui.ui.widgets.register_table import Column, Row


def amount_key(value: object) -> object:
    return parse_amount(str(value))


PAYMENT_COLUMNS = (
    Column("paid_on", "Betaldatum", 10),
    Column("amount", "Belopp", 11, sort_key=amount_key),
    Column("reference", "Referens"),
)


def payment_row(payment: Payment) -> Row:
    cells = (
        payment.paid_on.isoformat(),
        Text(format_kronor(payment.amount), justify="right"),
        " ".join(part for part in (payment.reference, payment.note) if part),
    )
    return Row(str(payment.id), cells, f"{payment.reference} {payment.note}")


class MemberPaymentsScreen(ModalListScreen, RecordScreen[Payment]):
    """Over the fees screen, which reads ``row`` again for the member's year after a change."""

    RECORD = ("en betalning", "markerad betalning")

    COLUMNS = PAYMENT_COLUMNS
    DIALOG = "payments"
    ADDED = SAVED = "Sparade betalningen på {}."
    DELETED = "Tog bort betalningen på {}."
    # d deleted a payment before x did on every register; it still does, out of the footer.
    BINDINGS = bindings(
        Command("d", "delete", "Ta bort", "Ta bort markerad", id="delete", footer=False),
    )

    def __init__(
        self,
        row: Callable[[], MemberYear],
        payments: PaymentRepository,
        *,
        today: date,
    ) -> None:
        super().__init__()
        self._row = row
        self.records = payments
        self.today = today

    def reload(self, keep: int | None = None) -> None:
        row = self._row()
        self.set_title(
            f"{escape(row.member.name)}: betalningar för {row.year} · "
            f"avgift {format_kronor(row.due)}, betalt {format_kronor(row.paid)}, "
            f"{row.status.label.lower()}"
        )
        self.register.set_rows(
            [payment_row(p) for p in row.payments], keep=str(keep) if keep else None
        )
        count = len(row.payments)
        self.register.set_status(f"{count} betalning" if count == 1 else f"{count} betalningar")
        self.refresh_bindings()

    def describe(self, record: Payment) -> str:
        return format_kronor(record.amount)

    def form_for(self, record: Payment | None) -> PaymentForm:
        return PaymentForm(
            self._row(), payment=record, today=self.today, save=self.save_for(record)
        )

    def delete_question(self, record: Payment) -> str:
        return (
            f"Ta bort betalningen på {format_kronor(record.amount)} "
            f"från {record.paid_on.isoformat()}?"
        )
