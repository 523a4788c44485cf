"""The last line of defence: an unexpected error becomes a crash report, never a traceback.

A traceback on the terminal frightens the coordinator and, with Textual's local variables,
printed a member's name and e-mail. So the CLI and the TUI catch what nothing else did and
write a report for whoever mends the program, 0600 in the user's data folder, and the user
gets one line (or one message) naming it.

The report says where the error happened (files, lines, functions, the source line, the
exception's type) and what was run (the command's words and flag names), never what the
register holds: no exception message, no argument values, no local variables. Those are where
a name, an e-mail or a phone number would be.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from platformdirs import user_data_dir

from secretariat_tui import APP_NAME
from secretariat_tui.store.atomic import atomic_write_bytes

KEEP = 20
"""Reports kept; the oldest go, so a crash in a loop cannot fill the disk."""


def crash_folder() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "crash"


def write_crash_report(error: BaseException, *, where: str, command: str = "") -> Path | None:
    """Write the report; its path, or None when even that failed (nothing more can be done)."""
    now = datetime.now(UTC)
    folder = crash_folder()
    target = folder / f"crash-{now:%Y%m%dT%H%M%S%fZ}-{os.getpid()}.txt"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write_bytes(target, crash_report(error, where=where, command=command, now=now))
        for old in sorted(folder.glob("crash-*.txt"))[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return None
    return target


def crash_report(error: BaseException, *, where: str, command: str, now: datetime) -> bytes:
    lines = [
        f"{APP_NAME} {_version(APP_NAME)}: felrapport (crash report)",
        f"time: {now:%Y-%m-%dT%H:%M:%SZ}",
        f"where: {where}",
        f"command: {command or '-'}",
        f"python: {platform.python_version()} on {platform.system()}; "
        f"textual {_version('textual')}; stdout encoding {_encoding()}",
        "",
        "Traceback, without messages, values or local variables (they may hold personal data):",
        *_frames(error),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8", "backslashreplace")


def command_words(argv: Sequence[str], commands: set[str]) -> str:
    """``members add --name … --kind …``: the command's words and flag names, no values.

    ``commands`` is every (sub)command name; any other word is a value and becomes ``…``.
    """
    words = []
    for word in argv:
        if word.startswith("-"):
            words.append(word.split("=", 1)[0] + ("=…" if "=" in word else ""))
        elif word in commands:
            words.append(word)
        else:
            words.append("…")
    return " ".join(words)


def _frames(error: BaseException) -> Iterator[str]:
    """The chain oldest first, as Python prints it, but each exception by its type alone."""
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = error
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "caused"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "during"
        else:
            current = None
    for exception, link in reversed(chain):
        for frame in traceback.extract_tb(exception.__traceback__):
            yield f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
            if frame.line:
                yield f"    {frame.line.strip()}"
        kind = type(exception)
        yield f"{kind.__module__}.{kind.__qualname__}"
        if link:
            yield (
                "The above caused the following:"
                if link == "caused"
                else "While handling the above, another error happened:"
            )


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def _encoding() -> str:
    return getattr(sys.stdout, "encoding", None) or "?"
