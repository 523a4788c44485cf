"""The board's rules, in one place for the board screen's forms and `secretariat board|meeting`.

Both front ends used to check a seat each in its own way, and they drifted: the end date of a
seat was held to its term only on the command line. Every rule now raises ``FieldErrors`` keyed
by the seat's field, so a form shows it under that field and the command line names the flag;
what only deserves a look (the organisation was not a member when the seat started) comes back
as a warning instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from secretariat_tui.domain.board import (
    MAX_TERM,
    MIN_TERM,
    AnnualMeeting,
    BoardSeat,
    Period,
    Role,
    describe_period,
    same_person,
    seat_period,
)
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.members import Member

BOARD_RULES = (
    "Styrelsen: en post börjar på dagen för årsmötet som valde den och gäller till det första "
    "årsmöte som hålls året (valår + mandattid) eller senare; utan ett sådant möte fortsätter "
    "den. En post som lämnas i förtid slutar efter avgångsdagen. Högst en ordförande åt gången, "
    "en person har högst en post åt gången, mandattiden är 1–4 år."
)

PERSON_MISSING = "Ange personens namn."
TERM_RULE = f"Mandattiden är ett helt antal år, {MIN_TERM}–{MAX_TERM}."


def check_seat(
    seat: BoardSeat,
    seats: Iterable[BoardSeat],
    meetings: Sequence[AnnualMeeting],
    members: Iterable[Member],
) -> list[str]:
    """Raise FieldErrors if ``seat`` breaks a rule against the other ``seats``; else return
    Swedish warnings (things to look at that do not block saving).

    The seat's own values are checked first, then its end, then the other seats: a later
    check needs the earlier ones to hold (a period needs its meeting).
    """
    by_id = {m.id: m for m in members}
    errors = _own_errors(seat, meetings, by_id) or _end_errors(seat, meetings)
    errors = errors or _clashes(seat, seats, meetings)
    if errors:
        raise FieldErrors(errors)
    start = seat_period(seat, meetings)[0]
    organisation = by_id.get(seat.organisation_id) if seat.organisation_id is not None else None
    if organisation is not None and not organisation.is_member_on(start):
        return [f"{organisation.name} var inte medlem {start.isoformat()}, när posten började."]
    return []


def _own_errors(
    seat: BoardSeat, meetings: Sequence[AnnualMeeting], members: dict[int | None, Member]
) -> dict[str, str]:
    """The seat alone: a name, a term of 1–4 years, a meeting and an organisation that exist,
    and a replacement that does not start before the meeting that elected it."""
    errors: dict[str, str] = {}
    if not seat.person.strip():
        errors["person"] = PERSON_MISSING
    if not MIN_TERM <= seat.term_years <= MAX_TERM:
        errors["term_years"] = TERM_RULE
    if seat.organisation_id is not None and seat.organisation_id not in members:
        errors["organisation_id"] = f"Det finns ingen medlem med id {seat.organisation_id}."
    elected = next((m for m in meetings if m.id == seat.elected_at), None)
    if elected is None:
        errors["elected_at"] = f"Det finns inget årsmöte med id {seat.elected_at}."
    elif seat.starts_on is not None and seat.starts_on < elected.held_on:
        errors["starts_on"] = (
            f"Posten kan inte börja före årsmötet som valde den ({elected.held_on.isoformat()})."
        )
    return errors


def _end_errors(seat: BoardSeat, meetings: Sequence[AnnualMeeting]) -> dict[str, str]:
    """The last day on the board lies within the seat: not before it started, and not on or
    after the meeting at which its term ran out (the seat was gone by then)."""
    if seat.left_on is None:
        return {}
    start, natural_end = seat_period(replace(seat, left_on=None), meetings)
    if seat.left_on < start:
        began = start.isoformat()
        return {"left_on": f"Avgångsdagen kan inte ligga före postens början ({began})."}
    if natural_end is not None and seat.left_on >= natural_end:
        ended = natural_end.isoformat()
        return {"left_on": f"Posten gick redan ut {ended}, när mandattiden tog slut."}
    return {}


def _clashes(
    seat: BoardSeat, seats: Iterable[BoardSeat], meetings: Sequence[AnnualMeeting]
) -> dict[str, str]:
    """At most one ordförande at a time, and one seat per person at a time (an edited seat
    does not clash with its own stored version)."""
    errors: dict[str, str] = {}
    period = seat_period(seat, meetings)
    for other in seats:
        if seat.id is not None and other.id == seat.id:
            continue
        other_period = seat_period(other, meetings)
        if not _overlap(period, other_period):
            continue
        when = describe_period(other_period)
        if seat.role is Role.CHAIR and other.role is Role.CHAIR and "role" not in errors:
            errors["role"] = (
                f"Styrelsen har redan en ordförande under perioden: {other.person} ({when})."
            )
        if same_person(seat.person, other.person) and "person" not in errors:
            errors["person"] = (
                f"{other.person} har redan en post under perioden: {other.role.label} ({when})."
            )
    return errors


def _overlap(a: Period, b: Period) -> bool:
    return (b[1] is None or a[0] < b[1]) and (a[1] is None or b[0] < a[1])


def check_meeting(meeting: AnnualMeeting, meetings: Iterable[AnnualMeeting]) -> None:
    """One annual meeting a day: a second one the same day is a typo, and could not be told
    apart from the first when a seat is elected at it."""
    if any(m.held_on == meeting.held_on and m.id != meeting.id for m in meetings):
        raise FieldErrors(
            {"held_on": f"Det finns redan ett årsmöte {meeting.held_on.isoformat()}."}
        )
