"""No CSV the command line writes carries a formula Excel would run.

A register whose every text field that reaches a CSV starts like a formula (a member named
``=HYPERLINK(…)``, a contact ``+cmd|' /C calc'!A0``, ``@SUM(1)``, ``-2+3`` …) is written out
by every command that has ``--format csv`` (found by walking the click tree, so a new one is
covered without being listed) and by the two Excel exports. Every cell is checked.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click
import pytest

from secretariat_tui.cli import cli
from secretariat_tui.commands.lazy import subcommands
from tests.cli.helpers import run, stored

HYPERLINK = '=HYPERLINK("http://x","y")'
CMD = "+cmd|' /C calc'!A0"
SUM = "@SUM(1)"
SIGNS = "-2+3"
RUNNABLE = ("=", "+", "-", "@", "\t", "\r")

YEAR = "2024"
# A required argument of a command with --format csv, by command path and parameter name.
ARGUMENTS = {("meeting roll", "meeting_id"): "1"}


def ok(db: Path, *args: str) -> None:
    result = run(db, *args)
    assert result.exit_code == 0, (args, result.output, result.exception)


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every text field a CSV shows, typed in through the CLI (its checks apply)."""
    db = tmp_path_factory.mktemp("formulas") / "kansliet.json"
    org = ("--kind", "organisation", "--form", "full", "--joined", "2020-01-15")
    ok(
        db,
        "members",
        "add",
        "--name",
        HYPERLINK,
        *org,
        "--contact",
        CMD,
        "--email",
        "=x@example.se",
        "--phone",
        "+46 70 123 45 67",
        "--address",
        SUM,
    )
    ok(
        db,
        "members",
        "add",
        "--name",
        SUM,
        *org,
        "--contact",
        SIGNS,
        "--email",
        "+y@example.se",
        "--phone",
        "-46 70 123 45 67",
        "--address",
        HYPERLINK,
    )
    ok(
        db,
        "members",
        "add",
        "--name",
        SIGNS,
        "--kind",
        "individual",
        "--form",
        "individual",
        "--joined",
        "2020-01-15",
        "--contact",
        "@kontakt",
    )
    ok(db, "members", "add", "--name", CMD, *org)
    ok(db, "members", "end", "4", "--date", "2024-12-31", "--reason", HYPERLINK)
    for form, amount in (("full", "1500"), ("individual", "500"), ("networking", "500")):
        ok(db, "fees", "set", "--year", YEAR, "--form", form, "--amount", amount)
    ok(
        db,
        "payments",
        "add",
        "--member",
        "1",
        "--year",
        YEAR,
        "--amount",
        "1500",
        "--date",
        "2024-02-01",
        "--reference",
        CMD,
        "--note",
        SIGNS,
    )
    ok(
        db,
        "payments",
        "add",
        "--member",
        "2",
        "--year",
        YEAR,
        "--amount",
        "100",
        "--date",
        "2024-02-02",
        "--reference",
        SUM,
        "--note",
        HYPERLINK,
    )
    ok(db, "meeting", "add", "--date", "2024-04-18", "--notes", HYPERLINK)
    ok(db, "meeting", "delegate", "1", "--member", "1", "--delegate", SIGNS, "--present")
    ok(
        db,
        "networks",
        "add",
        "--name",
        HYPERLINK,
        "--organiser",
        CMD,
        "--role",
        SUM,
        "--meets",
        SIGNS,
        "--contact",
        SUM,
        "--notes",
        CMD,
        "--since",
        "2020-01-01",
    )
    ok(
        db,
        "activities",
        "add",
        "--date",
        "2024-05-14",
        "--title",
        HYPERLINK,
        "--category",
        "möte",
        "--location",
        CMD,
        "--participants",
        SUM,
        "--notes",
        SIGNS,
        "--network",
        "1",
    )
    ok(
        db,
        "activities",
        "add",
        "--date",
        "2024-06-03",
        "--title",
        SIGNS,
        "--category",
        "media",
        "--location",
        SUM,
    )
    ok(
        db,
        "submissions",
        "add",
        "--kind",
        "remissvar",
        "--title",
        CMD,
        "--date",
        "2024-03-01",
        "--recipient",
        HYPERLINK,
        "--reference",
        SIGNS,
        "--notes",
        SUM,
        "--co-signer",
        "1",
    )
    ok(
        db,
        "submissions",
        "add",
        "--kind",
        "rapport",
        "--title",
        SUM,
        "--date",
        "2024-09-01",
        "--recipient",
        SIGNS,
        "--status",
        "publicerad",
    )
    ok(db, "settings", "set", "name", "Plattformen")
    ok(db, "settings", "set", "bankgiro", "5402-9681")
    ok(db, "fees", "invoice", "--year", YEAR, "-o", str(db.parent / "fakturor"))
    return db


