"""`secretariat payments …`: recording, listing and deleting payments of membership fees."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretariat_tui.cli import cli
from secretariat_tui.commands import payments as payments_command
from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.database import open_database
from secretariat_tui.store.payments import PaymentNotFound, PaymentRepository
from secretariat_tui.store.storage import RecordRefused
from tests.cli.helpers import add_org, add_person, run, run_process


def stored_payments(db_path: Path) -> list[Payment]:
    with open_database(db_path, create=False) as db:
        return PaymentRepository(db).all()


def ok(db_path: Path, *args: str) -> str:
    result = run(db_path, *args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def setup_2024(db_path: Path) -> None:
    """Member 1 full (1 500 kr), member 2 an individual (300 kr)."""
    add_org(db_path, "Föreningen Bistånd")
    add_person(db_path, "Eva Enskild")
    for form, amount in (("full", "1500"), ("individual", "300"), ("networking", "500")):
        ok(db_path, "fees", "set", "--year", "2024", "--form", form, "--amount", amount)


def add(db_path: Path, *args: str) -> str:
    return ok(db_path, "payments", "add", *args)


# --- add -----------------------------------------------------------------------------------------


def test_add_stores_every_field_and_says_so(db_path: Path) -> None:
    setup_2024(db_path)
    out = add(
        db_path,
        "--member",
        "1",
        "--year",
        "2024",
        "--amount",
        "1 500,00",
        "--date",
        "2024-03-01",
        "--reference",
        " OCR 4711 ",
        "--note",
        "Bankgiro",
    )

    assert out == (
        "Registrerade betalning 1: 1 500 kr från Föreningen Bistånd för 2024 (betald 2024-03-01)\n"
    )
    assert stored_payments(db_path) == [
        Payment(1, 2024, Decimal("1500"), date(2024, 3, 1), "OCR 4711", "Bankgiro", id=1)
    ]


def test_add_without_amount_pays_what_is_outstanding(db_path: Path) -> None:
    setup_2024(db_path)
    add(db_path, "--member", "1", "--year", "2024", "--amount", "1000,50", "--date", "2024-03-01")
    out = add(db_path, "--member", "1", "--year", "2024", "--date", "2024-04-01")

    assert out == (
        "Registrerade betalning 2: 499,50 kr från Föreningen Bistånd för 2024 (betald 2024-04-01)\n"
    )
    assert [p.amount for p in stored_payments(db_path)] == [Decimal("1000.50"), Decimal("499.50")]
    owing = ok(db_path, "fees", "status", "--year", "2024", "--format", "json", "--unpaid")
    assert [r["name"] for r in json.loads(owing)] == ["Eva Enskild"], "member 1 owes nothing"


def test_add_without_amount_uses_the_agreed_amount(db_path: Path) -> None:
    setup_2024(db_path)
    ok(db_path, "fees", "agree", "--member", "1", "--year", "2024", "--amount", "750")
    add(db_path, "--member", "1", "--year", "2024")

    assert [p.amount for p in stored_payments(db_path)] == [Decimal("750")]


def test_add_without_date_is_paid_today(db_path: Path) -> None:
    setup_2024(db_path)
    add(db_path, "--member", "2", "--year", "2024")

    [payment] = stored_payments(db_path)
    assert (payment.amount, payment.paid_on) == (Decimal("300"), date.today())


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        (("payments", "add", "--member", "1", "--year", "2024"), "betald"),
        (("fees", "agree", "--member", "1", "--year", "2024", "--exempt"), "befriad"),
    ],
    ids=["already-paid", "exempt"],
)
def test_add_without_amount_when_nothing_is_due_asks_for_amount(
    db_path: Path, prepare: tuple[str, ...], reason: str
) -> None:
    setup_2024(db_path)
    ok(db_path, *prepare)
    before = stored_payments(db_path)
    result = run(db_path, "payments", "add", "--member", "1", "--year", "2024")

    assert result.exit_code == 1
    assert (
        f"Föreningen Bistånd har inget kvar att betala för 2024 ({reason}); ange --amount."
        in result.stderr
    )
    assert stored_payments(db_path) == before


def test_add_without_amount_in_a_year_without_schedule_asks_for_amount(db_path: Path) -> None:
    setup_2024(db_path)
    result = run(db_path, "payments", "add", "--member", "1", "--year", "2025")

    assert result.exit_code == 1
    assert "har inget kvar att betala för 2025 (ingen avgift); ange --amount" in result.stderr
    assert stored_payments(db_path) == []


def test_overpayment_is_stored_with_a_warning_on_stderr(db_path: Path) -> None:
    setup_2024(db_path)
    result = run(
        db_path,
        "payments",
        "add",
        "--member",
        "1",
        "--year",
        "2024",
        "--amount",
        "2000",
        "--date",
        "2024-03-01",
    )

    assert result.exit_code == 0
    assert result.stdout.startswith("Registrerade betalning 1: 2 000 kr")
    assert result.stderr == (
        "Obs: överbetalning: Föreningen Bistånd ska betala 1 500 kr för 2024 men har nu "
        "betalat 2 000 kr (500 kr för mycket).\n"
    )
    assert [p.amount for p in stored_payments(db_path)] == [Decimal("2000")]


def test_exact_payment_gives_no_warning(db_path: Path) -> None:
    setup_2024(db_path)
    result = run(db_path, "payments", "add", "--member", "1", "--year", "2024", "--amount", "1500")

    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("year", "amount"),
    [("2019", ("--amount", "100")), ("2019", ()), ("2025", ("--amount", "300"))],
    ids=["before-joining", "before-joining-without-amount", "after-leaving"],
)
def test_payment_for_a_year_outside_the_membership_is_refused(
    db_path: Path, year: str, amount: tuple[str, ...]
) -> None:
    """The fees screen only shows members of the year, so such a payment would be invisible."""
    setup_2024(db_path)  # member 1 joined 2020-01-15; member 2 (2021-03-01) ends 2024-12-31
    ok(db_path, "members", "end", "2", "--date", "2024-12-31")
    member_id = "1" if year == "2019" else "2"
    name = "Föreningen Bistånd" if year == "2019" else "Eva Enskild"
    result = run_process(db_path, "payments", "add", "--member", member_id, "--year", year, *amount)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"secretariat: --year: {name} var inte medlem {year}; betalningen sparades inte.\n"
    )
    assert stored_payments(db_path) == []


def test_payment_in_the_year_of_joining_or_leaving_is_accepted(db_path: Path) -> None:
    add_org(db_path, "Ny förening", joined="2017-11-30")
    ok(db_path, "members", "end", "1", "--date", "2024-01-01")

    refused = run(db_path, "payments", "add", "--member", "1", "--year", "2016", "--amount", "1")
    assert refused.exit_code == 1
    assert "--year: Ny förening var inte medlem 2016; betalningen sparades inte." in (
        refused.stderr
    )
    for year in ("2017", "2024"):
        add(db_path, "--member", "1", "--year", year, "--amount", "100")
    assert [p.fee_year for p in stored_payments(db_path)] == [2017, 2024]


def test_payment_in_a_year_without_schedule_notes_that_no_fee_is_set(db_path: Path) -> None:
    setup_2024(db_path)
    result = run(db_path, "payments", "add", "--member", "1", "--year", "2026", "--amount", "1500")

    assert result.exit_code == 0
    assert result.stdout.startswith("Registrerade betalning 1: 1 500 kr från Föreningen Bistånd")
    assert result.stderr == "Obs: Ingen avgift fastställd för 2026.\n"
    assert [(p.fee_year, p.amount) for p in stored_payments(db_path)] == [(2026, Decimal("1500"))]


def test_agreed_amount_or_exemption_in_a_year_without_schedule_still_speaks_of_those(
    db_path: Path,
) -> None:
    setup_2024(db_path)
    ok(db_path, "fees", "agree", "--member", "1", "--year", "2026", "--amount", "750")
    ok(db_path, "fees", "agree", "--member", "2", "--year", "2026", "--exempt")

    agreed = run(db_path, "payments", "add", "--member", "1", "--year", "2026", "--amount", "1000")
    assert agreed.stderr == (
        "Obs: överbetalning: Föreningen Bistånd ska betala 750 kr för 2026 men har nu "
        "betalat 1 000 kr (250 kr för mycket).\n"
    )
    exempt = run(db_path, "payments", "add", "--member", "2", "--year", "2026", "--amount", "300")
    assert exempt.stderr == (
        "Obs: överbetalning: Eva Enskild är befriad från avgiften för 2026 men har nu "
        "betalat 300 kr (300 kr för mycket).\n"
    )
    assert (agreed.exit_code, exempt.exit_code) == (0, 0)
    assert len(stored_payments(db_path)) == 2


def test_payment_for_a_form_whose_fee_is_zero_still_speaks_of_overpayment(db_path: Path) -> None:
    setup_2024(db_path)
    ok(db_path, "fees", "set", "--year", "2024", "--form", "individual", "--amount", "0")
    result = run(db_path, "payments", "add", "--member", "2", "--year", "2024", "--amount", "300")

    assert result.exit_code == 0
    assert result.stderr == (
        "Obs: överbetalning: Eva Enskild ska betala 0 kr för 2024 men har nu "
        "betalat 300 kr (300 kr för mycket).\n"
    )


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("--member", "1", "--year", "2024", "--amount", "-100"), 1, "--amount: Beloppet kan inte"),
        (
            ("--member", "1", "--year", "2024", "--amount", "0"),
            1,
            "--amount: Beloppet måste vara större än noll",
        ),
        (("--member", "1", "--year", "2024", "--amount", "1.500,50"), 1, "--amount: "),
        (
            ("--member", "1", "--year", "2024", "--date", "2024-02-30"),
            1,
            "--date: ”2024-02-30”: 30 februari 2024 finns inte",
        ),
        (("--member", "1", "--year", "2024", "--date", "1 mars 24"), 1, "--date: ”1 mars 24”"),
        (("--member", "99", "--year", "2024"), 1, "--member: Det finns ingen medlem med id 99."),
        (("--member", "ett", "--year", "2024"), 2, "--member"),
        (("--member", "1", "--year", "1800"), 2, "--year"),
        (("--member", "1"), 2, "--year"),
    ],
    ids=[
        "negative",
        "zero",
        "bad-amount",
        "bad-date",
        "words-date",
        "unknown-member",
        "member-words",
        "year-range",
        "missing-year",
    ],
)
def test_add_with_a_bad_value_names_the_flag_and_stores_nothing(
    db_path: Path, args: tuple[str, ...], code: int, needle: str
) -> None:
    setup_2024(db_path)
    result = run(db_path, "payments", "add", *args)

    assert result.exit_code == code
    assert needle in result.stderr
    assert result.stdout == ""
    assert stored_payments(db_path) == []


def test_add_reports_a_bad_amount_and_a_bad_date_on_one_line(db_path: Path) -> None:
    setup_2024(db_path)
    result = run_process(
        db_path,
        "payments",
        "add",
        "--member",
        "1",
        "--year",
        "2024",
        "--amount",
        "mycket",
        "--date",
        "i förrgår",
    )

    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("secretariat: --amount: ”mycket” är inget belopp")
    assert "; --date: ”i förrgår” förstods inte som ett datum" in line
    assert stored_payments(db_path) == []


def test_add_does_not_create_a_missing_database(db_path: Path) -> None:
    result = run(db_path, "payments", "add", "--member", "1", "--year", "2024", "--amount", "1")

    assert result.exit_code == 1
    assert not db_path.exists()


# --- list ----------------------------------------------------------------------------------------


def three_payments(db_path: Path) -> None:
    setup_2024(db_path)
    add(db_path, "--member", "2", "--year", "2024", "--date", "2024-05-01", "--reference", "B")
    add(db_path, "--member", "1", "--year", "2023", "--amount", "1200", "--date", "2023-02-01")
    add(
        db_path,
        "--member",
        "1",
        "--year",
        "2024",
        "--amount",
        "1500,50",
        "--date",
        "2024-05-01",
        "--reference",
        "A",
        "--note",
        "Sent",
    )


def test_list_is_sorted_by_date_then_id_with_names_and_a_sum(db_path: Path) -> None:
    three_payments(db_path)
    header, *rows, blank, total = ok(db_path, "payments", "list").splitlines()

    assert header.split() == [
        "Id",
        "Betald",
        "Medlem",
        "Avgiftsår",
        "Belopp",
        "Referens",
        "Anteckning",
    ]
    assert [row.split()[0] for row in rows] == ["2", "1", "3"]
    assert "2024-05-01  Föreningen Bistånd  2024       1 500,50 kr  A" in rows[2]
    assert blank == ""
    assert total == "Summa: 3 000,50 kr (3 betalningar)."


def test_list_filters_by_year_and_member(db_path: Path) -> None:
    three_payments(db_path)

    by_year = json.loads(ok(db_path, "payments", "list", "--year", "2024", "--format", "json"))
    assert [p["id"] for p in by_year] == [1, 3]
    both = json.loads(
        ok(db_path, "payments", "list", "--year", "2024", "--member", "1", "--format", "json")
    )
    assert both == [
        {
            "id": 3,
            "member_id": 1,
            "member": "Föreningen Bistånd",
            "fee_year": 2024,
            "amount": "1500.50",
            "paid_on": "2024-05-01",
            "reference": "A",
            "note": "Sent",
        }
    ]


def test_list_csv_has_a_header_and_decimal_commas(db_path: Path) -> None:
    three_payments(db_path)
    out = ok(db_path, "payments", "list", "--format", "csv", "--member", "1")

    assert not out.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(out), delimiter=";")) == [
        ["Id", "Betald", "Medlem", "Avgiftsår", "Belopp", "Referens", "Anteckning"],
        ["2", "2023-02-01", "Föreningen Bistånd", "2023", "1200", "", ""],
        ["3", "2024-05-01", "Föreningen Bistånd", "2024", "1500,50", "A", "Sent"],
    ]


def test_list_of_nothing_says_so(db_path: Path) -> None:
    setup_2024(db_path)

    assert ok(db_path, "payments", "list") == "Inga betalningar.\n"
    assert json.loads(ok(db_path, "payments", "list", "--format", "json")) == []


def test_list_with_unknown_member_or_bad_format_is_refused(db_path: Path) -> None:
    three_payments(db_path)

    unknown = run(db_path, "payments", "list", "--member", "99")
    assert unknown.exit_code == 1
    assert "--member: Det finns ingen medlem med id 99." in unknown.stderr
    bad_format = run(db_path, "payments", "list", "--format", "xlsx")
    assert bad_format.exit_code == 2
    assert "--format" in bad_format.stderr


# --- delete ------------------------------------------------------------------------------------


def test_delete_with_yes_removes_the_payment_and_says_which(db_path: Path) -> None:
    three_payments(db_path)
    out = ok(db_path, "payments", "delete", "3", "--yes")

    assert out == (
        "Tog bort betalning 3: 1 500,50 kr från Föreningen Bistånd för 2024 (betald 2024-05-01)\n"
    )
    assert [p.id for p in stored_payments(db_path)] == [1, 2]


def test_delete_without_yes_and_without_a_terminal_refuses(db_path: Path) -> None:
    three_payments(db_path)
    # CliRunner's stdin is not a TTY; the answer "y" must not be read as consent.
    result = CliRunner().invoke(cli, ["--db", str(db_path), "payments", "delete", "3"], input="y\n")

    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "ange --yes för att ta bort utan fråga" in line
    assert len(stored_payments(db_path)) == 3


def test_delete_without_a_terminal_refuses_as_a_real_process(db_path: Path) -> None:
    three_payments(db_path)
    env = {k: v for k, v in os.environ.items() if k != "SECRETARIAT_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "secretariat_tui", "--db", str(db_path), "payments", "delete", "1"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )

    assert result.returncode == 1
    assert result.stderr == (
        "secretariat: Ingen terminal att fråga i: ange --yes för att ta bort utan fråga.\n"
    )
    assert len(stored_payments(db_path)) == 3


@pytest.mark.parametrize(("answer", "remaining"), [("y\n", [1, 2]), ("n\n", [1, 2, 3])])
def test_delete_asks_at_a_terminal_and_obeys_the_answer(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str, remaining: list[int]
) -> None:
    three_payments(db_path)
    monkeypatch.setattr(payments_command, "stdin_is_interactive", lambda: True)
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "payments", "delete", "3"], input=answer
    )

    assert result.exit_code == 0, result.output
    assert "Ta bort betalning 3: 1 500,50 kr från Föreningen Bistånd för 2024" in result.stdout
    assert [p.id for p in stored_payments(db_path)] == remaining
    if remaining == [1, 2, 3]:
        assert result.stdout.endswith("Inget togs bort.\n")


def test_delete_of_an_unknown_payment_is_a_store_error(db_path: Path) -> None:
    three_payments(db_path)
    result = run(db_path, "payments", "delete", "99", "--yes")

    assert isinstance(result.exception, PaymentNotFound)
    assert len(stored_payments(db_path)) == 3
    process = run_process(db_path, "payments", "delete", "99", "--yes")
    assert (process.returncode, process.stderr) == (
        1,
        "secretariat: Det finns ingen betalning med id 99.\n",
    )


def test_a_payment_cannot_be_pointed_at_a_member_that_is_not_there(db_path: Path) -> None:
    """The save refuses it, so no command can write a file that the next open refuses."""
    three_payments(db_path)
    before = db_path.read_bytes()
    with open_database(db_path, create=False) as db:
        repo = PaymentRepository(db)
        with pytest.raises(RecordRefused, match="betalning 1 .*member_id: ”42”"):
            repo.update(replace(repo.get(1), member_id=42))
        assert repo.get(1).member_id != 42, "memory is what the file holds"

    assert db_path.read_bytes() == before


def test_a_file_with_a_payment_of_an_unknown_member_is_refused_in_one_line(db_path: Path) -> None:
    three_payments(db_path)
    document = json.loads(db_path.read_bytes())
    document["payments"]["1"]["member_id"] = 42
    db_path.write_text(json.dumps(document), encoding="utf-8")

    process = run_process(db_path, "payments", "list")

    assert process.returncode == 1
    assert process.stdout == ""
    assert process.stderr.count("\n") == 1
    assert "betalning 1 (tabellen payments), fältet member_id: ”42”" in process.stderr
