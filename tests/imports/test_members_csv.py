"""Members from CSV: the domain's rules and Swedish messages per column, every bad row
reported, and nothing counted twice (already stored, or repeated within the file)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest

from secretariat_tui.domain.members import Contact, FormChange
from secretariat_tui.exports.csv_files import MEMBER_COLUMNS
from secretariat_tui.imports.csv_dialect import CsvFormatError, RowError
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


def test_identical_rows_in_one_file_are_added_once() -> None:
    same = row(name="Dubbel", org=VALID_ORG)
    plan = plan_members_import(csv_bytes(same, row(name="Annan"), same, same), [])
    assert [m.name for m in plan.items] == ["Dubbel", "Annan"]
    assert [(s.line, s.duplicate_of) for s in plan.skipped] == [(4, 2), (5, 2)]
    assert plan.summary() == "2 nya, 2 fanns redan (varav 2 upprepade rader i filen), 0 fel"


def test_the_same_member_twice_with_different_details_is_an_error_not_a_guess() -> None:
    plan = plan_members_import(
        csv_bytes(row(name="A", org=VALID_ORG), row(name="B", org=VALID_ORG)), []
    )
    assert [m.name for m in plan.items] == ["A"]
    assert plan.errors == (
        RowError(
            3,
            "Organisationsnummer",
            "Samma organisationsnummer som rad 2 men andra uppgifter: "
            "en medlem kan bara stå en gång i filen.",
        ),
    )


def test_unknown_columns_fail_the_whole_file() -> None:
    with pytest.raises(CsvFormatError, match="okända kolumner: ”Färg”"):
        plan_members_import(
            csv_bytes(
                ["A", "Organisation", "full", "2020-01-01", "röd"],
                header=["Namn", "Typ", "Medlemsform", "Medlem sedan", "Färg"],
            ),
            [],
        )


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
