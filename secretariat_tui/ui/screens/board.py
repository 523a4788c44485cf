"""The board (styrelse) on a chosen date, or every seat ever; seats, meetings, the report text."""

from __future__ import annotations

from datetime import date

from rich.markup import escape

from secretariat_tui.domain.board import (
    AnnualMeeting,
    BoardSeat,
    Role,
    board_on,
    carry_over,
    describe_period,
    next_meeting_year,
    nominations_text,
    seat_period,
)
from secretariat_tui.domain.board_rules import BOARD_RULES
from secretariat_tui.domain.members import Member
from secretariat_tui.exports.board_report import board_paragraph, members_count
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.board_forms import (
    AsOfForm,
    EndSeatForm,
    MeetingForm,
    SeatForm,
    latest_meeting,
)
from secretariat_tui.ui.screens.meeting_roll import MeetingRollScreen
from secretariat_tui.ui.screens.register_screen import RegisterScreen
from secretariat_tui.ui.screens.save_as import Rendering
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from secretariat_tui.ui.widgets.register_table import Column, Row

_ROLE_ORDER = {role.label: role.order for role in Role}

COLUMNS = (
    # Sorted by the role's rank, not alphabetically: the chair first, as in the report.
    Column("role", "Roll", 15, sort_key=lambda label: _ROLE_ORDER.get(str(label), len(Role))),
    Column("person", "Person"),
    Column("organisation", "Organisation", hide_when_same=True),
    Column("period", "Period", 21),
)


def seat_row(
    seat: BoardSeat, meetings: list[AnnualMeeting], members_by_id: dict[int, Member]
) -> Row:
    organisation = members_by_id.get(seat.organisation_id) if seat.organisation_id else None
    period = describe_period(seat_period(seat, meetings))
    name = organisation.name if organisation else ""
    cells = (seat.role.label, seat.person, name, period)
    return Row(str(seat.id), cells, f"{seat.role.value} {seat.person} {name} {period}")


