"""A board seat, a seat's end and an annual meeting: fields declared once, and typed text →
a seat, an ended seat, a meeting.

The seat form and `secretariat board add` build a seat here, the end form and `board end` an
ended seat, the meeting form and `meeting add` a meeting, so the two front ends cannot build
them differently. What needs the other seats and meetings (one chair, the end within the
term, one meeting a day) is then ``board_rules.check_seat`` / ``check_meeting``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from secretariat_tui.domain.board import MAX_TERM, MIN_TERM, AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.board_rules import PERSON_MISSING, TERM_RULE
from secretariat_tui.domain.fields import (
    Choice,
    Day,
    Field,
    FieldReader,
    Kind,
    Ref,
    Text,
    record_text,
)


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


def parse_term(text: str) -> int:
    try:
        years = int(text.strip())
    except ValueError:
        raise ValueError(TERM_RULE) from None
    if not MIN_TERM <= years <= MAX_TERM:
        raise ValueError(TERM_RULE)
    return years


class Term(Kind[int]):
    """A term of office: a whole number of years, 1–4."""

    hint = f"{MIN_TERM}–{MAX_TERM}"

    def parse(self, text: str, today: date) -> int:
        return parse_term(text)


class RoleChoice(Choice[Role]):
    """A role, also as a shell would have it typed: ``vice-ordförande`` for ``vice ordförande``."""

    def __init__(self) -> None:
        super().__init__(Role, "styrelseroll")
        self.values = ", ".join(role.value.replace(" ", "-") for role in Role)
        self.hint = f"styrelseroll: {self.values}"

    def parse(self, text: str, today: date) -> Role:
        try:
            return super().parse(text.replace("-", " ").replace("_", " "), today)
        except ValueError:
            if not text.strip():
                raise
            raise ValueError(
                f"”{text.strip()}” är ingen {self.what}; välj {self.values}."
            ) from None


SEAT_FIELDS = (
    Field(
        "elected_at",
        "Vald på årsmötet",
        Ref("årsmöte"),
        flag="--meeting",
        required=True,
        help="Årsmötet som valde.",
    ),
    Field(
        "person",
        "Namn",
        Text(parse_person),
        required=True,
        help="Personens namn.",
        placeholder="Förnamn Efternamn",
    ),
    Field("role", "Roll", RoleChoice(), required=True, help="Rollen."),
    Field(
        "organisation_id",
        "Organisation",
        Ref("medlem", none="(ingen)"),
        flag="--member",
        help="Medlemsorganisationen personen kommer från.",
    ),
    Field(
        "term_years",
        "Mandattid (år)",
        Term(),
        flag="--term",
        required=True,
        help="Mandattid i år.",
        default=1,
    ),
    Field(
        "starts_on",
        "Börjar (fyllnadsval)",
        Day(),
        flag="--starts",
        help="Första dag, för fyllnadsval mellan årsmöten.",
        placeholder="tomt = årsmötets dag",
    ),
)
"""A seat as elected: the form's fields and `board add`'s flags."""
SEAT_END_FIELDS = (
    Field(
        "left_on", "Sista dag", Day(), flag="--date", required=True, help="Sista dag i styrelsen."
    ),
    Field(
        "left_reason",
        "Anledning",
        flag="--reason",
        help="Orsak, t.ex. avgått.",
        placeholder="t.ex. egen begäran",
    ),
)
"""A seat left early: the last day on the board and why."""
MEETING_FIELDS = (
    Field("held_on", "Datum", Day(), flag="--date", required=True, help="Mötesdag."),
    Field(
        "notes",
        "Anteckning",
        help="Anteckningar, t.ex. plats.",
        placeholder="t.ex. digitalt och på plats",
    ),
)
"""An annual meeting."""


def parse_seat_fields(
    raw: Mapping[str, str], today: date, *, base: BoardSeat | None = None
) -> BoardSeat:
    """The seat the fields describe; an edit of ``base`` keeps its id and its end.

    Raises FieldErrors with every fault, each under its field.
    """
    fields = FieldReader(SEAT_FIELDS, raw, today)
    elected_at = fields.value("elected_at", parse_meeting_id)
    values = fields.read("person", "role", "organisation_id", "term_years", "starts_on")
    fields.done()
    assert elected_at is not None
    return BoardSeat(
        **values,
        elected_at=elected_at,
        left_on=base.left_on if base else None,
        left_reason=base.left_reason if base else "",
        id=base.id if base else None,
    )


def seat_fields(seat: BoardSeat) -> dict[str, str]:
    """The seat as typed text, to prefill the form that corrects it."""
    return record_text(SEAT_FIELDS, seat)


def parse_seat_end_fields(raw: Mapping[str, str], seat: BoardSeat, today: date) -> BoardSeat:
    """``seat`` ended on the typed last day, for the typed reason."""
    fields = FieldReader(SEAT_END_FIELDS, raw, today)
    values = fields.read()
    fields.done()
    return replace(seat, **values)


def parse_meeting_fields(raw: Mapping[str, str], today: date) -> AnnualMeeting:
    fields = FieldReader(MEETING_FIELDS, raw, today)
    values = fields.read()
    fields.done()
    return AnnualMeeting(**values)
