"""The voting roll (röstlängd) of an annual meeting: who may vote and why not, delegates typed
in and presence marked as people arrive, printed or saved for the minutes.

The rule is the domain's (``VotingRule``): full members on the meeting day who paid the fee
year by the cut-off. Fee year and cut-off are shown at the top and changed with ``k``. The
board screen opens the latest meeting's roll; ``m`` shows any other recorded meeting's (last
year's, to check who voted then), each with its own stored rule and attendance.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Static

from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.fields import Field, Listed
from secretariat_tui.domain.voting import (
    Attendance,
    RollEntry,
    VotingRoll,
    VotingRule,
    rule_for,
    voting_roll,
    with_rule,
)
from secretariat_tui.domain.voting_fields import (
    ATTENDANCE_FIELDS,
    RULE_FIELDS,
    attendance_text,
    parse_attendance_fields,
    parse_rule_fields,
    rule_text,
)
from secretariat_tui.exports.board_report import (
    voting_roll_markdown,
    voting_roll_table,
    voting_roll_text,
)
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.list_screen import ModalListScreen
from secretariat_tui.ui.screens.save_as import Rendering
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from secretariat_tui.ui.widgets.record_form import RecordForm
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable, Row

COLUMNS = (
    Column("name", "Medlem"),
    Column("vote", "Röst", 5),
    Column("delegate", "Ombud", 20, hide_when_same=True),
    Column("present", "Närv.", 5),
)
PRESENT = {True: "ja", False: "–"}
MEETING_FIELD = Field("meeting", "Årsmöte", Listed("årsmöte"))


def roll_row(entry: RollEntry, *, entitled: bool) -> Row:
    vote = Text("ja") if entitled else Text("nej", style="dim")
    cells = (entry.member.name, vote, entry.delegate, PRESENT[entry.present])
    return Row(str(entry.member.id), cells, f"{entry.member.name} {entry.delegate} {entry.reason}")


class RuleForm(RecordForm[VotingRule]):
    def __init__(self, rule: VotingRule, *, today: date | None = None) -> None:
        super().__init__(
            "Regel för rösträtt",
            rule_text(rule),
            "Rösträtt: fullt medlemskap på mötesdagen och avgiften för avgiftsåret betald "
            "senast sista betaldag.",
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return RULE_FIELDS

    def build(self, values: dict[str, str]) -> VotingRule:
        return parse_rule_fields(values, self.today)


class DelegateForm(RecordForm[Attendance]):
    def __init__(self, entry: RollEntry, *, save: Callable[[Attendance], Attendance]) -> None:
        self.entry = entry
        assert entry.member.id is not None
        attendance = Attendance(entry.member.id, entry.delegate, entry.present)
        super().__init__(
            f"Ombud för {entry.member.name}", attendance_text(attendance), entry.reason, save=save
        )

    def form_fields(self) -> Sequence[Field]:
        return ATTENDANCE_FIELDS

    def build(self, values: dict[str, str]) -> Attendance:
        assert self.entry.member.id is not None
        return parse_attendance_fields(values, self.entry.member.id)


class MeetingChoice(RecordForm[AnnualMeeting]):
    """Which recorded meeting's roll to show: newest first, starting on the one shown."""

    SAVE_LABEL = "Visa"

    def __init__(self, meetings: Sequence[AnnualMeeting], current: AnnualMeeting) -> None:
        newest_first = sorted(meetings, key=lambda m: m.held_on, reverse=True)
        self._meetings = {str(m.id): m for m in newest_first}
        super().__init__(
            "Röstlängd för vilket årsmöte?",
            {"meeting": str(current.id)},
            "Varje årsmöte har sin egen regel för rösträtt och sin egen närvaro.",
        )

    def form_fields(self) -> Sequence[Field]:
        return (MEETING_FIELD,)

    def options_for(self, field: Field) -> tuple[tuple[str, str], ...]:
        return tuple((m.held_on.isoformat(), key) for key, m in self._meetings.items())

    def build(self, values: dict[str, str]) -> AnnualMeeting:
        return self._meetings[values["meeting"]]


