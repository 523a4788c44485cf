"""The settings table: one record (id 1) holding the register's settings."""

from __future__ import annotations

from typing import Any

from tinydb.table import Document

from secretariat_tui.domain.settings import DEFAULT_RETENTION_YEARS, Settings
from secretariat_tui.store.database import Database
from secretariat_tui.store.record_schema import SETTINGS

DOC_ID = 1


def to_document(settings: Settings) -> dict[str, Any]:
    return {"retention_years": settings.retention_years}


def from_document(doc: dict[str, Any]) -> Settings:
    return Settings(retention_years=int(doc.get("retention_years", DEFAULT_RETENTION_YEARS)))


class SettingsRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(SETTINGS)

    def get(self) -> Settings:
        """The stored settings, the defaults for any not stored (a file that never set one)."""
        doc = self._table.get(doc_id=DOC_ID)
        return from_document(doc) if isinstance(doc, dict) else Settings()

    def save(self, settings: Settings) -> Settings:
        self._table.upsert(Document(to_document(settings), doc_id=DOC_ID))
        return settings