class BoardScreen(RegisterScreen):
    TITLE = "Styrelse"
    MODE = "board"
    COLUMNS = COLUMNS
    PLACEHOLDER = "/ Filtrera på roll, namn, organisation…"
    CSV = False
    HELP = BOARD_RULES
    BINDINGS = bindings(
        Command("d", "as_of", "Datum", "Visa styrelsen på ett annat datum", id="as-of"),
        # Those not in the footer have no room at 80 columns; help and the palette list them.
        Command(
            "h",
            "toggle_history",
            "Historik",
            "Visa alla styrelseposter genom tiderna, eller styrelsen på datumet",
            id="history",
            footer=False,
        ),
        Command("n", "new_seat", "Ny", "Lägg till en styrelsepost", id="new-seat"),
        Command(
            "e",
            "edit_seat",
            "Ändra",
            "Rätta markerad post (namn, roll, organisation, mandattid)",
            id="edit-seat",
            footer=False,
        ),
        Command(
            "v",
            "nominations",
            "Valberedning",
            "Poster vars mandattid går ut vid nästa årsmöte",
            id="nominations",
            footer=False,
        ),
        Command("x", "end_seat", "Avgår", "Markerad person lämnar styrelsen", id="end-seat"),
        Command(
            "m",
            "new_meeting",
            "Årsmöte",
            "Registrera ett årsmöte; poster som inte går ut fortsätter",
            id="new-meeting",
        ),
        Command(
            "r",
            "roll",
            "Röstlängd",
            "Röstlängd för det senaste årsmötet på eller före datumet",
            id="roll",
        ),
        Command(
            "p",
            "paragraph",
            "Berättelse",
            "Styrelsestycket till verksamhetsberättelsen för datumets år",
            id="paragraph",
            footer=False,
        ),
    )

    def __init__(
        self, board: BoardRepository, ledger: FeeLedger, *, today: date | None = None
    ) -> None:
        super().__init__(today=today, database_path=ledger.members.path)
        self.board, self.ledger = board, ledger
        self.as_of = self.today
        self.history = False

    # --- what is shown ------------------------------------------------------------------------
    def _members_by_id(self) -> dict[int, Member]:
        return {m.id: m for m in self.ledger.members.all() if m.id is not None}

    def reload(self, keep: int | None = None) -> None:
        meetings, seats = self.board.meetings.all(), self.board.seats.all()
        members_by_id = self._members_by_id()
        if self.history:
            shown = sorted(seats, key=lambda s: (seat_period(s, meetings)[0], s.role.order))
        else:
            shown = board_on(self.as_of, seats, meetings)
        rows = [seat_row(s, meetings, members_by_id) for s in shown]
        self.register.set_rows(rows, keep=str(keep) if keep else None)
        self.register.set_status(self._summary(len(shown), len(seats), meetings))
        self.sub_title = "alla poster" if self.history else self.as_of.isoformat()
        self.refresh_bindings()

    def _summary(self, shown: int, total: int, meetings: list[AnnualMeeting]) -> str:
        if self.history:
            posts = "post" if total == 1 else "poster"
            return f"Alla styrelseposter: {total} {posts} · h visar styrelsen per datum"
        text = f"Styrelsen per {self.as_of.isoformat()}: {members_count(shown)}"
        meeting = latest_meeting(meetings, self.as_of)
        if meeting is None:
            return f"{text} · inget årsmöte före datumet"
        return f"{text} · valda på årsmötet {meeting.held_on.isoformat()}"

    def selected_seat(self) -> BoardSeat | None:
        seat_id = self.selected_id()
        return self.board.seats.get(seat_id) if seat_id is not None else None

    def roll_meeting(self) -> AnnualMeeting | None:
        return latest_meeting(self.board.meetings.all(), self.as_of)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"end_seat", "edit_seat"}:
            return self.is_mounted and self.selected_id() is not None
        if action == "roll":
            return self.roll_meeting() is not None
        if action == "as_of":
            return not self.history
        return super().check_action(action, parameters)

    # --- actions ------------------------------------------------------------------------------
    def action_as_of(self) -> None:
        def chosen(day: date | None) -> None:
            if day is not None:
                self.as_of = day
                self.reload(keep=self.selected_id())

        self.app.push_screen(AsOfForm(self.as_of, today=self.today), chosen)

    def action_toggle_history(self) -> None:
        self.history = not self.history
        self.reload(keep=self.selected_id())

    def action_new_seat(self) -> None:
        self._seat_form(None)

    def action_edit_seat(self) -> None:
        if seat := self.selected_seat():
            self._seat_form(seat)

    def _seat_form(self, seat: BoardSeat | None) -> None:
        """One form for a new seat and a correction; the board rules are checked in it."""
        form = SeatForm(
            seats=self.board.seats.all(),
            meetings=self.board.meetings.all(),
            members=self.ledger.members.all(),
            day=self.as_of,
            today=self.today,
            save=self.board.seats.add if seat is None else self.board.seats.update,
            seat=seat,
        )

        def stored(saved: BoardSeat | None) -> None:
            if saved is None:
                return
            if seat is None:
                self.notify(f"Lade till {escape(saved.person)} som {saved.role.value}.")
            else:
                self.notify(f"Sparade posten för {escape(saved.person)}.")
            for warning in form.warnings:
                self.notify(escape(warning), severity="warning", timeout=10)
            self.reload(keep=saved.id)

        self.app.push_screen(form, stored)

    def action_nominations(self) -> None:
        meetings = self.board.meetings.all()
        year = next_meeting_year(meetings, self.as_of)
        text = nominations_text(self.board.seats.all(), meetings, self._members_by_id(), self.as_of)
        renderings = [Rendering("Text (.txt)", ".txt", lambda: text.encode("utf-8"))]
        self.app.push_screen(
            TextPreviewScreen(
                f"Valberedning inför årsmötet {year}",
                text,
                f"valberedning-{year}",
                renderings,
                protected=self.database_path,
            )
        )

    def action_end_seat(self) -> None:
        seat = self.selected_seat()
        if seat is None:
            return
        form = EndSeatForm(
            seat,
            seats=self.board.seats.all(),
            meetings=self.board.meetings.all(),
            members=self.ledger.members.all(),
            today=self.today,
            save=self.board.seats.update,
        )

        def ended(left: BoardSeat | None) -> None:
            if left is not None and left.left_on is not None:
                day = left.left_on.isoformat()
                self.notify(f"{escape(left.person)} lämnar styrelsen efter {day}.")
                self.reload(keep=left.id)

        self.app.push_screen(form, ended)

    def action_new_meeting(self) -> None:
        def added(meeting: AnnualMeeting | None) -> None:
            if meeting is None:
                return
            meetings = self.board.meetings.all()
            earlier = [m for m in meetings if m.held_on < meeting.held_on]
            continuing = (
                carry_over(
                    self.board.seats.all(),
                    max(earlier, key=lambda m: m.held_on),
                    meeting,
                    meetings,
                )
                if earlier
                else []
            )
            names = ", ".join(s.person for s in continuing)
            self.notify(
                escape(f"Fortsätter utan nyval: {names}.")
                if continuing
                else "Inga poster fortsätter utan nyval.",
                title=f"Årsmöte {meeting.held_on.isoformat()}",
                timeout=15,
            )
            self.history = False
            self.as_of = meeting.held_on
            self.reload()

        self.app.push_screen(
            MeetingForm(self.board.meetings.all(), today=self.today, save=self.board.meetings.add),
            added,
        )

    def action_roll(self) -> None:
        meeting = self.roll_meeting()
        if meeting is None:
            return
        self.app.push_screen(MeetingRollScreen(self.board, self.ledger, meeting, today=self.today))

    def action_paragraph(self) -> None:
        year = self.as_of.year
        text = board_paragraph(
            year, self.board.seats.all(), self.board.meetings.all(), self._members_by_id()
        )
        renderings = [Rendering("Text (.txt)", ".txt", lambda: text.encode("utf-8"))]
        preview = TextPreviewScreen(
            f"Styrelsen i verksamhetsberättelsen {year}",
            text,
            f"styrelsen-{year}",
            renderings,
            protected=self.database_path,
        )
        self.app.push_screen(preview)
