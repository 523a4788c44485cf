"""`secretariat activities …`: what is stored and listed, fast dates, and refusals."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretariat_tui.cli import cli
from secretariat_tui.commands import calendar_common
from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from tests.cli.calendar_helpers import empty_database, ok, refused, stored_activities
from tests.cli.helpers import run, run_process


@pytest.fixture
def db(db_path: Path) -> Path:
    return empty_database(db_path)


def add(db: Path, *args: str) -> str:
    return ok(db, "activities", "add", *args)


def board_meeting(db: Path, *extra: str) -> str:
    return add(
        db,
        *("--date", "15 jan 2024", "--title", "Styrelsemöte", "--category", "Styrelse"),
        *extra,
    )


def table_lines(db: Path, *args: str) -> list[list[str]]:
    """The list's rows split on the two spaces between columns, header first."""
    out = ok(db, "activities", "list", *args)
    return [
        [cell.strip() for cell in line.split("  ") if cell.strip()] for line in out.splitlines()
    ]


# --- add -----------------------------------------------------------------------------------------


def test_add_reads_the_fast_date_and_times_and_stores_the_activity(db: Path) -> None:
    out = board_meeting(db, "--start", "18", "--end", "20.30", "--location", "Zoom")

    assert out == "Lade till aktivitet 1: 2024-01-15 Styrelsemöte (styrelse)\n"
    [activity] = stored_activities(db)
    assert activity.when == EnteredDate(date(2024, 1, 15))
    assert (activity.starts_at, activity.ends_at) == (time(18, 0), time(20, 30))
    assert activity.category is Category.BOARD
    assert activity.location == "Zoom"
    assert activity.in_report is True
    assert activity.uid


def test_a_month_only_date_is_stored_with_month_precision_and_noted(db: Path) -> None:
    result = run(
        db, "activities", "add", "--date", "jan 2024", "--title", "Kampanj", "--category", "kampanj"
    )

    assert result.exit_code == 0
    assert result.stdout == "Lade till aktivitet 1: 2024-01 Kampanj (kampanj)\n"
    assert "ICS" in result.stderr
    assert stored_activities(db)[0].when == EnteredDate(date(2024, 1, 1), Precision.MONTH)


def test_add_takes_half_of_a_slashed_category_and_the_not_in_report_flag(db: Path) -> None:
    add(db, "--date", "2024-02-02", "--title", "Kurs", "--category", "Event", "--not-in-report")

    [activity] = stored_activities(db)
    assert activity.category is Category.EVENT
    assert activity.in_report is False


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (
            ("--date", "15 jan 2024", "--start", "18:00", "--end", "17:00"),
            "Error: --end: Sluttiden 17:00 ligger före starttiden 18:00.",
        ),
        (
            ("--date", "jan 2024", "--start", "18:00"),
            "Error: --start: ”januari 2024” är en hel månad; en tid kräver en dag, "
            "t.ex. 15 januari 2024.",
        ),
        (
            ("--date", "31/2 2024"),
            "Error: --date: ”31/2 2024”: 31 februari 2024 finns inte i kalendern.",
        ),
        (
            ("--date", "2024-03-10", "--until", "2024-03-09"),
            "Error: --until: Slutdagen 2024-03-09 ligger före startdagen 2024-03-10.",
        ),
        (
            ("--date", "2024-03-10", "--start", "25"),
            "Error: --start: ”25” är ingen tid: skriv t.ex. 18:00 eller 9.30.",
        ),
    ],
    ids=["end-before-start", "time-on-month", "no-31-feb", "until-before-date", "bad-time"],
)
def test_a_faulty_activity_is_refused_naming_the_flag_and_nothing_is_stored(
    db_path: Path, extra: tuple[str, ...], line: str
) -> None:
    args = ("activities", "add", "--title", "Möte", "--category", "möte", *extra)

    assert refused(db_path, *args) == line
    assert not db_path.exists(), "checked before the database was opened"


def test_an_unknown_category_is_a_usage_error_listing_the_choices(db: Path) -> None:
    line = refused(
        db,
        *("activities", "add", "--date", "2024-01-15", "--title", "X"),
        "--category",
        "fest",
        code=2,
    )

    assert "”fest” är ingen kategori; välj plattformsmöte, styrelse, möte" in line
    assert stored_activities(db) == []


def test_every_faulty_field_is_named_on_the_one_line(db_path: Path) -> None:
    line = refused(
        db_path,
        *("activities", "add", "--date", "31/2 2024", "--title", " ", "--category", "möte"),
    )

    assert line.startswith("Error: --date: ”31/2 2024”")
    assert "; --title: Skriv rubriken" in line


