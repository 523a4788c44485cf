"""`secretariat payments import-bank`: preview, record what is matched, never twice."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.database import open_database
from secretariat_tui.store.payments import PaymentRepository
from tests.cli.helpers import VALID_ORG, add_org, add_person, ok, run
from tests.imports.bank_csv_files import NORDEA
from tests.imports.bgmax_files import deposit, end, file_bytes, two_deposits


def stored_payments(db_path: Path) -> list[Payment]:
    with open_database(db_path, create=False) as db:
        return PaymentRepository(db).all()


def setup_2026(db_path: Path) -> None:
    """Member 1 an organisation (1 500 kr) with the number the BgMax file gives, member 2
    Kalle Åström (500 kr), members 3 Eldsjälarna and 4 Tredje föreningen (1 500 kr each: an
    amount of 1 500 kr alone points at no one)."""
    add_org(db_path, "Föreningen Ånge", org_number=VALID_ORG)
    add_person(db_path, "Kalle Åström")
    add_org(db_path, "Eldsjälarna")
    add_org(db_path, "Tredje föreningen")
    for form, amount in (("full", "1500"), ("individual", "500")):
        ok(db_path, "fees", "set", "--year", "2026", "--form", form, "--amount", amount)


def bgmax(tmp_path: Path, records: list[str] | None = None) -> Path:
    path = tmp_path / "bgmax.txt"
    path.write_bytes(file_bytes(records or two_deposits()))
    return path


def test_a_dry_run_previews_every_line_and_writes_nothing(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)

    out = ok(
        db_path, "payments", "import-bank", str(bgmax(tmp_path)), "--year", "2026", "--dry-run"
    )

    assert "BgMax (Bankgirot)" in out
    assert "Troliga (2):" in out
    assert "rad 4, 2026-03-02, 300 kr" in out and "→ Föreningen Ånge (2026)" in out
    assert "organisationsnummer 802001-6013" in out
    assert "→ Kalle Åström (2026)" in out and "namnet ”Kalle Åström”" in out
    assert "Ej matchade (1):" in out  # 1 500 kr with an OCR no invoice has: two members owe it
    assert "Utbetalningar och avdrag" in out
    assert "Provkörning: inget sparades." in out
    assert stored_payments(db_path) == []


def test_probable_lines_are_recorded_only_when_accepted(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)
    file = bgmax(tmp_path)

    out = ok(db_path, "payments", "import-bank", str(file), "--year", "2026")
    assert "2 troliga registreras inte" in out
    assert "Inget nytt att registrera." in out
    assert stored_payments(db_path) == []

    out = ok(db_path, "payments", "import-bank", str(file), "--year", "2026", "--accept-probable")

    assert "Registrerade 2 betalningar." in out
    paid = {
        (p.member_id, p.fee_year, p.amount, p.paid_on.isoformat()) for p in stored_payments(db_path)
    }
    assert paid == {
        (1, 2026, Decimal("300.00"), "2026-03-02"),
        (2, 2026, Decimal("500.00"), "2026-03-03"),
    }


def test_a_file_imported_twice_adds_nothing(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)
    file = bgmax(tmp_path)
    ok(db_path, "payments", "import-bank", str(file), "--year", "2026", "--accept-probable")

    out = ok(db_path, "payments", "import-bank", str(file), "--year", "2026", "--accept-probable")

    assert "Redan inlästa (2):" in out
    assert "Inget nytt att registrera." in out
    assert len(stored_payments(db_path)) == 2


def test_a_deleted_payment_is_offered_again(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)
    file = bgmax(tmp_path)
    ok(db_path, "payments", "import-bank", str(file), "--year", "2026", "--accept-probable")
    ok(db_path, "payments", "delete", "1", "--yes")

    out = ok(db_path, "payments", "import-bank", str(file), "--year", "2026", "--accept-probable")

    assert "Redan inlästa (1):" in out
    assert "Registrerade 1 betalning." in out


def test_a_broken_file_is_refused_with_its_line_and_nothing_is_written(
    db_path: Path, tmp_path: Path
) -> None:
    setup_2026(db_path)
    records = two_deposits()
    records[7] = deposit("20260302", 1, 180001, 2)

    result = run(
        db_path, "payments", "import-bank", str(bgmax(tmp_path, records)), "--accept-probable"
    )

    assert result.exit_code == 1
    assert "Rad 8:" in result.stderr and "Inget sparades." in result.stderr
    assert stored_payments(db_path) == []


def test_a_truncated_file_is_refused(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)
    records = [*two_deposits()[:-2], end(3, 1, 1, 2)]

    result = run(db_path, "payments", "import-bank", str(bgmax(tmp_path, records)))

    assert result.exit_code == 1
    assert "insättningspost (15)" in result.stderr
    assert stored_payments(db_path) == []


def test_a_bank_csv_matches_by_name(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)
    file = tmp_path / "nordea.csv"
    file.write_bytes(NORDEA)

    out = ok(db_path, "payments", "import-bank", str(file), "--year", "2026", "--accept-probable")

    assert "CSV från banken" in out
    assert "→ Eldsjälarna (2026)" in out
    assert "Registrerade 1 betalning." in out
    assert [(p.member_id, p.amount) for p in stored_payments(db_path)] == [(3, Decimal("1500.00"))]


def test_a_csv_mapping_given_once_is_remembered(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)
    file = tmp_path / "bank.csv"
    file.write_text("Bokf.dag;Summa i kr;Info\n2026-03-02;1500;Eldsjälarna\n", encoding="utf-8")
    refused = run(db_path, "payments", "import-bank", str(file))
    assert refused.exit_code == 1 and "Datum" in refused.stderr

    ok(
        db_path,
        "payments",
        "import-bank",
        str(file),
        "--year",
        "2026",
        "--accept-probable",
        "--map",
        "Bokf.dag=Datum",
        "--map",
        "Summa i kr=Belopp",
        "--map",
        "Info=Text",
    )
    again = tmp_path / "april.csv"
    again.write_text("Bokf.dag;Summa i kr;Info\n2026-04-02;500;Kalle Åström\n", encoding="utf-8")
    out = ok(db_path, "payments", "import-bank", str(again), "--year", "2026", "--accept-probable")

    assert "förra gången" in out
    assert len(stored_payments(db_path)) == 2


def test_a_csv_with_a_faulty_row_is_refused_whole(db_path: Path, tmp_path: Path) -> None:
    setup_2026(db_path)
    file = tmp_path / "nordea.csv"
    file.write_bytes(NORDEA.replace(b"-250,50", b"tio kr"))

    result = run(db_path, "payments", "import-bank", str(file), "--accept-probable")

    assert result.exit_code == 1
    assert "rad 3, kolumn Belopp" in result.stderr
    assert stored_payments(db_path) == []
