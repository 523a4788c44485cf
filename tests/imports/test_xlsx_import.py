"""Members and payments from an Excel workbook: the same checks and messages as a CSV file,
Excel's own row numbers, typed cells read exactly (never a float kept), blank rows skipped,
and a workbook that cannot be read refused in one Swedish line."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.members import MemberKind, MembershipForm
from secretariat_tui.exports.csv_files import (
    MEMBER_COLUMNS,
    PAYMENT_COLUMNS,
    members_csv_bytes,
    payments_csv_bytes,
)
from secretariat_tui.imports.csv_dialect import CsvFormatError
from secretariat_tui.imports.members_csv import plan_members_import
from secretariat_tui.imports.payments_csv import plan_payments_import
from secretariat_tui.imports.plan_report import plan_report
from secretariat_tui.imports.xlsx_sheet import OLE_MAGIC, cell_text
from tests.factories import make_member
from tests.imports.workbooks import workbook

HEADER = ("Namn", "Typ", "Medlemsform", "Medlem sedan")
ROKS = make_member("Roks", id=1)


def test_members_are_read_from_typed_cells_with_excels_row_numbers_in_messages() -> None:
    data = workbook(
        HEADER,
        ("Föreningen Ängen", "Organisation", "Fullt medlemskap", datetime(2020, 3, 1)),
        None,  # a blank row between: skipped, and the numbers after it stay Excel's
        ("Trasig", "Organisation", "Fullt medlemskap", "2020-02-30"),
        ("Eva Ek", "Enskild person", "Individuellt medlemskap", date(2021, 5, 2)),
        None,
        None,
    )
    plan = plan_members_import(data, [])
    assert [(p.line, p.item.name, p.item.joined) for p in plan.new] == [
        (2, "Föreningen Ängen", date(2020, 3, 1)),
        (5, "Eva Ek", date(2021, 5, 2)),
    ]
    [error] = plan.errors
    assert (error.line, error.column) == (4, "Medlem sedan")
    assert "2020-02-30" in error.message
    assert plan.rows == 3  # the empty rows (also the trailing ones) are no rows


def test_the_preview_names_the_sheet_and_says_when_there_are_more() -> None:
    data = workbook(HEADER, ("A", "Organisation", "full", date(2020, 1, 1)), title="Medlemmar")
    report = plan_report(plan_members_import(data, []), "lista.xlsx", lambda m: m.name)
    assert report.lines[0] == "Läser lista.xlsx: Excel-arbetsbok (.xlsx), blad ”Medlemmar”, 1 rad."
    two = workbook(HEADER, ("A", "Organisation", "full", date(2020, 1, 1)), more_sheets=1)
    assert (
        "blad ”Blad1” (det första av 2 bladen)" in plan_members_import(two, []).dialect.describe()
    )


def test_the_header_may_start_further_down_and_its_row_is_the_one_named() -> None:
    data = workbook(("Namn", "Färg"), ("A", "röd"), at=3)
    with pytest.raises(CsvFormatError) as caught:
        plan_members_import(data, [])
    assert caught.value.line == 3
    assert "Rubrikraden (rad 3) stämmer inte: kolumner saknas: ”Medlemsform”" in str(caught.value)


def test_payment_amounts_from_number_cells_are_exact_decimals_by_the_csv_rule() -> None:
    """A number cell becomes its shortest decimal text (what Excel shows), then goes through
    the amount rule a CSV cell goes through: a float never reaches the register."""
    header = ("Medlem", "Avgiftsår", "Belopp", "Betaldatum")
    data = workbook(
        header,
        ("Roks", 2024, 1500, datetime(2024, 3, 15)),
        ("Roks", 2024.0, 1500.5, datetime(2024, 3, 16)),
        ("Roks", 2024, 0.1 + 0.2, datetime(2024, 3, 17)),  # a float's binary tail
        ("Roks", 2024, "1 500,50", "2024-03-18"),
        ("Roks", 2024, -200, "2024-03-19"),
    )
    plan = plan_payments_import(data, [ROKS], [])
    amounts = [p.item.amount for p in plan.new]
    assert amounts == [Decimal("1500.00"), Decimal("1500.50"), Decimal("0.30"), Decimal("1500.50")]
    assert all(type(a) is Decimal for a in amounts)
    assert [p.item.fee_year for p in plan.new] == [2024] * 4
    assert [str(e) for e in plan.errors] == [
        "rad 6, kolumn Belopp: Beloppet kan inte vara negativt: ”-200”."
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "ja"),
        (False, "nej"),
        (datetime(2024, 1, 15), "2024-01-15"),
        (datetime(2024, 1, 15, 18, 30), "2024-01-15 18:30"),
        (date(2024, 1, 15), "2024-01-15"),
        (time(9, 5), "09:05"),
        (2024, "2024"),
        (2024.0, "2024"),
        (1500.5, "1500.5"),
        (5560001234, "5560001234"),
        ("=1+1", "=1+1"),
        ("'text", "'text"),  # a workbook's text is exact: no CSV mark to take off
    ],
)
def test_each_typed_cell_becomes_the_text_a_person_would_type(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04not-really-a-zip", "kan inte läsas som Excel-arbetsbok (.xlsx)"),
        (OLE_MAGIC + b"\x00" * 512, "lösenordsskyddad eller en äldre Excel-fil (.xls)"),
    ],
)
def test_a_broken_or_password_protected_workbook_is_refused_in_one_line(
    data: bytes, message: str
) -> None:
    with pytest.raises(CsvFormatError) as caught:
        plan_members_import(data, [])
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_empty_sheet_is_a_clear_error() -> None:
    with pytest.raises(CsvFormatError, match="Bladet ”Blad1” är tomt"):
        plan_members_import(workbook(), [])


def test_an_exported_workbook_reads_back_as_the_same_register() -> None:
    members = [
        make_member('=HYPERLINK("x")', id=1),
        make_member("Eva Ek", kind=MemberKind.INDIVIDUAL, form=MembershipForm.INDIVIDUAL, id=2),
    ]
    data = members_csv_bytes(members, "xlsx")
    plan = plan_members_import(data, members)
    assert (len(plan.new), len(plan.skipped), plan.errors) == (0, 2, ())
    assert not [h for h in plan.headings if h.column != h.found]
    assert [h.found for h in plan.headings] == list(MEMBER_COLUMNS)


def test_exported_payments_read_back_as_already_there() -> None:
    payment = Payment(1, 2024, Decimal("1500.50"), date(2024, 3, 15), "OCR 1", "")
    data = payments_csv_bytes([payment], [ROKS], "xlsx")
    plan = plan_payments_import(data, [ROKS], [payment])
    assert (len(plan.new), len(plan.skipped), plan.errors) == (0, 1, ())
    assert [h.found for h in plan.headings] == list(PAYMENT_COLUMNS)
