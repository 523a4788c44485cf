"""`secretariat networks …`: memberships, participation counted from activities, refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.networks import NetworkMembership
from tests.cli.calendar_helpers import (
    empty_database,
    ok,
    refused,
    stored_activities,
    stored_networks,
)


@pytest.fixture
def db(db_path: Path) -> Path:
    return empty_database(db_path)


def concord(db: Path, *extra: str) -> str:
    return ok(
        db,
        *("networks", "add", "--name", "Concord  Sverige", "--organiser", "Forum Civ"),
        *("--since", "15 jan 2020", "--role", "medlem", "--meets", "fyra gånger per år"),
        *extra,
    )


def participated(db: Path, day: str, title: str, network: str = "1") -> None:
    ok(
        db,
        *("activities", "add", "--date", day, "--title", title, "--category", "nätverk"),
        *("--network", network),
    )


def test_add_stores_the_membership_with_a_fast_date(db: Path) -> None:
    assert concord(db) == "Lade till nätverk 1: Concord Sverige\n"

    assert stored_networks(db) == [
        NetworkMembership(
            name="Concord Sverige",
            organiser="Forum Civ",
            since=date(2020, 1, 15),
            role="medlem",
            meets="fyra gånger per år",
            id=1,
        )
    ]


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (
            ("--until", "2019-12-31"),
            "Error: --until: Slutet 2019-12-31 ligger före starten 2020-01-15.",
        ),
        (
            ("--until", "dec 2024"),
            "Error: --until: ”dec 2024” är en hel månad; här behövs en dag, t.ex. 15 dec 2024.",
        ),
    ],
    ids=["until-before-since", "month-only-until"],
)
def test_a_faulty_membership_is_refused_and_nothing_is_stored(
    db_path: Path, extra: tuple[str, ...], line: str
) -> None:
    args = ("networks", "add", "--name", "Concord", "--since", "2020-01-15", *extra)

    assert refused(db_path, *args) == line
    assert not db_path.exists(), "checked before the database was opened"


def test_list_counts_the_participation_in_the_year(db: Path) -> None:
    concord(db)
    ok(db, "networks", "add", "--name", "Aktionsgruppen", "--until", "2023-06-30")
    participated(db, "2024-02-05", "Concord årsmöte")
    participated(db, "sep 2024", "Concord höstmöte")
    participated(db, "2023-11-01", "Concord 2023")
    participated(db, "2023-03-01", "Aktionsgruppen träff", network="aktion")

    lines = ok(db, "networks", "list", "--year", "2024").splitlines()
    assert lines[0].split("  ")[0] == "Id"
    assert lines[0].endswith("Deltagande 2024")
    assert lines[1].startswith("2   Aktionsgruppen") and lines[1].endswith(" 0")
    assert "till 2023-06-30" in lines[1]
    assert lines[2].startswith("1   Concord Sverige") and lines[2].endswith(" 2")
    assert "sedan 2020-01-15" in lines[2]
    [_, first] = json.loads(ok(db, "networks", "list", "--year", "2023", "--format", "json"))
    assert (first["name"], first["year"]) == ("Concord Sverige", 2023)
    assert [p["title"] for p in first["participations"]] == ["Concord 2023"]


def test_show_lists_the_fields_and_the_participating_activities(db: Path) -> None:
    concord(db)
    participated(db, "2024-02-05", "Concord årsmöte")
    participated(db, "2023-11-01", "Concord 2023")

    out = ok(db, "networks", "show", "1")
    assert "Nätverk:" in out and "Concord Sverige" in out
    assert "Arrangör:           Forum Civ" in out
    assert "Medlem till:        –" in out
    assert out.endswith(
        "Deltagande (2):\n  2  2023-11-01  Concord 2023\n  1  2024-02-05  Concord årsmöte\n"
    )
    assert ok(db, "networks", "show", "1", "--year", "2025").endswith(
        "Inget deltagande 2025 registrerat.\n"
    )
    shown = json.loads(ok(db, "networks", "show", "1", "--year", "2024", "--format", "json"))
    assert shown["since"] == "2020-01-15" and shown["until"] is None
    assert shown["participations"] == [
        {"id": 1, "date": "2024-02-05", "title": "Concord årsmöte", "category": "nätverk"}
    ]


def test_edit_changes_only_the_given_flags(db: Path) -> None:
    concord(db)

    out = ok(db, "networks", "edit", "1", "--until", "2024-12-31", "--organiser", "")
    assert out == "Sparade nätverk 1: Concord Sverige\n"
    [network] = stored_networks(db)
    assert (network.until, network.organiser, network.role) == (date(2024, 12, 31), "", "medlem")
    assert (
        refused(db, "networks", "edit", "1", "--name", " ")
        == "Error: --name: Ange nätverkets namn."
    )
    assert refused(db, "networks", "edit", "1", "--until", "2019-01-01").startswith(
        "Error: --until: Slutet 2019-01-01"
    )
    assert "Inget att ändra" in refused(db, "networks", "edit", "1", code=2)
    assert stored_networks(db) == [network]


def test_delete_removes_an_unused_network(db: Path) -> None:
    concord(db)

    assert ok(db, "networks", "delete", "1", "--yes") == "Tog bort nätverk 1: Concord Sverige\n"
    assert stored_networks(db) == []
    assert refused(db, "networks", "show", "1") == "Error: Det finns inget nätverk med id 1."


def test_deleting_a_network_an_activity_belongs_to_is_refused(db: Path) -> None:
    concord(db)
    participated(db, "2024-02-05", "Concord årsmöte")

    line = refused(db, "networks", "delete", "1", "--yes")
    assert line.startswith("Error: Nätverket Concord Sverige kan inte tas bort: en aktivitet hör")
    assert len(stored_networks(db)) == 1
    ok(db, "activities", "edit", "1", "--network", "")
    ok(db, "networks", "delete", "1", "--yes")
    assert stored_networks(db) == [] and len(stored_activities(db)) == 1


def test_what_the_network_is_has_its_flag_from_the_declaration(db: Path) -> None:
    concord(db, "--about", "en plattform för svenska organisationer i EU-frågor")
    ok(db, "networks", "edit", "1", "--about", "ett nätverk för biståndsorganisationer")

    [network] = stored_networks(db)
    assert network.about == "ett nätverk för biståndsorganisationer"
    assert "Om nätverket:       ett nätverk för biståndsorganisationer" in ok(
        db, "networks", "show", "1"
    )
    shown = json.loads(ok(db, "networks", "show", "1", "--format", "json"))
    assert shown["about"] == "ett nätverk för biståndsorganisationer"
