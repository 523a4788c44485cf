"""`python -m secretariat_tui members …` as a real process: exit codes and one-line errors.

In-process tests cannot see what ``main()`` prints, so these pin the promise that a user never
gets a traceback, only one ``secretariat: …`` line on stderr and a meaningful exit code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from secretariat_tui.store.database import open_database
from tests.cli.helpers import BAD_ORG, add_org, run_process, stored


def assert_one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("secretariat: ")
    return lines[0]


def test_add_and_list_work_end_to_end(db_path: Path) -> None:
    added = run_process(
        db_path,
        *("members", "add", "--name", "Östra föreningen", "--kind", "organisation"),
        *("--form", "full", "--joined", "2024-01-01"),
    )
    assert added.returncode == 0
    assert added.stderr == f"Obs: skapade en ny, tom databas {db_path}.\n"
    assert added.stdout == "Lade till medlem 1: Östra föreningen\n"

    listed = run_process(db_path, "members", "list", "--format", "csv")
    assert listed.returncode == 0
    assert "1;Östra föreningen;Organisation;Fullt medlemskap;;2024-01-01;Aktiv" in listed.stdout


def test_bad_org_number_is_one_line_exit_1_and_nothing_stored(db_path: Path) -> None:
    result = run_process(
        db_path,
        *("members", "add", "--name", "Ny", "--kind", "organisation", "--form", "full"),
        *("--org-number", BAD_ORG, "--joined", "2024-01-01"),
    )

    assert result.returncode == 1
    line = assert_one_error_line(result.stderr)
    assert line.startswith("secretariat: --org-number: Kontrollsiffran stämmer inte: ")
    assert result.stdout == ""
    assert not db_path.exists() or stored(db_path) == []


def test_unknown_id_is_one_line_exit_1(db_path: Path) -> None:
    add_org(db_path)
    result = run_process(db_path, "members", "show", "99")

    assert result.returncode == 1
    assert assert_one_error_line(result.stderr) == "secretariat: Det finns ingen medlem med id 99."


@pytest.mark.parametrize(
    "args",
    [
        ("members", "list", "--format", "xml"),
        ("members", "list", "--bogus"),
        ("members", "show", "ett"),
        ("members", "bogus"),
        ("members", "figures"),
        # click 8.2+ lists the choices of a missing Choice option on several lines.
        ("members", "add", "--name", "X"),
        ("members", "add", "--name", "X", "--kind", "organisation", "--form", "full"),
        ("members", "edit", "1"),
    ],
    ids=lambda args: " ".join(args[1:]),
)
def test_usage_errors_are_one_line_exit_2(db_path: Path, args: tuple[str, ...]) -> None:
    add_org(db_path)
    result = run_process(db_path, *args)

    assert result.returncode == 2
    assert_one_error_line(result.stderr)


def test_missing_required_option_names_it(db_path: Path) -> None:
    result = run_process(db_path, "members", "add", "--name", "X", "--kind", "individual")

    line = assert_one_error_line(result.stderr)
    assert "--form" in line and "full, individual, networking" in line
    assert not db_path.exists()


def test_a_write_to_a_locked_database_is_one_line_exit_1(db_path: Path) -> None:
    """Reading commands read the last saved state (tests/cli/test_reading_cli.py); writes wait."""
    add_org(db_path)
    with open_database(db_path):
        result = run_process(db_path, "members", "end", "1", "--date", "2024-12-31")

    assert result.returncode == 1
    assert "redan öppen" in assert_one_error_line(result.stderr)
    assert result.stdout == ""
    assert stored(db_path)[0].ended is None


def test_a_new_database_file_is_announced_so_a_mistyped_path_is_noticed(tmp_path: Path) -> None:
    db = tmp_path / "felstavad.json"
    first = run_process(
        db,
        "members",
        "add",
        "--name",
        "A",
        "--kind",
        "organisation",
        "--form",
        "full",
        "--joined",
        "2024-01-01",
    )
    assert first.returncode == 0
    assert first.stderr.strip() == f"Obs: skapade en ny, tom databas {db}."
    second = run_process(db, "members", "list")
    assert second.returncode == 0 and second.stderr == ""
