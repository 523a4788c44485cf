"""Advocacy submissions: the table, add / edit / delete. Sent ones are also in the calendar."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from secretariat_tui.domain.submission_fields import co_signer_names
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.ui.screens.calendar_forms import SubmissionForm
from secretariat_tui.ui.screens.record_screen import RecordScreen
from secretariat_tui.ui.screens.register_screen import RegisterScreen
from secretariat_tui.ui.widgets.register_table import Column, Row

COLUMNS = (
    Column("when", "Datum", 10),
    Column("kind", "Typ", 12, hide_when_same=True),
    Column("status", "Status", 10, hide_when_same=True),
    Column("title", "Rubrik", least=30),
    Column("recipient", "Mottagare", 12, hide_when_same=True),
)


class SubmissionsScreen(RegisterScreen, RecordScreen[Submission]):
    RECORD = ("en inlaga", "markerad inlaga")
    TITLE = "Påverkan"
    MODE = "submissions"
    COLUMNS = COLUMNS
    CSV = False
    NEWEST_FIRST = True
    PLACEHOLDER = "/ Filtrera på rubrik, typ, mottagare, status…"
    HELP = (
        "Påverkansarbetet: debattartiklar, remissvar, framställningar, rapporter, sakråd och "
        "TIP-rapporteringen. En inlaga som inte är ett utkast står också i sin månad i "
        "kalendern (4) – den skrivs bara här, en gång. Datum skrivs snabbt: 15/1, 15 jan, "
        "jan 2024 (bara månad), i dag."
    )

    def __init__(
        self,
        calendar: CalendarRepository,
        members: MemberRepository,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(today=today, database_path=calendar.path)
        self.calendar, self.members = calendar, members
        self.records = calendar.submissions

    def reload(self, keep: int | None = None) -> None:
        members = self.members.all()
        rows = []
        for s in self.calendar.submissions.all():
            style = "dim" if not s.in_calendar else ""
            cells = (
                s.when.iso(),
                s.kind.label,
                Text(s.status.label, style=style),
                s.title,
                s.recipient,
            )
            searchable = " ".join(
                [s.kind.value, s.status.value, s.title, s.recipient, s.reference, s.notes]
                + [co_signer_names(s, members)]
            )
            rows.append(Row(str(s.id), cells, searchable))
        self.register.set_rows(rows, keep=str(keep) if keep else None)
        drafts = sum(not s.in_calendar for s in self.calendar.submissions.all())
        self.register.set_status(
            f"{len(rows)} inlagor, varav {drafts} utkast · alla utom utkast står i kalendern (4)"
        )

    def describe(self, record: Submission) -> str:
        return record.title

    def form_for(self, record: Submission | None) -> SubmissionForm:
        return SubmissionForm(
            today=self.today,
            members=self.members.all(),
            save=self.save_for(record),
            submission=record,
        )

    def delete_question(self, record: Submission) -> str:
        return f"Ta bort inlagan ”{record.title}” ({record.when.iso()})?"
