"""Members from CSV: the domain's rules and Swedish messages per column, every bad row
reported, and nothing counted twice (already stored, or repeated within the file)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest

from secretariat_tui.domain.members import Contact, FormChange, Member
from secretariat_tui.exports.csv_files import MEMBER_COLUMNS, members_csv_bytes
from secretariat_tui.imports.csv_dialect import CsvFormatError
from secretariat_tui.imports.members_csv import plan_members_import
from tests.cli.helpers import BAD_ORG, VALID_ORG
from tests.factories import FULL, INDIVIDUAL, NETWORKING, ORG, PERSON, make_member

HEADER = list(MEMBER_COLUMNS)


def csv_bytes(*rows: list[str], header: list[str] = HEADER) -> bytes:
    """As Excel writes it: BOM, ``;``, CRLF, quotes only where a cell needs them."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def row(
    name: str = "Föreningen Exempel",
    kind: str = "Organisation",
    form: str = "Fullt medlemskap",
    org: str = "",
    joined: str = "2020-03-01",
    ended: str = "",
    reason: str = "",
    history: str = "",
    person: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
) -> list[str]:
    return [name, kind, form, org, person, email, phone, address, joined, ended, reason, history]


def test_swedish_labels_become_the_member_with_every_field() -> None:
    plan = plan_members_import(
        csv_bytes(
            row(
                org=VALID_ORG,
                person="Anna Andersson",
                email="anna@exempel.se",
                phone="08-123 456",
                address="Box 1, 111 11 Stockholm",
                ended="2024-06-30",
                reason="Utträde",
            )
        ),
        existing=[],
    )
    assert plan.errors == ()
    [member] = plan.items
    assert member == make_member(
        "Föreningen Exempel",
        org_number=VALID_ORG,
        contact=Contact(
            "Anna Andersson", "anna@exempel.se", "08-123 456", "Box 1, 111 11 Stockholm"
        ),
        ended=date(2024, 6, 30),
        end_reason="Utträde",
    )


@pytest.mark.parametrize(
    ("kind", "form", "expected_kind", "expected_form"),
    [
        ("organisation", "full", ORG, FULL),
        ("ORGANISATION", "networking", ORG, NETWORKING),
        ("individual", "individual", PERSON, INDIVIDUAL),
        ("Enskild person", "Individuellt medlemskap", PERSON, INDIVIDUAL),
        ("enskild person", "nätverkande medlemskap", PERSON, NETWORKING),
    ],
)
def test_english_values_and_labels_in_any_case_are_accepted(
    kind: str, form: str, expected_kind: object, expected_form: object
) -> None:
    [member] = plan_members_import(csv_bytes(row(kind=kind, form=form)), []).items
    assert (member.kind, member.form) == (expected_kind, expected_form)


def test_a_form_history_round_trips_into_dated_form_changes() -> None:
    history = "2019-01-21 Nätverkande medlemskap; 2022-04-26 Fullt medlemskap"
    [member] = plan_members_import(csv_bytes(row(joined="2019-01-21", history=history)), []).items
    assert member.forms == (
        FormChange(date(2019, 1, 21), NETWORKING),
        FormChange(date(2022, 4, 26), FULL),
    )
    assert member.form_on(date(2020, 6, 1)) is NETWORKING


@pytest.mark.parametrize(
    ("history", "fragment"),
    [
        ("2019-01-22 networking; 2022-04-26 full", "börjar 2019-01-22"),
        ("2019-01-21 full; 2022-04-26 networking", "inte den i Medlemsform"),
        ("2019-01-21 networking; 2018-04-26 full", "datumordning"),
        ("2019-01-21 halvt; 2022-04-26 full", "går inte att läsa"),
        ("2019-01-21 networking; 2022-02-30 full", "finns inte i kalendern"),
    ],
)
def test_a_form_history_that_does_not_fit_the_row_is_an_error(history: str, fragment: str) -> None:
    plan = plan_members_import(csv_bytes(row(joined="2019-01-21", history=history)), [])
    [error] = plan.errors
    assert (error.line, error.column) == (2, "Formhistorik")
    assert fragment in error.message
    assert plan.items == []


