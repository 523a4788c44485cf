"""Fails loudly when a TinyDB upgrade moves what ``store/tinydb_compat.py`` relies on.

Each private name is checked for its shape first (so the message names it), then the fence's
functions are run against a real TinyDB for the behaviour the store counts on.
"""

from __future__ import annotations

import inspect
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from secretariat_tui.store.tinydb_compat import forget_unsaved, replace_and_insert, stored_documents
from tests.private_api import Canary

TINYDB = Canary("tinydb", "secretariat_tui/store/tinydb_compat.py")


class CountedStorage(MemoryStorage):
    """A memory storage that counts its writes."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.writes += 1
        super().write(data)


def parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def database(**tables: dict[str, dict[str, Any]]) -> TinyDB:
    db = TinyDB(storage=CountedStorage)
    db.storage.write(tables)
    db.storage.writes = 0  # type: ignore[attr-defined]
    return db


def test_read_table_is_the_storages_own_documents_keyed_by_text() -> None:
    read_table = TINYDB.attribute(Table, "_read_table")
    TINYDB.require(parameters(read_table) == ["self"], "Table._read_table", "takes no arguments")
    db = database(people={"1": {"name": "Åsa"}, "3": {"name": "Bo"}})
    raw = db.table("people")._read_table()
    TINYDB.require(
        raw is db.storage.read()["people"],
        "Table._read_table",
        "returns the storage's own table, not a copy (the store reads 5,000 records from it)",
    )
    assert list(stored_documents(db.table("people"))) == [(1, {"name": "Åsa"}), (3, {"name": "Bo"})]
    assert list(stored_documents(db.table("nobody"))) == []


def test_update_table_and_next_id_replace_and_insert_in_one_write() -> None:
    update_table = TINYDB.attribute(Table, "_update_table")
    next_id = TINYDB.attribute(Table, "_get_next_id")
    TINYDB.require(
        parameters(update_table) == ["self", "updater"],
        "Table._update_table",
        "takes one updater, called with the table's documents by int id",
    )
    TINYDB.require(parameters(next_id) == ["self"], "Table._get_next_id", "takes no arguments")
    db = database(people={"1": {"name": "Åsa", "phone": "1"}, "4": {"name": "Bo"}})
    table = db.table("people")
    new_ids = replace_and_insert(table, {1: {"name": "Åsa Ny"}}, [{"name": "Cia"}, {"name": "Di"}])
    TINYDB.require(
        db.storage.writes == 1,  # type: ignore[attr-defined]
        "Table._update_table",
        "writes the storage once for all the changes (an import lands whole or not at all)",
    )
    TINYDB.require(new_ids == [5, 6], "Table._get_next_id", "gives the highest id + 1, then on")
    assert {doc.doc_id: dict(doc) for doc in table.all()} == {
        1: {"name": "Åsa Ny"},
        4: {"name": "Bo"},
        5: {"name": "Cia"},
        6: {"name": "Di"},
    }, "a replaced document is replaced whole, not merged"
    assert table.insert({"name": "Eva"}) == 7


def test_forgetting_unsaved_writes_reads_the_next_id_and_queries_afresh() -> None:
    db = database(people={"1": {"name": "Åsa"}})
    table = db.table("people")
    tables = TINYDB.attribute(db, "_tables")
    TINYDB.require(
        isinstance(tables, dict) and tables.get("people") is table,
        "TinyDB._tables",
        "a dict of the open tables by name",
    )
    kept = db.storage.read()
    saved = {name: dict(documents) for name, documents in kept.items()}
    assert table.insert({"name": "Bo"}) == 2
    named = Query().name.exists()
    assert table.count(named) == 2  # now a cached query
    TINYDB.require(
        TINYDB.attribute(table, "_next_id") == 3,
        "Table._next_id",
        "the next id, remembered after an insert",
    )
    db.storage.write(saved)  # the abandoned block: the storage is the file again
    forget_unsaved(db)
    TINYDB.require(table._next_id is None, "Table._next_id", "None means: read from the storage")
    assert table.count(named) == 1, "no cached query outlives the abandoned block"
    assert table.insert({"name": "Cia"}) == 2, "no gap in the ids"
