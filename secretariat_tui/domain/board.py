"""The board (styrelse) and the annual meetings (årsmöten) that elect it.

Nothing is overwritten: a seat is recorded once, with the meeting that elected it, its term and
an early-leave date if any, and the board on any day is derived from the seats and the meetings.

How long a seat lasts:
- A seat starts on the date of the meeting that elected it (or on ``starts_on`` for a
  replacement chosen between meetings) and lasts until the first annual meeting held in or
  after the year ``elected year + term_years``; while no such meeting is recorded it continues.
- A seat left early ends after its ``left_on`` day (the last day on the board).

What a new seat must keep (one chair, one seat per person, the term, the end date) is in
``board_rules``; the lines every front end prints about seats are here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.members import Member

MIN_TERM = 1
MAX_TERM = 4


class Role(StrEnum):
    """In listing order: chair first, then vice chair, treasurer, secretary, members, deputies."""

    CHAIR = "ordförande"
    VICE_CHAIR = "vice ordförande"
    TREASURER = "kassör"
    SECRETARY = "sekreterare"
    MEMBER = "ledamot"
    DEPUTY = "suppleant"

    @property
    def label(self) -> str:
        return self.value[0].upper() + self.value[1:]

    @property
    def order(self) -> int:
        return list(Role).index(self)


@dataclass(frozen=True)
class AnnualMeeting:
    held_on: date
    notes: str = ""
    id: int | None = None
    voting_fee_year: int | None = None
    """The fee year that gives a vote; None: the meeting's own year (see voting.rule_for)."""
    voting_cutoff: date | None = None
    """The last day that fee may be paid for a vote; None: the meeting day."""


@dataclass(frozen=True)
class BoardSeat:
    """One person's seat from one election. ``left_on`` is the last day on the board.

    ``starts_on`` is for a replacement chosen between meetings (fyllnadsval): the seat belongs
    to the term of ``elected_at`` but starts later than that meeting.
    """

    person: str
    role: Role
    organisation_id: int | None
    elected_at: int
    term_years: int = 1
    left_on: date | None = None
    left_reason: str = ""
    starts_on: date | None = None
    id: int | None = None


Period = tuple[date, date | None]
"""``(first day, first day no longer on the board)``; an open end is None."""


def _meeting(meeting_id: int, meetings: Iterable[AnnualMeeting]) -> AnnualMeeting:
    for meeting in meetings:
        if meeting.id == meeting_id:
            return meeting
    raise FieldErrors({"elected_at": f"Det finns inget årsmöte med id {meeting_id}."})


def term_end_year(seat: BoardSeat, meetings: Iterable[AnnualMeeting]) -> int:
    """The year of the annual meeting at which the seat's term runs out."""
    return _meeting(seat.elected_at, meetings).held_on.year + seat.term_years


def seat_period(seat: BoardSeat, meetings: Sequence[AnnualMeeting]) -> Period:
    """When the seat is held: from its meeting (or ``starts_on``) to the meeting ending the term,
    or to the day after ``left_on`` if that comes first."""
    elected = _meeting(seat.elected_at, meetings)
    start = seat.starts_on or elected.held_on
    ends_in = elected.held_on.year + seat.term_years
    closing = sorted(m.held_on for m in meetings if m.held_on.year >= ends_in)
    end: date | None = closing[0] if closing else None
    if seat.left_on is not None:
        left = seat.left_on + timedelta(days=1)
        end = left if end is None else min(end, left)
    return start, end


def _holds(period: Period, day: date) -> bool:
    start, end = period
    return start <= day and (end is None or day < end)


def _sorted(seats: Iterable[BoardSeat]) -> list[BoardSeat]:
    return sorted(seats, key=lambda s: (s.role.order, swedish_key(s.person), s.id or 0))


def board_on(
    day: date, seats: Iterable[BoardSeat], meetings: Sequence[AnnualMeeting]
) -> list[BoardSeat]:
    """The board on ``day``, chair first, then by role and by name."""
    return _sorted(s for s in seats if _holds(seat_period(s, meetings), day))