def test_every_bad_cell_of_every_row_is_reported_with_the_domains_message() -> None:
    plan = plan_members_import(
        csv_bytes(
            row(name="God förening"),
            row(name="", joined="2024-02-30"),
            row(name="Eva", kind="individual", form="full", org=VALID_ORG, email="nej"),
            row(name="Org", org=BAD_ORG, phone="12"),
            row(name="X", kind="Robot", form="Halvt"),
            row(name="Y", ended="2019-01-01"),
            row(name="Z", reason="Utträde"),
            row(name="W", ended="31/12/2024"),
        ),
        existing=[],
    )
    assert [m.name for m in plan.items] == ["God förening"]
    got = {(e.line, e.column): e.message for e in plan.errors}
    assert got == {
        (3, "Namn"): "Namn måste fyllas i.",
        (3, "Medlem sedan"): "Datumet 2024-02-30 finns inte i kalendern.",
        (4, "Medlemsform"): "Fullt medlemskap är bara för organisationer.",
        (4, "Organisationsnummer"): "Bara organisationer har organisationsnummer.",
        (4, "E-post"): "E-postadressen ser inte rätt ut (namn@exempel.se).",
        (5, "Organisationsnummer"): got[(5, "Organisationsnummer")],
        (5, "Telefon"): got[(5, "Telefon")],
        (6, "Typ"): "”Robot” är ingen typ: skriv Organisation eller Enskild person.",
        (6, "Medlemsform"): "”Halvt” är ingen medlemsform: skriv Fullt medlemskap, "
        "Individuellt medlemskap eller Nätverkande medlemskap.",
        (7, "Slutdatum"): "Slutdatum kan inte ligga före inträdet (2020-03-01).",
        (8, "Anledning"): "En anledning hör till ett slutdatum: fyll i Slutdatum också.",
        (9, "Slutdatum"): "”31/12/2024” är inget datum: skriv ÅÅÅÅ-MM-DD, t.ex. 2024-04-18.",
    }
    assert got[(5, "Organisationsnummer")].startswith("Kontrollsiffran stämmer inte")
    assert plan.bad_lines == [3, 4, 5, 6, 7, 8, 9]
    assert plan.summary() == "1 ny, 0 fanns redan, 7 fel"


def test_errors_come_in_file_order_then_column_order() -> None:
    plan = plan_members_import(
        csv_bytes(row(name="", kind="x", joined="nej"), row(name="", form="y")), []
    )
    assert [(e.line, e.column) for e in plan.errors] == [
        (2, "Namn"),
        (2, "Typ"),
        (2, "Medlem sedan"),
        (3, "Namn"),
        (3, "Medlemsform"),
    ]


def test_members_already_stored_are_skipped_by_org_number_then_by_exact_name() -> None:
    stored = [
        make_member("Gammalt namn", org_number=VALID_ORG, id=1),
        make_member("Roks", id=2),
    ]
    plan = plan_members_import(
        csv_bytes(
            row(name="Nytt namn", org=VALID_ORG),  # same number, renamed: the same member
            row(name="Roks"),  # no number: same exact name
            row(name="roks"),  # a different name: exact match only
        ),
        existing=stored,
    )
    assert [(s.line, s.differs) for s in plan.skipped] == [(2, True), (3, False)]
    assert [p.line for p in plan.new] == [4]
    assert plan.summary() == "1 ny, 2 fanns redan, 0 fel"


def test_a_stored_member_without_number_is_found_by_name_when_the_file_adds_it() -> None:
    plan = plan_members_import(
        csv_bytes(row(name="Roks", org=VALID_ORG)), [make_member("Roks", id=2)]
    )
    assert plan.new == () and len(plan.skipped) == 1


def test_same_name_but_both_numbered_differently_are_two_organisations() -> None:
    other = "556036-0793"
    plan = plan_members_import(
        csv_bytes(row(name="Kvinnojouren", org=VALID_ORG)),
        [make_member("Kvinnojouren", org_number=other, id=1)],
    )
    assert [m.org_number for m in plan.items] == [VALID_ORG]


