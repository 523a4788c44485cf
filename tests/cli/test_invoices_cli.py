"""`fees invoice|invoices|credit` on a copy of the demo: Word files, numbers, OCR, credits."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.ocr import check_ocr
from secretariat_tui.store.database import open_database
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.settings import SettingsRepository
from tests.cli.helpers import ok, refused, run
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401

YEAR = str(date.today().year)
"""The demo's current year has members that owe (the demo follows the calendar year)."""
UNPAID = "Föreningen Fyrljuset Karlskrona"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_of_demo(tmp_path)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def owing(demo: Path) -> list[list[str]]:
    csv = ok(demo, "fees", "status", "--year", YEAR, "--unpaid", "--format", "csv")
    return [line.split(";") for line in csv.splitlines()[1:]]


def test_dry_run_lists_who_would_be_invoiced_and_writes_nothing(demo: Path, tmp_path: Path) -> None:
    before = demo.read_bytes()
    shown = ok(demo, "fees", "invoice", "--year", YEAR, "--dry-run", "-o", str(tmp_path / "f"))
    assert f"{len(owing(demo))} medlemmar faktureras för {YEAR}" in shown
    assert UNPAID in shown and "(faktura 1–" in shown
    assert demo.read_bytes() == before and not (tmp_path / "f").exists()


def test_invoice_writes_a_file_each_and_a_combined_one_and_records_them(
    demo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "fakturor"
    expected = {row[1]: row[5] for row in owing(demo)}  # name → outstanding
    shown = ok(demo, "fees", "invoice", "--year", YEAR, "-o", str(folder))
    count = len(expected)
    assert shown.startswith(f"Gjorde fakturor 1–{count}")
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"faktura-{n:04d}.docx" for n in range(1, count + 1)] + [
        f"fakturor-{YEAR}-0001-{count:04d}.docx"
    ]
    assert folder.stat().st_mode & 0o777 == 0o700
    with open_database(demo) as db:
        invoices = InvoiceRepository(db).all()
        settings = SettingsRepository(db).get()
    assert [i.number for i in invoices] == list(range(1, count + 1))
    issued = date.today()
    for invoice in invoices:
        assert check_ocr(invoice.ocr, length_digit=True) == invoice.ocr
        assert invoice.ocr.startswith(f"{YEAR}{invoice.number:04d}")
        assert invoice.issued == issued and invoice.due == issued + timedelta(days=30)

    first = docx_text(folder / "faktura-0001.docx")
    for text in (settings.name, "Box 4711", "116 91 Stockholm", "Bankgiro: 991-2346"):
        assert text in first
    assert invoices[0].ocr in first and f"Medlemsavgift {YEAR}" in first
    first_owing = next(iter(expected))  # the status listing is in Swedish name order too
    assert first_owing in first and format_kronor(invoices[0].amount) in first
    assert invoices[0].amount == Decimal(expected[first_owing].replace(",", "."))
    combined = docx_text(folder / f"fakturor-{YEAR}-0001-{count:04d}.docx")
    assert all(i.ocr in combined for i in invoices)
    assert combined.count("Fakturanummer") == count


def test_the_amount_is_what_is_still_owed_after_a_part_payment(demo: Path, tmp_path: Path) -> None:
    listed = {row[1]: (row[0], row[5]) for row in owing(demo)}
    name, (member_id, outstanding) = next(iter(listed.items()))
    ok(demo, "payments", "add", "--member", member_id, "--year", YEAR, "--amount", "100")
    ok(demo, "fees", "invoice", "--year", YEAR, "--member", member_id, "-o", str(tmp_path))
    listing = json.loads(ok(demo, "fees", "invoices", "--year", YEAR, "--format", "json"))
    (only,) = listing
    assert Decimal(only["Belopp"]) == Decimal(outstanding.replace(",", ".")) - 100
    assert only["Medlem"] == name and only["Status"] == "open"


def test_a_second_run_invoices_only_those_not_yet_invoiced(demo: Path, tmp_path: Path) -> None:
    first_member = owing(demo)[0][0]
    ok(demo, "fees", "invoice", "--year", YEAR, "--member", first_member, "-o", str(tmp_path))
    shown = ok(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path))
    count = len(owing(demo))
    assert shown.startswith(f"Gjorde fakturor 2–{count}")
    assert "Ingen att fakturera" in ok(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path))
    with open_database(demo) as db:
        numbers = [i.number for i in InvoiceRepository(db).all()]
    assert numbers == list(range(1, count + 1))


