"""Payments from CSV: amounts with decimal comma or point, the member found by organisation
number or exact name, every bad row reported, and no payment counted twice."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from secretariat_tui.domain.fees import Payment
from secretariat_tui.exports.csv_files import PAYMENT_COLUMNS, payments_csv_bytes
from secretariat_tui.imports.csv_dialect import CsvFormatError, ImportPlan
from secretariat_tui.imports.payments_csv import plan_payments_import
from tests.cli.helpers import BAD_ORG, VALID_ORG
from tests.factories import make_member

MEMBERS = [
    make_member("Roks", id=1),
    make_member("Fristad", org_number=VALID_ORG, id=2),
    make_member("Tvilling", id=3),
    make_member("Tvilling", id=4),
]


def csv_bytes(*rows: list[str], header: list[str] | None = None, delimiter: str = ";") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([header or list(PAYMENT_COLUMNS), *rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def row(
    member: str = "Roks",
    org: str = "",
    year: str = "2024",
    amount: str = "1500",
    paid_on: str = "2024-03-15",
    reference: str = "BG 1",
    note: str = "",
) -> list[str]:
    return [member, org, year, amount, paid_on, reference, note]


def plan(*rows: list[str], existing: list[Payment] | None = None) -> ImportPlan[Payment]:
    return plan_payments_import(csv_bytes(*rows), MEMBERS, existing or [])


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1500", "1500.00"),
        ("1500,50", "1500.50"),
        ("1500.50", "1500.50"),
        ("1 500,5", "1500.50"),
        ("1\u00a0500 kr", "1500.00"),
    ],
)
def test_amounts_with_decimal_comma_or_point_are_exact(typed: str, amount: str) -> None:
    [payment] = plan(row(amount=typed)).items
    assert payment.amount == Decimal(amount)


def test_a_row_becomes_a_payment_for_the_stored_member() -> None:
    [payment] = plan(row(reference=" BG 7 ", note="Delbetalning")).items
    assert payment == Payment(
        member_id=1,
        fee_year=2024,
        amount=Decimal("1500.00"),
        paid_on=date(2024, 3, 15),
        reference="BG 7",
        note="Delbetalning",
    )


def test_the_member_is_found_by_org_number_before_name() -> None:
    [payment] = plan(row(member="Annat namn i bokföringen", org=VALID_ORG.replace("-", ""))).items
    assert payment.member_id == 2


def test_an_org_number_the_register_lacks_still_finds_an_unnumbered_member_by_name() -> None:
    [payment] = plan(row(member="Roks", org="556036-0793")).items
    assert payment.member_id == 1


def test_every_bad_row_is_reported_by_line_and_column() -> None:
    result = plan(
        row(),
        row(member="Okänd förening"),
        row(member="Okänd", org="556036-0793"),
        row(member="Tvilling"),
        row(member="", org=""),
        row(org=BAD_ORG),
        row(amount="-500"),
        row(amount="0"),
        row(amount="femhundra", paid_on="2024-02-30", year="24"),
        row(year="1800"),
        row(paid_on=""),
    )
    assert [p.line for p in result.new] == [2]
    got = {(e.line, e.column): e.message for e in result.errors}
    assert got == {
        (3, "Medlem"): "Ingen medlem i registret heter ”Okänd förening”. Lägg in medlemmen först.",
        (4, "Organisationsnummer"): "Ingen medlem i registret har organisationsnummer "
        "556036-0793 eller heter ”Okänd” utan organisationsnummer. Lägg in medlemmen först.",
        (5, "Medlem"): "Flera medlemmar heter ”Tvilling”: fyll i organisationsnummer för att "
        "välja en.",
        (6, "Medlem"): "Fyll i medlemmens namn (eller organisationsnummer).",
        (7, "Organisationsnummer"): got[(7, "Organisationsnummer")],
        (8, "Belopp"): "Beloppet kan inte vara negativt: ”-500”.",
        (9, "Belopp"): "Beloppet måste vara större än noll.",
        (10, "Avgiftsår"): "”24” är inget år: skriv ÅÅÅÅ, t.ex. 2024.",
        (10, "Belopp"): "”femhundra” är inget belopp: skriv kronor, t.ex. 1500 eller 1500,50.",
        (10, "Betaldatum"): "Datumet 2024-02-30 finns inte i kalendern.",
        (11, "Avgiftsår"): "1800 ligger utanför 1900–2100; skrev du fel år?",
        (12, "Betaldatum"): "”” är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2024-04-18.",
    }
    assert got[(7, "Organisationsnummer")].startswith("Kontrollsiffran stämmer inte")
    assert result.summary() == "1 ny, 0 fanns redan, 10 fel"


def test_a_row_with_extra_cells_reports_that_and_its_other_faults_too() -> None:
    result = plan([*row(amount="-1"), "extra"])
    assert [(e.line, e.column) for e in result.errors] == [(2, None), (2, "Belopp")]
    assert result.items == []


def test_payments_already_stored_are_skipped_by_member_year_date_amount_reference() -> None:
    stored = Payment(1, 2024, Decimal("1500.00"), date(2024, 3, 15), "BG 1", note="annan", id=9)
    result = plan(
        row(note="samma betalning, annan anteckning"),
        row(reference="BG 2"),
        row(year="2023"),
        row(amount="1500,01"),
        row(paid_on="2024-03-16"),
        row(member="Fristad"),
        existing=[stored],
    )
    assert [s.line for s in result.skipped] == [2]
    assert [p.line for p in result.new] == [3, 4, 5, 6, 7]


def test_identical_payments_in_one_file_are_each_a_payment() -> None:
    # Was: added once, the rest "samma som rad 2". Two 750 kr instalments paid the same day
    # with one reference are two payments, and an export of them must read back as two.
    result = plan(row(), row(amount="1500,00"), row(reference="BG 2"), row())
    assert [p.line for p in result.new] == [2, 3, 4, 5]
    assert [p.note for p in result.new] == [
        "",
        "likadan som rad 2, blir en betalning till",
        "",
        "likadan som rad 2, blir en betalning till",
    ]
    assert result.skipped == ()


def instalment(id: int | None = None) -> Payment:
    return Payment(1, 2024, Decimal("750"), date(2024, 3, 15), "Swish", id=id)


def test_two_identical_payments_round_trip_and_reimport_adds_nothing() -> None:
    register = [instalment(id=1), instalment(id=2)]
    data = payments_csv_bytes(register, MEMBERS)

    into_empty = plan_payments_import(data, MEMBERS, [])
    assert into_empty.errors == ()
    assert into_empty.items == [instalment(), instalment()]

    again = plan_payments_import(data, MEMBERS, register)
    assert again.new == ()
    assert again.summary() == "0 nya, 2 fanns redan, 0 fel"


def test_a_row_is_already_there_only_while_the_register_has_an_unmatched_one() -> None:
    data = csv_bytes(*[row(amount="750", reference="Swish")] * 3)
    result = plan_payments_import(data, MEMBERS, [instalment(id=1)])
    assert [s.line for s in result.skipped] == [2]
    assert [p.line for p in result.new] == [3, 4]


def test_a_payment_for_a_year_the_member_was_not_a_member_is_an_error_on_its_line() -> None:
    members = [
        make_member("Ny", joined=date(2017, 3, 21), id=1),
        make_member("Slutat", joined=date(2015, 1, 1), ended=date(2019, 6, 30), id=2),
    ]
    data = csv_bytes(
        row(member="Ny", year="2016", paid_on="2016-12-01"),
        row(member="Ny", year="2017", paid_on="2017-03-21"),
        row(member="Slutat", year="2019"),
        row(member="Slutat", year="2020", amount="nej"),
    )
    result = plan_payments_import(data, members, [])
    assert [p.line for p in result.new] == [3, 4]
    assert [str(e) for e in result.errors] == [
        "rad 2, kolumn Avgiftsår: Ny var inte medlem 2016 (medlem från 2017-03-21): "
        "kontrollera avgiftsåret.",
        "rad 5, kolumn Avgiftsår: Slutat var inte medlem 2020 (medlem från 2015-01-01 till "
        "2019-06-30): kontrollera avgiftsåret.",
        "rad 5, kolumn Belopp: ”nej” är inget belopp: skriv kronor, t.ex. 1500 eller 1500,50.",
    ]


def test_a_year_without_a_calendar_is_not_a_crash() -> None:
    result = plan(row(year="0000", amount="nej"), row(year="0000"))
    assert [(e.line, e.column) for e in result.errors] == [
        (2, "Avgiftsår"),
        (2, "Belopp"),
        (3, "Avgiftsår"),
    ]
    assert result.errors[0].message == "0000 ligger utanför 1900–2100; skrev du fel år?"


def test_formula_like_cells_come_back_exactly_from_our_export() -> None:
    payment = Payment(1, 2024, Decimal("100"), date(2024, 3, 15), "=SUM(A1)", "-rest, @anna")
    [back] = plan_payments_import(payments_csv_bytes([payment], MEMBERS), MEMBERS, []).items
    assert back == payment


def test_a_comma_separated_file_with_decimal_points_reads_the_same() -> None:
    data = csv_bytes(row(amount="1500.50"), delimiter=",")[3:]  # plain UTF-8, no BOM
    result = plan_payments_import(data, MEMBERS, [])
    assert result.dialect.describe() == "UTF-8, avgränsare komma (,)"
    assert [p.amount for p in result.items] == [Decimal("1500.50")]


def test_wrong_columns_name_what_is_missing_and_how_the_others_were_read() -> None:
    data = csv_bytes(["Roks", "1500", "röd"], header=["Medlem", "Summa", "Färg"])
    with pytest.raises(CsvFormatError) as caught:
        plan_payments_import(data, MEMBERS, [])
    message = str(caught.value)
    assert "kolumner saknas: ”Avgiftsår”, ”Betaldatum”" in message
    assert "Summa → Belopp; Färg → ignoreras" in message


def test_a_payment_file_from_swedish_excels_semicolon_csv_finds_the_member() -> None:
    data = (
        "Medlem;Organisationsnummer;Avgiftsår;Belopp;Betaldatum;Referens;Anteckning\r\n"
        "Föreningen Ängen;;2024;1 500,00;2024-03-15;Å-12;Betalt i € av misstag\r\n"
    ).encode("cp1252")
    angen = make_member("Föreningen Ängen", id=9)

    result = plan_payments_import(data, [angen], [])

    assert result.errors == ()
    assert result.dialect.describe() == "Windows-1252 (Excel), avgränsare semikolon (;)"
    [payment] = result.items
    assert (payment.member_id, payment.amount, payment.reference, payment.note) == (
        9,
        Decimal("1500.00"),
        "Å-12",
        "Betalt i € av misstag",
    )
