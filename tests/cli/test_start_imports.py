"""The command line starts without the heavy writers: python-docx, openpyxl and the CalDAV
client are loaded by the commands that use them, not by every ``secretariat …`` start.

Read in a fresh interpreter, so a module another test imported cannot hide a regression.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("docx", "openpyxl", "caldav", "radicale", "keyring")

PROBE = """
import json, sys
import secretariat_tui.cli
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_starting_the_command_line_loads_none_of_the_heavy_libraries() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(done.stdout))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
