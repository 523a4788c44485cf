"""The bank's file in the TUI: open it, see every line matched or not, confirm, assign, save.

The same reader and matching as ``payments import-bank``. Matched lines (by OCR) are taken;
a probable line is taken only when the coordinator confirms it (space), and an unmatched
line, an overpayment among them, only when the coordinator assigns it to a member (m). Lines
already imported and money going out are shown but can never be taken. Nothing is written
until ctrl+s, and then everything taken is recorded in one save, with the lines' identities.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from rich.markup import escape
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from secretariat_tui.domain.bank_matching import Match, Verdict
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.fees import MemberYear, Payment
from secretariat_tui.domain.fields import Field, Listed
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.imports.bank_csv import BANK_COLUMNS
from secretariat_tui.imports.bank_file import BankFile, payments_word, read_bank_file, summary
from secretariat_tui.imports.bgmax import BgmaxError
from secretariat_tui.imports.csv_dialect import CsvFormatError
from secretariat_tui.imports.headings import Heading, heading_set
from secretariat_tui.imports.remembered import Choices, worth_keeping
from secretariat_tui.store.bank_lines import BankLineRecord, match_bank_lines
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.import_headings import HeadingMemory
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.transfer import ColumnsForm, OpenFileForm
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.record_form import RecordForm

BANK_INTRO = (
    "Bankgirots BgMax-fil, eller kontots CSV-export från internetbanken. Inget sparas förrän "
    "du har sett raderna och tryckt ctrl+s."
)
VERDICT_WORD = {
    Verdict.MATCHED: "Matchad",
    Verdict.PROBABLE: "Trolig",
    Verdict.UNMATCHED: "Ej matchad",
    Verdict.ALREADY: "Redan inläst",
    Verdict.OUTGOING: "Utbetalning",
}
Taken = list[tuple[str, Payment]]
"""What to record: each bank line's identity and the payment it becomes."""


class AssignForm(RecordForm[int]):
    """Which member a bank line pays the fee of."""

    SAVE_LABEL = "Välj"
    FIELD = Field("member", "Medlem", Listed("medlem"))

    def __init__(self, line: str, rows: Sequence[MemberYear], chosen: int | None) -> None:
        self._rows = sorted(rows, key=lambda r: swedish_key(r.member.name))
        initial = {"member": str(chosen) if chosen is not None else ""}
        super().__init__("Vems avgift betalar raden?", initial, line)

    def form_fields(self) -> Sequence[Field]:
        return (self.FIELD,)

    def options_for(self, field: Field) -> tuple[tuple[str, str], ...]:
        return tuple(
            (f"{r.member.name} ({format_kronor(r.outstanding)} kvar)", str(r.member.id))
            for r in self._rows
        )

    def build(self, values: dict[str, str]) -> int:
        return int(self.FIELD.kind.parse(values.get("member", ""), self.today))