# --- networks as participation -------------------------------------------------------------------


def test_network_is_taken_by_name_or_id_and_an_unknown_one_is_refused(db: Path) -> None:
    ok(db, "networks", "add", "--name", "Concord Sverige")
    board_meeting(db, "--network", "concord")
    board_meeting(db, "--network", "1")

    assert [a.network_id for a in stored_activities(db)] == [1, 1]
    line = refused(
        db,
        *("activities", "add", "--date", "idag", "--title", "X", "--category", "möte"),
        *("--network", "Okänt"),
    )
    assert line == "Error: --network: Inget nätverk heter ”Okänt”."
    assert len(stored_activities(db)) == 2


# --- edit ----------------------------------------------------------------------------------------


def test_edit_changes_only_the_given_flags_and_an_empty_value_clears(db: Path) -> None:
    ok(db, "networks", "add", "--name", "Concord Sverige")
    board_meeting(db, "--start", "18:00", "--location", "Zoom", "--network", "1")
    [before] = stored_activities(db)

    out = ok(db, "activities", "edit", "1", "--title", "Styrelsemöte 1", "--location", "")
    assert out == "Sparade aktivitet 1: 2024-01-15 Styrelsemöte 1 (styrelse)\n"
    ok(db, "activities", "edit", "aktivitet-1", "--network", "", "--start", "")

    [after] = stored_activities(db)
    assert (after.title, after.location, after.network_id) == ("Styrelsemöte 1", "", None)
    assert after.starts_at is None
    assert (after.when, after.category, after.uid) == (before.when, before.category, before.uid)


def test_an_edit_that_breaks_a_rule_stores_nothing(db: Path) -> None:
    board_meeting(db, "--start", "18:00")
    before = stored_activities(db)

    line = refused(db, "activities", "edit", "1", "--date", "feb 2024")
    assert line.startswith("Error: --start: ”februari 2024” är en hel månad")
    assert refused(db, "activities", "edit", "1", "--date", "31/2").startswith("Error: --date: ")
    assert stored_activities(db) == before


def test_edit_without_flags_or_of_an_unknown_id_is_refused(db: Path) -> None:
    board_meeting(db)

    assert "Inget att ändra" in refused(db, "activities", "edit", "1", code=2)
    line = refused(db, "activities", "edit", "9", "--title", "X")
    assert line == "Error: Det finns ingen aktivitet med id 9."


# --- delete --------------------------------------------------------------------------------------


def test_delete_with_yes_removes_the_activity(db: Path) -> None:
    board_meeting(db)

    out = ok(db, "activities", "delete", "1", "--yes")
    assert out == "Tog bort aktivitet 1: 2024-01-15 Styrelsemöte (styrelse)\n"
    assert stored_activities(db) == []


def test_delete_without_yes_and_without_a_terminal_is_refused(db: Path) -> None:
    board_meeting(db)

    line = refused(db, "activities", "delete", "1")
    assert line == (
        "Error: Inget togs bort: ingen terminal att fråga i; ange --yes för att ta bort utan fråga."
    )
    assert len(stored_activities(db)) == 1


