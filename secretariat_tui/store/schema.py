"""The file's identity and schema version (table ``_meta``), and the migrations between them.

A migration is a pure function from the raw document of version N to that of N+1. They run
on open, after a backup of the old file, and the result is saved atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from secretariat_tui import APP_NAME

SCHEMA_VERSION = 1
META_TABLE = "_meta"
META_DOC_ID = "1"

Document = dict[str, Any]

# MIGRATIONS[n] turns a version-n document into a version-(n+1) one.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {}


def new_document(created: str) -> Document:
    return {
        META_TABLE: {META_DOC_ID: {"app": APP_NAME, "schema": SCHEMA_VERSION, "created": created}}
    }


def meta_of(document: object) -> dict[str, Any] | None:
    """The ``_meta`` record if ``document`` is one of ours, else None (a foreign file)."""
    if not isinstance(document, dict):
        return None
    table = document.get(META_TABLE)
    if not isinstance(table, dict):
        return None
    meta = table.get(META_DOC_ID)
    if not isinstance(meta, dict) or meta.get("app") != APP_NAME:
        return None
    schema = meta.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        return None
    return meta


def migrate(document: Document, target: int = SCHEMA_VERSION) -> Document:
    """Run every migration from the document's version up to ``target``."""
    version = document[META_TABLE][META_DOC_ID]["schema"]
    while version < target:
        document = MIGRATIONS[version](document)
        version += 1
        document[META_TABLE][META_DOC_ID]["schema"] = version
    return document
