"""Copying finds a clipboard it can confirm and says where the text went.

The clipboard programs here are small real scripts on a PATH of their own that record what
they were given, so the text really goes through a process's stdin; tmux is a real tmux
server on a socket of the test's own (skipped where tmux is not installed).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App

from secretariat_tui.ui import clipboard
from secretariat_tui.ui.clipboard import (
    Copied,
    clipboard_programs,
    copy_outside,
    copy_to_system,
    copy_to_tmux,
    program_input,
    screen_osc52,
)

TEXT = "Åsa Öberg <asa@exempel.se>; kansli@förening.se"
CAT, SLEEP = shutil.which("cat"), shutil.which("sleep")


class FakePath:
    """A folder of clipboard programs that write their arguments and stdin to ``record``."""

    def __init__(self, folder: Path) -> None:
        self.bin, self.record = folder / "bin", folder / "record"
        self.bin.mkdir()
        self.record.mkdir()

    def add(self, name: str, *, exit_code: int = 0, sleep: float = 0) -> None:
        script = self.bin / name
        wait = f"{SLEEP} {sleep}\n" if sleep else ""
        script.write_text(
            "#!/bin/sh\n"
            f"{wait}"
            f'echo "$@" > "{self.record}/{name}.args"\n'
            f'{CAT} > "{self.record}/{name}.in"\n'
            f"exit {exit_code}\n"
        )
        script.chmod(0o755)

    def received(self, name: str) -> bytes | None:
        path = self.record / f"{name}.in"
        return path.read_bytes() if path.exists() else None

    def arguments(self, name: str) -> str:
        return (self.record / f"{name}.args").read_text().strip()

    def env(self, **extra: str) -> dict[str, str]:
        return {"PATH": str(self.bin), **extra}


@pytest.fixture
def fake(tmp_path: Path) -> FakePath:
    return FakePath(tmp_path)


def names(env: dict[str, str]) -> list[str]:
    return [Path(argv[0]).name for argv in clipboard_programs(env)]


# --- choosing a program ------------------------------------------------------------------------


def test_programs_are_tried_wayland_then_x11_then_macos_then_windows(fake: FakePath) -> None:
    for name in ("wl-copy", "xclip", "xsel", "pbcopy", "clip.exe"):
        fake.add(name)

    both = fake.env(WAYLAND_DISPLAY="wayland-0", DISPLAY=":0")
    assert names(both) == ["wl-copy", "xclip", "xsel", "pbcopy", "clip.exe"]
    assert names(fake.env()) == ["pbcopy", "clip.exe"]  # no display: xclip would only fail


def test_a_program_missing_from_path_is_not_tried(fake: FakePath) -> None:
    fake.add("xsel")
    assert names(fake.env(DISPLAY=":0")) == ["xsel"]
    assert names({"PATH": "", "DISPLAY": ":0"}) == []


def test_the_first_program_that_exits_0_takes_the_text_on_stdin(fake: FakePath) -> None:
    fake.add("wl-copy", exit_code=1)  # no compositor after all
    fake.add("xclip")
    fake.add("xsel")

    took = copy_to_system(TEXT, fake.env(WAYLAND_DISPLAY="wayland-0", DISPLAY=":0"))

    assert took == "xclip"
    assert fake.received("xclip") == TEXT.encode("utf-8")
    assert fake.arguments("xclip") == "-selection clipboard"
    assert fake.received("xsel") is None


def test_clip_exe_is_given_utf16_with_a_byte_order_mark(fake: FakePath) -> None:
    fake.add("clip.exe")

    assert copy_to_system(TEXT, fake.env()) == "clip.exe"
    assert fake.received("clip.exe") == b"\xff\xfe" + TEXT.encode("utf-16-le")
    assert program_input(["/usr/bin/pbcopy"], TEXT) == TEXT.encode("utf-8")


def test_a_program_that_hangs_is_given_up_after_the_timeout(
    fake: FakePath, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "TIMEOUT", 0.3)
    fake.add("pbcopy", sleep=5)

    started = time.monotonic()
    assert copy_to_system(TEXT, fake.env()) is None
    assert time.monotonic() - started < 3


def test_no_program_means_none(fake: FakePath) -> None:
    assert copy_to_system(TEXT, fake.env(DISPLAY=":0")) is None
    assert copy_outside(TEXT, fake.env(), terminal=True) == Copied(None, False, True)


# --- tmux ---------------------------------------------------------------------------------------


@pytest.fixture
def tmux_server() -> Iterator[str]:
    """A tmux server of the test's own; its socket in a short folder (sockets have a length
    limit); the TMUX variable a program inside it would see."""
    tmux = shutil.which("tmux")
    if tmux is None:
        pytest.skip("tmux is not installed")
    folder = Path(tempfile.mkdtemp(prefix="tmux-", dir="/tmp"))
    socket = folder / "s"
    subprocess.run([tmux, "-S", str(socket), "-f", "/dev/null", "new-session", "-d"], check=True)
    try:
        yield f"{socket},0,0"
    finally:
        subprocess.run([tmux, "-S", str(socket), "kill-server"], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def test_inside_tmux_the_text_lands_in_tmux_paste_buffer(tmux_server: str) -> None:
    env = {"PATH": os.environ["PATH"], "TMUX": tmux_server}

    assert copy_to_tmux(TEXT, env)

    shown = subprocess.run(["tmux", "show-buffer"], env=env, capture_output=True, check=True).stdout
    assert shown.decode("utf-8") == TEXT


def test_outside_tmux_its_buffer_is_not_touched(fake: FakePath) -> None:
    fake.add("tmux")
    assert not copy_to_tmux(TEXT, fake.env())
    assert fake.received("tmux") is None


# --- GNU screen ---------------------------------------------------------------------------------


def test_inside_screen_osc52_is_split_over_dcs_strings_screen_passes_on() -> None:
    long_text = TEXT * 20
    sequence = screen_osc52(long_text)

    pieces = re.findall(r"\x1bP(.*?)\x1b\\", sequence, flags=re.DOTALL)
    assert "".join(pieces).startswith("\x1b]52;c;")
    assert all(len(piece) < 768 for piece in pieces)
    encoded = "".join(pieces).removeprefix("\x1b]52;c;").removesuffix("\x07")
    assert base64.b64decode(encoded).decode("utf-8") == long_text


def test_the_terminal_write_reaches_textual_driver() -> None:
    """Canary for ``textual_compat.write_to_terminal``: the private driver it writes to."""
    assert "_driver" in App.copy_to_clipboard.__code__.co_names


# --- what the user is told ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("copied", "expected", "confirmed"),
    [
        (Copied("xclip", True, True), "Kopierade 27 adresser till urklipp.", True),
        (Copied(None, True, True), "Kopierade 27 adresser till tmux", True),
        (Copied(None, False, True), "Skickade 27 adresser till terminalen", False),
        (Copied(None, False, False), "Kunde inte kopiera 27 adresser", False),
    ],
    ids=["system", "tmux", "terminal-only", "nothing"],
)
def test_the_message_says_what_happened(copied: Copied, expected: str, confirmed: bool) -> None:
    message = copied.message("27 adresser")
    assert message.startswith(expected)
    assert copied.confirmed is confirmed
    if not confirmed:
        assert "spara som fil med s" in message.lower()
