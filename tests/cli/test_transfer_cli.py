"""`secretariat members|payments import|export`: CSV in and out of the register, in-process.

Imports check every row before writing; a refused import leaves the database file
byte-identical, and a repeated import adds nothing.
"""

from __future__ import annotations

import shutil
import stat
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.members import Member
from secretariat_tui.store.database import open_database
from secretariat_tui.store.payments import PaymentRepository
from tests.cli.helpers import run, stored

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.json"

MEMBERS_HEADER = (
    "Namn;Typ;Medlemsform;Organisationsnummer;Kontaktperson;E-post;Telefon;Postadress;"
    "Medlem sedan;Slutdatum;Anledning"
)
PAYMENTS_HEADER = "Medlem;Organisationsnummer;Avgiftsår;Belopp;Betaldatum;Referens;Anteckning"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    copy = tmp_path / "demo.json"
    shutil.copyfile(DEMO, copy)
    return copy


def excel_file(folder: Path, name: str, *lines: str) -> Path:
    """A file as Swedish Excel saves "CSV UTF-8": BOM, `;`, CRLF."""
    path = folder / name
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def stored_payments(db_path: Path) -> list[Payment]:
    with open_database(db_path, create=False) as db:
        return PaymentRepository(db).all()


def payment_facts(db_path: Path) -> list[tuple[str, int, Decimal, str, str, str]]:
    """Payments as a reader sees them: by member name, not by the database's ids."""
    names = {m.id: m.name for m in stored(db_path)}
    return sorted(
        (names[p.member_id], p.fee_year, p.amount, p.paid_on.isoformat(), p.reference, p.note)
        for p in stored_payments(db_path)
    )


def member_facts(db_path: Path) -> list[Member]:
    return sorted((replace(m, id=None) for m in stored(db_path)), key=lambda m: m.name)


