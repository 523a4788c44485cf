"""A closed terminal window ends the session and frees the database for the next start."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from secretariat_tui.store.database import open_database
from tests.ui.helpers import DEMO


def drain(master: int, seen: bytearray) -> None:
    """Read what the program draws (a full pty would block it), until the pty closes."""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.extend(chunk)


def test_closing_the_terminal_ends_the_session_and_frees_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "kansliet.json"
    shutil.copyfile(DEMO, db)
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    program = subprocess.Popen(
        [sys.executable, "-m", "secretariat_tui", "--db", str(db)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    seen = bytearray()
    threading.Thread(target=drain, args=(master, seen), daemon=True).start()
    try:
        deadline = time.monotonic() + 30
        while "Översikt".encode() not in seen and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Översikt".encode() in seen, "the TUI did not start"
        program.send_signal(signal.SIGHUP)
        assert program.wait(timeout=20) == 128 + signal.SIGHUP
    finally:
        if program.poll() is None:
            program.kill()
            program.wait()
        os.close(master)
    with open_database(db) as again:
        assert again.path == db, "the lock is free: the next start opens the file"