def test_rows_repeating_a_key_are_more_members_and_the_preview_says_so() -> None:
    # Was: repeated rows added once, a repeat with other details an error. But a register may
    # hold two members under one key (two "Anna Svensson"), and its export must read back.
    same = row(name="Dubbel", org=VALID_ORG)
    plan = plan_members_import(csv_bytes(same, row(name="Annan"), same, same), [])
    assert [p.item.name for p in plan.new] == ["Dubbel", "Annan", "Dubbel", "Dubbel"]
    assert [p.note for p in plan.new] == [
        "",
        "",
        "samma organisationsnummer som rad 2, blir en medlem till",
        "samma organisationsnummer som rad 2, blir en medlem till",
    ]
    assert plan.summary() == "4 nya, 0 fanns redan, 0 fel"


def test_one_org_number_with_two_names_is_two_members_not_an_error() -> None:
    plan = plan_members_import(
        csv_bytes(row(name="A", org=VALID_ORG), row(name="B", org=VALID_ORG)), []
    )
    assert plan.errors == ()
    assert [m.name for m in plan.items] == ["A", "B"]


def anna(email: str, id: int | None = None) -> Member:
    return make_member(
        "Anna Svensson", kind=PERSON, contact=Contact(email=email), joined=date(2021, 5, 1), id=id
    )


def test_two_same_named_members_without_org_number_round_trip_and_reimport_adds_nothing() -> None:
    register = [anna("anna.a@exempel.se", id=1), anna("anna.b@exempel.se", id=2)]
    data = members_csv_bytes(register)

    into_empty = plan_members_import(data, [])
    assert into_empty.errors == ()
    assert into_empty.items == [replace(m, id=None) for m in register]

    again = plan_members_import(data, register)
    assert again.errors == () and again.new == ()
    assert [(s.line, s.differs) for s in again.skipped] == [(2, False), (3, False)]
    assert again.summary() == "0 nya, 2 fanns redan, 0 fel"


def test_rows_are_counted_against_the_register_one_stored_member_per_row() -> None:
    register = [anna("anna.a@exempel.se", id=1)]
    data = csv_bytes(
        row(
            name="Anna Svensson",
            kind="Enskild person",
            form="individual",
            joined="2021-05-01",
            email="anna.a@exempel.se",
        ),
        row(
            name="Anna Svensson",
            kind="Enskild person",
            form="individual",
            joined="2021-05-01",
            email="anna.b@exempel.se",
        ),
    )
    plan = plan_members_import(data, register)
    assert [(s.line, s.differs) for s in plan.skipped] == [(2, False)]
    [new] = plan.new
    assert (new.line, new.item.contact.email) == (3, "anna.b@exempel.se")
    assert new.note == "samma namn som rad 2, blir en medlem till"


def test_a_stored_member_identical_to_a_row_is_matched_to_it_whatever_the_order() -> None:
    register = [anna("anna.a@exempel.se", id=1), anna("anna.b@exempel.se", id=2)]
    rows_b_first = csv_bytes(
        *(
            row(
                name="Anna Svensson",
                kind="Enskild person",
                form="individual",
                joined="2021-05-01",
                email=email,
            )
            for email in ("anna.b@exempel.se", "anna.a@exempel.se")
        )
    )
    plan = plan_members_import(rows_b_first, register)
    assert plan.new == ()
    assert not any(s.differs for s in plan.skipped), "each row found its own Anna"


def test_a_changed_one_of_two_same_named_members_is_pointed_out_not_added() -> None:
    register = [anna("anna.a@exempel.se", id=1), anna("anna.b@exempel.se", id=2)]
    text = members_csv_bytes(register).decode("utf-8")
    edited = text.replace("anna.b@exempel.se", "ny@exempel.se").encode("utf-8")
    plan = plan_members_import(edited, register)
    assert plan.new == ()
    assert [(s.line, s.differs) for s in plan.skipped] == [(2, False), (3, True)]


def test_an_exact_key_match_wins_over_a_name_only_match() -> None:
    numbered = make_member("Roks", org_number=VALID_ORG, id=1)
    unnumbered = make_member("Roks", id=2)
    # The unnumbered row comes first: it must not take the numbered member from the next row.
    plan = plan_members_import(
        csv_bytes(row(name="Roks"), row(name="Roks", org=VALID_ORG)), [numbered, unnumbered]
    )
    assert plan.new == ()
    assert not any(s.differs for s in plan.skipped)


