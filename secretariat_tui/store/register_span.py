"""Which years the register's dated records fall in, read from the stored dates.

The dates that say when the association did or had something: members joining and leaving,
annual meetings, networks joined and left, activities, submissions and payments. Read as the
stored ISO text (``2024-03-14``, or ``2024-03`` for a month), so no record is converted;
a ten-year register is read in milliseconds.
"""

from __future__ import annotations

from secretariat_tui.domain.register_span import YearSpan, year_span
from secretariat_tui.store.database import Database
from secretariat_tui.store.record_schema import MEETINGS, MEMBERS, NETWORKS

DATED = {
    MEMBERS: ("joined", "ended"),
    MEETINGS: ("held_on",),
    NETWORKS: ("since", "until"),
    "activities": ("when",),
    "submissions": ("when",),
    "payments": ("paid_on",),
}


def record_years(db: Database) -> set[int]:
    years: set[int] = set()
    for table, fields in DATED.items():
        for doc in db.table(table).all():
            for name in fields:
                value = doc.get(name)
                if isinstance(value, str) and value[:4].isdigit():
                    years.add(int(value[:4]))
    return years


def covered_years(db: Database, this_year: int) -> YearSpan:
    """The years a report can be written for (``domain.register_span``)."""
    return year_span(record_years(db), this_year)
