"""`secretariat members …` in-process: what each command stores and prints."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

from secretariat_tui.domain.members import FormChange, MemberKind, MembershipForm
from secretariat_tui.store.members import MemberNotFound
from tests.cli.helpers import BAD_ORG, VALID_ORG, add_org, add_person, run, stored


def test_add_stores_the_member_and_says_so(db_path: Path) -> None:
    result = add_org(
        db_path,
        org_number=VALID_ORG,
        contact="Anna Andersson",
        email="anna@exempel.se",
        phone="08-123 456",
        address="Box 1, 111 11 Stockholm",
    )

    assert result.stdout == "Lade till medlem 1: Föreningen Bistånd\n"
    [member] = stored(db_path)
    assert member.name == "Föreningen Bistånd"
    assert member.kind is MemberKind.ORGANISATION
    assert member.forms == (FormChange(date(2020, 1, 15), MembershipForm.FULL),)
    assert member.org_number == VALID_ORG
    assert member.contact.person == "Anna Andersson"
    assert member.contact.email == "anna@exempel.se"
    assert member.contact.phone == "08-123 456"
    assert member.contact.address == "Box 1, 111 11 Stockholm"


def test_add_with_wrong_check_digit_names_the_flag_and_stores_nothing(db_path: Path) -> None:
    add_org(db_path, "Finns redan")
    result = run(
        db_path,
        *("members", "add", "--name", "Ny", "--kind", "organisation", "--form", "full"),
        *("--org-number", BAD_ORG, "--joined", "2024-01-01"),
    )

    assert result.exit_code == 1
    assert "--org-number: Kontrollsiffran stämmer inte" in result.stderr
    assert [m.name for m in stored(db_path)] == ["Finns redan"]


def test_add_full_form_for_an_individual_is_refused(db_path: Path) -> None:
    result = run(
        db_path,
        *("members", "add", "--name", "Eva", "--kind", "individual", "--form", "full"),
        *("--joined", "2024-01-01"),
    )

    assert result.exit_code == 1
    assert "--form: Fullt medlemskap är bara för organisationer" in result.stderr
    assert not db_path.exists() or stored(db_path) == []


def test_add_reports_every_faulty_field_on_one_line(db_path: Path) -> None:
    result = run(
        db_path,
        *("members", "add", "--name", " ", "--kind", "individual", "--form", "individual"),
        *("--email", "inte-en-adress", "--joined", "2024-02-30"),
    )

    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "--name: Namn måste fyllas i" in line
    assert "--email: E-postadressen ser inte rätt ut" in line
    assert "--joined: ”2024-02-30”: 30 februari 2024 finns inte i kalendern" in line
    assert line.count("; ") == 2


def _three_members(db_path: Path) -> None:
    add_org(db_path, "Ängby förening", org_number=VALID_ORG)
    add_person(db_path, "zeta Zetterlund")
    add_org(db_path, "Åby ideella", form="networking")
    add_person(db_path, "Émile Eriksson", form="networking")


def test_list_table_sorts_swedish_with_aa_ae_oe_after_z(db_path: Path) -> None:
    _three_members(db_path)
    result = run(db_path, "members", "list")

    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == [
        "Id", "Namn", "Typ", "Medlemsform", "Organisationsnummer", "Medlem", "sedan", "Status"
    ]  # fmt: skip
    names = [row.split("  ")[1].strip() for row in rows]
    assert names == ["Émile Eriksson", "zeta Zetterlund", "Åby ideella", "Ängby förening"]
    assert "Fullt medlemskap" in rows[3] and VALID_ORG in rows[3] and rows[3].endswith("Aktiv")


def test_list_csv_is_semicolon_separated_with_a_swedish_header(db_path: Path) -> None:
    _three_members(db_path)
    result = run(db_path, "members", "list", "--format", "csv")

    assert result.exit_code == 0
    assert not result.stdout.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=";"))
    assert rows[0] == [
        "Id", "Namn", "Typ", "Medlemsform", "Organisationsnummer", "Medlem sedan", "Status"
    ]  # fmt: skip
    assert rows[4] == [
        "1", "Ängby förening", "Organisation", "Fullt medlemskap", VALID_ORG, "2020-01-15", "Aktiv"
    ]  # fmt: skip
    assert len(rows) == 5


def test_list_json_has_english_keys_iso_dates_and_rights(db_path: Path) -> None:
    _three_members(db_path)
    result = run(db_path, "members", "list", "--format", "json")

    members = json.loads(result.stdout)
    assert [m["name"] for m in members][-1] == "Ängby förening"
    angby = members[-1]
    assert angby == {
        "id": 1,
        "name": "Ängby förening",
        "kind": "organisation",
        "form": "full",
        "org_number": VALID_ORG,
        "contact": {"person": "", "email": "", "phone": "", "address": ""},
        "joined": "2020-01-15",
        "ended": None,
        "end_reason": "",
        "erased_on": None,
        "forms": [{"from": "2020-01-15", "form": "full"}],
        "rights": {
            "motion": True,
            "speech": True,
            "proposal": True,
            "vote": True,
            "observer": False,
        },
    }


def test_list_of_an_empty_register_says_so(db_path: Path) -> None:
    add_org(db_path)
    run(db_path, "members", "end", "1", "--date", "2024-01-01")

    assert run(db_path, "members", "list").stdout == "Inga medlemmar.\n"
    assert json.loads(run(db_path, "members", "list", "--format", "json").stdout) == []


def test_edit_form_change_keeps_the_old_form_with_its_date(db_path: Path) -> None:
    add_org(db_path, form="networking", joined="2019-05-01")
    result = run(db_path, "members", "edit", "1", "--form", "full", "--form-from", "2023-01-01")

    assert result.exit_code == 0, result.output
    assert result.stdout == "Sparade medlem 1: Föreningen Bistånd\n"
    [member] = stored(db_path)
    assert member.forms == (
        FormChange(date(2019, 5, 1), MembershipForm.NETWORKING),
        FormChange(date(2023, 1, 1), MembershipForm.FULL),
    )
    assert member.form_on(date(2022, 12, 31)) is MembershipForm.NETWORKING


def test_edit_form_change_without_date_starts_today(db_path: Path) -> None:
    add_org(db_path, form="networking", joined="2019-05-01")
    run(db_path, "members", "edit", "1", "--form", "full")

    [member] = stored(db_path)
    assert member.forms[-1] == FormChange(date.today(), MembershipForm.FULL)


def test_edit_changes_only_the_given_fields(db_path: Path) -> None:
    add_org(db_path, org_number=VALID_ORG, email="gammal@exempel.se")
    result = run(db_path, "members", "edit", "1", "--email", "ny@exempel.se", "--name", "Nytt")

    assert result.exit_code == 0, result.output
    [member] = stored(db_path)
    assert (member.name, member.contact.email) == ("Nytt", "ny@exempel.se")
    assert member.org_number == VALID_ORG
    assert member.forms == (FormChange(date(2020, 1, 15), MembershipForm.FULL),)


def test_edit_with_bad_value_stores_nothing(db_path: Path) -> None:
    add_org(db_path)
    result = run(db_path, "members", "edit", "1", "--org-number", BAD_ORG)

    assert result.exit_code == 1
    assert "--org-number: Kontrollsiffran" in result.stderr
    assert stored(db_path)[0].org_number == ""


def test_edit_form_from_before_joining_names_the_flag(db_path: Path) -> None:
    add_org(db_path, form="networking", joined="2020-01-15")
    result = run(db_path, "members", "edit", "1", "--form", "full", "--form-from", "2019-01-01")

    assert result.exit_code == 1
    assert "--form-from: Formbytet kan inte ligga före inträdet" in result.stderr
    assert stored(db_path)[0].form is MembershipForm.NETWORKING


def test_edit_without_changes_or_with_lone_form_from_is_a_usage_error(db_path: Path) -> None:
    add_org(db_path)

    assert run(db_path, "members", "edit", "1").exit_code == 2
    lone = run(db_path, "members", "edit", "1", "--form-from", "2024-01-01")
    assert lone.exit_code == 2
    assert "--form-from används bara tillsammans med --form" in lone.stderr


def test_end_keeps_the_record_and_list_hides_it_unless_all(db_path: Path) -> None:
    add_org(db_path, "Kvar")
    add_org(db_path, "Slutar")
    result = run(db_path, "members", "end", "2", "--date", "2024-05-01", "--reason", "Utträde")

    assert result.exit_code == 0, result.output
    assert result.stdout == "Avslutade medlemskapet för Slutar per 2024-05-01\n"
    ended = stored(db_path)[1]
    assert (ended.ended, ended.end_reason) == (date(2024, 5, 1), "Utträde")
    assert "Slutar" not in run(db_path, "members", "list").stdout
    listed = run(db_path, "members", "list", "--all").stdout
    assert "Slutar" in listed and "Avslutad 2024-05-01" in listed


def test_list_without_all_shows_members_whose_end_date_has_not_come_yet(db_path: Path) -> None:
    """An end date in the future (or today) is a resignation on its way: still a member."""
    today = date.today()
    add_org(db_path, "Lämnat", joined="2020-01-15")
    add_org(db_path, "Slutar i dag", joined="2020-01-15")
    add_org(db_path, "Slutar nästa år", joined="2020-01-15")
    add_org(db_path, "Stannar", joined="2020-01-15")
    for member_id, day in (
        (1, today - timedelta(days=1)),
        (2, today),
        (3, today.replace(year=today.year + 1, day=1)),
    ):
        ended = run(db_path, "members", "end", str(member_id), "--date", day.isoformat())
        assert ended.exit_code == 0, ended.output

    listed = json.loads(run(db_path, "members", "list", "--format", "json").stdout)
    assert [m["name"] for m in listed] == ["Slutar i dag", "Slutar nästa år", "Stannar"]
    everyone = json.loads(run(db_path, "members", "list", "--all", "--format", "json").stdout)
    assert [m["name"] for m in everyone] == ["Lämnat", "Slutar i dag", "Slutar nästa år", "Stannar"]


def test_end_twice_or_before_joining_is_refused(db_path: Path) -> None:
    add_org(db_path, joined="2020-01-15")

    early = run(db_path, "members", "end", "1", "--date", "2019-12-31")
    assert early.exit_code == 1
    assert "--date: Slutdatum kan inte ligga före inträdet" in early.stderr
    run(db_path, "members", "end", "1", "--date", "2024-01-01")
    again = run(db_path, "members", "end", "1", "--date", "2024-06-01")
    assert again.exit_code == 1
    assert "redan avslutat" in again.stderr
    assert stored(db_path)[0].ended == date(2024, 1, 1)


def test_end_with_bad_date_names_the_flag(db_path: Path) -> None:
    add_org(db_path)
    result = run(db_path, "members", "end", "1", "--date", "31 feb 2024")

    assert result.exit_code == 1
    assert "--date: ”31 feb 2024”: 31 februari 2024 finns inte i kalendern" in result.stderr
    assert stored(db_path)[0].ended is None


def test_end_takes_the_fast_date_entry_like_every_form(db_path: Path) -> None:
    add_org(db_path)
    result = run(db_path, "members", "end", "1", "--date", "1 maj 2024", "--reason", "utträde")

    assert result.exit_code == 0, result.stderr
    assert stored(db_path)[0].ended == date(2024, 5, 1)
    assert stored(db_path)[0].end_reason == "utträde"


def test_show_text_has_fields_form_history_and_rights(db_path: Path) -> None:
    add_org(db_path, form="networking", joined="2019-05-01", org_number=VALID_ORG)
    run(db_path, "members", "edit", "1", "--form", "full", "--form-from", "2023-01-01")
    result = run(db_path, "members", "show", "1")

    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Medlem 1: Föreningen Bistånd\n")
    assert f"Organisationsnummer: {VALID_ORG}" in text
    assert "från 2019-05-01: Nätverkande medlemskap" in text
    assert "från 2023-01-01: Fullt medlemskap" in text
    assert "Rättigheter på årsmötet (Fullt medlemskap):" in text
    assert "Rösträtt: ja" in text


def test_show_json_is_the_member_object(db_path: Path) -> None:
    add_person(db_path, "Eva")
    member = json.loads(run(db_path, "members", "show", "1", "--format", "json").stdout)

    assert member["name"] == "Eva"
    assert member["rights"] == {
        "motion": True,
        "speech": True,
        "proposal": False,
        "vote": False,
        "observer": False,
    }


def test_unknown_id_is_a_store_error(db_path: Path) -> None:
    add_org(db_path)
    for args in (
        ("show", "99"),
        ("edit", "99", "--name", "X"),
        ("end", "99", "--date", "2024-01-01"),
    ):
        result = run(db_path, "members", *args)
        assert isinstance(result.exception, MemberNotFound), args
        assert str(result.exception) == "Det finns ingen medlem med id 99."


def test_reading_commands_do_not_create_a_missing_database(db_path: Path) -> None:
    result = run(db_path, "members", "list")

    assert result.exit_code == 1
    assert "finns inte" in str(result.exception)
    assert not db_path.exists()


def test_figures_counts_new_ended_and_members_at_year_end(db_path: Path) -> None:
    add_org(db_path, "Gammal full", joined="2020-01-01")
    add_org(db_path, "Ny nätverk", form="networking", joined="2023-03-01")
    add_person(db_path, "Ny person", joined="2023-09-01")
    add_org(db_path, "Slutade", joined="2021-01-01")
    run(db_path, "members", "end", "4", "--date", "2023-06-30")
    add_org(db_path, "Bytte form", form="networking", joined="2021-01-01")
    run(db_path, "members", "edit", "5", "--form", "full", "--form-from", "2024-01-01")

    text = run(db_path, "members", "figures", "--year", "2023").stdout
    assert "Nya medlemmar under året: 2" in text
    assert "Avslutade under året: 1" in text
    assert "Medlemmar vid årets slut (2023-12-31): 4" in text

    figures = json.loads(
        run(db_path, "members", "figures", "--year", "2023", "--format", "json").stdout
    )
    assert figures["at_year_end"] == {
        "total": 4,
        "by_kind": {"organisation": 3, "individual": 1},
        "by_form": {"full": 1, "individual": 1, "networking": 2},
        "by_kind_and_form": {
            "organisation": {"full": 1, "networking": 2},
            "individual": {"individual": 1, "networking": 0},
        },
    }
    assert (figures["year"], figures["new"], figures["ended"]) == (2023, 2, 1)


def test_bad_format_choice_and_unknown_option_are_usage_errors(db_path: Path) -> None:
    add_org(db_path)

    assert run(db_path, "members", "list", "--format", "xml").exit_code == 2
    assert run(db_path, "members", "list", "--bogus").exit_code == 2
    assert run(db_path, "members", "figures").exit_code == 2


def test_reopen_undoes_a_mistaken_end_and_refuses_an_active_member(db_path: Path) -> None:
    assert add_org(db_path).exit_code == 0
    assert run(db_path, "members", "end", "1", "--date", "2024-05-31").exit_code == 0
    result = run(db_path, "members", "reopen", "1")
    assert result.exit_code == 0, result.output
    [reopened] = stored(db_path)
    assert reopened.ended is None and reopened.end_reason == ""
    again = run(db_path, "members", "reopen", "1")
    assert again.exit_code == 1
    assert "inte avslutat" in again.output
