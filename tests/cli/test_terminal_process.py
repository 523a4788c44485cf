"""What a real process prints on a real terminal's encodings, and with arguments not in UTF-8.

In-process tests cannot give the program an argument made of raw latin-1 bytes or a stdout
whose encoding Python chose from the locale; these run ``python -m secretariat_tui``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.helpers import add_org, stored

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.json"


def secretariat(
    db: Path, *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k != "SECRETARIAT_DB"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "secretariat_tui", "--db", str(db), *args],
        capture_output=True,
        env=environment,
        timeout=60,
    )


def test_an_argument_typed_in_a_latin1_terminal_is_refused_naming_the_flag(db_path: Path) -> None:
    add_org(db_path)
    before = db_path.read_bytes()

    done = secretariat(
        db_path, "members", "add", "--name", b"\xd6rebro", "--kind", "organisation",
        "--form", "full", "--joined", "2024-01-15",
    )  # fmt: skip

    assert done.returncode == 2
    assert done.stdout == b""
    stderr = done.stderr.decode("utf-8")
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert "'--name'" in stderr and "UTF-8 (\\xd6)" in stderr
    assert db_path.read_bytes() == before


def test_a_save_on_a_latin1_terminal_says_so_once_and_is_stored_once(db_path: Path) -> None:
    add_org(db_path)

    done = secretariat(
        db_path, "members", "add", "--name", "Ősz ”Zoë”", "--kind", "organisation",
        "--form", "full", "--joined", "2024-01-15",
        env={"PYTHONIOENCODING": "latin-1"},
    )  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("latin-1").startswith("Lade till medlem 2: ?sz ?Zoë?")
    assert [m.name for m in stored(db_path)].count("Ősz ”Zoë”") == 1


def test_an_ascii_locale_and_a_closed_pipe_print_no_traceback(db_path: Path) -> None:
    add_org(db_path, "Föreningen Ängen")
    ascii_run = secretariat(db_path, "members", "list", env={"LC_ALL": "C", "LANG": "C"})
    assert ascii_run.returncode == 0 and "Ängen" in ascii_run.stdout.decode("utf-8")

    piped = subprocess.run(
        f"{sys.executable} -m secretariat_tui --db {db_path} members list --all | head -c 1",
        shell=True,
        capture_output=True,
        timeout=60,
    )
    assert b"Traceback" not in piped.stderr and b"Error" not in piped.stderr


def test_a_control_character_already_stored_is_printed_escaped(tmp_path: Path) -> None:
    document = json.loads(DEMO.read_bytes())
    document["members"]["1"]["name"] = "Evil\x1b[2J\u202eAB"
    db = tmp_path / "db.json"
    db.write_text(json.dumps(document), encoding="utf-8")

    for args in (
        ["members", "list"],
        ["members", "show", "1"],
        ["members", "list", "--format", "csv"],
    ):
        done = secretariat(db, *args)
        assert done.returncode == 0, done.stderr
        assert b"\x1b" not in done.stdout and "\u202e".encode() not in done.stdout
        # click drops an ANSI sequence when stdout is not a terminal; on one it is escaped
        assert b"Evil\\u202eAB" in done.stdout or b"Evil\\x1b[2J\\u202eAB" in done.stdout
