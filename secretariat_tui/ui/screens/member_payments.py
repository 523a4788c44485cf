"""One member's payments for one year: add, correct or delete them (with a confirmation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from secretariat_tui.domain.fees import MemberYear, Payment
from secretariat_tui.domain.money import format_kronor, parse_amount
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.ui.keys import refresh_keys
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.payment_forms import PaymentForm
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable, Row


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


class MemberPaymentsScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("n", "new", "Ny betalning", id="new", tooltip="Registrera en betalning"),
        Binding("e", "edit", "Ändra", id="edit", tooltip="Ändra markerad betalning"),
        Binding("d,delete", "delete", "Ta bort", id="delete", tooltip="Ta bort markerad betalning"),
        Binding("escape", "close", "Stäng", id="close", tooltip="Tillbaka till avgifterna"),
    ]

    def __init__(
        self,
        row: Callable[[], MemberYear],
        payments: PaymentRepository,
        *,
        today: date,
    ) -> None:
        super().__init__()
        self._row = row
        self.payments = payments
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog payments"):
            yield Static(classes="title", id="payments-title")
            yield RegisterTable(PAYMENT_COLUMNS, placeholder="/ Filtrera…", id="payments")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(RegisterTable).table.focus()

    def reload(self, keep: int | None = None) -> None:
        row = self._row()
        name = escape(row.member.name)
        self.query_one("#payments-title", Static).update(
            f"{name}: betalningar för {row.year} · avgift {format_kronor(row.due)}, "
            f"betalt {format_kronor(row.paid)}, {row.status.label.lower()}"
        )
        table = self.query_one(RegisterTable)
        table.set_rows([payment_row(p) for p in row.payments], keep=str(keep) if keep else None)
        count = len(row.payments)
        table.set_status(f"{count} betalning" if count == 1 else f"{count} betalningar")
        refresh_keys(self)

    def _selected(self) -> Payment | None:
        key = self.query_one(RegisterTable).highlighted_key
        return self.payments.get(int(key)) if key else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "delete"}:
            return self.is_mounted and self._selected() is not None
        return True

    def on_data_table_row_highlighted(self) -> None:
        refresh_keys(self)

    @on(RegisterTable.Chosen)
    def action_edit(self) -> None:
        if payment := self._selected():
            update = self.payments.update
            form = PaymentForm(self._row(), payment=payment, today=self.today, save=update)
            self.app.push_screen(form, self._stored)

    def action_new(self) -> None:
        form = PaymentForm(self._row(), today=self.today, save=self.payments.add)
        self.app.push_screen(form, self._stored)

    def action_delete(self) -> None:
        payment = self._selected()
        if payment is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes or payment.id is None:
                return
            try:
                self.payments.delete(payment.id)
            except StoreError as err:
                self.notify(escape(str(err)), severity="error", timeout=10)
                return
            self.notify(f"Tog bort betalningen på {format_kronor(payment.amount)}.")
            self.reload()

        question = (
            f"Ta bort betalningen på {format_kronor(payment.amount)} "
            f"från {payment.paid_on.isoformat()}?"
        )
        self.app.push_screen(ConfirmScreen(question, yes="Ta bort", no="Behåll"), answered)

    def _stored(self, payment: Payment | None) -> None:
        if payment is not None:
            self.notify(f"Sparade betalningen på {format_kronor(payment.amount)}.")
            self.reload(keep=payment.id)

    def action_close(self) -> None:
        self.dismiss(None)
