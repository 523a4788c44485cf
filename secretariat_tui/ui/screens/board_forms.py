"""Forms of the board screen: a new seat, ending a seat, a new annual meeting, the date shown.

Each form builds its record with ``domain.board_fields`` and checks it with
``domain.board_rules`` in ``build``, as `secretariat board|meeting` does, so a broken rule (a
second ordförande, an end after the term ran out) stands next to its field and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.board_fields import (
    MEETING_LABELS,
    NO_ORGANISATION,
    ROLE_OPTIONS,
    SEAT_END_LABELS,
    SEAT_LABELS,
    parse_meeting_fields,
    parse_seat_end_fields,
    parse_seat_fields,
    parse_term,
    seat_fields,
)
from secretariat_tui.domain.board_rules import check_meeting, check_seat
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.field_reader import check_with, optional_check
from secretariat_tui.domain.members import Member
from secretariat_tui.ui.widgets.record_form import FieldSpec, RecordForm


def latest_meeting(meetings: Sequence[AnnualMeeting], day: date) -> AnnualMeeting | None:
    """The latest annual meeting held on or before ``day``."""
    held = [m for m in meetings if m.held_on <= day]
    return max(held, key=lambda m: m.held_on) if held else None


class SeatForm(RecordForm[BoardSeat]):
    """A seat elected at a meeting (or a replacement starting later), checked against the rest.

    ``warnings`` holds what the rules only warn about (the organisation was not a member), for
    the screen to show once the seat is stored.
    """

    def __init__(
        self,
        *,
        seats: Sequence[BoardSeat],
        meetings: Sequence[AnnualMeeting],
        members: Sequence[Member],
        day: date,
        save: Callable[[BoardSeat], BoardSeat],
        seat: BoardSeat | None = None,
    ) -> None:
        self.seats, self.meetings, self.members, self.day = seats, meetings, members, day
        self.seat = seat
        self.warnings: list[str] = []
        default = latest_meeting(meetings, day)
        if seat is None:
            initial = {
                "elected_at": str(default.id) if default else "",
                "role": Role.MEMBER.value,
                "organisation_id": NO_ORGANISATION,
                "term_years": "1",
            }
        else:
            initial = seat_fields(seat)
        super().__init__(
            "Ny styrelsepost" if seat is None else f"Ändra posten för {seat.person}",
            initial,
            "Posten gäller från årsmötet (eller från början-datumet vid fyllnadsval) till "
            "årsmötet då mandattiden går ut.",
            save=save,
        )

    def field_specs(self) -> Sequence[FieldSpec]:
        newest_first = sorted(self.meetings, key=lambda m: m.held_on, reverse=True)
        meetings = tuple((m.held_on.isoformat(), str(m.id)) for m in newest_first)
        # The members of today, and the seat's own organisation even if it has left since:
        # otherwise correcting an old seat would silently drop its organisation.
        own = self.seat.organisation_id if self.seat else None
        offered = (m for m in self.members if not m.has_left(self.day) or m.id == own)
        organisations = (("(ingen)", NO_ORGANISATION),) + tuple(
            (m.name, str(m.id)) for m in sorted(offered, key=lambda m: swedish_key(m.name))
        )
        labels = SEAT_LABELS
        return (
            FieldSpec("elected_at", labels["elected_at"], options=meetings),
            FieldSpec("person", labels["person"], placeholder="Förnamn Efternamn"),
            FieldSpec("role", labels["role"], options=ROLE_OPTIONS),
            FieldSpec("organisation_id", labels["organisation_id"], options=organisations),
            FieldSpec(
                "term_years", labels["term_years"], check_with(parse_term), placeholder="1–4"
            ),
            FieldSpec(
                "starts_on",
                labels["starts_on"],
                optional_check(parse_date),
                placeholder="tomt = årsmötets dag",
            ),
        )

    def build(self, values: dict[str, str]) -> BoardSeat:
        seat = parse_seat_fields(values, base=self.seat)
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
        )

    def field_specs(self) -> Sequence[FieldSpec]:
        labels = SEAT_END_LABELS
        return (
            FieldSpec(
                "left_on", labels["left_on"], check_with(parse_date), placeholder="ÅÅÅÅ-MM-DD"
            ),
            FieldSpec("left_reason", labels["left_reason"], placeholder="t.ex. egen begäran"),
        )

    def build(self, values: dict[str, str]) -> BoardSeat:
        left = parse_seat_end_fields(values, self.seat)
        check_seat(left, self.seats, self.meetings, self.members)
        return left


class MeetingForm(RecordForm[AnnualMeeting]):
    def __init__(
        self,
        meetings: Sequence[AnnualMeeting],
        *,
        save: Callable[[AnnualMeeting], AnnualMeeting],
    ) -> None:
        self.meetings = meetings
        super().__init__(
            "Nytt årsmöte",
            {},
            "Poster vars mandattid inte går ut på mötet fortsätter utan nyval; "
            "de nyvalda läggs sedan till med n.",
            save=save,
        )

    def field_specs(self) -> Sequence[FieldSpec]:
        labels = MEETING_LABELS
        return (
            FieldSpec(
                "held_on", labels["held_on"], check_with(parse_date), placeholder="ÅÅÅÅ-MM-DD"
            ),
            FieldSpec("notes", labels["notes"], placeholder="t.ex. digitalt och på plats"),
        )

    def build(self, values: dict[str, str]) -> AnnualMeeting:
        meeting = parse_meeting_fields(values)
        check_meeting(meeting, self.meetings)
        return meeting


class AsOfForm(RecordForm[date]):
    """The day whose board the screen shows."""

    SAVE_LABEL = "Visa"

    def __init__(self, day: date) -> None:
        super().__init__("Visa styrelsen per datum", {"as_of": day.isoformat()})

    def field_specs(self) -> Sequence[FieldSpec]:
        return (FieldSpec("as_of", "Datum", check_with(parse_date), placeholder="ÅÅÅÅ-MM-DD"),)

    def build(self, values: dict[str, str]) -> date:
        try:
            return parse_date(values["as_of"])
        except ValueError as err:
            raise FieldErrors({"as_of": str(err)}) from None
