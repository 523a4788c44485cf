"""The last line of defence: an error nothing else caught is one line and a private report."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from secretariat_tui import crash
from secretariat_tui.cli import ShownText, command_names
from secretariat_tui.commands import members as members_command
from secretariat_tui.crash import command_words, crash_folder, write_crash_report
from tests.cli.helpers import add_org
from tests.cli.in_process import run_main

SECRET = "Anna Andersson <anna@example.se> 070-123 45 67"


def failing(secret: str = SECRET) -> ValueError:
    """An error whose message, cause and locals all hold personal data."""
    contact = secret  # noqa: F841  (a local a traceback with locals would print)
    try:
        try:
            raise KeyError(secret)
        except KeyError as inner:
            raise ValueError(f"kunde inte läsa {secret}") from inner
    except ValueError as err:
        return err


def test_a_report_says_where_and_what_ran_but_holds_no_message_value_or_local() -> None:
    report = write_crash_report(failing(), where="cli", command="members add --name …")

    assert report is not None and report.parent == crash_folder()
    text = report.read_text(encoding="utf-8")
    assert "Anna" not in text and "example.se" not in text and "070" not in text
    assert "command: members add --name …" in text
    assert "builtins.KeyError" in text and "builtins.ValueError" in text
    assert text.index("KeyError") < text.index("The above caused") < text.index("ValueError")
    assert "in failing" in text and "raise KeyError(secret)" in text
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700


def test_old_reports_are_pruned_so_a_crash_loop_cannot_fill_the_disk() -> None:
    made = [write_crash_report(failing(), where="cli") for _ in range(crash.KEEP + 5)]
    left = sorted(crash_folder().glob("crash-*.txt"))
    assert len(left) == crash.KEEP
    assert made[-1] in left


def test_a_report_that_cannot_be_written_is_none_not_an_error(
    own_data_folder: Path,
) -> None:
    (own_data_folder / "secretariat-tui").write_text("a file where the folder belongs")
    assert write_crash_report(failing(), where="cli") is None


def test_the_command_line_keeps_command_words_and_flags_never_values() -> None:
    words = command_words(
        ["--db", "/home/anna/db.json", "members", "add", "--name=Anna", "--kind", "x", "3"],
        command_names(),
    )
    assert words == "--db … members add --name=… --kind … …"


def test_an_unexpected_error_in_a_command_is_one_line_naming_the_report(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_org(db_path)
    before = db_path.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise failing()

    monkeypatch.setattr(members_command, "create_member", broken)
    ran = run_main(
        "--db", str(db_path), "members", "add", "--name", "Ny", "--kind", "organisation",
        "--form", "full", "--joined", "2024-01-15",
    )  # fmt: skip

    assert ran.code == 1
    assert ran.stdout == "" and "Traceback" not in ran.stderr
    [line] = ran.stderr.splitlines()
    assert line.startswith("secretariat: ett oväntat fel (ValueError) avbröt programmet.")
    assert "Anna" not in line
    [report] = crash_folder().glob("crash-*.txt")
    assert str(report) in line
    assert "command: --db … members add --name … --kind … --form … --joined …" in report.read_text()
    assert db_path.read_bytes() == before


def test_the_terminal_stream_shows_control_characters_instead_of_obeying_them() -> None:
    raw = io.BytesIO()
    stream = ShownText(raw, encoding="latin-1", errors="replace", write_through=True)
    stream.write("Evil\x1b[2J\u202eAB Ő\n")
    assert raw.getvalue() == b"Evil\\x1b[2J\\u202eAB ?\n"
