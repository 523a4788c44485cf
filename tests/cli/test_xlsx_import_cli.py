"""The command line with Excel workbooks and a coordinator's own headings: export as .xlsx
(by the file's ending or --format), import a workbook, --map to say which column is which."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from secretariat_tui.domain.members import MembershipForm
from tests.cli.helpers import ok, refused, run, stored
from tests.imports.workbooks import workbook

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.json"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    copy = tmp_path / "demo.json"
    shutil.copyfile(DEMO, copy)
    return copy


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(path.read_bytes()))
    return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("group", "name", "first"),
    [("members", "medlemmar.xlsx", "Namn"), ("payments", "betalningar.xlsx", "Medlem")],
)
def test_export_to_a_file_ending_in_xlsx_writes_a_workbook_that_reads_back_as_stored(
    demo: Path, tmp_path: Path, group: str, name: str, first: str
) -> None:
    target = tmp_path / name
    ok(demo, group, "export", "-o", str(target))
    assert sheet_rows(target)[0][0] == first
    again = ok(demo, group, "import", "--dry-run", str(target))
    assert "Excel-arbetsbok (.xlsx)" in again
    assert "\n0 nya, " in again and ", 0 fel\n" in again


def test_format_xlsx_wins_over_the_ending_and_a_terminal_never_gets_a_workbook(
    demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "register.dat"
    ok(demo, "members", "export", "--format", "xlsx", "-o", str(target))
    assert target.read_bytes().startswith(b"PK\x03\x04")
    piped = run(demo, "members", "export", "--format", "xlsx")  # stdout is no terminal here
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"PK\x03\x04")


def test_a_coordinators_workbook_imports_and_the_report_shows_the_mapping(
    tmp_path: Path,
) -> None:
    db = tmp_path / "ny.json"
    source = tmp_path / "lista.xlsx"
    source.write_bytes(
        workbook(
            ("Organisation", "Kontaktperson", "E-post", "Medlemstyp", "Anteckningar"),
            ("Föreningen Ängen", "Åsa Öberg", "asa@angen.se", "Fullt", "ring i maj"),
        )
    )
    out = ok(db, "members", "import", str(source))
    assert "  Organisation → Namn" in out
    assert "  Anteckningar → ignoreras" in out
    assert "Sparade 1 nya medlemmar." in out
    [member] = stored(db)
    assert (member.name, member.form, member.joined) == (
        "Föreningen Ängen",
        MembershipForm.FULL,
        date.today(),
    )


def test_map_says_which_column_is_which_and_may_ignore_one(tmp_path: Path) -> None:
    db = tmp_path / "ny.json"
    source = tmp_path / "lista.csv"
    source.write_text(
        "Förening;Ansvarig;Form;Namn\r\nFöreningen Ängen;Åsa Öberg;Fullt;Ängen\r\n",
        encoding="utf-8",
    )
    out = ok(
        db, "members", "import", str(source), "--map", "Förening=Namn", "--map", "Namn=",
        "--map", "Ansvarig=kontaktperson",
    )  # fmt: skip
    assert "  Ansvarig → Kontaktperson" in out and "  Namn → ignoreras" in out
    [member] = stored(db)
    assert (member.name, member.contact.person) == ("Föreningen Ängen", "Åsa Öberg")


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Förening", "går inte att läsa"),
        ("Förening=Färg", "”Färg” är ingen kolumn"),
        ("Sort=Namn", "har ingen kolumn ”Sort”"),
    ],
)
def test_a_map_that_cannot_be_used_is_one_swedish_line_and_nothing_is_written(
    tmp_path: Path, mapping: str, message: str
) -> None:
    db = tmp_path / "ny.json"
    source = tmp_path / "lista.csv"
    source.write_text("Förening;Form\r\nÄngen;Fullt\r\n", encoding="utf-8")
    code = 2 if "=" not in mapping or "Färg" in mapping else 1
    line = refused(db, "members", "import", str(source), "--map", mapping, code=code)
    assert message in line
    assert not db.exists()


def test_the_reminder_list_is_written_as_a_workbook(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "paminnelser.xlsx"
    out = ok(demo, "fees", "unpaid", "--year", "2026", "-o", str(target))
    assert out.startswith("Skrev påminnelselistan")
    rows = sheet_rows(target)
    listed = ok(demo, "fees", "unpaid", "--year", "2026", "--format", "csv").splitlines()
    assert list(rows[0]) == listed[0].split(";")
    assert [row[0] for row in rows[1:]] == [line.split(";")[0] for line in listed[1:]]
    assert len(rows) > 1, "the demo has members who owe for 2026"


def test_the_reading_of_a_saved_import_is_used_for_the_next_file_with_those_headings(
    tmp_path: Path,
) -> None:
    db = tmp_path / "ny.json"
    first, second = tmp_path / "maj.csv", tmp_path / "juni.csv"
    first.write_text("Förening;Ansvarig;Form\r\nÄngen;Åsa Öberg;Fullt\r\n", encoding="utf-8")
    second.write_text("FÖRENING;Form;Ansvarig\r\nNyckeln;Fullt;Eva Ek\r\n", encoding="utf-8")

    ok(db, "members", "import", str(first), "--map", "Ansvarig=Kontaktperson")
    out = ok(db, "members", "import", str(second))
    assert "Kolumnerna läses som förra gången" in out
    assert "  Ansvarig → Kontaktperson" in out
    persons = {m.name: m.contact.person for m in stored(db)}
    assert persons == {"Ängen": "Åsa Öberg", "Nyckeln": "Eva Ek"}


def test_a_dry_run_remembers_nothing(tmp_path: Path) -> None:
    db = tmp_path / "ny.json"
    ok(db, "members", "import", str(_file(tmp_path, "Namn;Form\r\nA;Fullt\r\n")))
    source = _file(tmp_path, "Förening;Ansvarig;Form\r\nÄngen;Åsa;Fullt\r\n")
    ok(db, "members", "import", "--dry-run", str(source), "--map", "Ansvarig=Kontaktperson")
    assert "Ansvarig → ignoreras" in ok(db, "members", "import", "--dry-run", str(source))


def _file(folder: Path, text: str) -> Path:
    path = folder / f"fil-{len(list(folder.iterdir()))}.csv"
    path.write_text(text, encoding="utf-8")
    return path
