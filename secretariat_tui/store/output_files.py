"""Every file the program writes for the user (CLI ``-o``, the TUI's save dialogs) goes here.

Paths are compared as files, not as strings: ``sub/../db.json``, a symbolic link to the
database and a hard link to it are all the database, and writing a CSV there would replace
the register. So the target and the database's own files (the database, its lock file, the
backups folders) are compared by real path (``os.path.realpath``) and, where both exist, by
device and inode. Both backups folders are protected: the store's own (``<name>.backups``)
and the one older versions used (``<stem>.backups``), whose backups may still be there.

A name without a folder is taken in the export folder the caller gives (the TUI's, from the
user's settings), not in the folder the program was started from: in a git checkout that put
personal data among the sources. The export folder is created, owner-only, the first time a
file is saved in it. The CLI gives none, so its ``-o x.csv`` is in the shell's folder, where a
command-line user expects it.

An existing file is replaced only when the caller says so (``--force``, or a yes in the TUI).
A symbolic link as the output is written through: its target gets the new content and the
link stays. The file is written like the database (``atomic_write_bytes``: temp file, fsync,
rename, 0600): these files hold names and contacts, and a crash leaves the old file or the
new one. A file that appears between the check and the write is replaced; the check is for
the user's mistakes, not a race against another program.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NewType

from secretariat_tui.store.atomic import atomic_write_bytes
from secretariat_tui.store.backups import backup_dir, legacy_backup_dir
from secretariat_tui.store.check_stamp import stamp_path
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.store.lock import lock_path

EXPORT_FOLDER_MODE = 0o700
"""The export folder holds names and contacts: only its owner may list or enter it."""
ResolvedOutput = NewType("ResolvedOutput", Path)
"""A real path that ``resolve_output`` allowed: the only kind ``write_output_file`` takes."""


class OutputRefused(StoreError):
    """The file may not be written; ``str(err)`` names it and says what to do instead."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class OutputExists(OutputRefused):
    """The file exists and replacing it was not allowed: ask, or take ``--force``."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"Filen {path} finns redan; välj ett annat namn eller ersätt den.", path)


def resolve_output(
    path: Path | str, database_path: Path, *, replace: bool, folder: Path | None = None
) -> ResolvedOutput:
    """The real path to write ``path`` at, or OutputRefused saying why not.

    ``folder`` is the export folder: a relative ``path`` is taken in it, and it is created
    (0700) when the file is to be saved directly in it and it does not exist yet.

    Refused: the database, its lock file and anything in its backups folders (by real path
    and by inode), a folder, something that is not an ordinary file (``/dev/null``: as root
    the atomic rename would replace the device), a folder that does not exist, and an
    existing file unless ``replace``.
    """
    shown = in_folder(path, folder)
    if folder is not None and shown.parent == in_folder(folder) and not shown.parent.exists():
        _create_export_folder(shown.parent)
    real = Path(os.path.realpath(shown))
    own = _own_file(real, database_path)
    if own:
        raise OutputRefused(f"{shown} {own}", shown)
    if real.is_dir():
        raise OutputRefused(f"{shown} är en mapp; ange ett filnamn i den.", shown)
    for folder in (shown.parent, real.parent):
        if not folder.is_dir():
            raise OutputRefused(_not_a_folder(folder), shown)
    if real.exists():
        if not stat.S_ISREG(real.stat().st_mode):
            raise OutputRefused(f"{shown} är ingen vanlig fil; välj ett annat filnamn.", shown)
        if not replace:
            raise OutputExists(shown)
    return ResolvedOutput(real)


def in_folder(path: Path | str, folder: Path | None = None) -> Path:
    """``path`` as the user means it: ``~`` expanded, a relative one taken in ``folder``."""
    shown = Path(path).expanduser()
    return Path(folder).expanduser().absolute() / shown if folder is not None else shown


def write_output_file(target: ResolvedOutput, data: bytes) -> None:
    """Atomically, owner-readable only, at the path ``resolve_output`` gave; OSError on failure."""
    atomic_write_bytes(target, data)


def _create_export_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=EXPORT_FOLDER_MODE, parents=True)
    except FileExistsError:
        return  # made meanwhile, or a file by that name: the checks below say which
    except OSError as err:
        raise OutputRefused(f"Mappen {folder} kan inte skapas: {os_reason(err)}.", folder) from None


def _not_a_folder(folder: Path) -> str:
    if folder.exists():
        return f"{folder} är ingen mapp; välj en mapp att spara i."
    return f"Mappen {folder} finns inte; skapa den eller välj en annan."


def _own_file(real: Path, database_path: Path) -> str:
    """How ``real`` belongs to the database, said in Swedish, or "" when it does not."""
    databases = _database_paths(database_path)
    if any(_same_file(real, database) for database in databases):
        return "är databasen själv; välj ett annat filnamn."
    if any(_same_file(real, lock_path(database)) for database in databases):
        return "är databasens låsfil; välj ett annat filnamn."
    if any(_same_file(real, stamp_path(database)) for database in databases):
        return "är databasens kontrollstämpel; välj ett annat filnamn."
    for folder in _backup_folders(databases):
        if real == folder or folder in real.parents:
            return "ligger i databasens mapp för säkerhetskopior; välj en annan mapp."
        if _is_a_file_in(real, folder):
            return "är en av databasens säkerhetskopior; välj ett annat filnamn."
    return ""


def _database_paths(database_path: Path) -> list[Path]:
    """The database as the store names it (absolute) and its real path, when they differ."""
    given = Path(os.path.abspath(database_path.expanduser()))
    real = Path(os.path.realpath(given))
    return [given] if real == given else [given, real]


def _backup_folders(databases: list[Path]) -> Iterator[Path]:
    for database in databases:
        for folder in (backup_dir(database), legacy_backup_dir(database)):
            yield Path(os.path.realpath(folder))


def _same_file(real: Path, candidate: Path) -> bool:
    if real == Path(os.path.realpath(candidate)):
        return True
    try:
        return os.path.samefile(real, candidate)
    except OSError:  # one of them does not exist: then they are not the same file
        return False


def _is_a_file_in(real: Path, folder: Path) -> bool:
    """A hard link elsewhere to one of the backups is that backup too."""
    if not real.exists() or not folder.is_dir():
        return False
    return any(_same_file(real, backup) for backup in folder.iterdir())