class MeetingRollScreen(ModalListScreen):
    COLUMNS = COLUMNS
    DIALOG = "roll"
    BINDINGS = bindings(
        Command("enter", "delegate", "Ombud", "Skriv in ombud och närvaro", id="delegate"),
        Command(
            "space",
            "toggle_present",
            "Närvaro",
            "Markera markerad medlem som närvarande eller inte",
            id="present",
        ),
        Command("k", "rule", "Regel", "Ändra avgiftsår och sista betaldag", id="rule"),
        Command("p", "print", "Skriv ut", "Visa röstlängden för utskrift", id="print"),
        Command("m", "meeting", "Möte", "Visa röstlängden för ett annat årsmöte", id="meeting"),
    )

    def __init__(
        self,
        board: BoardRepository,
        ledger: FeeLedger,
        meeting: AnnualMeeting,
        *,
        today: date,
    ) -> None:
        super().__init__()
        self.board, self.ledger, self.meeting, self.today = board, ledger, meeting, today
        # Stored with the meeting (default: its year, paid by the meeting day); k changes it.
        self.rule = rule_for(meeting)

    def compose_heading(self) -> ComposeResult:
        yield Static(id="roll-rule", markup=False)

    def current_roll(self) -> VotingRoll:
        assert self.meeting.id is not None
        year = self.rule.fee_year
        return voting_roll(
            self.meeting,
            self.ledger.members.all(),
            self.ledger.year_rows(year),
            self.ledger.payments.for_year(year),
            self.rule,
            self.board.attendance.for_meeting(self.meeting.id),
        )

    def reload(self, keep: int | None = None) -> None:
        roll = self.current_roll()
        self._entries = {e.member.id: e for e in (*roll.voters, *roll.not_entitled)}
        rows = [roll_row(e, entitled=True) for e in roll.voters]
        rows += [roll_row(e, entitled=False) for e in roll.not_entitled]
        self.register.set_rows(rows, keep=str(keep) if keep else None)
        self.register.set_status(
            f"{roll.entitled_count} med rösträtt · {roll.present_votes} närvarande röster · "
            f"{len(roll.not_entitled)} utan rösträtt"
        )
        self.set_title(f"Röstlängd, årsmöte {self.meeting.held_on.isoformat()}")
        self.query_one("#roll-rule", Static).update(self.rule.describe())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "meeting":
            return len(self.board.meetings.all()) > 1
        return super().check_action(action, parameters)

    def action_meeting(self) -> None:
        self._choose_meeting()

    @work(exclusive=True, group="dialog")
    async def _choose_meeting(self) -> None:
        chosen = await self.ask(MeetingChoice(self.board.meetings.all(), self.meeting))
        if chosen is not None and chosen.id != self.meeting.id:
            self.meeting, self.rule = chosen, rule_for(chosen)
            self.reload()

    def _selected(self) -> RollEntry | None:
        member_id = self.selected_id()
        return self._entries.get(member_id) if member_id is not None else None

    @on(RegisterTable.Chosen)
    def action_delegate(self) -> None:
        entry = self._selected()
        if entry is not None and entry.member.id is not None:
            self._delegate(entry, entry.member.id)

    @work(exclusive=True, group="dialog")
    async def _delegate(self, entry: RollEntry, member_id: int) -> None:
        await self.ask(DelegateForm(entry, save=self._set_attendance))
        self.reload(keep=member_id)

    def action_toggle_present(self) -> None:
        entry = self._selected()
        if entry is None or entry.member.id is None:
            return
        attendance = Attendance(entry.member.id, entry.delegate, not entry.present)
        self._set_attendance(attendance)
        self.reload(keep=entry.member.id)

    def _set_attendance(self, attendance: Attendance) -> Attendance:
        assert self.meeting.id is not None
        return self.board.attendance.set(self.meeting.id, attendance)

    def action_rule(self) -> None:
        self._change_rule()

    @work(exclusive=True, group="dialog")
    async def _change_rule(self) -> None:
        if (rule := await self.ask(RuleForm(self.rule, today=self.today))) is not None:
            self.meeting = self.board.meetings.update(with_rule(self.meeting, rule))
            self.rule = rule_for(self.meeting)
            self.reload()

    def action_print(self) -> None:
        roll, meeting, rule = self.current_roll(), self.meeting, self.rule
        stem = f"rostlangd-{meeting.held_on.isoformat()}"
        renderings = [
            Rendering(
                "Text (.txt)", ".txt", lambda: voting_roll_text(roll, meeting, rule).encode()
            ),
            Rendering(
                "Markdown (.md)", ".md", lambda: voting_roll_markdown(roll, meeting, rule).encode()
            ),
            Rendering(
                "CSV för Excel (.csv)", ".csv", lambda: voting_roll_table(roll).file_bytes("csv")
            ),
        ]
        preview = TextPreviewScreen(
            f"Röstlängd {meeting.held_on.isoformat()}",
            voting_roll_text(roll, meeting, rule),
            stem,
            renderings,
            protected=self.ledger.members.path,
        )
        self.app.push_screen(preview)
