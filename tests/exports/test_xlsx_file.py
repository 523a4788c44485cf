"""Tables as Excel workbooks: the CSV's columns, typed cells, and no cell Excel or
LibreOffice would run as a formula (checked on the cell types read back and in the XML)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.exports import fees_listing
from secretariat_tui.exports.csv_files import MEMBER_COLUMNS, members_csv_bytes
from secretariat_tui.exports.table import Table
from tests.factories import make_member

DANGEROUS = ["=1+1", "+46 70 123", "-2", "@SUM(A1)", '=HYPERLINK("http://x","y")']


def cells(data: bytes) -> list[list[tuple[object, str]]]:
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("text", DANGEROUS)
def test_text_that_looks_like_a_formula_is_a_string_cell_never_a_formula(text: str) -> None:
    data = Table(["Namn"], [[text]]).file_bytes("xlsx")
    assert cells(data)[1] == [(text, "s")]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # no formula element anywhere


def test_cells_are_typed_dates_numbers_and_amounts_and_choices_by_label() -> None:
    table = Table(
        ["Namn", "Antal", "Datum", "Belopp", "Form"],
        [["Roks", 3, date(2024, 3, 15), Decimal("1500.50"), MembershipForm.FULL]],
    )
    sheet = load_workbook(io.BytesIO(table.file_bytes("xlsx", title="Lista"))).worksheets[0]
    assert sheet.title == "Lista"
    name, count, day, amount, form = sheet[2]
    assert (count.value, count.data_type) == (3, "n")
    assert day.is_date and day.value.date() == date(2024, 3, 15)
    assert day.number_format == "yyyy-mm-dd"
    assert Decimal(str(amount.value)) == Decimal("1500.50")
    assert form.value == "Fullt medlemskap"


def test_the_members_workbook_has_the_csv_columns_and_one_row_per_member() -> None:
    members = [make_member("Roks", id=1), make_member("=Farlig", id=2)]
    rows = cells(members_csv_bytes(members, "xlsx"))
    assert [value for value, _ in rows[0]] == list(MEMBER_COLUMNS)
    assert [row[0] for row in rows[1:]] == [("=Farlig", "s"), ("Roks", "s")]


def test_the_reminder_list_workbook_has_the_csv_header() -> None:
    table = fees_listing.reminder_table([])
    csv_header = table.render("csv").splitlines()[0].split(";")
    assert [value for value, _ in cells(table.file_bytes("xlsx"))[0]] == csv_header


def test_a_control_character_is_shown_as_its_stand_in_as_in_every_export() -> None:
    data = Table(["Namn"], [["a\x1bb"]]).file_bytes("xlsx")
    [(value, kind)] = cells(data)[1]
    assert kind == "s" and "\x1b" not in str(value) and re.match(r"a.+b", str(value))
