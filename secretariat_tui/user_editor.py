"""A text written in the user's own editor (``$VISUAL``, else ``$EDITOR``): the CLI's
``report text --edit`` and the TUI's ``E`` on a report text, one way for both.

The text goes to a temporary file only the user can read (``mkstemp``), the editor runs on
it, and the file is removed afterwards whatever happened, so a text is never left readable
by others. Every failure is an ``EditorError`` with one Swedish line ending "Inget
sparades.": the caller says it its own way (a click error, a notification). The TUI runs
this inside ``App.suspend``, so the editor has the terminal.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from secretariat_tui.store.errors import os_reason


class EditorError(Exception):
    """Why the editor could not give a text back; nothing was saved."""


def editor_command(environ: Mapping[str, str], instead: str) -> list[str]:
    """The editor's command line; without one, EditorError naming ``instead`` (the other
    way to write the text where the caller is: "använd --from-file")."""
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                raise EditorError(
                    f"${variable} kan inte läsas som ett kommando. Inget sparades."
                ) from None
    raise EditorError(
        f"Ingen redigerare: sätt $VISUAL eller $EDITOR (t.ex. EDITOR=nano), "
        f"eller {instead}. Inget sparades."
    )


def decoded(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text (a BOM is allowed), or EditorError naming ``name``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EditorError(
            f"{name} är inte UTF-8-text; spara den som UTF-8 och försök igen. Inget sparades."
        ) from None


def edit_text(start: str, *, prefix: str, environ: Mapping[str, str], instead: str) -> str | None:
    """What the user wrote in the editor, starting from ``start``; None when the file is as
    it was given (nothing to save)."""
    command = editor_command(environ, instead)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(start.encode("utf-8"))
        _run(command, path)
        data = path.read_bytes()
    except OSError as err:
        raise EditorError(
            f"Kunde inte använda den tillfälliga filen: {os_reason(err)}. Inget sparades."
        ) from None
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    edited = decoded(data, "Den redigerade texten")
    return None if edited == start else edited


def _run(command: list[str], path: Path) -> None:
    shown = shlex.join(command)
    try:
        finished = subprocess.run([*command, str(path)], check=False)  # noqa: S603 (the user's)
    except OSError as err:
        raise EditorError(
            f"Redigeraren {shown} kunde inte startas: {os_reason(err)}. Inget sparades."
        ) from None
    if finished.returncode != 0:
        raise EditorError(
            f"Redigeraren {shown} avslutades med fel ({finished.returncode}). Inget sparades."
        )
