"""Every command with ``-o``: the database's own files are refused by real path, an existing
file is replaced only with ``--force``, and a refusal writes nothing at all.

The commands are found by walking the click tree, so a new command with ``-o`` fails here
until it has its arguments in ``ARGS`` (and with them, these checks).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import click
import pytest

from secretariat_tui.cli import cli
from secretariat_tui.commands.lazy import subcommands
from secretariat_tui.store.lock import lock_path
from tests.cli.helpers import ok, refused, run
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401

# Command path -> the arguments it needs besides -o, chosen so that it has something to write.
ARGS: dict[str, tuple[str, ...]] = {
    "members export": (),
    "members extract": ("1",),
    "payments export": (),
    "fees unpaid": ("--year", "2024"),
    "export ics": ("--year", "2024"),
    "export report": ("--year", "2024", "--format", "txt"),
    "export month": ("--month", "2024-05"),
}


def commands_with_output(group: click.Group, prefix: str = "") -> list[str]:
    found = []
    for name, command in sorted(subcommands(group).items()):
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            found += commands_with_output(command, f"{path} ")
        elif any(p.name == "output" for p in command.params):
            found.append(path)
    return found


def test_every_command_with_o_is_checked_here_and_takes_force() -> None:
    assert sorted(commands_with_output(cli)) == sorted(ARGS)
    for path in ARGS:
        command = cli
        for part in path.split():
            assert isinstance(command, click.Group)
            command = subcommands(command)[part]  # type: ignore[assignment]
        assert "--force" in {opt for p in command.params for opt in getattr(p, "opts", [])}


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return copy_of_demo(folder)


def args_for(command: str, target: Path | str, *more: str) -> tuple[str, ...]:
    return (*command.split(), *ARGS[command], "-o", str(target), *more)


def backup_in(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    backup = folder / "demo-copy-20240101T000000.json"
    backup.write_bytes(b'{"old": true}')
    return backup


# How to reach the database's own files (and other places no file may go), and the refusal.
Target = Callable[[Path], Path]
REFUSED: dict[str, tuple[Target, str]] = {
    "a way round to the database": (
        lambda db: _folder(db.parent / "sub") / ".." / db.name,
        "är databasen själv",
    ),
    "a symbolic link to the database": (
        lambda db: _link(db.parent.parent / "länk.csv", db, os.symlink),
        "är databasen själv",
    ),
    "a hard link to the database": (
        lambda db: _link(db.parent.parent / "hård.csv", db, os.link),
        "är databasen själv",
    ),
    "the lock file": (lambda db: lock_path(db), "är databasens låsfil"),
    "a backup in <stem>.backups": (
        lambda db: backup_in(db.with_name("demo-copy.backups")),
        "mapp för säkerhetskopior",
    ),
    "a new file in <name>.backups": (
        lambda db: backup_in(db.with_name("demo-copy.json.backups")).with_name("ny.csv"),
        "mapp för säkerhetskopior",
    ),
    "a folder": (lambda db: db.parent, "är en mapp"),
    "a missing folder": (lambda db: db.parent / "saknas" / "ut.csv", "finns inte"),
}


def _folder(folder: Path) -> Path:
    folder.mkdir()
    return folder


def _link(link: Path, to: Path, make: Callable[[Path, Path], None]) -> Path:
    make(to, link)
    return link


def files_beside(db: Path) -> dict[Path, bytes]:
    """Every file in the database's folder and below, with its bytes."""
    return {p: p.read_bytes() for p in sorted(db.parent.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", list(REFUSED))
@pytest.mark.parametrize("command", list(ARGS))
def test_the_databases_own_files_are_refused_and_nothing_is_written(
    demo: Path, command: str, case: str
) -> None:
    make_target, message = REFUSED[case]
    target = make_target(demo)
    before = files_beside(demo)
    line = refused(demo, *args_for(command, target, "--force"))
    assert message in line
    assert line.endswith("Inget skrevs.")
    assert files_beside(demo) == before, "the database, its lock and backups are unchanged"


@pytest.mark.parametrize("command", list(ARGS))
def test_an_existing_file_is_replaced_only_with_force(
    demo: Path, tmp_path: Path, command: str
) -> None:
    target = tmp_path / "finns.txt"
    target.write_bytes(b"keep me")
    line = refused(demo, *args_for(command, target))
    assert line == (
        f"Error: Filen {target} finns redan; inget skrevs. Välj ett annat namn, "
        "eller ersätt filen med --force."
    )
    assert target.read_bytes() == b"keep me"

    assert ok(demo, *args_for(command, target, "--force")).endswith(f" till {target}.\n")
    assert target.read_bytes() != b"keep me"
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_refusal_comes_before_any_work(tmp_path: Path) -> None:
    """No database is opened (or created) and nothing rendered when the file is refused."""
    target = tmp_path / "finns.csv"
    target.write_bytes(b"keep me")
    missing = tmp_path / "ingen.json"
    assert "finns redan" in refused(missing, "members", "export", "-o", str(target))
    assert "finns redan" in refused(
        missing, "export", "report", "--year", "2024", "--format", "docx", "-o", str(target)
    )
    assert not missing.exists()


def test_a_linked_output_file_is_written_through_and_stays_a_link(
    demo: Path, tmp_path: Path
) -> None:
    real = tmp_path / "delad.csv"
    real.write_bytes(b"old")
    link = tmp_path / "medlemmar.csv"
    link.symlink_to(real)
    ok(demo, "members", "export", "-o", str(link), "--force")
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"\xef\xbb\xbfNamn;")


def test_standard_out_is_not_a_file(demo: Path) -> None:
    result = run(demo, "members", "export", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbfNamn;")


@pytest.mark.parametrize(
    ("command", "fmt", "name"),
    [
        ("members export", "csv", "medlemmar.xlsx"),
        ("payments export", "xlsx", "betalningar.csv"),
        ("export report", "docx", "utkast.txt"),
    ],
)
def test_a_format_that_contradicts_the_file_name_is_refused_by_every_command(
    demo: Path, tmp_path: Path, command: str, fmt: str, name: str
) -> None:
    """One rule in commands/output.py: a name must not say another format than the file's."""
    target = tmp_path / name
    extra = ("--year", "2024") if command == "export report" else ()
    line = refused(demo, *command.split(), *extra, "--format", fmt, "-o", str(target))
    assert f"--format {fmt} passar inte filnamnet {target}" in line
    assert not target.exists()


def test_without_format_a_workbook_name_still_means_a_workbook(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "medlemmar.xlsx"
    run(demo, "members", "export", "-o", str(target))
    assert target.read_bytes().startswith(b"PK")
