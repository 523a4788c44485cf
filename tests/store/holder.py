"""Another process holding a database open, as the TUI does, and saving when told to."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Opens the file (taking its lock), says "ready", then adds one member per line it reads and
# says "saved" after each save; closes the file when its stdin ends.
HOLDER = """
import sys
from secretariat_tui.store.database import open_database
from secretariat_tui.store.members import MemberRepository
from tests.factories import make_member

with open_database(sys.argv[1]) as db:
    print("ready", flush=True)
    for line in sys.stdin:
        MemberRepository(db).add(make_member(line.strip()))
        print("saved", flush=True)
"""


@dataclass
class Holder:
    process: subprocess.Popen[str]

    def _answer(self, expected: str) -> None:
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if line != expected:
            self.process.kill()
            _, err = self.process.communicate(timeout=30)
            raise AssertionError(f"holder said {line!r}, not {expected!r}: {err}")

    def add_member(self, name: str) -> None:
        """The holder saves a new member; returns once the save is on disk."""
        assert self.process.stdin is not None
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        self._answer("saved")


@contextmanager
def held_elsewhere(path: Path) -> Iterator[Holder]:
    """``path`` open in another process for the duration of the ``with``."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    holder = Holder(process)
    try:
        holder._answer("ready")
        yield holder
    finally:
        if process.stdin is not None:
            process.stdin.close()
        process.wait(timeout=60)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
