"""Fees for one year: who owes what, who has paid; record a payment in a few keys."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.markup import escape
from rich.text import Text
from textual import on

from secretariat_tui.domain.fees import (
    FEE_RULES,
    FeeStatus,
    MemberYear,
    Payment,
)
from secretariat_tui.domain.mail import MailKind
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.exports import fees_listing
from secretariat_tui.exports.csv_files import PAYMENT_COLUMNS, payments_csv_bytes
from secretariat_tui.exports.fees_listing import members_word
from secretariat_tui.imports.payments_csv import plan_payments_import
from secretariat_tui.store.import_headings import HeadingMemory
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.commands import Command, bindings, year_commands
from secretariat_tui.ui.screens.bank_import import start_bank_import
from secretariat_tui.ui.screens.fee_mail import open_fee_mail
from secretariat_tui.ui.screens.invoice_run import start_invoicing
from secretariat_tui.ui.screens.member_payments import MemberPaymentsScreen, amount_key
from secretariat_tui.ui.screens.members import FORM_SHORT
from secretariat_tui.ui.screens.payment_forms import AgreementForm, FeeScheduleForm, PaymentForm
from secretariat_tui.ui.screens.register_screen import RegisterScreen
from secretariat_tui.ui.screens.save_as import Rendering
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from secretariat_tui.ui.screens.transfer import CsvTransfer, file_renderings
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable, Row

COLUMNS = (
    Column("name", "Namn"),
    Column("form", "Form", 8, hide_when_same=True),
    Column("due", "Avgift", 9, sort_key=amount_key),
    Column("paid", "Betalt", 9, sort_key=amount_key),
    Column("status", "Status", 13),
)
STATUS_STYLE = {
    FeeStatus.PAID: "",
    FeeStatus.PARTLY: "bold",
    FeeStatus.UNPAID: "bold",
    FeeStatus.EXEMPT: "dim",
    FeeStatus.NO_FEE: "dim",
}


def _plural(count: int, word: str) -> str:
    """Swedish adjective agreement: 1 betald, 2 betalda."""
    return word if count == 1 else word + "a"


def status_cell(row: MemberYear) -> Text:
    text = f"Kvar {format_kronor(row.outstanding)}" if row.status is FeeStatus.PARTLY else None
    return Text(text or row.status.label, style=STATUS_STYLE.get(row.status, ""))


def fee_row(row: MemberYear) -> Row:
    assert row.form is not None
    cells = (
        row.member.name,
        FORM_SHORT[row.form],
        Text(format_kronor(row.due), justify="right"),
        Text(format_kronor(row.paid), justify="right"),
        status_cell(row),
    )
    searchable = f"{row.member.name} {row.form.label} {row.status.label} {row.member.org_number}"
    return Row(str(row.member.id), cells, searchable)


class FeesScreen(RegisterScreen):
    TITLE = "Avgifter"
    MODE = "fees"
    COLUMNS = COLUMNS
    PLACEHOLDER = "/ Filtrera på namn, form, status…"
    HELP = FEE_RULES
    BINDINGS = bindings(
        Command("b", "pay", "Betalning", "Registrera en betalning för markerad", id="pay"),
        Command(
            "enter",
            "payments",
            "Betalningar",
            "Visa, ändra och ta bort markerad medlems betalningar",
            id="payments",
        ),
        Command(
            "o", "toggle_owing", "Obetalda", "Visa bara de som inte har betalat allt", id="owing"
        ),
        *year_commands(),
        Command(
            "t", "schedule", "Taxa", "Ändra årets avgifter per form", id="schedule", footer=False
        ),
        Command(
            "r",
            "reminders",
            "Påminnelser",
            "Lista för påminnelser: obetalda med kontaktuppgifter, att kopiera eller spara",
            id="reminders",
        ),
        Command(
            "m",
            "mail",
            "E-post",
            "Skicka påminnelser med e-post till obetalda, efter förhandsvisning",
            id="mail",
            footer=False,
        ),
        Command(
            "M",
            "mail(None, 'invoice')",
            "Fakturor med e-post",
            "Skicka årets fakturor med e-post, var och en med sin faktura som Word-fil",
            id="mail-invoices",
            footer=False,
        ),
        Command(
            "e",
            "bcc",
            "E-post (Bcc)",
            "Obetaldas e-postadresser på en rad, att kopiera till ett e-brevs Bcc-fält",
            id="bcc",
            footer=False,
        ),
        Command(
            "g",
            "bank_file",
            "Bankfil",
            "Läs in bankens fil med inbetalningar (BgMax eller CSV) och matcha mot avgifterna",
            id="bank-file",
            footer=False,
        ),
        Command(
            "f",
            "invoice",
            "Fakturera",
            "Fakturera årets obetalda avgifter med OCR-nummer, som Word-filer",
            id="invoice",
            footer=False,
        ),
        Command(
            "a",
            "agreement",
            "Avtal",
            "Avtalat belopp eller befrielse för markerad medlem i år",
            id="agreement",
            footer=False,
        ),
    )

    def __init__(self, ledger: FeeLedger, *, today: date | None = None) -> None:
        super().__init__(today=today, database_path=ledger.members.path)
        self.ledger = ledger
        self.members, self.fees, self.payments = ledger.members, ledger.fees, ledger.payments
        self.year = self.today.year
        self.owing_only = False

    def year_rows(self) -> list[MemberYear]:
        return self.ledger.year_rows(self.year)

    def reload(self, keep: int | None = None) -> None:
        rows = self.year_rows()
        shown = [r for r in rows if r.owes] if self.owing_only else rows
        self.register.set_rows([fee_row(r) for r in shown], keep=str(keep) if keep else None)
        self.register.set_status(self._summary(rows))
        self.sub_title = f"{self.year}"
        self.refresh_bindings()

    def _summary(self, rows: list[MemberYear]) -> str:
        owing = [r for r in rows if r.owes]
        paid = sum(r.status is FeeStatus.PAID for r in rows)
        left = sum((r.outstanding for r in owing), Decimal(0))
        if self.fees.schedule(self.year) is None:
            return f"År {self.year}: ingen taxa för året, tryck t för att sätta den"
        text = (
            f"År {self.year} · {members_word(len(rows))} · {paid} {_plural(paid, 'betald')} · "
            f"{len(owing)} {_plural(len(owing), 'obetald')} ({format_kronor(left)} kvar)"
        )
        if self.owing_only:
            text += " · visar obetalda (o)"
        return text

    def selected_row(self) -> MemberYear | None:
        member_id = self.selected_id()
        if member_id is None:
            return None
        return self._member_year(member_id)

    def _member_year(self, member_id: int) -> MemberYear:
        return self.ledger.member_row(member_id, self.year)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"pay", "payments", "agreement"}:
            return self.is_mounted and self.selected_id() is not None
        return True

    # --- actions ------------------------------------------------------------------------------
    def action_year(self, step: int) -> None:
        self.year += step
        self.reload(keep=self.selected_id())

    def action_toggle_owing(self) -> None:
        self.owing_only = not self.owing_only
        self.reload(keep=self.selected_id())

    def action_pay(self) -> None:
        if row := self.selected_row():
            form = PaymentForm(row, today=self.today, save=self.payments.add)
            self.app.push_screen(form, self._paid)

    @on(RegisterTable.Chosen)
    def action_payments(self) -> None:
        member_id = self.selected_id()
        if member_id is None:
            return
        screen = MemberPaymentsScreen(
            lambda: self._member_year(member_id), self.payments, today=self.today
        )
        self.app.push_screen(screen, lambda _: self.reload(keep=member_id))

    def action_agreement(self) -> None:
        row = self.selected_row()
        if row is None or row.member.id is None:
            return
        member_id = row.member.id
        current = next(
            (o for o in self.fees.overrides(self.year) if o.member_id == member_id), None
        )
        form = AgreementForm(row, current, save=self.fees.set_agreement)
        self.app.push_screen(form, lambda stored: self.reload(keep=member_id))

    def action_invoice(self) -> None:
        start_invoicing(self.app, self.ledger, self.year, self.today)

    def action_schedule(self) -> None:
        schedule = self.fees.schedule(self.year)
        form = FeeScheduleForm(self.year, schedule, save=self.fees.save_schedule)
        self.app.push_screen(form, lambda saved: self.reload(keep=self.selected_id()))

    def action_reminders(self) -> None:
        owing = fees_listing.owing(self.year_rows())
        year = self.year
        renderings = [
            Rendering(
                "Text (.txt)",
                ".txt",
                lambda: fees_listing.reminder_text(owing, year).encode("utf-8"),
            ),
            *file_renderings(
                lambda fmt: fees_listing.reminder_table(owing).file_bytes(
                    fmt, title=f"Påminnelser {year}"
                )
            ),
        ]
        title = f"Påminnelser {year}: {members_word(len(owing))} har inte betalat allt"
        text = fees_listing.reminder_text(owing, year)
        if self.fees.schedule(year) is None:
            text = f"{fees_listing.no_schedule_note(year)}\n\n{text}"
        preview = TextPreviewScreen(
            title,
            text,
            f"paminnelser-{year}",
            renderings,
            protected=self.database_path,
            mail=lambda: self.action_mail(year),
        )
        self.app.push_screen(preview)

    def action_mail(self, year: int | None = None, kind: str = MailKind.REMINDER.value) -> None:
        """Reminders or invoices by e-mail (``fee_mail``): a preview of each, then sent or
        saved as .eml files."""
        database, chosen = self.members.database, year or self.year
        open_fee_mail(self.app, database, self.database_path, chosen, MailKind(kind))

    def action_bcc(self) -> None:
        """The reminder list's addresses alone: ``c`` copies the line, not who it leaves out."""
        owing = fees_listing.owing(self.year_rows())
        line = fees_listing.bcc_line(owing)
        addresses = fees_listing.addresses_word(len(fees_listing.bcc_addresses(owing)))
        title = f"E-post till obetalda {self.year}: {addresses}"
        preview = TextPreviewScreen(
            title,
            fees_listing.bcc_text(owing, self.year),
            f"bcc-obetalda-{self.year}",
            [Rendering("Text (.txt)", ".txt", lambda: f"{line}\n".encode())],
            protected=self.database_path,
            copy=line,
            copied=addresses,
        )
        self.app.push_screen(preview)

    def action_bank_file(self) -> None:
        start_bank_import(self.app, self.ledger, self.year, lambda: self.reload(self.selected_id()))

    def csv_transfer(self) -> CsvTransfer[Payment]:
        year = self.year

        def describe(payment: Payment) -> str:
            name = self.members.get(payment.member_id).name
            amount = format_kronor(payment.amount)
            return f"{name}, {payment.fee_year}: {amount} {payment.paid_on.isoformat()}"

        return CsvTransfer(
            what="betalningar",
            stem=f"betalningar-{year}",
            export_bytes=lambda fmt: payments_csv_bytes(
                self.payments.for_year(year), self.members.all(), fmt
            ),
            plan=lambda data, chosen: plan_payments_import(
                data, self.members.all(), self.payments.all(), chosen=chosen
            ),
            describe=describe,
            write=self.payments.add_many,
            columns=PAYMENT_COLUMNS,
            memory=HeadingMemory(self.members.database, "payments"),
        )

    def _paid(self, payment: object) -> None:
        row = self.selected_row()
        if payment is not None and row is not None:
            status = row.status.label.lower()
            self.notify(f"Registrerade betalning från {escape(row.member.name)}: {status}.")
            self.reload(keep=row.member.id)
