"""A closed terminal window ends the session and frees the database for the next start."""

from __future__ import annotations

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from secretariat_tui.store.database import open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.quit_guard import HANGUPS
from tests.ui.helpers import DEMO


class Terminal:
    """The pty the TUI runs in, read all the time (a full pty would block the program)."""

    def __init__(self) -> None:
        self.master, self.slave = pty.openpty()
        self.seen = bytearray()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while not self._stop.is_set():
            if select.select([self.master], [], [], 0.1)[0]:
                try:
                    self.seen.extend(os.read(self.master, 65536))
                except OSError:
                    return

    def close(self) -> None:
        """The window closes: no read may keep the terminal open behind our back."""
        self._stop.set()
        self._reader.join()
        os.close(self.master)


def start_tui(db: Path) -> tuple[subprocess.Popen[bytes], Terminal]:
    """The TUI on ``db`` in a terminal of its own, drawn at least once."""
    shutil.copyfile(DEMO, db)
    terminal = Terminal()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    program = subprocess.Popen(
        [sys.executable, "-m", "secretariat_tui", "--db", str(db)],
        stdin=terminal.slave,
        stdout=terminal.slave,
        stderr=terminal.slave,
        env=env,
        start_new_session=True,
    )
    os.close(terminal.slave)
    deadline = time.monotonic() + 30
    while "Översikt".encode() not in terminal.seen and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "Översikt".encode() in terminal.seen, "the TUI did not start"
    return program, terminal


def assert_ended_and_unlocked(program: subprocess.Popen[bytes], db: Path) -> None:
    try:
        assert program.wait(timeout=20) == 128 + signal.SIGHUP
    finally:
        if program.poll() is None:
            program.kill()
            program.wait()
    with open_database(db) as again:
        assert again.path == db, "the lock is free: the next start opens the file"


def test_a_hangup_signal_ends_the_session_and_frees_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "kansliet.json"
    program, terminal = start_tui(db)
    program.send_signal(signal.SIGHUP)
    assert_ended_and_unlocked(program, db)
    terminal.close()


def test_a_terminal_gone_without_a_signal_ends_the_session_too(tmp_path: Path) -> None:
    """As when ``make run``'s tmux pane is killed: only the terminal goes, no signal comes."""
    db = tmp_path / "kansliet.json"
    program, terminal = start_tui(db)
    terminal.close()
    assert_ended_and_unlocked(program, db)


async def test_a_tests_app_leaves_the_signals_to_the_test_runner(tmp_path: Path) -> None:
    """A SIGTERM meant for pytest (a CI timeout) must stop pytest, not just the app under test."""
    shutil.copyfile(DEMO, tmp_path / "kansliet.json")
    before = {signum: signal.getsignal(signum) for signum in HANGUPS}
    with open_database(tmp_path / "kansliet.json") as db:
        app = SecretariatApp(db)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert {signum: signal.getsignal(signum) for signum in HANGUPS} == before
