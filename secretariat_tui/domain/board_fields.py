"""A board seat, a seat's end and an annual meeting as typed (form or command line).

The seat form and `secretariat board add` build a seat here, the end form and `board end` an
ended seat, the meeting form and `meeting add` a meeting, so the two front ends cannot build
them differently. What needs the other seats and meetings (one chair, the end within the
term, one meeting a day) is then ``board_rules.check_seat`` / ``check_meeting``.

Dates are ISO (``parse_date``), as both front ends took them before the fields were shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from secretariat_tui.domain.board import MAX_TERM, MIN_TERM, AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.board_rules import PERSON_MISSING, TERM_RULE
from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.field_reader import FieldReader

SEAT_LABELS = {
    "elected_at": "Vald på årsmötet",
    "person": "Namn",
    "role": "Roll",
    "organisation_id": "Organisation",
    "term_years": "Mandattid (år)",
    "starts_on": "Börjar (fyllnadsval)",
}
SEAT_END_LABELS = {"left_on": "Sista dag", "left_reason": "Anledning"}
MEETING_LABELS = {"held_on": "Datum", "notes": "Anteckning"}

NO_ORGANISATION = ""
ROLE_OPTIONS = tuple((role.label, role.value) for role in Role)


def parse_meeting_id(text: str) -> int:
    if not text.strip().isdigit():
        raise ValueError("Välj årsmötet som valde posten.")
    return int(text)


def parse_person(text: str) -> str:
    """The name with its spacing tidied, so "Anna  Berg" is stored as "Anna Berg"."""
    name = " ".join(text.split())
    if not name:
        raise ValueError(PERSON_MISSING)
    return name


def parse_organisation_id(text: str) -> int:
    if not text.strip().isdigit():
        raise ValueError(f"”{text.strip()}” är inget medlems-id.")
    return int(text)


def parse_term(text: str) -> int:
    try:
        years = int(text.strip())
    except ValueError:
        raise ValueError(TERM_RULE) from None
    if not MIN_TERM <= years <= MAX_TERM:
        raise ValueError(TERM_RULE)
    return years


def parse_seat_fields(raw: Mapping[str, str], *, base: BoardSeat | None = None) -> BoardSeat:
    """The seat the fields describe; an edit of ``base`` keeps its id and its end.

    Raises FieldErrors with every fault, each under its field.
    """
    fields = FieldReader(raw)
    elected_at = fields.required("elected_at", parse_meeting_id)
    person = fields.required("person", parse_person)
    role = fields.choice("role", Role, "en roll")
    organisation_id = fields.optional("organisation_id", parse_organisation_id)
    term_years = fields.required("term_years", parse_term)
    starts_on = fields.optional("starts_on", parse_date)
    fields.done()
    assert elected_at is not None and person is not None and role is not None
    assert term_years is not None
    return BoardSeat(
        person=person,
        role=role,
        organisation_id=organisation_id,
        elected_at=elected_at,
        term_years=term_years,
        starts_on=starts_on,
        left_on=base.left_on if base else None,
        left_reason=base.left_reason if base else "",
        id=base.id if base else None,
    )


def seat_fields(seat: BoardSeat) -> dict[str, str]:
    """The seat as typed text, to prefill the form that corrects it."""
    return {
        "elected_at": str(seat.elected_at),
        "person": seat.person,
        "role": seat.role.value,
        "organisation_id": str(seat.organisation_id or NO_ORGANISATION),
        "term_years": str(seat.term_years),
        "starts_on": seat.starts_on.isoformat() if seat.starts_on else "",
    }


def parse_seat_end_fields(raw: Mapping[str, str], seat: BoardSeat) -> BoardSeat:
    """``seat`` ended on the typed last day, for the typed reason."""
    fields = FieldReader(raw)
    left_on = fields.required("left_on", parse_date)
    fields.done()
    return replace(seat, left_on=left_on, left_reason=fields.text("left_reason"))


def parse_meeting_fields(raw: Mapping[str, str]) -> AnnualMeeting:
    fields = FieldReader(raw)
    held_on = fields.required("held_on", parse_date)
    fields.done()
    assert held_on is not None
    return AnnualMeeting(held_on=held_on, notes=fields.text("notes"))