def same_person(a: str, b: str) -> bool:
    """One person however the name was spaced or capitalised ("anna  Berg", "Anna Berg")."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def describe_period(period: Period) -> str:
    """ "2024-04-18–2025-04-23" or "från 2024-04-18" (the end is the first day off the board)."""
    start, end = period
    if end is None:
        return f"från {start.isoformat()}"
    return f"{start.isoformat()}–{(end - timedelta(days=1)).isoformat()}"


def person_text(seat: BoardSeat, members_by_id: Mapping[int, Member]) -> str:
    """ "Förnamn Efternamn (Organisation)", or the name alone without a known organisation."""
    organisation = members_by_id.get(seat.organisation_id) if seat.organisation_id else None
    return f"{seat.person} ({organisation.name})" if organisation else seat.person


def seat_line(seat: BoardSeat, members_by_id: Mapping[int, Member]) -> str:
    """ "Ordförande: Förnamn Efternamn (Organisation)", as the annual report lists the board."""
    return f"{seat.role.label}: {person_text(seat, members_by_id)}"


def seat_summary(
    seat: BoardSeat, meetings: Sequence[AnnualMeeting], members_by_id: Mapping[int, Member]
) -> str:
    """The report line with the seat's period: "Ledamot: Bo Ek (Roks), från 2024-04-18"."""
    return f"{seat_line(seat, members_by_id)}, {describe_period(seat_period(seat, meetings))}"


def next_meeting_year(meetings: Iterable[AnnualMeeting], today: date) -> int:
    """The year after the latest meeting held on or before ``today`` (this year if none)."""
    held = [m.held_on.year for m in meetings if m.held_on <= today]
    return max(held) + 1 if held else today.year


def seats_ending_at_next_meeting(
    seats: Iterable[BoardSeat], meetings: Sequence[AnnualMeeting], today: date
) -> list[BoardSeat]:
    """For the nomination committee (valberedning): the seats held today whose term runs out
    at the next annual meeting, so that someone must be elected to them."""
    year = next_meeting_year(meetings, today)
    return [s for s in board_on(today, seats, meetings) if term_end_year(s, meetings) <= year]


def carry_over(
    seats: Iterable[BoardSeat],
    old_meeting: AnnualMeeting,
    new_meeting: AnnualMeeting,
    meetings: Sequence[AnnualMeeting] = (),
) -> list[BoardSeat]:
    """The seats that continue through ``new_meeting``: held on its date and not ending at it,
    so they need no new election. ``meetings`` gives the dates of earlier elections (seats
    elected before ``old_meeting`` with a longer term); the two meetings are always included.
    Seats elected at ``new_meeting`` itself are the new election, not carried over; seats of
    a meeting not given are left out."""
    known = [m for m in meetings if m.id not in (old_meeting.id, new_meeting.id)]
    known += [old_meeting, new_meeting]
    ids = {m.id for m in known if m.id is not None} - {new_meeting.id}
    before = [s for s in seats if s.elected_at in ids]
    return [
        s
        for s in board_on(new_meeting.held_on, before, known)
        if seat_period(s, known)[0] < new_meeting.held_on
    ]


def nominations(
    seats: Iterable[BoardSeat], meetings: Sequence[AnnualMeeting], today: date
) -> tuple[str, list[BoardSeat]]:
    """What the nomination committee needs: a heading and the seats to fill at the next
    annual meeting (the same on the board screen and from `secretariat board nominations`,
    which lists the seats with their ids for `board end`)."""
    year = next_meeting_year(meetings, today)
    ending = seats_ending_at_next_meeting(seats, meetings, today)
    if not ending:
        return f"Inga poster går ut vid årsmötet {year}.", []
    return f"Poster vars mandattid går ut vid årsmötet {year}:", ending


def nominations_text(
    seats: Iterable[BoardSeat],
    meetings: Sequence[AnnualMeeting],
    members_by_id: Mapping[int, Member],
    today: date,
) -> str:
    """The nominations as text to read or send: the heading, then a line per seat."""
    heading, ending = nominations(seats, meetings, today)
    lines = [seat_summary(seat, meetings, members_by_id) for seat in ending]
    return "\n".join([heading, "", *lines]) if lines else heading
