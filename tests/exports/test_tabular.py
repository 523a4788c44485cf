"""Every CSV goes through one writer, so every one is guarded against formulas."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from secretariat_tui.exports.tabular import csv_text

PACKAGE = Path(__file__).resolve().parents[2] / "secretariat_tui"
RUNNABLE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\tx"]


def test_excel_files_have_a_bom_semicolons_crlf_and_no_runnable_formulas() -> None:
    text = csv_text(("Namn", "Telefon"), [('=HYPERLINK("x")', "+46 70-174 06 05")], excel_file=True)
    assert text.startswith("\ufeffNamn;Telefon\r\n")
    assert "'=HYPERLINK" in text
    assert ";'+46 70-174 06 05\r\n" in text


def test_standard_out_has_no_bom_and_lf_but_is_guarded_the_same() -> None:
    assert csv_text(("Namn",), [("=1+1",)]) == "Namn\n'=1+1\n"


@pytest.mark.parametrize("excel_file", [False, True])
@pytest.mark.parametrize("cell", [*RUNNABLE, "'already marked"])
def test_each_formula_start_gets_one_mark_and_reads_back_exactly(
    cell: str, excel_file: bool
) -> None:
    """A reader that takes one leading ' off (as the import does) gets the cell back."""
    text = csv_text((cell,), [("ok", cell)], excel_file=excel_file)
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert rows == [["'" + cell], ["ok", "'" + cell]]


def test_a_line_break_in_a_cell_is_quoted_in_both_forms() -> None:
    assert csv_text(("a",), [("x\ny",)]) == 'a\n"x\ny"\n'
    assert csv_text(("a",), [("x\ny",)], excel_file=True) == '\ufeffa\r\n"x\ny"\r\n'


def test_a_control_character_in_a_cell_is_written_as_its_visible_stand_in() -> None:
    """A carriage return, an ESC or a bidi override never reaches a file or a terminal."""
    assert csv_text(("a",), [("x\ry",), ("\x1b[2J",), ("\rx",), ("a\u202eb",)]) == (
        "a\nx\\x0dy\n\\x1b[2J\n\\x0dx\na\\u202eb\n"
    )


def test_cells_that_only_contain_a_sign_later_are_left_alone() -> None:
    assert (
        csv_text(("a", "b"), [("Föreningen +1", "2024-05-01")]) == "a;b\nFöreningen +1;2024-05-01\n"
    )


def test_no_other_module_writes_csv() -> None:
    """One writer: no csv.writer anywhere but exports/tabular.py (imports only read)."""
    writers = re.compile(r"csv\.writer|csv\.DictWriter|stdout_csv")
    found = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "tabular.py" and writers.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_commands_and_screens_write_csv_only_through_a_table() -> None:
    """A listing's CSV and every save-as-CSV come from ``Table``: the flavour (standard out
    or an Excel file) is chosen in one place, never by calling the writer directly."""
    found = [
        str(path.relative_to(PACKAGE))
        for folder in ("commands", "ui")
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        if re.search(r"\bcsv_text\b|\bexcel_text\b", path.read_text(encoding="utf-8"))
    ]
    assert found == []


@pytest.mark.parametrize("number", ["-1600", "-1600.00", "-0,50"])
def test_a_negative_number_is_written_as_the_number_it_is(number: str) -> None:
    """A credit note's amount: Excel reads it as a number, and a number runs nothing."""
    assert csv_text(("Belopp",), [(number,)]) == f"Belopp\n{number}\n"
    assert csv_text(("a",), [("-1600+1",), ("-1e9",), ("- 5",)]) == "a\n'-1600+1\n'-1e9\n'- 5\n"