def ok(db_path: Path, *args: str) -> str:
    result = run(db_path, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


# --- round trip ---------------------------------------------------------------------------------


def test_demo_register_round_trips_through_csv_into_an_empty_database(
    demo: Path, tmp_path: Path
) -> None:
    members_csv, payments_csv = tmp_path / "medlemmar.csv", tmp_path / "betalningar.csv"
    ok(demo, "members", "export", "-o", str(members_csv))
    ok(demo, "payments", "export", "-o", str(payments_csv))
    assert len(stored_payments(demo)) > 50, "the demo has payments to carry over"

    empty = tmp_path / "ny.json"
    out = ok(empty, "members", "import", str(members_csv))
    assert f"{len(stored(demo))} nya, 0 fanns redan, 0 fel" in out
    ok(empty, "payments", "import", str(payments_csv))

    assert member_facts(empty) == member_facts(demo)  # forms with dates, contacts, endings
    assert any(len(m.forms) > 1 for m in stored(empty)), "a form history came across"
    assert any(m.ended for m in stored(empty)), "ended members came across"
    assert payment_facts(empty) == payment_facts(demo)

    again_members, again_payments = tmp_path / "m2.csv", tmp_path / "p2.csv"
    ok(empty, "members", "export", "-o", str(again_members))
    ok(empty, "payments", "export", "-o", str(again_payments))
    assert again_members.read_bytes() == members_csv.read_bytes()
    assert again_payments.read_bytes() == payments_csv.read_bytes()


def test_export_files_are_owner_readable_only_and_the_message_names_them(
    demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "medlemmar.csv"
    target.write_text("old")
    target.chmod(0o644)
    out = ok(demo, "members", "export", "-o", str(target), "--force")
    assert out == f"Skrev {len(stored(demo))} medlemmar till {target}.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"\xef\xbb\xbf" + MEMBERS_HEADER.encode())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".medlemmar")] == []


def test_export_without_a_file_writes_the_bytes_to_stdout(demo: Path) -> None:
    result = run(demo, "payments", "export", "--year", "2024")
    assert result.exit_code == 0
    data = result.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbf" + PAYMENTS_HEADER.encode() + b"\r\n")
    body = data.decode("utf-8-sig").splitlines()[1:]
    assert body and all(line.split(";")[2] == "2024" for line in body)
    assert len(body) == len([p for p in stored_payments(demo) if p.fee_year == 2024])


def test_export_refuses_to_write_over_the_database_itself(demo: Path) -> None:
    before = demo.read_bytes()
    result = run(demo, "members", "export", "-o", str(demo))
    assert result.exit_code == 1
    assert "är databasen själv" in result.stderr
    assert demo.read_bytes() == before


# --- good files ---------------------------------------------------------------------------------


def test_a_swedish_excel_file_with_bom_semicolons_and_decimal_commas(
    demo: Path, tmp_path: Path
) -> None:
    members_file = excel_file(
        tmp_path,
        "medlemmar.csv",
        MEMBERS_HEADER,
        "Nya Föreningen Ö;Organisation;Nätverkande medlemskap;;Åsa Öberg;asa@exempel.se;"
        "08-123 456;Box 1, 111 11 Stockholm;2025-03-01;;",
        "Roks;Organisation;Fullt medlemskap;;;;;;2017-03-21;;",
    )
    out = ok(demo, "members", "import", str(members_file))
    assert "UTF-8 med BOM, avgränsare semikolon (;), 2 rader." in out
    assert "1 ny, 1 fanns redan, 0 fel" in out
    [new] = [m for m in stored(demo) if m.name == "Nya Föreningen Ö"]
    assert new.contact.person == "Åsa Öberg"

    payments_file = excel_file(
        tmp_path,
        "betalningar.csv",
        PAYMENTS_HEADER,
        "Nya Föreningen Ö;;2025;1500,50;2025-03-10;BG 99;första",
        "Nya Föreningen Ö;;2025;1 600,00;2025-03-11;BG 100;",
    )
    out = ok(demo, "payments", "import", str(payments_file))
    assert "2 nya, 0 fanns redan, 0 fel" in out
    assert "Sparade 2 nya betalningar." in out
    mine = sorted(p.amount for p in stored_payments(demo) if p.member_id == new.id)
    assert mine == [Decimal("1500.50"), Decimal("1600.00")]


def test_a_comma_separated_plain_utf8_file(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "from-google.csv"
    path.write_text(
        "Namn,Typ,Medlemsform,Medlem sedan,E-post\n"
        "Eva Ek,individual,individual,2025-01-10,eva@exempel.se\n"
        '"Föreningen Komma, Punkt",organisation,full,2025-02-01,\n',
        encoding="utf-8",
    )
    out = ok(demo, "members", "import", str(path))
    assert "UTF-8, avgränsare komma (,), 2 rader." in out
    names = {m.name for m in stored(demo)}
    assert {"Eva Ek", "Föreningen Komma, Punkt"} <= names

    pay = tmp_path / "pay.csv"
    pay.write_text(
        "Medlem,Avgiftsår,Belopp,Betaldatum\nEva Ek,2025,300.50,2025-02-01\n", encoding="utf-8"
    )
    ok(demo, "payments", "import", str(pay))
    [eva] = [m for m in stored(demo) if m.name == "Eva Ek"]
    assert [p.amount for p in stored_payments(demo) if p.member_id == eva.id] == [Decimal("300.50")]


# --- bad files: every error with its line, nothing written ------------------------------------


BAD_FILES = {
    "wrong columns": (
        "members",
        b"Titel;Sort;Medlemsform\r\nA;B;C\r\n",
        ["kolumner saknas: ”Namn”", "Titel → ignoreras; Sort → ignoreras"],
    ),
    "bad dates": (
        "members",
        (
            f"\ufeff{MEMBERS_HEADER}\r\n"
            "God;Organisation;full;;;;;;2025-01-01;;\r\n"
            "A;Organisation;full;;;;;;2025-02-30;;\r\n"
            "B;Organisation;full;;;;;;1/3/2025;2025-13-01;Flytt\r\n"
        ).encode(),
        [
            "rad 3, kolumn Medlem sedan: Datumet 2025-02-30 finns inte i kalendern.",
            "rad 4, kolumn Medlem sedan: ”1/3/2025” är inget datum",
            "rad 4, kolumn Slutdatum: Datumet 2025-13-01 finns inte i kalendern.",
        ],
    ),
    "negative amounts": (
        "payments",
        (
            f"\ufeff{PAYMENTS_HEADER}\r\n"
            "Roks;;2024;1500;2024-02-01;OK;\r\n"
            "Roks;;2024;-1500;2024-02-01;;\r\n"
            "Terrafem;;2024;-0,50;2024-02-01;;\r\n"
        ).encode(),
        [
            "rad 3, kolumn Belopp: Beloppet kan inte vara negativt: ”-1500”.",
            "rad 4, kolumn Belopp: Beloppet kan inte vara negativt: ”-0,50”.",
        ],
    ),
    "unknown member": (
        "payments",
        (
            f"\ufeff{PAYMENTS_HEADER}\r\n"
            "Roks;;2024;1500;2024-02-01;OK;\r\n"
            "Finns Inte;;2024;1500;2024-02-01;;\r\n"
        ).encode(),
        ["rad 3, kolumn Medlem: Ingen medlem i registret heter ”Finns Inte”."],
    ),
    "a byte neither UTF-8 nor Windows-1252": (
        "members",
        f"{MEMBERS_HEADER}\r\n".encode()
        + b"R\x9dda f\xf6reningen;Organisation;full;;;;;;2017-03-21;;\r\n",
        ["Filen är varken UTF-8 eller Windows-1252: rad 2 har en byte (0x9D)", "”CSV UTF-8"],
    ),
    "UTF-8 and Windows-1252 in one file": (
        "payments",
        f"{PAYMENTS_HEADER}\nGöta;;2024;1;2024-02-01;;\n".encode()
        + "Gävle;;2024;1;2024-02-01;;\n".encode("cp1252"),
        ["Filen blandar två teckenkodningar: rad 1 är UTF-8, men rad 3 är Windows-1252"],
    ),
    "empty file": ("payments", b"", ["Filen är tom"]),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_reports_every_error_and_writes_nothing(
    case: str, demo: Path, tmp_path: Path
) -> None:
    group, data, expected = BAD_FILES[case]
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    before = demo.read_bytes()

    result = run(demo, group, "import", str(path))

    assert result.exit_code == 1
    for fragment in expected:
        assert fragment in result.stderr
    assert "Inget sparades" in result.stderr
    assert demo.read_bytes() == before


def test_row_errors_are_one_stderr_line_each_and_the_summary_counts_bad_rows(
    demo: Path, tmp_path: Path
) -> None:
    _, data, _ = BAD_FILES["bad dates"]
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    result = run(demo, "members", "import", str(path))
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("rad ")]
    assert [line.split(":")[0] for line in error_lines] == [
        "rad 3, kolumn Medlem sedan",
        "rad 4, kolumn Medlem sedan",
        "rad 4, kolumn Slutdatum",
    ]
    assert "1 ny, 0 fanns redan, 2 fel" in result.stdout
    assert "2 rader har fel" in result.stderr
    assert "--skip-bad" in result.stderr


def test_a_refused_import_into_a_missing_database_creates_no_file(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(BAD_FILES["bad dates"][1])
    db_path = tmp_path / "never.json"
    assert run(db_path, "members", "import", str(path)).exit_code == 1
    assert not db_path.exists()


def test_skip_bad_writes_only_the_good_rows_and_says_how_many_it_skipped(
    demo: Path, tmp_path: Path
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(BAD_FILES["negative amounts"][1])
    before = len(stored_payments(demo))

    result = run(demo, "payments", "import", str(path), "--skip-bad")

    assert result.exit_code == 0, result.output
    assert "Hoppar över 2 felaktiga rader (raderna 3, 4)." in result.stdout
    assert "Sparade 1 nya betalningar." in result.stdout
    assert "rad 3, kolumn Belopp" in result.stderr
    after = stored_payments(demo)
    assert len(after) == before + 1
    assert [p.reference for p in after if p.reference == "OK"] == ["OK"]


def test_dry_run_shows_the_plan_and_writes_nothing(demo: Path, tmp_path: Path) -> None:
    path = excel_file(tmp_path, "m.csv", MEMBERS_HEADER, "Ny;Organisation;full;;;;;;2025-01-01;;")
    before = demo.read_bytes()
    out = ok(demo, "members", "import", str(path), "--dry-run")
    assert "  ny, rad 2: Ny" in out
    assert "1 ny, 0 fanns redan, 0 fel" in out
    assert "Provkörning: inget sparades." in out
    assert demo.read_bytes() == before


def test_a_swedish_excel_semicolon_csv_previews_naming_its_encoding_then_imports(
    demo: Path, tmp_path: Path
) -> None:
    """Swedish Excel's default "CSV (semikolonavgränsad)": Windows-1252, no BOM, CRLF."""
    path = tmp_path / "från-excel.csv"
    row = "Föreningen Ängen;Organisation;full;;Åsa Éklund;;;;2025-01-01;;"
    path.write_bytes(f"{MEMBERS_HEADER}\r\n{row}\r\n".encode("cp1252"))
    before = demo.read_bytes()

    out = ok(demo, "members", "import", str(path), "--dry-run")

    assert f"Läser {path}: Windows-1252 (Excel), avgränsare semikolon (;), 1 rad." in out
    assert "  ny, rad 2: Föreningen Ängen" in out
    assert demo.read_bytes() == before

    ok(demo, "members", "import", str(path))
    [added] = [m for m in stored(demo) if m.name == "Föreningen Ängen"]
    assert added.contact.person == "Åsa Éklund"


def test_the_preview_names_utf8_with_and_without_bom(demo: Path, tmp_path: Path) -> None:
    with_bom = excel_file(
        tmp_path, "bom.csv", MEMBERS_HEADER, "Ny;Organisation;full;;;;;;2025-01-01;;"
    )
    without = tmp_path / "utan.csv"
    without.write_bytes(with_bom.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    assert "UTF-8 med BOM, avgränsare semikolon (;)" in ok(
        demo, "members", "import", str(with_bom), "--dry-run"
    )
    assert f"{without}: UTF-8, avgränsare semikolon (;)" in ok(
        demo, "members", "import", str(without), "--dry-run"
    )


# --- nothing twice ------------------------------------------------------------------------------


def test_importing_the_same_files_again_adds_nothing(demo: Path, tmp_path: Path) -> None:
    members_csv, payments_csv = tmp_path / "m.csv", tmp_path / "p.csv"
    ok(demo, "members", "export", "-o", str(members_csv))
    ok(demo, "payments", "export", "-o", str(payments_csv))
    before = demo.read_bytes()
    count_m, count_p = len(stored(demo)), len(stored_payments(demo))

    out_m = ok(demo, "members", "import", str(members_csv))
    out_p = ok(demo, "payments", "import", str(payments_csv))

    assert f"0 nya, {count_m} fanns redan, 0 fel" in out_m
    assert f"0 nya, {count_p} fanns redan, 0 fel" in out_p
    assert "Inget nytt att spara." in out_m
    assert demo.read_bytes() == before


def test_repeated_rows_in_one_file_are_each_added_and_the_preview_says_so(
    demo: Path, tmp_path: Path
) -> None:
    # Was: added once. Two members may share a name, two instalments may be alike; the file
    # is counted against the register, so the same file imported again still adds nothing.
    member = "Dubbla Föreningen;Organisation;full;;;;;;2025-01-01;;"
    members_file = excel_file(tmp_path, "m.csv", MEMBERS_HEADER, member, member)
    out = ok(demo, "members", "import", str(members_file))
    assert "  ny, rad 3: Dubbla Föreningen (samma namn som rad 2, blir en medlem till)" in out
    assert "2 nya, 0 fanns redan, 0 fel" in out
    assert [m.name for m in stored(demo)].count("Dubbla Föreningen") == 2
    assert "0 nya, 2 fanns redan, 0 fel" in ok(demo, "members", "import", str(members_file))

    payment = "Roks;;2025;750;2025-02-01;BG 5;"
    payments_file = excel_file(tmp_path, "p.csv", PAYMENTS_HEADER, payment, payment)
    out = ok(demo, "payments", "import", str(payments_file))
    assert "(likadan som rad 2, blir en betalning till)" in out
    assert [p.reference for p in stored_payments(demo)].count("BG 5") == 2
    ok(demo, "payments", "import", str(payments_file))
    assert [p.reference for p in stored_payments(demo)].count("BG 5") == 2


def test_two_same_named_members_and_identical_payments_round_trip(
    demo: Path, tmp_path: Path
) -> None:
    twins = excel_file(
        tmp_path,
        "m.csv",
        MEMBERS_HEADER,
        "Anna Svensson;Enskild person;individual;;;anna.a@exempel.se;;;2021-05-01;;",
        "Anna Svensson;Enskild person;individual;;;anna.b@exempel.se;;;2021-05-01;;",
    )
    ok(demo, "members", "import", str(twins))
    pay = excel_file(
        tmp_path, "p.csv", PAYMENTS_HEADER, *["Roks;;2024;750;2024-03-15;Swish;delbetalning"] * 2
    )
    ok(demo, "payments", "import", str(pay))

    members_csv, payments_csv = tmp_path / "ut-m.csv", tmp_path / "ut-p.csv"
    ok(demo, "members", "export", "-o", str(members_csv))
    ok(demo, "payments", "export", "-o", str(payments_csv))
    empty = tmp_path / "ny.json"
    ok(empty, "members", "import", str(members_csv))
    ok(empty, "payments", "import", str(payments_csv))
    assert member_facts(empty) == member_facts(demo)
    assert payment_facts(empty) == payment_facts(demo)

    before = demo.read_bytes()
    assert "0 nya" in ok(demo, "members", "import", str(members_csv))
    assert "0 nya" in ok(demo, "payments", "import", str(payments_csv))
    assert demo.read_bytes() == before


def test_a_payment_for_a_year_before_the_member_joined_is_refused(
    demo: Path, tmp_path: Path
) -> None:
    path = excel_file(tmp_path, "p.csv", PAYMENTS_HEADER, "Roks;;2016;1500;2016-12-01;;")
    before = demo.read_bytes()
    result = run(demo, "payments", "import", str(path))
    assert result.exit_code == 1
    assert "rad 2, kolumn Avgiftsår: Roks var inte medlem 2016 (medlem från 2017-03-21)" in (
        result.stderr
    )
    assert demo.read_bytes() == before


def test_a_changed_member_is_not_duplicated_and_the_difference_is_pointed_out(
    demo: Path, tmp_path: Path
) -> None:
    members_csv = tmp_path / "m.csv"
    ok(demo, "members", "export", "-o", str(members_csv))
    text = members_csv.read_bytes().decode("utf-8-sig")
    edited = text.replace("karin.sandberg@example.org", "ny.adress@example.org")
    assert edited != text
    members_csv.write_bytes(("\ufeff" + edited).encode("utf-8"))
    count = len(stored(demo))

    out = ok(demo, "members", "import", str(members_csv))

    assert "finns redan i registret med andra uppgifter" in out
    assert len(stored(demo)) == count


def test_an_unreadable_input_file_is_a_clear_error(demo: Path, tmp_path: Path) -> None:
    result = run(demo, "members", "import", str(tmp_path / "saknas.csv"))
    assert result.exit_code == 1
    assert "kan inte läsas" in result.stderr
