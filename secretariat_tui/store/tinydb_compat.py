"""The one place where the store reaches into TinyDB's private names, each with the reason.

TinyDB is pinned to the exact tested version in pyproject.toml; ``tests/store/
test_tinydb_compat.py`` fails loudly, naming the private name, when an upgrade moves or
changes what this module relies on. Every other module uses TinyDB's public API only
(``tests/test_private_names.py`` checks that).

- ``Table._read_table``: the documents as held in memory. ``Table.all`` copies each into a
  ``Document`` first, which at 5,000 activities was a fifth of the time it took to open the
  register.
- ``Table._update_table`` and ``Table._get_next_id``: TinyDB has no public call that replaces
  some documents and inserts others in one write (an import must land whole or not at all);
  its own ``insert_multiple`` is built on these two.
- ``TinyDB._tables`` and ``Table._next_id``: the tables cache query results and their next
  id; after an abandoned ``Database.one_save`` block both must be dropped, and ``clear_cache``
  drops only the first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Table


def stored_documents(table: Table) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every document of ``table`` with its id, as held in memory: read them, never change them."""
    for key, doc in table._read_table().items():
        yield int(key), cast(dict[str, Any], doc)


def replace_and_insert(
    table: Table, replaced: Mapping[int, Mapping[str, Any]], added: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Replace the documents ``replaced`` (by id, whole) and insert ``added``, in one write.

    Returns the new ids in the order of ``added``. The caller checks that each replaced id is
    there; a missing one would be inserted under that id.
    """
    new_ids: list[int] = []

    def apply(documents: dict[int, Any]) -> None:
        for doc_id, document in replaced.items():
            documents[doc_id] = dict(document)
        for document in added:
            doc_id = table._get_next_id()
            new_ids.append(doc_id)
            documents[doc_id] = dict(document)

    table._update_table(apply)
    return new_ids


def forget_unsaved(db: TinyDB) -> None:
    """Drop what each open table remembers (cached queries, the next id) of writes that were
    abandoned, so the next read and the next id come from the storage again."""
    for table in db._tables.values():
        table.clear_cache()
        table._next_id = None