class BankImportScreen(ModalScreen[Taken | None]):
    """Every line of the file; dismisses with what to record, or None to record nothing."""

    BINDINGS = bindings(
        Command("space", "take", "Ta med", "Ta med eller hoppa över markerad rad", id="take"),
        Command("m", "assign", "Medlem", "Välj vems avgift markerad rad betalar", id="assign"),
        Command("ctrl+s", "save", "Spara", "Registrera de rader som tas med", id="save"),
        Command("escape", "cancel", "Avbryt", "Spara ingenting", id="cancel"),
    )

    def __init__(self, title: str, matches: Sequence[Match], rows: Sequence[MemberYear]) -> None:
        super().__init__()
        self.title_text = title
        self.matches = list(matches)
        self.rows = list(rows)
        self.chosen: dict[int, MemberYear] = {
            n: m.member
            for n, m in enumerate(matches)
            if m.member is not None and m.verdict in (Verdict.MATCHED, Verdict.PROBABLE)
        }
        self.taken = {n for n, m in enumerate(matches) if m.verdict is Verdict.MATCHED}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog preview"):
            yield Static(self.title_text, classes="title", markup=False)
            yield DataTable(cursor_type="row", zebra_stripes=True, id="bank-lines")
            yield Static("", id="bank-why", markup=False)
            yield Static(summary(self.matches), id="bank-summary", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "Rad", "Datum", "Belopp", "Text", "Medlem", "Status")
        for n in range(len(self.matches)):
            table.add_row(*self._cells(n), key=str(n))
        self._show_why()

    def _cells(self, n: int) -> tuple[Text, ...]:
        """The row's cells as plain Text: a payer's ``[`` is never read as markup."""
        match = self.matches[n]
        line, member = match.line, self.chosen.get(n)
        cells = (
            "✓" if n in self.taken else "",
            str(line.line),
            line.paid_on.isoformat(),
            format_kronor(line.amount),
            line.words[:28],
            member.member.name if member else "",
            VERDICT_WORD[match.verdict],
        )
        return tuple(Text(cell) for cell in cells)

    def _refresh_row(self, n: int) -> None:
        table = self.query_one(DataTable)
        for column, value in zip(table.columns, self._cells(n), strict=True):
            table.update_cell(str(n), column, value)
        self._show_why()

    def on_data_table_row_highlighted(self) -> None:
        self._show_why()

    def _show_why(self) -> None:
        n = self._current()
        why = self.matches[n].why if n is not None else ""
        self.query_one("#bank-why", Static).update(f"{why}\nTas med: {len(self.taken)} rader.")

    def _current(self) -> int | None:
        table = self.query_one(DataTable)
        return table.cursor_row if self.matches and table.row_count else None

    def _can_take(self, n: int) -> bool:
        return self.matches[n].verdict not in (Verdict.ALREADY, Verdict.OUTGOING)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("take", "assign"):
            n = self._current() if self.is_mounted else None
            return n is not None and self._can_take(n)
        if action == "save":
            return bool(self.taken)
        return True

    def action_take(self) -> None:
        n = self._current()
        if n is None or not self._can_take(n):
            return
        if n in self.taken:
            self.taken.discard(n)
        elif n in self.chosen:
            self.taken.add(n)
        else:
            self.action_assign()
            return
        self._refresh_row(n)
        self.refresh_bindings()

    def action_assign(self) -> None:
        n = self._current()
        if n is None or not self._can_take(n):
            return
        match = self.matches[n]
        current = self.chosen.get(n) or match.member
        line = f"Rad {match.line.line}: {format_kronor(match.line.amount)} ”{match.line.words}”"

        def chosen(member_id: int | None) -> None:
            row = next((r for r in self.rows if r.member.id == member_id), None)
            if row is not None:
                self.chosen[n] = row
                self.taken.add(n)
                self._refresh_row(n)
                self.refresh_bindings()

        form = AssignForm(line, self.rows, current.member.id if current else None)
        self.app.push_screen(form, chosen)

    def action_save(self) -> None:
        taken = [
            (self.matches[n].line.identity, self.matches[n].payment(self.chosen[n]))
            for n in sorted(self.taken)
        ]
        self.dismiss(taken)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_bank_import(
    app: App[object], ledger: FeeLedger, year: int, done: Callable[[], None]
) -> None:
    """File → the lines matched → (ctrl+s) the taken ones recorded in one save → ``done``."""
    db = ledger.members.database
    memory = HeadingMemory(db, "bank")

    def opened(picked: tuple[Path, bytes] | None) -> None:
        if picked is not None:
            read(*picked, {})

    def read(path: Path, data: bytes, choices: Choices) -> None:
        try:
            bank = read_bank_file(data, chosen=choices, recall=memory.recall)
        except BgmaxError as err:
            app.notify(escape(f"{err} Inget sparades."), severity="error", timeout=15)
            return
        except CsvFormatError as err:
            app.notify(escape(f"{err} Inget sparades."), severity="error", timeout=15)
            if err.headings:
                ask_columns(path, data, err.headings)
            return
        if bank.errors:
            errors = "; ".join(str(e) for e in bank.errors[:3])
            more = f" (och {len(bank.errors) - 3} till)" if len(bank.errors) > 3 else ""
            app.notify(
                escape(f"Filen har fel: {errors}{more}. Inget sparades."),
                severity="error",
                timeout=15,
            )
            return
        show(path, bank)

    def ask_columns(path: Path, data: bytes, headings: Sequence[Heading]) -> None:
        def answered(new: dict[str, str | None] | None) -> None:
            if new is not None:
                read(path, data, new)

        app.push_screen(ColumnsForm(headings, BANK_COLUMNS), answered)

    def show(path: Path, bank: BankFile) -> None:
        matches = match_bank_lines(db, bank.lines, year)
        title = f"{path.name}: {bank.kind}, avgiftsår {year}"

        def saved(taken: Taken | None) -> None:
            if not taken:
                return
            try:
                BankLineRecord(db).record(taken, date.today())
                if bank.plan is not None and worth_keeping(bank.plan.headings):
                    found = [h.found for h in bank.plan.headings]
                    columns = [h.column for h in bank.plan.headings]
                    memory.remember(heading_set(found), found, columns)
            except StoreError as err:
                app.notify(escape(str(err)), severity="error", timeout=15)
                return
            app.notify(f"Registrerade {payments_word(len(taken))} från bankfilen.")
            done()

        app.push_screen(BankImportScreen(title, matches, ledger.year_rows(year)), saved)

    app.push_screen(OpenFileForm("Läs in bankfil (BgMax eller CSV)", BANK_INTRO), opened)
