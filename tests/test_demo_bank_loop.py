"""Issue 17's loop on the demo: invoice the year's unpaid members, a BgMax file pays three of
them by OCR, the import records exactly those three (once), and the fees screen shows them paid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from secretariat_tui.store.database import open_database
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.ui.app import SecretariatApp
from tests.cli.helpers import ok
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401
from tests.imports.bgmax_files import deposit, end, file_bytes, opening, payment, start
from tests.ui.helpers import shown_row

TODAY = date.today()
YEAR = str(TODAY.year)
STATUS = 4


def unpaid_ids(db_path: Path) -> set[str]:
    csv = ok(db_path, "fees", "status", "--year", YEAR, "--unpaid", "--format", "csv")
    return {line.split(";")[0] for line in csv.splitlines()[1:]}


async def test_invoices_paid_by_a_bgmax_file_are_matched_recorded_once_and_shown_paid(
    tmp_path: Path,
) -> None:
    demo = copy_of_demo(tmp_path)
    ok(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path / "fakturor"))
    with open_database(demo, create=False) as db:
        invoices = sorted(InvoiceRepository(db).for_year(TODAY.year), key=lambda i: i.number)
        names = {m.id: m.name for m in MemberRepository(db).all()}
        before = len(PaymentRepository(db).all())
    paid = invoices[:3]
    assert len(paid) == 3
    records = [start(), opening(5050055)]
    for n, invoice in enumerate(paid, start=1):
        records.append(payment(int(invoice.amount * 100), invoice.ocr, f"{n:012d}"))
    total = sum(int(i.amount * 100) for i in paid)
    records += [deposit(TODAY.strftime("%Y%m%d"), 1, total, 3), end(3, 0, 0, 1)]
    bank_file = tmp_path / "bgmax.txt"
    bank_file.write_bytes(file_bytes(records))

    out = ok(demo, "payments", "import-bank", str(bank_file), "--year", YEAR)

    assert "Matchade (3):" in out and "Registrerade 3 betalningar." in out
    for invoice in paid:
        assert f"OCR {invoice.ocr} (faktura {invoice.number})" in out
    assert not unpaid_ids(demo) & {str(i.member_id) for i in paid}
    again = ok(demo, "payments", "import-bank", str(bank_file), "--year", YEAR)
    assert "Redan inlästa (3):" in again and "Inget nytt att registrera." in again
    with open_database(demo, create=False) as db:
        assert len(PaymentRepository(db).all()) == before + 3

        app = SecretariatApp(db, today=TODAY, start="members")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2")
            for invoice in paid:
                assert shown_row(app, names[invoice.member_id])[STATUS] == "Betald"
