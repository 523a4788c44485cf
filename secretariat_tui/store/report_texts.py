"""The report texts table: one record per year and written section (``domain.report_texts``).

Found by year and section, not by id: a text is the year's text for that section, there is
never a second one. Saving replaces the record whole in one write (every field is written,
so an upsert leaves nothing of the old one); saving an empty text removes the record, so the
section falls back to the carried-over text or its placeholder. Each save is one atomic
write of the file, like every other save.
"""

from __future__ import annotations

from typing import Any

from tinydb import Query

from secretariat_tui.domain.report_texts import ReportText, year_texts
from secretariat_tui.store.database import Database
from secretariat_tui.store.record_schema import REPORT_TEXTS
from secretariat_tui.store.tinydb_compat import stored_documents


def to_document(text: ReportText) -> dict[str, Any]:
    return {
        "year": text.year,
        "section": text.section,
        "text": text.text,
        "heading": text.heading,
    }


def from_document(doc: dict[str, Any]) -> ReportText:
    return ReportText(
        year=int(doc["year"]),
        section=str(doc["section"]),
        text=str(doc["text"]),
        heading=str(doc.get("heading", "")),
    )


class ReportTextRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(REPORT_TEXTS)

    def all(self) -> list[ReportText]:
        """Every stored text, each year's own (none carried over)."""
        return [from_document(doc) for _, doc in stored_documents(self._table)]

    def for_year(self, year: int) -> dict[str, ReportText]:
        """The texts ``year``'s report shows, carried-over ones marked (``year_texts``)."""
        return year_texts(self.all(), year)

    def save(self, text: ReportText) -> ReportText | None:
        """Store ``text`` as its year's own (a carried-over text saved becomes "klar").

        An empty text removes the year's record and returns None. ``text`` is taken as
        checked (``domain.report_texts.written_text``).
        """
        where = self._where(text.year, text.section)
        if not text.text:
            self._table.remove(where)
            return None
        self._table.upsert(to_document(text), where)
        return ReportText(text.year, text.section, text.text, text.heading)

    def _where(self, year: int, section: str) -> Any:
        query = Query()
        return (query.year == year) & (query.section == section)
