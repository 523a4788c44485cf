"""TinyDB storage that saves atomically and keeps the document in memory.

TinyDB's own ``JSONStorage`` rewrites the file in place, so a crash mid-write leaves a broken
file; it must not be used. Because the session holds the file's lock, nobody else writes it,
and the document read at open is the truth: reads come from memory, every write goes to disk
through ``atomic_write_bytes`` before TinyDB sees it succeed.

A read-only session (a write-protected file, or a reading command while the file is open
elsewhere) has a ``refusal``: every write raises it as a StoreError and writes nothing.

``deferred()`` gathers several repository writes into one save (an erasure changes a member,
its payments, board seats and activities): inside the block TinyDB's writes only change
memory; when it ends, the result is checked and written once. If the block raises, nothing
is written and memory is read back from the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from secretariat_tui.store.atomic import atomic_write_bytes
from secretariat_tui.store.check_stamp import mark_checked
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.store.rules_stamp import rules_stamp


def encode(document: dict[str, Any]) -> bytes:
    """Serialise first, before any file is touched; compact, since this is the hot path."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(data: bytes | str) -> Any:
    """Parse a database file; a fault is a ``json.JSONDecodeError`` with line and column.

    The standard library's parser, not orjson: orjson read the ten-year register in 25 ms
    against 44 ms, but its peak memory for the 5.8 MB register was 46 MB against 23 MB, which
    put the app's peak at 1.69x a bare Textual app (issue 7 asks for at most 1.5x).
    """
    return json.loads(data)


class RecordRefused(StoreError):
    """A save would write a record that the next open refuses: it is not written."""


def encode_or_refuse(document: dict[str, Any]) -> bytes:
    """``encode``, or RecordRefused for text that is not Unicode (a lone surrogate, from an
    argument that was not UTF-8): the fields refuse it first; this is the floor under them."""
    try:
        return encode(document)
    except UnicodeEncodeError:
        raise RecordRefused(
            "Ändringen sparades inte: en text har tecken som inte är UTF-8. Inget har ändrats."
        ) from None


def refuse_bad_records(document: dict[str, Any]) -> None:
    """The open's own check, before every save: the program never writes a file it would then
    refuse to open (a reference to a record that is not there, a wrong-typed field). About
    8 ms for the ten-year register, next to the 35 ms the whole save takes. The schemas load
    on the first save, not at every start (issue 18)."""
    from secretariat_tui.store.record_check import check_records
    from secretariat_tui.store.record_schema import SCHEMAS

    bad = check_records(document, SCHEMAS)
    if bad is not None:
        raise RecordRefused(
            f"Ändringen sparades inte: den skulle ge en felaktig post i databasen "
            f"({bad.describe()}). Inget har ändrats."
        )


class AtomicJSONStorage(Storage):
    def __init__(
        self,
        path: Path,
        document: dict[str, Any],
        *,
        refusal: str | None = None,
        reload: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        """``refusal``: the message every write is refused with in a read-only session.
        ``reload``: the document as the session sees the file (default: the file parsed)."""
        self._path = path
        self._document = document
        self._refusal = refusal
        self._reload = reload or (lambda: decode(path.read_bytes()))
        self._deferring = False
        self._pending: dict[str, Any] | None = None

    def read(self) -> dict[str, Any]:
        return self._document

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Every write in the block lands in one save when it ends (see the module's docstring).

        Nested blocks belong to the outermost one. A read-only session is refused before the
        block runs, so nothing in it is even tried.
        """
        if self._deferring:
            yield
            return
        if self._refusal is not None:
            raise StoreError(self._refusal)
        self._deferring, self._pending = True, None
        try:
            yield
        except BaseException:
            self._deferring, self._pending = False, None
            self._put_back()
            raise
        self._deferring = False
        pending, self._pending = self._pending, None
        if pending is not None:
            self.write(pending)

    def write(self, data: dict[str, Any]) -> None:
        if self._deferring:
            self._document = self._pending = data
            return
        try:
            if self._refusal is not None:
                raise StoreError(self._refusal)
            refuse_bad_records(data)
            atomic_write_bytes(self._path, encode_or_refuse(data))
            mark_checked(self._path, rules_stamp())
        except BaseException as err:
            # TinyDB edits the documents in place before calling write; on a failed or refused
            # save put memory back to what is on disk, so the session never shows unsaved data
            # as saved.
            self._put_back()
            if isinstance(err, OSError):
                raise StoreError(
                    f"Kunde inte spara i {self._path}: {os_reason(err)}. "
                    "Registret visar nu det som finns i filen."
                ) from err
            raise
        self._document = data

    def _put_back(self) -> None:
        """Memory as the file holds it, after a save that did not happen."""
        try:
            self._document = self._reload()
        except (OSError, ValueError) as reread:
            raise StoreError(
                f"Kunde inte spara i {self._path}, och filen går inte att läsa igen. "
                "Avsluta och starta om programmet; den senaste säkerhetskopian finns kvar."
            ) from reread

    def close(self) -> None:
        pass