@pytest.mark.parametrize(("answer", "left"), [("j\n", 0), ("n\n", 1), ("\n", 1)])
def test_delete_at_a_terminal_asks_in_swedish(
    db: Path, monkeypatch: pytest.MonkeyPatch, answer: str, left: int
) -> None:
    board_meeting(db)
    monkeypatch.setattr(calendar_common, "stdin_is_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["--db", str(db), "activities", "delete", "1"], input=answer)

    assert result.exit_code == 0
    assert "Ta bort aktivitet 1: 2024-01-15 Styrelsemöte (styrelse)? [j/N]" in result.stdout
    assert len(stored_activities(db)) == left


def test_a_submission_key_cannot_be_deleted_as_an_activity(db: Path) -> None:
    board_meeting(db)

    line = refused(db, "activities", "delete", "påverkan-1", "--yes", code=2)
    assert (
        "påverkan-1 är en inlaga, inte en aktivitet; använd secretariat submissions delete 1"
        in line
    )
    assert len(stored_activities(db)) == 1


# --- list ----------------------------------------------------------------------------------------


def a_year(db: Path) -> None:
    """January: a board meeting and a month-only campaign; March: a submission sent and a
    draft; April: the annual meeting; and an activity in 2023 that 2024 must not show."""
    board_meeting(db, "--start", "18:00", "--end", "20:00")
    add(db, "--date", "jan 2024", "--title", "Kampanj", "--category", "kampanj")
    add(db, "--date", "2023-12-01", "--title", "Förra året", "--category", "möte")
    sub = ("submissions", "add", "--kind", "remissvar", "--date", "2024-03-10")
    ok(db, *sub, "--title", "Remissvar om X")
    ok(db, *sub, "--title", "Utkast till Y", "--status", "utkast")
    ok(db, "meeting", "add", "--date", "2024-04-18")


def test_list_shows_the_year_in_calendar_order_with_its_sources(db: Path) -> None:
    a_year(db)

    assert table_lines(db, "--year", "2024") == [
        ["Id", "Datum", "Tid", "Kategori", "Rubrik", "Källa"],
        ["1", "2024-01-15", "18:00–20:00", "Styrelse", "Styrelsemöte", "aktivitet"],
        ["2", "2024-01", "Kampanj", "Kampanj", "aktivitet"],
        ["påverkan-1", "2024-03-10", "Påverkan", "Remissvar om X", "påverkan"],
        ["årsmöte-1", "2024-04-18", "Intern", "Årsmöte", "årsmöte"],
    ]


def test_a_sent_submission_is_listed_exactly_once_and_a_draft_not_at_all(db: Path) -> None:
    a_year(db)

    out = ok(db, "activities", "list", "--year", "2024")
    assert out.count("Remissvar om X") == 1
    assert "Utkast till Y" not in out
    assert [r[0] for r in table_lines(db, "--year", "2024", "--only-activities")] == [
        "Id",
        "1",
        "2",
    ]


@pytest.mark.parametrize("month", ["mars", "mar", "3", "2024-03"])
def test_month_and_category_narrow_the_list(db: Path, month: str) -> None:
    a_year(db)

    rows = table_lines(db, "--year", "2024", "--month", month)
    assert [r[0] for r in rows] == ["Id", "påverkan-1"]
    assert [r[0] for r in table_lines(db, "--year", "2024", "--category", "STYRELSE")] == [
        "Id",
        "1",
    ]


def test_an_empty_period_says_so_and_a_month_outside_the_year_is_refused(db: Path) -> None:
    a_year(db)

    assert ok(db, "activities", "list", "--year", "2024", "--month", "maj") == (
        "Inget i kalendern i maj 2024.\n"
    )
    line = refused(db, "activities", "list", "--year", "2023", "--month", "2024-03")
    assert line == "Error: --month: mars 2024 ligger inte i --year 2023."
    assert "är en dag" in refused(db, "activities", "list", "--month", "15/3")


def test_list_json_and_csv_carry_every_item(db: Path) -> None:
    a_year(db)

    items = json.loads(ok(db, "activities", "list", "--year", "2024", "--format", "json"))
    assert [i["key"] for i in items] == ["aktivitet-1", "aktivitet-2", "påverkan-1", "årsmöte-1"]
    first, month_only = items[0], items[1]
    assert (first["date"], first["start"], first["end"]) == ("2024-01-15", "18:00", "20:00")
    assert (first["source"], first["category"], first["in_report"]) == (
        "aktivitet",
        "styrelse",
        True,
    )
    assert first["uid"] == stored_activities(db)[0].uid
    assert month_only["date"] == "2024-01"
    rows = list(
        csv.reader(
            io.StringIO(ok(db, "activities", "list", "--year", "2024", "--format", "csv")),
            delimiter=";",
        )
    )
    assert rows[0] == [
        "Id",
        "Datum",
        "Tid",
        "Kategori",
        "Rubrik",
        "Plats",
        "Källa",
        "I berättelsen",
    ]
    assert rows[3] == [
        "påverkan-1",
        "2024-03-10",
        "",
        "påverkan",
        "Remissvar om X",
        "",
        "påverkan",
        "ja",
    ]


def test_list_without_year_shows_this_year(db: Path) -> None:
    add(db, "--date", "idag", "--title", "I dag", "--category", "intern")

    [header, row] = table_lines(db)
    assert row[:2] == ["1", date.today().isoformat()]


def test_a_refusal_reaches_the_terminal_as_one_swedish_line(db: Path) -> None:
    result = run_process(
        db, *("activities", "add", "--date", "31/2 2024", "--title", "X", "--category", "möte")
    )

    assert result.returncode == 1
    assert result.stderr == (
        "secretariat: --date: ”31/2 2024”: 31 februari 2024 finns inte i kalendern.\n"
    )
    assert result.stdout == "" and stored_activities(db) == []
