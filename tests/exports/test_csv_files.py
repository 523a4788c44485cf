"""The CSV files Swedish Excel opens by double-click: UTF-8 with BOM, `;`, CRLF, Swedish
headers, ISO dates, decimal commas. Checked on the bytes, not only through the csv module."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.members import Contact, FormChange
from secretariat_tui.domain.money import typed_amount
from secretariat_tui.exports.csv_files import members_csv_bytes, payments_csv_bytes
from tests.cli.helpers import VALID_ORG
from tests.factories import FULL, NETWORKING, PERSON, make_member

MEMBERS_HEADER = (
    "Namn;Typ;Medlemsform;Organisationsnummer;Kontaktperson;E-post;Telefon;Postadress;"
    "Medlem sedan;Slutdatum;Anledning;Formhistorik"
)
PAYMENTS_HEADER = "Medlem;Organisationsnummer;Avgiftsår;Belopp;Betaldatum;Referens;Anteckning"


def rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_members_file_is_bom_semicolon_crlf_with_the_swedish_header() -> None:
    data = members_csv_bytes([make_member("Åkeriföreningen")])
    assert data.startswith(b"\xef\xbb\xbf" + MEMBERS_HEADER.encode() + b"\r\n")
    assert data.endswith(b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == 2
    assert "Åkeriföreningen".encode() in data, "åäö as UTF-8, not escaped"


def test_a_member_row_has_labels_iso_dates_and_every_contact_field() -> None:
    member = make_member(
        "Fristad",
        org_number=VALID_ORG,
        contact=Contact("Eva Ek", "eva@exempel.se", "08-12 34 56", "Box 1; 111 11 Stockholm"),
        ended=date(2024, 6, 30),
        end_reason="Utträde",
    )
    [_, row] = rows(members_csv_bytes([member]))
    assert row == [
        "Fristad",
        "Organisation",
        "Fullt medlemskap",
        VALID_ORG,
        "Eva Ek",
        "eva@exempel.se",
        "08-12 34 56",
        "Box 1; 111 11 Stockholm",
        "2020-03-01",
        "2024-06-30",
        "Utträde",
        "",
    ]
    assert b'"Box 1; 111 11 Stockholm"' in members_csv_bytes([member]), "a ; in a cell is quoted"


def test_an_individual_shows_the_swedish_kind_and_form_labels() -> None:
    [_, row] = rows(members_csv_bytes([make_member("Eva", kind=PERSON, form=NETWORKING)]))
    assert row[1:3] == ["Enskild person", "Nätverkande medlemskap"]


def test_form_history_is_written_only_for_a_member_whose_form_changed() -> None:
    changed = make_member(
        "Ankarplatsen",
        joined=date(2019, 1, 21),
        forms=(FormChange(date(2019, 1, 21), NETWORKING), FormChange(date(2022, 4, 26), FULL)),
    )
    _, first, second = rows(members_csv_bytes([changed, make_member("Bo")]))
    assert first[0] == "Ankarplatsen"
    assert first[2] == "Fullt medlemskap"
    assert first[11] == "2019-01-21 Nätverkande medlemskap; 2022-04-26 Fullt medlemskap"
    assert second[11] == ""


def test_members_are_in_swedish_name_order() -> None:
    names = ["Örebro", "Ankan", "Ängby", "Zeta"]
    data = members_csv_bytes([make_member(n) for n in names])
    assert [r[0] for r in rows(data)[1:]] == ["Ankan", "Zeta", "Ängby", "Örebro"]


def test_amounts_use_a_decimal_comma_and_whole_kronor_have_none() -> None:
    assert typed_amount(Decimal("1500.00")) == "1500"
    assert typed_amount(Decimal("1500.50")) == "1500,50"
    assert typed_amount(Decimal("12345.05")) == "12345,05"


def test_payments_file_names_the_member_and_sorts_by_year_and_date() -> None:
    members = [make_member("Fristad", org_number=VALID_ORG, id=2), make_member("Roks", id=1)]
    payments = [
        Payment(1, 2024, Decimal("1500.50"), date(2024, 5, 1), "BG 2", "rest"),
        Payment(2, 2024, Decimal("1500"), date(2024, 2, 1), "BG 1"),
        Payment(1, 2023, Decimal("300"), date(2023, 12, 1)),
    ]
    data = payments_csv_bytes(payments, members)
    assert data.startswith(b"\xef\xbb\xbf" + PAYMENTS_HEADER.encode("utf-8") + b"\r\n")
    assert data.count(b"\n") == data.count(b"\r\n") == 4
    assert rows(data)[1:] == [
        ["Roks", "", "2023", "300", "2023-12-01", "", ""],
        ["Fristad", VALID_ORG, "2024", "1500", "2024-02-01", "BG 1", ""],
        ["Roks", "", "2024", "1500,50", "2024-05-01", "BG 2", "rest"],
    ]


def test_an_empty_register_is_a_header_only_file() -> None:
    assert members_csv_bytes([]) == ("\ufeff" + MEMBERS_HEADER + "\r\n").encode("utf-8")
    assert payments_csv_bytes([], []) == ("\ufeff" + PAYMENTS_HEADER + "\r\n").encode("utf-8")


def test_cells_excel_would_run_as_formulas_are_written_as_text() -> None:
    member = make_member(
        '=HYPERLINK("http://x")',
        contact=Contact("@anna", "", "+46 70-174 06 05", "-"),
        end_reason="'redan märkt",
        ended=date(2024, 6, 30),
    )
    [_, row] = rows(members_csv_bytes([member]))
    assert row[0] == '\'=HYPERLINK("http://x")'
    assert row[4:8] == ["'@anna", "", "'+46 70-174 06 05", "'-"]
    assert row[10] == "''redan märkt", "a leading ' gets one more, so the import gives it back"
    assert row[8:10] == ["2020-03-01", "2024-06-30"], "dates are left alone"


def test_payment_cells_are_guarded_too_but_amounts_and_dates_are_untouched() -> None:
    members = [make_member("+Plus", id=1)]
    payments = [Payment(1, 2024, Decimal("1500.50"), date(2024, 5, 1), "\tBG", "=1+1")]
    [_, row] = rows(payments_csv_bytes(payments, members))
    assert row == ["'+Plus", "", "2024", "1500,50", "2024-05-01", "'\tBG", "'=1+1"]
