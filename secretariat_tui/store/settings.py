"""The settings table: one record (id 1) holding the register's settings.

A detail of the association is written only once it is set, so a file that never set one
keeps the record it had.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from tinydb.table import Document

from secretariat_tui.domain.settings import DEFAULT_RETENTION_YEARS, Settings
from secretariat_tui.store.database import Database
from secretariat_tui.store.record_schema import SETTINGS

DOC_ID = 1


DETAILS = ("name", "org_number")
"""The association's details (``domain.association_fields``), text each, "" until set."""


def to_document(settings: Settings) -> dict[str, Any]:
    details = {key: value for key in DETAILS if (value := getattr(settings, key))}
    return {"retention_years": settings.retention_years, **details}


def from_document(doc: dict[str, Any]) -> Settings:
    return Settings(
        retention_years=int(doc.get("retention_years", DEFAULT_RETENTION_YEARS)),
        name=str(doc.get("name", "")),
        org_number=str(doc.get("org_number", "")),
    )


class SettingsRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(SETTINGS)

    def get(self) -> Settings:
        """The stored settings, the defaults for any not stored (a file that never set one)."""
        doc = self._table.get(doc_id=DOC_ID)
        return from_document(doc) if isinstance(doc, dict) else Settings()

    def save(self, settings: Settings) -> Settings:
        """Replace the record whole (an upsert would keep a detail that was just cleared)."""
        document = to_document(settings)
        if not self._table.contains(doc_id=DOC_ID):
            self._table.insert(Document(document, doc_id=DOC_ID))
            return settings

        def replace_whole(stored: MutableMapping[str, Any]) -> None:
            stored.clear()
            stored.update(document)

        self._table.update(replace_whole, doc_ids=[DOC_ID])
        return settings
