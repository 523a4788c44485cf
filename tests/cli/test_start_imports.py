"""The command line starts without the heavy libraries: the TUI (textual), the calendar files
(ics, icalendar), the Word and Excel files (python-docx, openpyxl), the CalDAV client and a
few lighter ones are loaded by the commands that use them, not by every ``secretariat …``
start (issue 18).

Read in a fresh interpreter, so a module another test imported cannot hide a regression.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401

HEAVY = (
    "textual",
    "ics",
    "icalendar",
    "docx",
    "openpyxl",
    "caldav",
    "radicale",
    "keyring",
    "stdnum",
    "filelock",
    "dateutil",
    "zoneinfo",
    "platformdirs",
    "hashlib",
)
"""The last five are light but not free (filelock 4 alone was 25 ms of a 100 ms start):
loaded where used, on Windows (filelock), for a typed date (dateutil), a clock time
(zoneinfo), a default path (platformdirs) or a digest (hashlib)."""

IMPORT_ONLY = """
import json, sys
import secretariat_tui.cli
print(json.dumps(sorted(sys.modules)))
"""

MEMBERS_LIST = """
import json, sys
from click.testing import CliRunner
from secretariat_tui.cli import cli
done = CliRunner().invoke(cli, ["--db", sys.argv[1], "members", "list"])
assert done.exit_code == 0 and "Medlem sedan" in done.output, done.output
print(json.dumps(sorted(sys.modules)))
"""

MEMBERS_COMMANDS = {
    "secretariat_tui.commands",
    "secretariat_tui.commands.common",
    "secretariat_tui.commands.field_options",
    "secretariat_tui.commands.lazy",
    "secretariat_tui.commands.members",
}
"""What ``members list`` needs of the command line: its group and the shared pieces."""


def loaded(probe: str, *args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


def heavy(modules: set[str]) -> list[str]:
    return sorted({m.split(".")[0] for m in modules} & set(HEAVY))


def test_starting_the_command_line_loads_none_of_the_heavy_libraries() -> None:
    modules = loaded(IMPORT_ONLY)
    assert not heavy(modules), heavy(modules)
    commands = {m for m in modules if m.startswith("secretariat_tui.commands.")}
    assert "secretariat_tui.commands.members" not in commands, "the groups load when run"


def test_listing_the_members_loads_only_the_members_commands(tmp_path: Path) -> None:
    modules = loaded(MEMBERS_LIST, str(copy_of_demo(tmp_path)))
    assert not heavy(modules), heavy(modules)
    commands = {m for m in modules if m.startswith("secretariat_tui.commands")}
    assert commands == MEMBERS_COMMANDS, sorted(commands ^ MEMBERS_COMMANDS)
