"""Advocacy submissions: the table, add / edit / delete. Sent ones are also in the calendar."""

from __future__ import annotations

from datetime import date

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.binding import Binding

from secretariat_tui.domain.submission_fields import co_signer_names
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.ui.screens.calendar_forms import SubmissionForm
from secretariat_tui.ui.screens.confirm import confirm_delete
from secretariat_tui.ui.screens.register_screen import RegisterScreen
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable, Row

COLUMNS = (
    Column("when", "Datum", 10),
    Column("kind", "Typ", 14),
    Column("status", "Status", 10),
    Column("title", "Rubrik"),
    Column("recipient", "Mottagare", 14),
)


class SubmissionsScreen(RegisterScreen):
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
        "jan 2024 (bara månad), idag."
    )
    BINDINGS = [
        Binding("n", "new", "Ny", id="new-submission", tooltip="Lägg till en inlaga"),
        Binding("e", "edit", "Ändra", id="edit-submission", tooltip="Ändra markerad inlaga"),
        Binding("x,delete", "delete", "Ta bort", id="delete-submission", tooltip="Ta bort"),
    ]

    def __init__(
        self,
        calendar: CalendarRepository,
        members: MemberRepository,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(today=today, database_path=calendar.path)
        self.calendar, self.members = calendar, members

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

    def selected_submission(self) -> Submission | None:
        submission_id = self.selected_id()
        return self.calendar.submissions.get(submission_id) if submission_id is not None else None

    @on(RegisterTable.Chosen)
    def _chosen(self) -> None:
        self.action_edit()

    def action_new(self) -> None:
        self._form(None)

    def action_edit(self) -> None:
        if submission := self.selected_submission():
            self._form(submission)

    def _form(self, submission: Submission | None) -> None:
        def saved(stored: Submission | None) -> None:
            if stored is not None:
                self.reload(keep=stored.id)
                self.notify(f"Sparat: {escape(stored.title)}", timeout=3)

        register = self.calendar.submissions
        form = SubmissionForm(
            today=self.today,
            members=self.members.all(),
            save=register.add if submission is None else register.update,
            submission=submission,
        )
        self.app.push_screen(form, saved)

    def action_delete(self) -> None:
        submission = self.selected_submission()
        if submission is None or submission.id is None:
            return
        submission_id = submission.id

        def done() -> None:
            self.reload()
            self.notify(f"Borttaget: {escape(submission.title)}", timeout=3)

        question = f"Ta bort inlagan ”{submission.title}” ({submission.when.iso()})?"
        confirm_delete(
            self, question, lambda: self.calendar.submissions.delete(submission_id), done=done
        )
