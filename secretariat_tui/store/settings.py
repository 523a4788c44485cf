"""The settings table: one record (id 1) holding the register's settings.

A detail of the association is written only once it is set, so a file that never set one
keeps the record it had.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from tinydb.table import Document

from secretariat_tui.domain.settings import (
    DEFAULT_RETENTION_YEARS,
    DEFAULT_TERMS_DAYS,
    Settings,
    SmtpSecurity,
)
from secretariat_tui.store.database import Database
from secretariat_tui.store.record_schema import SETTINGS

DOC_ID = 1


DETAILS = (
    "name",
    "org_number",
    "address",
    "bankgiro",
    "plusgiro",
    "swish",
    "sender_email",
    "smtp_host",
    "smtp_user",
)
"""The association's text details (``domain.association_fields``), "" until set."""
DEFAULTS = Settings()


def to_document(settings: Settings) -> dict[str, Any]:
    """Text details once set; the others once they differ from the default."""
    details: dict[str, Any] = {key: value for key in DETAILS if (value := getattr(settings, key))}
    if settings.terms_days != DEFAULTS.terms_days:
        details["terms_days"] = settings.terms_days
    if settings.ocr_length_digit != DEFAULTS.ocr_length_digit:
        details["ocr_length_digit"] = settings.ocr_length_digit
    if settings.smtp_port is not None:
        details["smtp_port"] = settings.smtp_port
    if settings.smtp_security is not DEFAULTS.smtp_security:
        details["smtp_security"] = settings.smtp_security.value
    return {"retention_years": settings.retention_years, **details}


def from_document(doc: dict[str, Any]) -> Settings:
    port = doc.get("smtp_port")
    return Settings(
        retention_years=int(doc.get("retention_years", DEFAULT_RETENTION_YEARS)),
        **{key: str(doc.get(key, "")) for key in DETAILS},
        terms_days=int(doc.get("terms_days", DEFAULT_TERMS_DAYS)),
        ocr_length_digit=bool(doc.get("ocr_length_digit", True)),
        smtp_port=int(port) if port is not None else None,
        smtp_security=SmtpSecurity(doc.get("smtp_security", SmtpSecurity.STARTTLS.value)),
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
