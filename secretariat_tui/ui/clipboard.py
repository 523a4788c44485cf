"""Copy text to where the user can paste it, and say truthfully where it went.

Textual's ``copy_to_clipboard`` only sends OSC 52 to the terminal and cannot know whether it
arrived: tmux ignores OSC 52 from programs by default (``set-clipboard external``), GNU screen
drops it unless wrapped in its DCS string, and many terminals refuse it. So the text goes every
way that is reachable:

1. a system clipboard program, found on ``PATH`` (wl-copy under Wayland, xclip or xsel under
   X11, pbcopy on macOS, clip.exe on WSL), run without a shell with the text on stdin and a
   short timeout. Its exit status is the only confirmation there is, so only this one lets
   the message say "till urklipp";
2. inside tmux, tmux's own paste buffer (``tmux load-buffer -w -``: ``-w`` also asks tmux to
   pass it to the outer terminal's clipboard by OSC 52 itself, which tmux is allowed to do);
3. OSC 52 to the terminal, wrapped for GNU screen when inside it.

Nothing is logged: the text is personal data (names and e-mail addresses), and a program's
own error output is discarded rather than shown, since it may echo the text.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textual.app import App

from secretariat_tui.ui.textual_compat import write_to_terminal

TIMEOUT = 2.0
"""Seconds a clipboard program may take; xclip and wl-copy fork to serve the text and return."""

SCREEN_CHUNK = 76
"""GNU screen passes at most 768 bytes per DCS string; chunks this long stay well below."""


@dataclass(frozen=True)
class Copied:
    """Where the text went: a system clipboard program, tmux's buffer, the terminal."""

    program: str | None = None
    """The clipboard program that took it (its name, e.g. ``xclip``), or None."""
    tmux: bool = False
    terminal: bool = False
    """OSC 52 was sent (there is a terminal); whether it arrived cannot be known."""

    def message(self, what: str) -> str:
        """What to tell the user, in Swedish, about copying ``what`` ("texten", "27 adresser")."""
        if self.program:
            return f"Kopierade {what} till urklipp."
        if self.tmux:
            return (
                f"Kopierade {what} till tmux (klistra in med tmux-prefixet och ]); om det "
                "också nådde datorns urklipp beror på terminalen."
            )
        if self.terminal:
            return (
                f"Skickade {what} till terminalen för urklipp, men om det kom fram går inte att "
                "veta, och inget urklippsprogram hittades. Säkrast: spara som fil med s."
            )
        return f"Kunde inte kopiera {what}: inget urklipp nås härifrån. Spara som fil med s."

    @property
    def confirmed(self) -> bool:
        """A program took the text (a system clipboard or tmux), not only a hopeful OSC 52."""
        return self.program is not None or self.tmux


def clipboard_programs(env: Mapping[str, str]) -> list[list[str]]:
    """The system clipboard programs to try, in order, as argument lists; only those found on
    ``env``'s PATH, and only those whose display the environment names (an xclip without an
    X display fails, and a wl-copy without Wayland waits)."""
    wanted: list[list[str]] = []
    if env.get("WAYLAND_DISPLAY"):
        wanted.append(["wl-copy"])
    if env.get("DISPLAY"):
        wanted += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    wanted += [["pbcopy"], ["clip.exe"]]
    found = []
    for name, *arguments in wanted:
        if program := shutil.which(name, path=env.get("PATH", "")):
            found.append([program, *arguments])
    return found


def program_input(argv: Sequence[str], text: str) -> bytes:
    """clip.exe reads UTF-16 with a byte-order mark (else the OEM code page); others UTF-8."""
    if argv[0].lower().endswith("clip.exe"):
        return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    return text.encode("utf-8")


def _run(argv: Sequence[str], data: bytes, env: Mapping[str, str]) -> bool:
    """True when the program read the text and exited 0 in time."""
    try:
        done = subprocess.run(  # noqa: S603  (a program found on PATH, no shell, fixed flags)
            list(argv),
            input=data,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(env),
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def copy_to_system(text: str, env: Mapping[str, str]) -> str | None:
    """The name of the first clipboard program that took ``text``, or None."""
    for argv in clipboard_programs(env):
        if _run(argv, program_input(argv, text), env):
            return argv[0].rsplit("/", 1)[-1]
    return None


def copy_to_tmux(text: str, env: Mapping[str, str]) -> bool:
    """Into tmux's paste buffer when running inside tmux; ``-w`` (tmux 3.2+) also forwards it
    to the outer terminal's clipboard, and an older tmux gets the plain command."""
    if not env.get("TMUX"):
        return False
    tmux = shutil.which("tmux", path=env.get("PATH", ""))
    if tmux is None:
        return False
    data = text.encode("utf-8")
    return _run([tmux, "load-buffer", "-w", "-"], data, env) or _run(
        [tmux, "load-buffer", "-"], data, env
    )


def screen_osc52(text: str) -> str:
    """OSC 52 wrapped for GNU screen, which swallows it bare: the base64 text split over DCS
    strings, which screen passes on to the terminal outside."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    chunks = [encoded[i : i + SCREEN_CHUNK] for i in range(0, len(encoded), SCREEN_CHUNK)]
    return "\x1bP\x1b]52;c;" + "\x1b\\\x1bP".join(chunks) + "\x07\x1b\\"


def send_to_terminal(app: App[Any], text: str, env: Mapping[str, str]) -> bool:
    """OSC 52 to the terminal (wrapped too, inside GNU screen); False when there is no terminal
    (a headless app). The app keeps the text either way, for pasting into its own fields."""
    app.copy_to_clipboard(text)
    if app.is_headless:
        return False
    if env.get("STY"):
        write_to_terminal(app, screen_osc52(text))
    return True


def copy_outside(text: str, env: Mapping[str, str], *, terminal: bool) -> Copied:
    """The slow part, for a thread: the system clipboard program, then tmux's buffer."""
    return Copied(copy_to_system(text, env), copy_to_tmux(text, env), terminal)