def test_formula_like_cells_come_back_exactly_from_our_export() -> None:
    member = make_member(
        "=Föreningen",
        org_number=VALID_ORG,
        contact=Contact("@anna", "-@exempel.se", "+46 70-174 06 05", "'Box 1"),
        end_reason="-",
        ended=date(2024, 1, 1),
    )
    [back] = plan_members_import(members_csv_bytes([member]), []).items
    assert back == member


def test_one_leading_apostrophe_is_taken_off_any_cell_of_any_file() -> None:
    plan = plan_members_import(csv_bytes(row(name="'+Plus", joined="'2020-03-01")), [])
    assert [(m.name, m.joined) for m in plan.items] == [("+Plus", date(2020, 3, 1))]


def test_unknown_columns_are_ignored_and_the_plan_names_them() -> None:
    plan = plan_members_import(
        csv_bytes(
            ["A", "Organisation", "full", "2020-01-01", "röd"],
            header=["Namn", "Typ", "Medlemsform", "Medlem sedan", "Färg"],
        ),
        [],
    )
    assert [m.name for m in plan.items] == ["A"]
    assert [h.describe() for h in plan.headings if h.column is None] == ["Färg → ignoreras"]


def test_only_name_kind_form_and_joined_are_required_columns() -> None:
    data = csv_bytes(
        ["A", "Organisation", "full", "2020-01-01"],
        header=["Namn", "Typ", "Medlemsform", "Medlem sedan"],
    )
    [member] = plan_members_import(data, []).items
    assert member == make_member("A", joined=date(2020, 1, 1))


def test_an_existing_member_equal_in_every_field_is_not_flagged_as_different() -> None:
    stored = make_member("Roks", contact=Contact(person="Eva"), id=7)
    plan = plan_members_import(csv_bytes(row(name="Roks", person="Eva")), [stored])
    [skipped] = plan.skipped
    assert not skipped.differs
    assert replace(stored, id=None) == make_member("Roks", contact=Contact(person="Eva"))


SWEDISH_EXCEL_ANSI = "\r\n".join(
    [
        "Namn;Typ;Medlemsform;Organisationsnummer;Kontaktperson;E-post;Telefon;Postadress;"
        "Medlem sedan;Slutdatum;Anledning",
        "Föreningen Ängen;Organisation;Fullt medlemskap;;Åsa Hélène Öberg;;;Box 5, 123 45 Åre;"
        "2019-04-01;;",
        "Café Ö;Organisation;Fullt medlemskap;;;;;;2020-01-15;2024-12-31;Avgiften 150 € – för hög",
        "",
    ]
).encode("cp1252")
"""What Swedish Excel's "CSV (semikolonavgränsad)" writes: Windows-1252, ``;``, CRLF, no BOM."""


def test_a_file_from_swedish_excels_semicolon_csv_imports_with_the_right_letters() -> None:
    assert not SWEDISH_EXCEL_ANSI.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        SWEDISH_EXCEL_ANSI.decode("utf-8")  # the file really is not UTF-8

    plan = plan_members_import(SWEDISH_EXCEL_ANSI, [])

    assert plan.errors == ()
    assert plan.dialect.describe() == "Windows-1252 (Excel), avgränsare semikolon (;)"
    angen, cafe = plan.items
    assert angen == make_member(
        "Föreningen Ängen",
        joined=date(2019, 4, 1),
        contact=Contact(person="Åsa Hélène Öberg", address="Box 5, 123 45 Åre"),
    )
    assert (cafe.name, cafe.end_reason) == ("Café Ö", "Avgiften 150 € – för hög")


def test_a_file_with_a_byte_neither_utf8_nor_windows_1252_is_refused() -> None:
    data = SWEDISH_EXCEL_ANSI.replace("Åre".encode("cp1252"), b"\x8fre")
    with pytest.raises(CsvFormatError, match="varken UTF-8 eller Windows-1252: rad 2") as caught:
        plan_members_import(data, [])
    assert "CSV UTF-8" in str(caught.value)


def test_our_own_export_still_reads_as_utf8_with_bom() -> None:
    member = make_member("Föreningen Ängen", contact=Contact(person="Åsa"), id=3)
    plan = plan_members_import(members_csv_bytes([member]), [])
    assert plan.dialect.describe() == "UTF-8 med BOM, avgränsare semikolon (;)"
    assert plan.items == [replace(member, id=None)]
