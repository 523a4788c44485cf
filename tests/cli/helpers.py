"""Shared helpers for the command-line tests: run a command, read back what was stored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from secretariat_tui.cli import cli
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.orgnr import luhn_check_digit
from secretariat_tui.store.database import open_database
from secretariat_tui.store.members import MemberRepository

NINE = "802001601"
VALID_ORG = f"{NINE[:6]}-{NINE[6:]}{luhn_check_digit(NINE)}"
BAD_ORG = f"{NINE[:6]}-{NINE[6:]}{(luhn_check_digit(NINE) + 1) % 10}"


def run(db_path: Path, *args: str) -> Result:
    """Invoke the click group in-process; exceptions are kept on the result, not raised."""
    return CliRunner().invoke(cli, ["--db", str(db_path), *args], catch_exceptions=True)


def run_process(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m secretariat_tui`` for real, to see exactly what reaches the terminal."""
    env = {k: v for k, v in os.environ.items() if k != "SECRETARIAT_DB"}
    return subprocess.run(
        [sys.executable, "-m", "secretariat_tui", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def stored(db_path: Path) -> list[Member]:
    with open_database(db_path, create=False) as db:
        return MemberRepository(db).all()


def add_org(db_path: Path, name: str = "Föreningen Bistånd", **extra: str) -> Result:
    args = ["members", "add", "--name", name, "--kind", "organisation"]
    args += ["--form", extra.pop("form", "full"), "--joined", extra.pop("joined", "2020-01-15")]
    for flag, value in extra.items():
        args += [f"--{flag.replace('_', '-')}", value]
    result = run(db_path, *args)
    assert result.exit_code == 0, result.output
    return result


def add_person(
    db_path: Path, name: str, joined: str = "2021-03-01", form: str = "individual"
) -> None:
    result = run(
        db_path,
        *("members", "add", "--name", name, "--kind", "individual"),
        *("--form", form, "--joined", joined),
    )
    assert result.exit_code == 0, result.output


def ok(db_path: Path, *args: str) -> str:
    result = run(db_path, *args)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


def refused(db_path: Path, *args: str, code: int = 1) -> str:
    """The command fails with one error line on stderr and prints nothing; returns the line.

    In-process a usage error (exit 2) comes with click's usage lines, which ``main()`` drops;
    only its ``Error:`` line is kept here.
    """
    result = run(db_path, *args)
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    if code == 2:
        lines = [line for line in lines if line.startswith("Error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]
