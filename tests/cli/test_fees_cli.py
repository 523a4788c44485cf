"""`secretariat fees …`: what each command stores and prints, and how bad input is refused."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from secretariat_tui.domain.fees import FeeOverride, FeeSchedule
from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.store.database import open_database
from secretariat_tui.store.fees import FeeRepository
from tests.cli.helpers import add_org, add_person, run, run_process

FULL = MembershipForm.FULL
INDIVIDUAL = MembershipForm.INDIVIDUAL
NETWORKING = MembershipForm.NETWORKING


def schedules(db_path: Path) -> list[FeeSchedule]:
    with open_database(db_path, create=False) as db:
        return FeeRepository(db).schedules()


def overrides(db_path: Path) -> list[FeeOverride]:
    with open_database(db_path, create=False) as db:
        return FeeRepository(db).overrides()


def ok(db_path: Path, *args: str) -> str:
    result = run(db_path, *args)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result.stdout


def set_fees(db_path: Path, year: str = "2024") -> None:
    ok(db_path, "fees", "set", "--year", year, "--form", "full", "--amount", "1500")
    ok(db_path, "fees", "set", "--year", year, "--form", "individual", "--amount", "300")
    ok(db_path, "fees", "set", "--year", year, "--form", "networking", "--amount", "500")


def pay(db_path: Path, member: str, amount: str, year: str = "2024") -> None:
    ok(
        db_path,
        "payments",
        "add",
        "--member",
        member,
        "--year",
        year,
        "--amount",
        amount,
        "--date",
        f"{year}-03-01",
    )


def register(db_path: Path) -> None:
    """1 paid in full, 2 partly paid (with e-mail), 3 unpaid without e-mail, 4 exempt,
    5 an individual who paid, 6 ended in 2023 (not due in 2024)."""
    add_org(db_path, "Betalt AB", joined="2019-01-01")
    add_org(
        db_path, "Delvis förening", contact="Karin K", email="karin@delvis.se", phone="08-123 456"
    )
    add_org(db_path, "Östra nätverket", form="networking", joined="2024-09-01", contact="Olle Ö")
    add_org(db_path, "Befriad stiftelse")
    add_person(db_path, "Eva Enskild")
    add_org(db_path, "Slutat 2023", joined="2019-01-01")
    ok(db_path, "members", "end", "6", "--date", "2023-06-30")
    set_fees(db_path)
    ok(db_path, "fees", "agree", "--member", "4", "--year", "2024", "--exempt")
    pay(db_path, "1", "1500")
    pay(db_path, "2", "1000")
    pay(db_path, "5", "300")


# --- schedule and set --------------------------------------------------------------------------


def test_set_stores_one_forms_amount_and_keeps_the_others(db_path: Path) -> None:
    set_fees(db_path)
    out = ok(db_path, "fees", "set", "--year", "2024", "--form", "full", "--amount", "1 600,50")

    assert out == "Avgift 2024 för Fullt medlemskap: 1 600,50 kr\n"
    assert schedules(db_path) == [
        FeeSchedule(
            2024,
            {FULL: Decimal("1600.50"), INDIVIDUAL: Decimal("300"), NETWORKING: Decimal("500")},
        )
    ]


def test_set_accepts_a_decimal_point_and_creates_the_year(db_path: Path) -> None:
    ok(db_path, "fees", "set", "--year", "2025", "--form", "networking", "--amount", "450.5")

    assert schedules(db_path) == [FeeSchedule(2025, {NETWORKING: Decimal("450.50")})]


@pytest.mark.parametrize(
    ("args", "code", "flag"),
    [
        (("--year", "2024", "--form", "full", "--amount", "-100"), 1, "--amount"),
        (("--year", "2024", "--form", "full", "--amount", "tusen"), 1, "--amount"),
        (("--year", "2024", "--form", "full", "--amount", "12,345"), 1, "--amount"),
        (("--year", "tjugo", "--form", "full", "--amount", "100"), 2, "--year"),
        (("--year", "24", "--form", "full", "--amount", "100"), 2, "--year"),
        (("--year", "2024", "--form", "gold", "--amount", "100"), 2, "--form"),
        (("--year", "2024", "--form", "full"), 2, "--amount"),
    ],
    ids=["negative", "words", "three-decimals", "year-words", "year-short", "form", "missing"],
)
def test_set_with_a_bad_value_names_the_flag_and_stores_nothing(
    db_path: Path, args: tuple[str, ...], code: int, flag: str
) -> None:
    set_fees(db_path)
    result = run(db_path, "fees", "set", *args)

    assert result.exit_code == code
    assert flag in result.stderr
    assert result.stdout == ""
    assert schedules(db_path)[0].amounts[FULL] == Decimal("1500")


def test_schedule_shows_every_year_in_kronor(db_path: Path) -> None:
    set_fees(db_path, "2023")
    ok(db_path, "fees", "set", "--year", "2024", "--form", "full", "--amount", "1500,50")
    header, y2023, y2024 = ok(db_path, "fees", "schedule").splitlines()

    assert header.split("  ")[0] == "År"
    assert "Fullt medlemskap" in header and "Nätverkande medlemskap" in header
    assert y2023.split() == ["2023", "1", "500", "kr", "300", "kr", "500", "kr"]
    assert y2024.startswith("2024") and "1 500,50 kr" in y2024
    assert "ej fastställd" in y2024, "a form never set for the year is said to be so"


def test_schedule_for_a_year_without_one_says_so(db_path: Path) -> None:
    set_fees(db_path, "2024")

    assert ok(db_path, "fees", "schedule", "--year", "2026") == (
        "Ingen avgift fastställd för 2026.\n"
    )
    only_2024 = ok(db_path, "fees", "schedule", "--year", "2024").splitlines()
    assert len(only_2024) == 2 and only_2024[1].startswith("2024")


def test_schedule_json_has_exact_amounts_as_strings(db_path: Path) -> None:
    ok(db_path, "fees", "set", "--year", "2024", "--form", "full", "--amount", "1500,50")

    assert json.loads(ok(db_path, "fees", "schedule", "--format", "json")) == [
        {"year": 2024, "amounts": {"full": "1500.50", "individual": None, "networking": None}}
    ]
    assert json.loads(ok(db_path, "fees", "schedule", "--year", "2023", "--format", "json")) == []


def test_schedule_with_a_bad_format_is_a_usage_error(db_path: Path) -> None:
    set_fees(db_path)
    result = run(db_path, "fees", "schedule", "--format", "xml")

    assert result.exit_code == 2
    assert "--format" in result.stderr


# --- agree ---------------------------------------------------------------------------------------


def test_agree_amount_stores_the_agreement_and_changes_what_is_due(db_path: Path) -> None:
    add_org(db_path)
    set_fees(db_path)
    out = ok(
        db_path,
        "fees",
        "agree",
        "--member",
        "1",
        "--year",
        "2024",
        "--amount",
        "750",
        "--note",
        "Litet budgetår",
    )

    assert out == "Avtalat belopp för Föreningen Bistånd 2024: 750 kr\n"
    assert overrides(db_path) == [FeeOverride(1, 2024, Decimal("750"), "Litet budgetår")]
    [row] = json.loads(ok(db_path, "fees", "status", "--year", "2024", "--format", "json"))
    assert (row["due"], row["status"]) == ("750", "unpaid")


def test_agree_exempt_then_clear(db_path: Path) -> None:
    add_org(db_path)
    set_fees(db_path)

    out = ok(db_path, "fees", "agree", "--member", "1", "--year", "2024", "--exempt")
    assert out == "Föreningen Bistånd är befriad från avgiften 2024.\n"
    assert overrides(db_path) == [FeeOverride(1, 2024, None, "")]
    [row] = json.loads(ok(db_path, "fees", "status", "--year", "2024", "--format", "json"))
    assert (row["due"], row["status"]) == ("0", "exempt")

    cleared = ok(db_path, "fees", "agree", "--member", "1", "--year", "2024", "--clear")
    assert (
        cleared == "Tog bort överenskommelsen för Föreningen Bistånd 2024; vanlig avgift gäller.\n"
    )
    assert overrides(db_path) == []
    again = ok(db_path, "fees", "agree", "--member", "1", "--year", "2024", "--clear")
    assert again == "Det fanns ingen överenskommelse för Föreningen Bistånd 2024.\n"


def test_agree_for_an_unknown_member_names_the_flag_and_stores_nothing(db_path: Path) -> None:
    add_org(db_path)
    result = run(db_path, "fees", "agree", "--member", "99", "--year", "2024", "--exempt")

    assert result.exit_code == 1
    assert "--member: Det finns ingen medlem med id 99." in result.stderr
    assert overrides(db_path) == []


@pytest.mark.parametrize(
    ("extra", "code", "needle"),
    [
        ((), 2, "exakt en av --amount, --exempt och --clear"),
        (("--exempt", "--clear"), 2, "exakt en av"),
        (("--amount", "100", "--exempt"), 2, "exakt en av"),
        (("--clear", "--note", "x"), 2, "--note"),
        (("--amount", "-5"), 1, "--amount: Beloppet kan inte vara negativt"),
        (("--amount", "0"), 1, "--amount: Ett avtalat belopp måste vara större än noll"),
    ],
    ids=["none", "exempt-and-clear", "amount-and-exempt", "note-with-clear", "negative", "zero"],
)
def test_agree_with_bad_flags_is_refused_and_stores_nothing(
    db_path: Path, extra: tuple[str, ...], code: int, needle: str
) -> None:
    add_org(db_path)
    ok(db_path, "fees", "agree", "--member", "1", "--year", "2023", "--exempt")
    result = run(db_path, "fees", "agree", "--member", "1", "--year", "2024", *extra)

    assert result.exit_code == code
    assert needle in result.stderr
    assert overrides(db_path) == [FeeOverride(1, 2023, None, "")]


def test_agree_for_a_year_the_member_was_not_a_member_warns(db_path: Path) -> None:
    add_org(db_path, joined="2020-01-15")
    result = run(db_path, "fees", "agree", "--member", "1", "--year", "2019", "--exempt")

    assert result.exit_code == 0
    assert "var inte medlem 2019" in result.stderr


# --- status --------------------------------------------------------------------------------------


def test_status_lists_everyone_due_with_due_paid_outstanding_and_status(db_path: Path) -> None:
    register(db_path)
    header, *rows, blank, summary = ok(db_path, "fees", "status", "--year", "2024").splitlines()

    assert header.split() == ["Id", "Namn", "Medlemsform", "Avgift", "Betalt", "Kvar", "Status"]
    assert blank == ""
    cells = [re.split(r"\s{2,}", row.strip()) for row in rows]
    assert [c[1] for c in cells] == [
        "Befriad stiftelse",
        "Betalt AB",
        "Delvis förening",
        "Eva Enskild",
        "Östra nätverket",
    ]
    assert cells == [
        ["4", "Befriad stiftelse", "Fullt medlemskap", "0 kr", "0 kr", "0 kr", "Befriad"],
        ["1", "Betalt AB", "Fullt medlemskap", "1 500 kr", "1 500 kr", "0 kr", "Betald"],
        [
            "2",
            "Delvis förening",
            "Fullt medlemskap",
            "1 500 kr",
            "1 000 kr",
            "500 kr",
            "Delvis betald",
        ],
        ["5", "Eva Enskild", "Individuellt medlemskap", "300 kr", "300 kr", "0 kr", "Betald"],
        ["3", "Östra nätverket", "Nätverkande medlemskap", "500 kr", "0 kr", "500 kr", "Obetald"],
    ]
    kvar_ends = {len(row[: row.rindex(c[6])].rstrip()) for row, c in zip(rows, cells, strict=True)}
    assert len(kvar_ends) == 1, "amounts are right-aligned: '0 kr' ends under '500 kr'"
    assert summary == "5 medlemmar; 2 med obetald avgift, kvar att betala 1 000 kr."


def test_status_csv_and_json_carry_exact_amounts(db_path: Path) -> None:
    register(db_path)
    ok(db_path, "payments", "add", "--member", "3", "--year", "2024", "--amount", "0,50")
    rows = list(
        csv.reader(
            io.StringIO(ok(db_path, "fees", "status", "--year", "2024", "--format", "csv")),
            delimiter=";",
        )
    )

    assert rows[0] == ["Id", "Namn", "Medlemsform", "Avgift", "Betalt", "Kvar", "Status"]
    assert rows[5] == [
        "3",
        "Östra nätverket",
        "Nätverkande medlemskap",
        "500",
        "0,50",
        "499,50",
        "Delvis betald",
    ]
    as_json = json.loads(ok(db_path, "fees", "status", "--year", "2024", "--format", "json"))
    ostra = as_json[-1]
    assert ostra == {
        "member_id": 3,
        "name": "Östra nätverket",
        "kind": "organisation",
        "year": 2024,
        "form": "networking",
        "due": "500",
        "paid": "0.50",
        "outstanding": "499.50",
        "status": "partly",
        "status_label": "Delvis betald",
    }


def test_status_unpaid_shows_only_those_who_owe(db_path: Path) -> None:
    register(db_path)
    rows = json.loads(
        ok(db_path, "fees", "status", "--year", "2024", "--unpaid", "--format", "json")
    )

    assert [(r["name"], r["status"]) for r in rows] == [
        ("Delvis förening", "partly"),
        ("Östra nätverket", "unpaid"),
    ]


def test_status_for_a_year_without_a_schedule_warns_and_shows_no_fee(db_path: Path) -> None:
    register(db_path)
    result = run(db_path, "fees", "status", "--year", "2026", "--format", "json")

    assert result.exit_code == 0
    assert result.stderr == "Obs: Ingen avgift fastställd för 2026.\n"
    assert {r["status"] for r in json.loads(result.stdout)} == {"no_fee"}


@pytest.mark.parametrize("command", ["status", "unpaid", "figures"])
def test_every_year_listing_notes_a_year_without_a_schedule_once(
    db_path: Path, command: str
) -> None:
    register(db_path)
    without = run(db_path, "fees", command, "--year", "2026")
    with_schedule = run(db_path, "fees", command, "--year", "2024")

    assert (without.exit_code, without.stderr) == (0, "Obs: Ingen avgift fastställd för 2026.\n")
    assert (with_schedule.exit_code, with_schedule.stderr) == (0, "")


def test_status_with_a_bad_year_or_format_is_a_usage_error(db_path: Path) -> None:
    register(db_path)

    for args in (("--year", "2024", "--format", "xml"), ("--year", "abc"), ()):
        result = run(db_path, "fees", "status", *args)
        assert result.exit_code == 2, args
        assert ("--format" if "xml" in args else "--year") in result.stderr


# --- unpaid: the reminder list -----------------------------------------------------------------


def test_unpaid_text_is_one_block_per_member_with_contacts_and_a_total(db_path: Path) -> None:
    register(db_path)
    text = ok(db_path, "fees", "unpaid", "--year", "2024")

    assert text == (
        "Obetalda medlemsavgifter 2024\n"
        "\n"
        "Delvis förening\n"
        "  Kontaktperson: Karin K\n"
        "  E-post: karin@delvis.se\n"
        "  Telefon: 08-123 456\n"
        "  Att betala: 500 kr (delvis betald, 1 000 kr av 1 500 kr betalt)\n"
        "\n"
        "Östra nätverket\n"
        "  Kontaktperson: Olle Ö\n"
        "  E-post: – (saknar e-post)\n"
        "  Telefon: –\n"
        "  Att betala: 500 kr (obetald)\n"
        "\n"
        "Totalt att betala: 1 000 kr från 2 medlemmar.\n"
        "Saknar e-post: 1 (Östra nätverket).\n"
    )


def test_unpaid_csv_is_semicolon_utf8_without_bom_with_the_reminder_header(
    db_path: Path,
) -> None:
    register(db_path)
    out = ok(db_path, "fees", "unpaid", "--year", "2024", "--format", "csv")

    assert not out.startswith("\ufeff")
    assert out.splitlines()[0] == (
        "Namn;Kontaktperson;E-post;Telefon;Att betala;Status;Saknar e-post"
    )
    rows = list(csv.reader(io.StringIO(out), delimiter=";"))
    assert rows[1:] == [
        [
            "Delvis förening",
            "Karin K",
            "karin@delvis.se",
            "08-123 456",
            "500",
            "Delvis betald",
            "nej",
        ],
        ["Östra nätverket", "Olle Ö", "", "", "500", "Obetald", "ja"],
    ]


def test_unpaid_when_everyone_has_paid_says_so(db_path: Path) -> None:
    register(db_path)
    pay(db_path, "2", "500")
    pay(db_path, "3", "500")

    assert ok(db_path, "fees", "unpaid", "--year", "2024") == (
        "Inga obetalda medlemsavgifter för 2024.\n"
    )
    csv_out = ok(db_path, "fees", "unpaid", "--year", "2024", "--format", "csv")
    assert csv_out.splitlines() == [
        "Namn;Kontaktperson;E-post;Telefon;Att betala;Status;Saknar e-post"
    ]


def test_unpaid_with_a_bad_format_names_the_flag(db_path: Path) -> None:
    register(db_path)
    result = run(db_path, "fees", "unpaid", "--year", "2024", "--format", "json")

    assert result.exit_code == 2
    assert "--format" in result.stderr


# --- figures -----------------------------------------------------------------------------------


def test_figures_count_paying_members_by_kind_and_form_and_what_is_owed(db_path: Path) -> None:
    register(db_path)
    figures = json.loads(ok(db_path, "fees", "figures", "--year", "2024", "--format", "json"))

    assert figures == {
        "year": 2024,
        "paying": {
            "total": 2,
            "by_kind": {"organisation": 1, "individual": 1},
            "by_form": {"full": 1, "individual": 1, "networking": 0},
            "by_kind_and_form": {
                "organisation": {"full": 1, "networking": 0},
                "individual": {"individual": 1, "networking": 0},
            },
        },
        "exempt": 1,
        "owing": {"count": 2, "outstanding": "1000"},
    }
    text = ok(db_path, "fees", "figures", "--year", "2024")
    assert text.startswith("Betalande medlemmar 2024: 2\n  varav organisationer: 1\n")
    assert "Obetald eller delvis betald avgift: 2\nKvar att betala: 1 000 kr" in text


# --- as a real process: one line on stderr ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "start"),
    [
        (
            ("fees", "set", "--year", "2024", "--form", "full", "--amount", "x"),
            1,
            "secretariat: --amount: ”x” är inget belopp",
        ),
        (
            ("fees", "agree", "--member", "9", "--year", "2024", "--exempt"),
            1,
            "secretariat: --member: Det finns ingen medlem med id 9.",
        ),
        (("fees", "status", "--year", "2024", "--format", "xml"), 2, "secretariat: "),
        (("fees", "unpaid"), 2, "secretariat: "),
    ],
    ids=["amount", "member", "format", "missing-year"],
)
def test_errors_are_one_stderr_line_with_an_exit_code(
    db_path: Path, args: tuple[str, ...], code: int, start: str
) -> None:
    add_org(db_path)
    result = run_process(db_path, *args)

    assert result.returncode == code
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(start)
    assert result.stdout == ""
