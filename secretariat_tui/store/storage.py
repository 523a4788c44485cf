"""TinyDB storage that saves atomically and keeps the document in memory.

TinyDB's own ``JSONStorage`` rewrites the file in place, so a crash mid-write leaves a broken
file; it must not be used. Because the session holds the file's lock, nobody else writes it,
and the document read at open is the truth: reads come from memory, every write goes to disk
through ``atomic_write_bytes`` before TinyDB sees it succeed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from secretariat_tui.store.atomic import atomic_write_bytes
from secretariat_tui.store.errors import StoreError, os_reason


def encode(document: dict[str, Any]) -> bytes:
    """Serialise first, before any file is touched: compact UTF-8, as ``json.dumps`` with
    ``ensure_ascii=False`` and no spaces would write it.

    orjson parses and writes the file (open and every save are the hot paths): it reads the
    ten-year benchmark register in about 25 ms against 44 ms for ``json.loads``, and writes
    it several times faster than ``json.dumps``. Keys that are not strings become strings,
    as with ``json``.
    """
    return orjson.dumps(document, option=orjson.OPT_NON_STR_KEYS)


def decode(data: bytes | str) -> Any:
    """Parse a database file; a fault is a ``json.JSONDecodeError`` with line and column."""
    return orjson.loads(data)


class AtomicJSONStorage(Storage):
    def __init__(self, path: Path, document: dict[str, Any]) -> None:
        self._path = path
        self._document = document

    def read(self) -> dict[str, Any]:
        return self._document

    def write(self, data: dict[str, Any]) -> None:
        try:
            atomic_write_bytes(self._path, encode(data))
        except BaseException as err:
            # TinyDB edits the documents in place before calling write; on a failed save put
            # memory back to what is on disk, so the session never shows unsaved data as saved.
            try:
                self._document = decode(self._path.read_bytes())
            except (OSError, ValueError) as reread:
                raise StoreError(
                    f"Kunde inte spara i {self._path}, och filen går inte att läsa igen. "
                    "Avsluta och starta om programmet; den senaste säkerhetskopian finns kvar."
                ) from reread
            if isinstance(err, OSError):
                raise StoreError(
                    f"Kunde inte spara i {self._path}: {os_reason(err)}. "
                    "Registret visar nu det som finns i filen."
                ) from err
            raise
        self._document = data

    def close(self) -> None:
        pass
