"""Store errors. Each message is Swedish, names the file, and says what the user can do."""

from __future__ import annotations

import errno
from pathlib import Path

_SWEDISH_ERRNO = {
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "skrivskyddat filsystem",
    errno.EISDIR: "det är en mapp",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp",
    errno.EEXIST: "finns redan",
    errno.EIO: "läs- eller skrivfel på disken",
}


def os_reason(err: OSError) -> str:
    """The reason of an OSError in Swedish where it is a common one, else the system's words."""
    return _SWEDISH_ERRNO.get(err.errno or 0, err.strerror or str(err))


def file_label(path: Path, given: Path | None = None) -> str:
    """How a message names a database file: as the user gave it, and where a link leads."""
    if given is None or given == path:
        return str(path)
    return f"{given} (länk till {path})"


class StoreError(Exception):
    """A database could not be opened or saved; ``str(err)`` is the message for the user."""


class DatabaseLocked(StoreError):
    def __init__(self, path: Path, given: Path | None = None) -> None:
        name = file_label(path, given)
        super().__init__(
            f"Databasen {name} är redan öppen i ett annat fönster eller program. "
            "Stäng det först; två samtidiga kan skriva över varandras ändringar."
        )


class DatabaseUnreadable(StoreError):
    """Corrupt, empty or foreign: the file is left exactly as it is."""

    def __init__(
        self, path: Path, reason: str, newest_backup: Path | None, given: Path | None = None
    ) -> None:
        hint = (
            f" Senaste säkerhetskopia utan fel: {newest_backup}."
            if newest_backup
            else " Ingen säkerhetskopia utan fel hittades."
        )
        name = file_label(path, given)
        super().__init__(
            f"Databasen {name} kan inte läsas: {reason}. Filen har inte ändrats.{hint}"
        )
        self.path = path
        self.reason = reason
        self.newest_backup = newest_backup


class DatabaseTooNew(StoreError):
    def __init__(self, path: Path, found: int, known: int, given: Path | None = None) -> None:
        name = file_label(path, given)
        super().__init__(
            f"Databasen {name} har schemaversion {found}, men det här programmet känner bara till "
            f"version {known}. Uppdatera programmet; filen har inte ändrats."
        )
