"""`members extract|erase|retention` and `settings`: an access or erasure request answered in
one command each, asserted on the files (the database and every backup in both folders)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretariat_tui.cli import cli
from secretariat_tui.commands import calendar_common
from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.backups import backup_dir, legacy_backup_dir, list_backups
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseLocked
from secretariat_tui.store.members import MemberNotFound, MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from tests.cli.helpers import ok, refused, run, run_process
from tests.domain.gdpr_register import ANNA_STRINGS, BO_STRINGS, EXTRACT_SECTIONS, write_register
from tests.factories import PERSON, make_member

SECTIONS = EXTRACT_SECTIONS


@pytest.fixture
def register_file(db_path: Path) -> Path:
    """The GDPR test register, opened twice (so it has a backup) and copied into the old
    backups folder as older versions named their backups."""
    with open_database(db_path) as db:
        write_register(db)
    with open_database(db_path):
        pass
    legacy = legacy_backup_dir(db_path)
    legacy.mkdir()
    shutil.copyfile(db_path, legacy / f"{db_path.stem}-20240101T120000123456.json")
    return db_path


def every_file(db_path: Path) -> Iterator[Path]:
    yield db_path
    for folder in (backup_dir(db_path), legacy_backup_dir(db_path)):
        yield from sorted(p for p in folder.iterdir() if p.is_file())


def holding(db_path: Path, strings: tuple[str, ...]) -> list[str]:
    return [
        f"{path.name}: {text}"
        for path in every_file(db_path)
        for text in strings
        if text.encode() in path.read_bytes()
    ]


def snapshot(db_path: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in every_file(db_path)}


# --- extract ------------------------------------------------------------------------------------


def test_extract_holds_every_section_of_a_member_that_has_all_of_them(
    register_file: Path,
) -> None:
    text = ok(register_file, "members", "extract", "2")
    headings = [line for line in text.splitlines() if line in SECTIONS]
    assert headings == list(SECTIONS)
    for expected in (
        "Kontaktperson:       Bo Lind",
        "från 2018-01-01: Fullt medlemskap",
        "Avgiftsår 2023: 1 500 kr, betald 2023-02-01, referens Faktura 7",
        "2022: 750 kr (Avtal med Bo Lind)",
        "Ledamot: bo  lind, från 2023-04-19",
        "Årsmötet 2023-04-19: Bo Lind (inte närvarande)",
        "2023-03-01 Remissvar: Remissvar om stödet, inskickad",
        "deltagare: Bo Lind (Föreningen Ljuset), Cecilia Berg",
        "anteckningar: Bo Lind skrev utkastet",
    ):
        assert expected in text, expected
    assert "(inget)" not in text


def test_extract_as_json_to_a_file_is_owner_only_and_replaced_only_with_force(
    register_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "utdrag.json"
    out = ok(register_file, "members", "extract", "1", "--format", "json", "-o", str(target))
    assert out == f"Skrev registerutdraget för medlem 1 till {target}.\n"
    extract = json.loads(target.read_text(encoding="utf-8"))
    assert extract["member"]["name"] == "Anna Ek"
    assert [p["amount"] for p in extract["payments"]] == ["200"]
    assert target.stat().st_mode & 0o777 == 0o600

    line = refused(register_file, "members", "extract", "1", "-o", str(target))
    assert "finns redan" in line and "--force" in line
    ok(register_file, "members", "extract", "1", "-o", str(target), "--force")
    assert target.read_text(encoding="utf-8").startswith("Registerutdrag för medlem 1: Anna Ek")


def test_extract_refuses_the_database_and_its_backups_as_the_output(register_file: Path) -> None:
    for target in (register_file, list_backups(register_file)[0]):
        line = refused(register_file, "members", "extract", "1", "-o", str(target), "--force")
        assert "Inget skrevs" in line


def test_extract_works_while_another_session_has_the_file(register_file: Path) -> None:
    with open_database(register_file):
        result = run(register_file, "members", "extract", "1")
    assert result.exit_code == 0
    assert result.stdout.startswith("Registerutdrag för medlem 1: Anna Ek")
    assert result.stderr.startswith("Obs: ")


def test_extract_of_an_unknown_member_is_a_store_error(register_file: Path) -> None:
    result = run(register_file, "members", "extract", "9")
    assert isinstance(result.exception, MemberNotFound)
    assert result.stdout == ""


# --- erase --------------------------------------------------------------------------------------


def test_erase_with_yes_in_a_script_removes_the_person_from_every_file(
    register_file: Path,
) -> None:
    out = ok(register_file, "members", "erase", "1", "--yes")

    assert holding(register_file, (*ANNA_STRINGS, "Anna Eks")) == []
    assert out.endswith(
        "Raderade personuppgifterna för medlem 1. Säkerhetskopior: 2 omskrivna, 0 borttagna.\n"
    )
    assert "namn ”Anna Ek” blir ”Raderad person (id 1)”" in out
    assert "Skrivs om utan uppgifterna (2):" in out
    shown = ok(register_file, "members", "show", "1")
    assert shown.startswith("Medlem 1: Raderad person (id 1)")
    assert f"Personuppgifter:     raderade {date.today().isoformat()} (GDPR)" in shown
    listed = ok(register_file, "members", "list", "--all")
    assert f"personuppgifterna raderade {date.today().isoformat()}" in listed


def test_erase_keeps_the_payments_as_anonymous_bookkeeping(register_file: Path) -> None:
    ok(register_file, "members", "erase", "2", "--yes")
    assert holding(register_file, BO_STRINGS) == []
    with open_database(register_file) as db:
        [payment] = PaymentRepository(db).for_member(2)
    assert (payment.amount, payment.fee_year, payment.paid_on, payment.reference, payment.note) == (
        Decimal(1500),
        2023,
        date(2023, 2, 1),
        "Faktura 7",
        "",
    )


def test_erase_without_a_terminal_and_without_yes_changes_nothing(register_file: Path) -> None:
    before = snapshot(register_file)
    result = run(register_file, "members", "erase", "1")
    assert result.exit_code == 1
    assert "ange --yes" in result.stderr
    assert snapshot(register_file) == before


@pytest.mark.parametrize("answer", ["n\n", "\n"])
def test_erase_asks_first_and_no_changes_nothing(
    register_file: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    monkeypatch.setattr(calendar_common, "stdin_is_terminal", lambda: True)
    before = snapshot(register_file)
    result = CliRunner().invoke(
        cli, ["--db", str(register_file), "members", "erase", "1"], input=answer
    )
    assert result.exit_code == 0
    assert "Radera personuppgifterna för medlem 1? Det går inte att ångra. [j/N]" in result.stdout
    assert result.stdout.endswith("Inget togs bort.\n")
    assert snapshot(register_file) == before


def test_erase_asks_first_and_j_erases(
    register_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(calendar_common, "stdin_is_terminal", lambda: True)
    result = CliRunner().invoke(
        cli, ["--db", str(register_file), "members", "erase", "1"], input="j\n"
    )
    assert result.exit_code == 0, result.output
    assert holding(register_file, ANNA_STRINGS) == []


def test_erasing_twice_says_it_was_done(register_file: Path) -> None:
    ok(register_file, "members", "erase", "1", "--yes")
    before = snapshot(register_file)
    out = ok(register_file, "members", "erase", "1", "--yes")
    assert out == (
        f"Personuppgifterna för medlem 1 är raderade sedan {date.today().isoformat()}; "
        "ingen av 2 säkerhetskopior innehåller dem. Inget att göra.\n"
    )
    assert snapshot(register_file) == before


def test_erasing_twice_still_cleans_a_backup_that_holds_the_person(register_file: Path) -> None:
    held = list_backups(register_file)[0].read_bytes()
    ok(register_file, "members", "erase", "1", "--yes")
    restored = legacy_backup_dir(register_file) / f"{register_file.stem}-20250101T000000000000.json"
    restored.write_bytes(held)
    out = ok(register_file, "members", "erase", "1", "--yes")
    assert out.startswith("Personuppgifterna för medlem 1 raderades redan ")
    assert "I registret tas detta bort" not in out
    assert out.endswith("Säkerhetskopior: 1 omskrivna, 0 borttagna.\n")
    assert holding(register_file, ANNA_STRINGS) == []


def test_erase_is_refused_while_the_tui_has_the_file(register_file: Path) -> None:
    before = snapshot(register_file)
    with open_database(register_file):
        result = run(register_file, "members", "erase", "1", "--yes")
    assert isinstance(result.exception, DatabaseLocked)
    assert snapshot(register_file) == before


# --- retention ----------------------------------------------------------------------------------


def test_retention_lists_members_and_payments_around_the_boundaries(db_path: Path) -> None:
    today = date.today()
    with open_database(db_path) as db:
        members = MemberRepository(db)
        past = members.add(  # ended two years ago yesterday: due today
            make_member("Förfallen", kind=PERSON, joined=date(2000, 1, 1),
                        ended=today.replace(year=today.year - 2) - timedelta(days=1))
        )  # fmt: skip
        members.add(  # ended exactly two years ago today: due tomorrow
            make_member("Inte än", kind=PERSON, joined=date(2000, 1, 1),
                        ended=today.replace(year=today.year - 2))
        )  # fmt: skip
        assert past.id is not None
        payments = PaymentRepository(db)
        eighth = today.year - 8
        payments.add(Payment(past.id, eighth, Decimal(100), date(eighth, 3, 1)))
        payments.add(Payment(past.id, eighth + 1, Decimal(100), date(eighth + 1, 3, 1)))
    found = json.loads(ok(db_path, "members", "retention", "--format", "json"))
    assert found["retention_years"] == 2
    assert [m["name"] for m in found["members"]] == ["Förfallen"]
    assert [p["fee_year"] for p in found["payments"]] == [today.year - 8]

    found = json.loads(ok(db_path, "members", "retention", "--years", "3", "--format", "json"))
    assert found["members"] == []
    text = ok(db_path, "members", "retention")
    assert "Förfallen" in text and "Inte än" not in text
    assert "secretariat members erase ID" in text
    assert text.endswith("Inget har raderats.\n")


def test_retention_uses_the_stored_setting(db_path: Path) -> None:
    today = date.today()
    with open_database(db_path) as db:
        MemberRepository(db).add(
            make_member("Tre år", kind=PERSON, joined=date(2000, 1, 1),
                        ended=today.replace(year=today.year - 3) - timedelta(days=1))
        )  # fmt: skip
    ok(db_path, "settings", "set", "retention-years", "4")
    assert json.loads(ok(db_path, "members", "retention", "--format", "json"))["members"] == []
    ok(db_path, "settings", "set", "retention-years", "3")
    found = json.loads(ok(db_path, "members", "retention", "--format", "json"))
    assert [m["name"] for m in found["members"]] == ["Tre år"]


# --- settings -----------------------------------------------------------------------------------


def test_settings_show_the_default_and_set_stores_a_valid_value(db_path: Path) -> None:
    with open_database(db_path):
        pass
    assert ok(db_path, "settings", "show").startswith("retention-years: 2 år (standard)")
    out = ok(db_path, "settings", "set", "retention-years", "5")
    assert out.startswith("Sparade retention-years: 5 år –")
    assert json.loads(db_path.read_bytes())["settings"] == {"1": {"retention_years": 5}}
    assert ok(db_path, "settings", "show").startswith("retention-years: 5 år –")


@pytest.mark.parametrize("value", ["0", "21", "två", "2,5", "1000"])
def test_settings_refuse_a_value_outside_1_to_20_in_swedish(db_path: Path, value: str) -> None:
    with open_database(db_path):
        pass
    before = db_path.read_bytes()
    line = refused(db_path, "settings", "set", "retention-years", value)
    assert "helt antal år, 1–20" in line
    assert db_path.read_bytes() == before


def test_settings_refuse_an_unknown_name(db_path: Path) -> None:
    with open_database(db_path):
        pass
    line = refused(db_path, "settings", "set", "kaffe", "1", code=2)
    assert "retention-years" in line


def test_a_real_run_of_erase_prints_the_plan_and_the_counts_and_no_traceback(
    register_file: Path,
) -> None:
    unknown = run_process(register_file, "members", "erase", "9", "--yes")
    assert (unknown.returncode, unknown.stdout) == (1, "")
    assert unknown.stderr == "secretariat: Det finns ingen medlem med id 9.\n"

    result = run_process(register_file, "members", "erase", "2", "--yes")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "Raderade personuppgifterna för medlem 2. Säkerhetskopior: 2 omskrivna, 0 borttagna."
    )
    assert holding(register_file, BO_STRINGS) == []
