"""The first day: a Swedish coordinator's own member list, saved by Excel as "CSV
(semikolonavgränsad)" (Windows-1252) or kept as a workbook, imports without renaming a
heading or a word, and the preview says how it was read."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat_tui.domain.members import MemberKind, MembershipForm
from secretariat_tui.imports.csv_dialect import CsvFormatError
from secretariat_tui.imports.members_csv import plan_members_import
from secretariat_tui.imports.plan_report import plan_report
from tests.imports.workbooks import workbook

TODAY = date(2026, 12, 5)
SHEET = [
    ("Organisation", "Kontaktperson", "E-post", "Medlemstyp"),
    ("Föreningen Ängen", "Åsa Öberg", "asa@angen.se", "Fullt"),
    ("Malmö kvinnojour", "Eva Ek", "eva@jour.se", "Ordinarie"),
    ("Nätverket Syd", "", "", "Nätverk"),
]


def as_cp1252_csv() -> bytes:
    return "".join(";".join(row) + "\r\n" for row in SHEET).encode("cp1252")


@pytest.mark.parametrize("data", [as_cp1252_csv(), workbook(*SHEET)], ids=["csv", "xlsx"])
def test_a_coordinators_sheet_imports_without_renaming_anything(data: bytes) -> None:
    plan = plan_members_import(data, [], today=TODAY)
    assert plan.errors == ()
    assert [
        (m.name, m.kind, m.form, m.contact.person, m.contact.email, m.joined) for m in plan.items
    ] == [
        ("Föreningen Ängen", MemberKind.ORGANISATION, MembershipForm.FULL, "Åsa Öberg",
         "asa@angen.se", TODAY),
        ("Malmö kvinnojour", MemberKind.ORGANISATION, MembershipForm.FULL, "Eva Ek",
         "eva@jour.se", TODAY),
        ("Nätverket Syd", MemberKind.ORGANISATION, MembershipForm.NETWORKING, "", "", TODAY),
    ]  # fmt: skip

    lines = plan_report(plan, "lista", lambda m: m.name).lines
    assert lines[1:6] == [
        "Kolumnerna lästes så här:",
        "  Organisation → Namn",
        "  Kontaktperson → Kontaktperson",
        "  E-post → E-post",
        "  Medlemstyp → Medlemsform",
    ]
    assert any(line.startswith("Typ finns inte i filen") for line in lines)
    assert any("alla får 2026-12-05 (i dag)" in line for line in lines)


def test_the_encoding_is_named_for_the_csv_and_the_sheet_for_the_workbook() -> None:
    csv_plan = plan_members_import(as_cp1252_csv(), [], today=TODAY)
    assert csv_plan.dialect.describe().startswith("Windows-1252 (Excel)")
    xlsx_plan = plan_members_import(workbook(*SHEET), [], today=TODAY)
    assert xlsx_plan.dialect.describe() == "Excel-arbetsbok (.xlsx), blad ”Blad1”"


def test_an_individual_form_makes_the_member_a_person_when_the_file_has_no_type() -> None:
    rows = [("Namn", "Medlemsform", "Medlem sedan"), ("Eva Ek", "Individuellt", "2021-05-02")]
    [member] = plan_members_import(workbook(*rows), []).items
    assert (member.kind, member.form, member.joined) == (
        MemberKind.INDIVIDUAL,
        MembershipForm.INDIVIDUAL,
        date(2021, 5, 2),
    )


def test_without_a_day_to_give_the_join_date_column_is_still_needed() -> None:
    with pytest.raises(CsvFormatError, match="kolumner saknas: ”Medlem sedan”"):
        plan_members_import(as_cp1252_csv(), [])
