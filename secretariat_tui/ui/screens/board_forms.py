"""Forms of the board screen: a new seat, ending a seat, a new annual meeting, the date shown.

Each form checks with the domain's board rules in ``build``, so a broken rule (a second
ordförande, a person on two seats) stands next to its field and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from secretariat_tui.domain.board import (
    MAX_TERM,
    MIN_TERM,
    AnnualMeeting,
    BoardSeat,
    Role,
    check_seat,
)
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.members import Member
from secretariat_tui.ui.widgets.record_form import FieldSpec, RecordForm

NO_ORGANISATION = "-"
ROLE_OPTIONS = tuple((role.label, role.value) for role in Role)


def _date_field(values: dict[str, str], name: str) -> date:
    try:
        return parse_date(values[name])
    except ValueError as err:
        raise FieldErrors({name: str(err)}) from None


def check_term(text: str) -> str | None:
    message = f"Mandattiden är ett helt antal år, {MIN_TERM}–{MAX_TERM}."
    try:
        years = int(text.strip())
    except ValueError:
        return message
    return None if MIN_TERM <= years <= MAX_TERM else message


def latest_meeting(meetings: Sequence[AnnualMeeting], day: date) -> AnnualMeeting | None:
    """The latest annual meeting held on or before ``day``."""
    held = [m for m in meetings if m.held_on <= day]
    return max(held, key=lambda m: m.held_on) if held else None


def check_date(text: str) -> str | None:  # TRANSITIONAL until the board branch lands
    try:
        parse_date(text)
    except ValueError as err:
        return str(err)
    return None


def check_optional_date(text: str) -> str | None:
    return check_date(text) if text.strip() else None


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
            initial = {
                "elected_at": str(seat.elected_at),
                "person": seat.person,
                "role": seat.role.value,
                "organisation_id": str(seat.organisation_id or NO_ORGANISATION),
                "term_years": str(seat.term_years),
                "starts_on": seat.starts_on.isoformat() if seat.starts_on else "",
            }
        super().__init__(
            "Ny styrelsepost" if seat is None else f"Ändra posten för {seat.person}",
            initial,
            "Posten gäller från årsmötet (eller från början-datumet vid fyllnadsval) till "
            "årsmötet då mandattiden går ut.",
            save=save,
        )

    def form_fields(self) -> Sequence[Field]:
        newest_first = sorted(self.meetings, key=lambda m: m.held_on, reverse=True)
        meetings = tuple((m.held_on.isoformat(), str(m.id)) for m in newest_first)
        current = sorted(
            (m for m in self.members if not m.has_left(self.day)), key=lambda m: swedish_key(m.name)
        )
        organisations = (("(ingen)", NO_ORGANISATION),) + tuple(
            (m.name, str(m.id)) for m in current
        )
        return (
            FieldSpec("elected_at", "Vald på årsmötet", options=meetings),
            FieldSpec("person", "Namn", placeholder="Förnamn Efternamn"),
            FieldSpec("role", "Roll", options=ROLE_OPTIONS),
            FieldSpec("organisation_id", "Organisation", options=organisations),
            FieldSpec("term_years", "Mandattid (år)", check_term, placeholder="1–4"),
            FieldSpec(
                "starts_on",
                "Börjar (fyllnadsval)",
                check_optional_date,
                placeholder="tomt = årsmötets dag",
            ),
        )

    def build(self, values: dict[str, str]) -> BoardSeat:
        errors = {}
        if not values["elected_at"]:
            errors["elected_at"] = "Välj årsmötet som valde posten."
        if not values["role"]:
            errors["role"] = "Välj en roll."
        if message := check_term(values["term_years"]):
            errors["term_years"] = message
        if message := check_optional_date(values["starts_on"]):
            errors["starts_on"] = message
        if errors:
            raise FieldErrors(errors)
        organisation = values["organisation_id"]
        seat = BoardSeat(
            id=self.seat.id if self.seat else None,
            left_on=self.seat.left_on if self.seat else None,
            left_reason=self.seat.left_reason if self.seat else "",
            person=" ".join(values["person"].split()),
            role=Role(values["role"]),
            organisation_id=int(organisation) if organisation.isdigit() else None,
            elected_at=int(values["elected_at"]),
            term_years=int(values["term_years"]),
            starts_on=parse_date(values["starts_on"]) if values["starts_on"].strip() else None,
        )
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

    def form_fields(self) -> Sequence[Field]:
        return (
            FieldSpec("left_on", "Sista dag", check_date, placeholder="ÅÅÅÅ-MM-DD"),
            FieldSpec("left_reason", "Anledning", placeholder="t.ex. egen begäran"),
        )

    def build(self, values: dict[str, str]) -> BoardSeat:
        left = replace(
            self.seat,
            left_on=_date_field(values, "left_on"),
            left_reason=values["left_reason"].strip(),
        )
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

    def form_fields(self) -> Sequence[Field]:
        return (
            FieldSpec("held_on", "Datum", check_date, placeholder="ÅÅÅÅ-MM-DD"),
            FieldSpec("notes", "Anteckning", placeholder="t.ex. digitalt och på plats"),
        )

    def build(self, values: dict[str, str]) -> AnnualMeeting:
        held_on = _date_field(values, "held_on")
        if any(m.held_on == held_on for m in self.meetings):
            raise FieldErrors({"held_on": f"Det finns redan ett årsmöte {held_on.isoformat()}."})
        return AnnualMeeting(held_on=held_on, notes=values["notes"].strip())


class AsOfForm(RecordForm[date]):
    """The day whose board the screen shows."""

    SAVE_LABEL = "Visa"

    def __init__(self, day: date) -> None:
        super().__init__("Visa styrelsen per datum", {"as_of": day.isoformat()})

    def form_fields(self) -> Sequence[Field]:
        return (FieldSpec("as_of", "Datum", check_date, placeholder="ÅÅÅÅ-MM-DD"),)

    def build(self, values: dict[str, str]) -> date:
        return _date_field(values, "as_of")
