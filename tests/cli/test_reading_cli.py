"""Commands that only read work while the TUI has the file open, and on a write-protected file;
commands that write are refused. Problems that do not stop reading are ``Obs:`` lines.

The TUI is played by another process holding the file open (tests/store/holder.py).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from secretariat_tui.store.atomic import temp_name
from secretariat_tui.store.backups import backup_dir, list_backups
from tests.cli.helpers import ok, run, run_process, stored
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)
from tests.store.holder import held_elsewhere

# Every command that only reads, with what it needs to succeed on the demo data. {out} is a
# folder for the files the exporting ones write.
READING = [
    ("members", "list"),
    ("members", "show", "1"),
    ("members", "figures", "--year", "2025"),
    ("members", "export", "-o", "{out}/medlemmar.csv"),
    ("fees", "schedule"),
    ("fees", "status", "--year", "2025"),
    ("fees", "unpaid", "--year", "2025"),
    ("fees", "figures", "--year", "2025"),
    ("payments", "list"),
    ("payments", "export", "-o", "{out}/betalningar.csv"),
    ("meeting", "list"),
    ("meeting", "roll", "1", "--cutoff", "2023-04-01", "--fee-year", "2023"),
    ("board", "show", "--date", "2025-06-01"),
    ("board", "paragraph", "--year", "2025"),
    ("board", "nominations", "--date", "2025-06-01"),
    ("activities", "list", "--year", "2025"),
    ("networks", "list"),
    ("networks", "show", "1"),
    ("submissions", "list", "--year", "2025"),
    ("export", "ics", "--year", "2025", "-o", "{out}/kalender.ics"),
    ("export", "report", "--year", "2025", "-o", "{out}/berattelse.md"),
    ("export", "month", "--month", "2025-05", "-o", "{out}/maj.md"),
]

WRITING = [
    (
        "members",
        "add",
        "--name",
        "Ny",
        "--kind",
        "organisation",
        "--form",
        "full",
        "--joined",
        "2025-01-01",
    ),
    ("members", "end", "1", "--date", "2025-12-31"),
    ("fees", "set", "--year", "2026", "--form", "full", "--amount", "900"),
    ("payments", "add", "--member", "1", "--year", "2025", "--amount", "100"),
    ("meeting", "add", "--date", "2026-04-20"),
    ("networks", "add", "--name", "Nytt nätverk"),
]


def words(command: tuple[str, ...]) -> str:
    return " ".join(command[:2])


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_of_demo(tmp_path)


def filled(command: tuple[str, ...], out: Path) -> list[str]:
    return [arg.format(out=out) for arg in command]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- while the TUI has the file open ------------------------------------------------------------


def test_members_list_shows_the_last_save_of_the_open_tui(demo: Path) -> None:
    with held_elsewhere(demo) as tui:
        tui.add_member("Sparad i fönstret")
        result = run_process(demo, "members", "list", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Sparad i fönstret" in result.stdout
    assert result.stderr == (
        f"Obs: Databasen {demo} är öppen i ett annat fönster eller program: "
        "här visas det senast sparade.\n"
    )


@pytest.mark.parametrize("command", READING, ids=words)
def test_every_reading_command_works_while_the_tui_has_the_file(
    demo: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    with held_elsewhere(demo):
        before = demo.read_bytes()
        backups_before = list_backups(demo)
        result = run(demo, *filled(command, tmp_path))
        assert demo.read_bytes() == before
        assert list_backups(demo) == backups_before
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    assert result.stderr.count("öppen i ett annat fönster") == 1
    assert "redan öppen" not in result.stderr


def test_show_and_exports_read_what_the_tui_saved_last(demo: Path, tmp_path: Path) -> None:
    with held_elsewhere(demo) as tui:
        tui.add_member("Sparad i fönstret")
        shown = run(demo, "members", "show", "31")
        exported = run(demo, "members", "export", "-o", str(tmp_path / "medlemmar.csv"))
        figures = run(demo, "members", "figures", "--year", "2025", "--format", "json")
        calendar = run(demo, "export", "ics", "--year", "2025", "-o", str(tmp_path / "k.ics"))
    assert shown.exit_code == 0 and "Sparad i fönstret" in shown.stdout
    assert exported.exit_code == 0
    assert "Sparad i fönstret" in (tmp_path / "medlemmar.csv").read_text(encoding="utf-8-sig")
    assert figures.exit_code == 0 and '"new"' in figures.stdout
    assert calendar.exit_code == 0
    assert (tmp_path / "k.ics").read_text().startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("command", WRITING, ids=words)
def test_every_writing_command_is_refused_while_the_tui_has_the_file(
    demo: Path, command: tuple[str, ...]
) -> None:
    with held_elsewhere(demo):
        before = demo.read_bytes()
        result = run_process(demo, *command)
        assert demo.read_bytes() == before
    assert result.returncode == 1 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"secretariat: Databasen {demo} är redan öppen")


def test_a_reading_command_leaves_the_tuis_save_in_progress_alone(demo: Path) -> None:
    with held_elsewhere(demo):
        in_flight = demo.with_name(f"{temp_name(demo)}4242-cafe")
        in_flight.write_bytes(b"the TUI's save, half written")
        ok(demo, "members", "list")
        assert in_flight.read_bytes() == b"the TUI's save, half written"


# --- a write-protected file ---------------------------------------------------------------------


def test_a_write_protected_file_is_read_with_a_notice_and_writes_fail(demo: Path) -> None:
    os.chmod(demo, 0o400)
    before = demo.read_bytes()

    listed = run_process(demo, "members", "list")
    added = run_process(
        demo,
        *("members", "add", "--name", "Ny", "--kind", "organisation"),
        *("--form", "full", "--joined", "2025-01-01"),
    )

    assert listed.returncode == 0 and "Föreningen" in listed.stdout
    assert "skrivskyddad" in listed.stderr and listed.stderr.startswith("Obs: ")
    assert added.returncode == 1 and added.stdout == ""
    [error] = [line for line in added.stderr.splitlines() if not line.startswith("Obs: ")]
    assert error.startswith(f"secretariat: Inget sparades: databasen {demo} är skrivskyddad")
    assert "Traceback" not in added.stderr
    assert demo.read_bytes() == before
    assert mode(demo) == 0o400


# --- an unwritable backups folder ---------------------------------------------------------------


def test_an_unwritable_backups_folder_is_a_notice_naming_it(demo: Path) -> None:
    folder = backup_dir(demo)
    folder.write_bytes(b"a file where the folder should be")

    listed = run_process(demo, "members", "list")
    added = run(
        demo,
        *("members", "add", "--name", "Ny förening", "--kind", "organisation"),
        *("--form", "full", "--joined", "2025-01-01"),
    )

    assert listed.returncode == 0 and "Föreningen" in listed.stdout
    assert listed.stderr.startswith(f"Obs: Ingen säkerhetskopia kunde göras i {folder}: ")
    assert len(listed.stderr.splitlines()) == 1
    assert added.exit_code == 0, added.stderr
    assert f"Obs: Ingen säkerhetskopia kunde göras i {folder}" in added.stderr
    assert "Ny förening" in [m.name for m in stored(demo)]
