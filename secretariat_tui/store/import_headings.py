"""How a file's headings were read last time, so the next file with the same headings is read
the same way without asking again (a coordinator exports the same sheet every month).

One record per register and heading set: the headings as in the file and, for each, the
column it was read as (``""``: ignored). Found by ``key``, the heading set as the import
compares headings (``imports.headings.heading_set``), so order and case do not matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tinydb import Query

from secretariat_tui.store.database import Database

IMPORT_HEADINGS = "import_headings"


class HeadingMemory:
    """The remembered readings of one register's files (``members``, ``payments``)."""

    def __init__(self, db: Database, register: str) -> None:
        self._table = db.table(IMPORT_HEADINGS)
        self.register = register

    def recall(self, key: Sequence[str]) -> dict[str, str | None]:
        """``{heading: column or None}`` as last time for this heading set, or ``{}``."""
        doc = self._table.get(self._where(key))
        if not isinstance(doc, dict):
            return {}
        pairs = zip(doc["headings"], doc["columns"], strict=False)
        return {name: column or None for name, column in pairs}

    def remember(
        self, key: Sequence[str], headings: Sequence[str], columns: Sequence[str | None]
    ) -> None:
        """Keep this reading for the next file with this heading set (one write)."""
        doc: dict[str, Any] = {
            "register": self.register,
            "key": list(key),
            "headings": list(headings),
            "columns": [column or "" for column in columns],
        }
        self._table.upsert(doc, self._where(key))

    def _where(self, key: Sequence[str]) -> Any:
        query = Query()
        return (query.register == self.register) & (query.key == list(key))
