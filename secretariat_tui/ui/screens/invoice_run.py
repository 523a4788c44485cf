"""The fees screen's ``f``: invoice the year's members that owe, after a preview and a yes.

The preview says who is invoiced, for how much and under which numbers, and where the files
go (the export folder); a missing setting is said at once with the ``settings set`` (or the
overview's ``f``) that mends it, before any question. The run is the store's
(``store.invoices.make_invoices``, the same as ``fees invoice``): the Word files are written
in a worker thread, then recorded; the result, or why nothing was made, stays in the file
message dialog so the paths can be read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import App
from textual.worker import get_current_worker

from secretariat_tui.domain.invoices import Invoice, missing_settings, next_number, to_invoice
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.settings import Settings
from secretariat_tui.exports.fees_listing import sorted_rows
from secretariat_tui.exports.invoices_listing import plan_text
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.invoices import InvoiceRepository, make_invoices
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.store.user_config import load_user_config
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.export import _report_template
from secretariat_tui.ui.screens.file_message import tell_file

FIX_IN_TUI = "Fyll i dem med f på översikten (Föreningens uppgifter)."
PREVIEW_LINES = 12
"""Names shown in the question before "… och N till": the dialog fits 80×24."""


def start_invoicing(app: App[object], ledger: FeeLedger, year: int, today: date) -> None:
    """Preview, ask, then write and record in a worker; ``app`` shows what became of it."""
    db = ledger.members.database
    invoices = InvoiceRepository(db)
    drafts = to_invoice(sorted_rows(ledger.year_rows(year)), invoices.all(), year)
    if problems := missing_settings(SettingsRepository(db).get()):
        tell_file(app, ["Inga fakturor gjordes.", *problems, FIX_IN_TUI], failed=True)
        return
    if not drafts:
        app.notify(plan_text(drafts, year, 0))
        return
    folder = load_user_config().export_folder
    lines = plan_text(drafts, year, next_number(invoices.all())).splitlines()
    if len(lines) > PREVIEW_LINES + 1:
        lines = [*lines[: PREVIEW_LINES + 1], f"  … och {len(lines) - PREVIEW_LINES - 1} till"]
    question = "\n".join(
        [*lines, "", f"Skriva fakturorna som Word-filer i {folder} och spara dem?"]
    )

    def answered(yes: bool | None) -> None:
        if not yes:
            return

        def work() -> None:
            try:
                template = _report_template()
                members = {m.id: m for m in ledger.members.all() if m.id is not None}

                def render(made: Sequence[Invoice], settings: Settings) -> list[tuple[str, bytes]]:
                    from secretariat_tui.exports.invoice_docx import invoice_files

                    return invoice_files(made, settings, members, template)

                run = make_invoices(db, drafts, issued=today, folder=folder, render=render)
            except (StoreError, OSError, ValueError) as err:
                if not get_current_worker().is_cancelled:
                    app.call_from_thread(tell_file, app, [str(err)], failed=True)
                return
            total = sum((i.amount for i in run.invoices), start=drafts[0].amount * 0)
            first, last = run.invoices[0].number, run.invoices[-1].number
            told = [
                f"Gjorde {len(run.invoices)} fakturor ({first}–{last}), sammanlagt "
                f"{format_kronor(total)}. Skrev:",
                *(str(path) for path in run.files),
            ]
            app.call_from_thread(tell_file, app, told)

        app.run_worker(work, thread=True, exclusive=True, group="invoices", name="invoices")

    app.push_screen(ConfirmScreen(question, yes="Fakturera", no="Avbryt"), answered)
