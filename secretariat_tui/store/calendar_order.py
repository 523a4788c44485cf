"""The coordinator's order of the calendar's months (``domain.calendar.Placement``).

A table of its own, keyed by the calendar item's ``key`` (``aktivitet-12``, ``påverkan-3``,
``årsmöte-2``), because an item comes from three registers and the order is the calendar's,
not any one register's: the records keep their own fields, and a file that has never been
ordered has no such table and opens as before (no schema step).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from tinydb import Query

from secretariat_tui.domain.calendar import Placement
from secretariat_tui.store.database import Database
from secretariat_tui.store.tinydb_compat import stored_documents

CALENDAR_ORDER = "calendar_order"


class CalendarOrder:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._table = db.table(CALENDAR_ORDER)

    def all(self) -> list[Placement]:
        return [
            Placement(doc["key"], doc["when"], doc["position"])
            for _, doc in stored_documents(self._table)
        ]

    def save_month(
        self, year: int, month: int, placements: Sequence[Placement], present: Collection[str]
    ) -> None:
        """The month's placements replace those it had, in one save; ``[]`` puts the month
        back in date order. Placements of items no longer in ``present`` (deleted) go too, so
        a later record given a deleted one's id does not inherit its place."""
        prefix = f"{year:04d}-{month:02d}"
        item = Query()
        stale = item.when.test(lambda when: when.startswith(prefix)) | item.key.test(
            lambda key: key not in present
        )
        with self._db.one_save():
            self._table.remove(stale)
            self._table.insert_multiple(
                {"key": p.key, "when": p.when, "position": p.position} for p in placements
            )