EXCEL_EXPORTS = ("members export", "payments export")


def csv_commands(group: click.Group = cli, prefix: str = "") -> dict[str, click.Command]:
    """Every command with a ``--format`` that offers csv, by its path (``fees unpaid``)."""
    found: dict[str, click.Command] = {}
    for name, command in sorted(subcommands(group).items()):
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            found |= csv_commands(command, f"{path} ")
        elif path in EXCEL_EXPORTS:
            continue  # the file form (BOM, CRLF) also to standard out: tested below
        elif any(
            "--format" in getattr(p, "opts", ()) and "csv" in getattr(p.type, "choices", ())
            for p in command.params
        ):
            found[path] = command
    return found


def arguments(path: str, command: click.Command) -> list[str]:
    """Everything the command needs to show the whole register of the year, as CSV."""
    args = path.split()
    for param in command.params:
        if isinstance(param, click.Argument):
            assert (path, param.name) in ARGUMENTS, f"add a value for {path} {param.name}"
            args.append(ARGUMENTS[(path, param.name or "")])
        elif param.name == "year":
            args += ["--year", YEAR]
        elif param.name == "all":
            args.append("--all")
    return [*args, "--format", "csv"]


def cells(text: str) -> list[str]:
    return [
        cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for cell in row
    ]


def assert_guarded(text: str) -> None:
    every = cells(text)
    unguarded = [cell for cell in every if cell.startswith(RUNNABLE)]
    assert unguarded == [], "a cell Excel would run as a formula"
    guarded = [cell for cell in every if cell.startswith("'") and cell[1:].startswith(RUNNABLE)]
    assert guarded, "the register's formula-like text reached this CSV (else nothing is tested)"


def test_the_walk_finds_the_listings_and_the_reminder_and_the_roll() -> None:
    assert {"members list", "fees unpaid", "meeting roll", "activities list"} <= set(csv_commands())


@pytest.mark.parametrize("path", sorted(csv_commands()))
def test_every_format_csv_listing_guards_every_cell(register: Path, path: str) -> None:
    result = run(register, *arguments(path, csv_commands()[path]))
    assert result.exit_code == 0, (result.output, result.exception)
    assert not result.stdout.startswith("\ufeff")
    assert "\r" not in result.stdout  # standard out: LF
    assert_guarded(result.stdout)


@pytest.mark.parametrize("command", [("members", "export"), ("payments", "export")])
def test_the_excel_exports_guard_every_cell(
    register: Path, tmp_path: Path, command: tuple[str, str]
) -> None:
    target = tmp_path / "ut.csv"
    ok(register, *command, "-o", str(target))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert_guarded(data.decode("utf-8").removeprefix("\ufeff"))


def test_the_guarded_export_reads_back_exactly(register: Path, tmp_path: Path) -> None:
    """The mark is taken off again on import: the names come back as they were typed."""
    target = tmp_path / "medlemmar.csv"
    ok(register, "members", "export", "-o", str(target))
    again = tmp_path / "ny.json"
    ok(again, "members", "import", str(target))
    assert sorted(m.name for m in stored(again)) == sorted([HYPERLINK, CMD, SUM, SIGNS])
    assert {m.contact.person for m in stored(again)} == {CMD, SIGNS, "@kontakt", ""}
