"""One table of one register: documents <-> frozen domain records with an ``id`` field.

Every register whose records have an id (members, payments, annual meetings, board seats,
activities, networks, submissions) has the same shape, so they share this instead of seven
copies: a repository is a table name, two converters and the Swedish "not found" message
(with its own error class where callers tell the registers apart).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from tinydb import Query

from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.tinydb_compat import replace_and_insert, stored_documents


class HasId(Protocol):
    @property
    def id(self) -> int | None: ...


R = TypeVar("R", bound=HasId)


class RecordNotFound(StoreError):
    pass


class RecordTable(Generic[R]):
    TABLE: str
    NOT_FOUND: str
    """A Swedish message with ``{id}``: "Det finns ingen aktivitet med id {id}."."""
    MISSING: ClassVar[type[RecordNotFound]] = RecordNotFound
    """What an unknown id raises (a subclass where the CLI catches one register's misses)."""

    def __init__(self, db: Database) -> None:
        self._table = db.table(self.TABLE)

    def to_document(self, record: R) -> dict[str, Any]:
        raise NotImplementedError

    def from_document(self, doc: dict[str, Any], doc_id: int) -> R:
        raise NotImplementedError

    def all(self) -> list[R]:
        with collection_paused():
            return [
                self.from_document(doc, doc_id) for doc_id, doc in stored_documents(self._table)
            ]

    def get(self, record_id: int) -> R:
        doc = self._table.get(doc_id=record_id)
        if doc is None or isinstance(doc, list):
            raise self.MISSING(self.NOT_FOUND.format(id=record_id))
        return self.from_document(doc, record_id)

    def where(self, field: str, value: object) -> list[R]:
        """The records whose stored ``field`` equals ``value``, in register order."""
        found = self._table.search(Query()[field] == value)
        return [self.from_document(doc, doc.doc_id) for doc in found]

    def add(self, record: R) -> R:
        return replace(record, id=self._table.insert(self.to_document(record)))  # type: ignore[type-var]

    def add_many(self, records: Sequence[R]) -> list[R]:
        """All in one write: an import lands whole or not at all."""
        ids = self._table.insert_multiple(self.to_document(r) for r in records)
        return [replace(r, id=i) for r, i in zip(records, ids, strict=True)]  # type: ignore[type-var]

    def save_many(self, added: Sequence[R], updated: Sequence[R]) -> list[R]:
        """New and changed records in one atomic save: an import lands whole or not at all."""
        for record in updated:
            self._must_exist(record.id)
        replaced = {r.id: self.to_document(r) for r in updated}
        new_ids = replace_and_insert(self._table, replaced, [self.to_document(r) for r in added])  # type: ignore[arg-type]
        return [replace(r, id=i) for r, i in zip(added, new_ids, strict=True)]  # type: ignore[type-var]

    def update(self, record: R) -> R:
        self._must_exist(record.id)
        self._table.update(self.to_document(record), doc_ids=[record.id])  # type: ignore[list-item]
        return record

    def delete(self, record_id: int) -> R:
        """Remove the record and give it back (for the "Borttaget: …" the user is shown)."""
        record = self.get(record_id)
        self._table.remove(doc_ids=[record_id])
        return record

    def _must_exist(self, record_id: int | None) -> None:
        if record_id is None or not self._table.contains(doc_id=record_id):
            raise self.MISSING(self.NOT_FOUND.format(id=record_id or 0))


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a register's records are built in bulk.

    Each record is a handful of new objects, none in a cycle, so a collection finds nothing to
    free; but CPython starts one every few hundred new objects, and the oldest generation's
    walks over every live object grow with the register: building the 3× register's 9,000
    payments took 57 ms with them and 25 ms without (issue 18). Restored as it was on leaving,
    so a nested pause, or a caller that turned collection off, is left alone.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


T = TypeVar("T")
_RESTORABLE: dict[type, int] = {}
"""Classes checked by ``restored``, with their number of fields."""


def restored(cls: type[T], **values: Any) -> T:
    """A frozen dataclass record from stored values that already passed its checks once.

    A frozen dataclass sets each field through ``object.__setattr__`` in ``__init__``: at
    13 fields that is 4 µs against about 1 µs for this; for the ten-year register's 5,000
    activities, about a tenth of opening it. Only for classes without ``__post_init__``
    (nothing is skipped), and every field must be given, so no default can hide a missing
    one; the names are checked on a class's first record, the count on every one.
    """
    count = _RESTORABLE.get(cls)
    if count is None:
        fields = getattr(cls, "__dataclass_fields__", {})
        if not fields or values.keys() != fields.keys() or hasattr(cls, "__post_init__"):
            raise TypeError(f"{cls.__name__} cannot be restored from {sorted(values)}")
        count = _RESTORABLE[cls] = len(fields)
    if len(values) != count:
        raise TypeError(f"{cls.__name__} needs {count} fields, not {sorted(values)}")
    record = object.__new__(cls)
    record.__dict__.update(values)
    return record


def optional(convert: Callable[[Any], Any], value: Any) -> Any:
    """``convert(value)``, or None for a missing or empty stored value."""
    return convert(value) if value not in (None, "") else None
