"""Every Excel file goes through one writer, so every one is guarded against formulas."""

from __future__ import annotations

from secretariat_tui.exports.tabular import excel_csv_bytes, stdout_csv


def test_excel_files_have_a_bom_semicolons_crlf_and_no_runnable_formulas() -> None:
    data = excel_csv_bytes(("Namn", "Telefon"), [('=HYPERLINK("x")', "+46 70-174 06 05")])
    text = data.decode("utf-8")
    assert text.startswith("\ufeffNamn;Telefon\r\n")
    assert "'=HYPERLINK" in text
    assert ";'+46 70-174 06 05\r\n" in text


def test_stdout_csv_is_left_as_typed_for_scripts() -> None:
    assert stdout_csv(("Namn",), [("=1+1",)]) == "Namn\n=1+1\n"
