"""Everything the annual report is written from: the records of one database, for one year.

A domain value, so the store can gather it (``store/report_source.py``) and the exports can
write from it (``exports/report_sections.py``) without either layer importing the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.board import AnnualMeeting, BoardSeat
from secretariat_tui.domain.calendar import CalendarItem, Placement, calendar_items
from secretariat_tui.domain.fees import MemberYear
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.report_texts import ReportText
from secretariat_tui.domain.submissions import Submission


@dataclass(frozen=True)
class ReportData:
    """What the report is written from, as the repositories return it.

    ``fee_rows`` is the year's fee ledger: who was due a fee for ``year`` and whether it is
    paid. The calendar items are derived from the activities, submissions and meetings here,
    as the calendar repository derives them. Activities and submissions of other years may be
    here or not (``load_report_data`` reads only the year's): every part of the report picks
    the year's itself. ``texts`` are the year's already (an earlier year's carried over).
    """

    year: int
    members: Sequence[Member] = ()
    fee_rows: Sequence[MemberYear] = ()
    seats: Sequence[BoardSeat] = ()
    meetings: Sequence[AnnualMeeting] = ()
    activities: Sequence[Activity] = ()
    networks: Sequence[NetworkMembership] = ()
    submissions: Sequence[Submission] = ()
    texts: Mapping[str, ReportText] = field(default_factory=dict)
    """The year's written texts by section key, carried-over ones marked
    (``domain.report_texts.year_texts``); a section not here has none yet."""
    placements: Sequence[Placement] = ()
    """The coordinator's order of the months (``calendar.ranked``)."""

    @property
    def items(self) -> list[CalendarItem]:
        return calendar_items(self.activities, self.submissions, self.meetings, self.placements)

    @property
    def members_by_id(self) -> Mapping[int, Member]:
        return {m.id: m for m in self.members if m.id is not None}
