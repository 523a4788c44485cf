"""Forms of the board screen: a new seat, ending a seat, a new annual meeting, the date shown.

Each form shows the fields declared in ``domain.board_fields``, builds its record with that
module's parser and checks it with ``domain.board_rules`` in ``build``, as `secretariat
board|meeting` does, so a broken rule (a second ordförande, an end after the term ran out)
stands next to its field and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.board_fields import (
    MEETING_FIELDS,
    SEAT_END_FIELDS,
    SEAT_FIELDS,
    parse_meeting_fields,
    parse_seat_end_fields,
    parse_seat_fields,
    seat_fields,
)
from secretariat_tui.domain.board_rules import check_meeting, check_seat
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.fields import Day, Field, FieldReader, new_record_text
from secretariat_tui.domain.members import Member
from secretariat_tui.ui.widgets.record_form import RecordForm


def latest_meeting(meetings: Sequence[AnnualMeeting], day: date) -> AnnualMeeting | None:
    """The latest annual meeting held on or before ``day``."""
    held = [m for m in meetings if m.held_on <= day]
    return max(held, key=lambda m: m.held_on) if held else None


class SeatForm(RecordForm[BoardSeat]):
    """A seat elected at a meeting (or a replacement starting later), checked against the rest.

    ``day`` is the date the board screen shows: a new seat is elected at the latest meeting on
    or before it, and the organisations offered are the members of that day. ``warnings``
    holds what the rules only warn about (the organisation was not a member), for the screen
    to show once the seat is stored.
    """

    def __init__(
        self,
        *,
        seats: Sequence[BoardSeat],
        meetings: Sequence[AnnualMeeting],
        members: Sequence[Member],
        day: date,
        today: date,
        save: Callable[[BoardSeat], BoardSeat],
        seat: BoardSeat | None = None,
    ) -> None:
        self.seats, self.meetings, self.members, self.day = seats, meetings, members, day
        self.seat = seat
        self.warnings: list[str] = []
        if seat is None:
            default = latest_meeting(meetings, day)
            initial = new_record_text(SEAT_FIELDS) | {
                "elected_at": str(default.id) if default else "",
                "role": Role.MEMBER.value,
            }
        else:
            initial = seat_fields(seat)
        super().__init__(
            "Ny styrelsepost" if seat is None else f"Ändra posten för {seat.person}",
            initial,
            "Posten gäller från årsmötet (eller från början-datumet vid fyllnadsval) till "
            "årsmötet då mandattiden går ut.",
            save=save,
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return SEAT_FIELDS

    def options_for(self, field: Field) -> tuple[tuple[str, str], ...]:
        if field.name == "elected_at":
            newest_first = sorted(self.meetings, key=lambda m: m.held_on, reverse=True)
            return tuple((m.held_on.isoformat(), str(m.id)) for m in newest_first)
        # The members of the day, and the seat's own organisation even if it has left since:
        # otherwise correcting an old seat would silently drop its organisation.
        own = self.seat.organisation_id if self.seat else None
        offered = (m for m in self.members if not m.has_left(self.day) or m.id == own)
        return tuple(
            (m.name, str(m.id)) for m in sorted(offered, key=lambda m: swedish_key(m.name))
        )

    def build(self, values: dict[str, str]) -> BoardSeat:
        seat = parse_seat_fields(values, self.today, base=self.seat)
        self.warnings = check_seat(seat, self.seats, self.meetings, self.members)
        return seat


class EndSeatForm(RecordForm[BoardSeat]):
    """The last day on the board and why; the seat stays in the history."""

    SAVE_LABEL = "Avsluta posten"

    def __init__(
        self,
        seat: BoardSeat,
        *,
        seats: Sequence[BoardSeat],
        meetings: Sequence[AnnualMeeting],
        members: Sequence[Member],
        today: date,
        save: Callable[[BoardSeat], BoardSeat],
    ) -> None:
        self.seat, self.seats, self.meetings, self.members = seat, seats, meetings, members
        super().__init__(
            f"{seat.person} avgår som {seat.role.value}",
            {"left_on": today.isoformat(), "left_reason": ""},
            "Posten finns kvar i styrelsens historik; den slutar efter sista dagen.",
            save=save,
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return SEAT_END_FIELDS

    def build(self, values: dict[str, str]) -> BoardSeat:
        left = parse_seat_end_fields(values, self.seat, self.today)
        check_seat(left, self.seats, self.meetings, self.members)
        return left


class MeetingForm(RecordForm[AnnualMeeting]):
    def __init__(
        self,
        meetings: Sequence[AnnualMeeting],
        *,
        today: date,
        save: Callable[[AnnualMeeting], AnnualMeeting],
    ) -> None:
        self.meetings = meetings
        super().__init__(
            "Nytt årsmöte",
            {},
            "Poster vars mandattid inte går ut på mötet fortsätter utan nyval; "
            "de nyvalda läggs sedan till med n.",
            save=save,
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return MEETING_FIELDS

    def build(self, values: dict[str, str]) -> AnnualMeeting:
        meeting = parse_meeting_fields(values, self.today)
        check_meeting(meeting, self.meetings)
        return meeting


AS_OF = (Field("as_of", "Datum", Day(), required=True),)
"""The day whose board the screen shows (the screen's own field: no command takes it)."""


class AsOfForm(RecordForm[date]):
    """The day whose board the screen shows."""

    SAVE_LABEL = "Visa"

    def __init__(self, day: date, *, today: date) -> None:
        super().__init__("Visa styrelsen per datum", {"as_of": day.isoformat()}, today=today)

    def form_fields(self) -> Sequence[Field]:
        return AS_OF

    def build(self, values: dict[str, str]) -> date:
        fields = FieldReader(AS_OF, values, self.today)
        day: date = fields["as_of"]
        fields.done()
        return day
