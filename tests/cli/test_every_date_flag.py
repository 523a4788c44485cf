"""Every date flag of every command reads the fast entry, the one reader of every date field.

The list of date flags is found by walking the command tree, so a new date flag that is not in
``HOW_TO_RUN`` fails here until it is tried too. Each is given an impossible day in the fast
entry's own form: the refusal must be the fast entry's ("31 februari 2024 finns inte"), one
line, and nothing stored.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from secretariat_tui.cli import cli
from secretariat_tui.commands.lazy import subcommands
from secretariat_tui.domain.fields import Day
from secretariat_tui.domain.registers import ALL_FIELDS
from tests.cli.helpers import run
from tests.ui.helpers import DEMO

DAY_FIELDS = {f.name for f in ALL_FIELDS if isinstance(f.kind, Day)}
VIEW_DAY_FLAGS = {"day", "cutoff", "start", "end"}
"""Date flags that are not a record's field (a view's day, an export's period)."""

# (command, flag) -> the other words the command needs to get as far as reading the date.
HOW_TO_RUN: dict[tuple[str, str], tuple[str, ...]] = {
    ("members add", "--joined"): ("--name", "X", "--kind", "organisation", "--form", "full"),
    ("members edit", "--joined"): ("1",),
    ("members edit", "--form-from"): ("1", "--form", "networking"),
    ("members end", "--date"): ("1",),
    ("payments add", "--date"): ("--member", "1", "--year", "2024", "--amount", "100"),
    ("meeting add", "--date"): (),
    ("meeting roll", "--cutoff"): ("1",),
    ("board show", "--date"): (),
    ("board add", "--starts"): ("--meeting", "1", "--person", "X Y", "--role", "ledamot"),
    ("board end", "--date"): ("1",),
    ("board nominations", "--date"): (),
    ("export ics", "--from"): ("-o", "-"),
    ("export ics", "--to"): ("-o", "-"),
    ("activities add", "--date"): ("--title", "X", "--category", "möte"),
    ("activities edit", "--date"): ("1",),
    ("activities add", "--until"): ("--date", "1/1 2024", "--title", "X", "--category", "möte"),
    ("activities edit", "--until"): ("1",),
    ("networks add", "--since"): ("--name", "X"),
    ("networks edit", "--since"): ("1",),
    ("networks add", "--until"): ("--name", "X"),
    ("networks edit", "--until"): ("1",),
    ("submissions add", "--date"): ("--kind", "rapport", "--title", "X"),
    ("submissions edit", "--date"): ("1",),
}


def date_flags(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    if isinstance(command, click.Group):
        for name, sub in subcommands(command).items():
            yield from date_flags(sub, (*path, name))
        return
    for param in command.params:
        if isinstance(param, click.Option) and param.name in DAY_FIELDS | VIEW_DAY_FLAGS:
            yield " ".join(path), param.opts[-1]


def test_every_date_flag_of_the_command_line_is_tried_here() -> None:
    assert set(date_flags(cli)) == set(HOW_TO_RUN)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    db = tmp_path / "kansliet.json"
    shutil.copyfile(DEMO, db)
    return db


@pytest.mark.parametrize(("command", "flag"), sorted(HOW_TO_RUN))
def test_a_date_flag_refuses_an_impossible_day_as_every_date_field_does(
    demo: Path, command: str, flag: str
) -> None:
    before = demo.read_bytes()
    result = run(demo, *command.split(), *HOW_TO_RUN[command, flag], flag, "31/2 2024")
    assert result.exit_code == 1, result.output
    [line] = result.stderr.splitlines()
    assert flag in line and "31 februari 2024 finns inte i kalendern" in line, line
    assert demo.read_bytes() == before, "nothing stored"


@pytest.mark.parametrize("typed", ["idag", "igår", "imorgon", "15/1", "15 jan", "+3", "-2v"])
def test_a_view_day_takes_every_form_of_the_fast_entry(demo: Path, typed: str) -> None:
    result = run(demo, "board", "show", "--date", typed)
    assert result.exit_code == 0, result.stderr