def test_credit_makes_a_negative_note_and_the_listing_shows_both(
    demo: Path, tmp_path: Path
) -> None:
    ok(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path))
    count = len(owing(demo))
    shown = ok(demo, "fees", "credit", "2", "-o", str(tmp_path))
    assert shown.startswith(f"Krediterade faktura 2 med kreditfaktura {count + 1} (-")
    note = docx_text(tmp_path / f"kreditfaktura-{count + 1:04d}.docx")
    assert "Kreditfaktura" in note and "Faktura 2 är krediterad" in note
    listing = json.loads(ok(demo, "fees", "invoices", "--year", YEAR, "--format", "json"))
    statuses = {row["Nummer"]: row["Status"] for row in listing}
    assert statuses[2] == "credited" and statuses[count + 1] == "credit_note"
    assert "redan krediterad" in refused(demo, "fees", "credit", "2", "-o", str(tmp_path))
    assert "är en kreditfaktura" in refused(
        demo, "fees", "credit", str(count + 1), "-o", str(tmp_path)
    )
    assert "ingen faktura med nummer 99" in refused(demo, "fees", "credit", "99")
    assert "Ingen att fakturera" in ok(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path))
    again = ok(demo, "fees", "invoice", "--year", YEAR, "--again-credited", "-o", str(tmp_path))
    assert again.startswith(f"Gjorde faktura {count + 2},")


def test_a_paid_invoice_shows_as_paid(demo: Path, tmp_path: Path) -> None:
    member_id, _, _, _, _, outstanding, _ = owing(demo)[0]
    ok(demo, "fees", "invoice", "--year", YEAR, "--member", member_id, "-o", str(tmp_path))
    ok(demo, "payments", "add", "--member", member_id, "--year", YEAR, "--amount", outstanding)
    table = ok(demo, "fees", "invoices", "--year", YEAR)
    assert "Betald" in table.splitlines()[1]


@pytest.mark.parametrize(
    ("setting", "told"),
    [("name", "settings set name"), ("bankgiro", "settings set bankgiro")],
)
def test_a_missing_setting_is_refused_naming_the_command_and_nothing_is_made(
    demo: Path, tmp_path: Path, setting: str, told: str
) -> None:
    ok(demo, "settings", "set", setting, "")
    line = refused(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path / "f"))
    assert "Inga fakturor gjordes" in line and told in line
    assert not (tmp_path / "f").exists()
    with open_database(demo) as db:
        assert InvoiceRepository(db).all() == []


def test_a_plusgiro_alone_is_enough(demo: Path, tmp_path: Path) -> None:
    ok(demo, "settings", "set", "bankgiro", "")
    ok(demo, "settings", "set", "plusgiro", "4-2")
    ok(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path))
    assert "Plusgiro: 4-2" in docx_text(tmp_path / "faktura-0001.docx")


def test_an_existing_file_is_refused_before_anything_is_recorded(
    demo: Path, tmp_path: Path
) -> None:
    (tmp_path / "faktura-0003.docx").write_bytes(b"not ours")
    line = refused(demo, "fees", "invoice", "--year", YEAR, "-o", str(tmp_path))
    assert "faktura-0003.docx finns redan" in line
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".docx") == [
        "faktura-0003.docx"
    ]
    with open_database(demo) as db:
        assert InvoiceRepository(db).all() == []


def test_an_unknown_member_is_refused(demo: Path) -> None:
    assert "--member: medlem 999" in refused(
        demo, "fees", "invoice", "--year", YEAR, "--member", "999"
    )


def test_the_listing_of_a_year_without_invoices(demo: Path) -> None:
    assert ok(demo, "fees", "invoices", "--year", YEAR) == "Inga fakturor det året.\n"
    assert run(demo, "fees", "invoices", "--year", YEAR, "--format", "csv").exit_code == 0


def test_the_databases_backups_folder_is_refused_as_the_folder(demo: Path) -> None:
    backups = demo.with_name(demo.name + ".backups")
    line = refused(demo, "fees", "invoice", "--year", YEAR, "-o", str(backups))
    assert "säkerhetskopior" in line
    with open_database(demo) as db:
        assert InvoiceRepository(db).all() == []
