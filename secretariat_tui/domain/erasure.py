"""Erasing a person's personal data (GDPR Art. 17), as new versions of the records.

The member record is kept, never deleted: the figures of past years, the payments and every
reference to it stay right. What goes:

- the member: an individual's name becomes ``Raderad person (id 7)``; an organisation keeps
  its name and organisation number. Both lose contact person, e-mail, phone, address and
  the reason for leaving, and get ``erased_on``;
- board seats held by the person: the person becomes the same ``Raderad person (id 7)`` and
  the reason for leaving is cleared; role, dates and organisation stay, so the board of any
  date and the report's counts stay right;
- the member's delegates at annual meetings (presence stays, for the meeting's figures);
- the notes of its payments and agreed fees: amount, fee year, date and reference stay as
  anonymous bookkeeping (Bokföringslagen keeps them seven years);
- every other mention of the person's strings (an activity's participants, a submission's
  recipient, a network's contact, a note) becomes ``[raderad]``; co-signing member ids stay.

Other members' own records are never changed: a string one of them holds too is that
membership's data and is kept (``personal_data.held_elsewhere``), and the plan says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.board import AnnualMeeting, BoardSeat
from secretariat_tui.domain.fees import FeeOverride, Payment
from secretariat_tui.domain.members import Contact, Member, MemberKind
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.personal_data import (
    Delegation,
    Mentions,
    Register,
    distinct,
    erased_name,
    held_elsewhere,
    mention_pattern,
    mentioned_fields,
    person_strings,
    tied_seats,
)
from secretariat_tui.domain.submissions import Submission

ERASED_MENTION = "[raderad]"
MARK_ONLY = "inga personuppgifter; markeras som raderad"

FIELD_LABELS = {
    "name": "namn",
    "person": "person",
    "email": "e-post",
    "phone": "telefon",
    "address": "adress",
    "end_reason": "orsak till utträdet",
    "note": "anteckning",
    "notes": "anteckningar",
    "reference": "referens",
    "left_reason": "orsak till avgången",
    "delegate": "ombud",
    "title": "rubrik",
    "location": "plats",
    "participants": "deltagare",
    "recipient": "mottagare",
    "organiser": "arrangör",
    "role": "roll",
    "meets": "möten",
    "about": "om nätverket",
    "contact": "kontakt",
}

R = TypeVar("R")


@dataclass(frozen=True)
class Change:
    """One record that changes, and what goes from it, in Swedish."""

    what: str
    details: tuple[str, ...]

    def line(self) -> str:
        return f"{self.what}: {', '.join(self.details)}"


@dataclass(frozen=True)
class Erasure:
    """What erasing a member's person changes: the new versions of the changed records.

    ``before`` and ``member`` are None in an older copy of the register made before the
    member joined: the person may be named there all the same.
    """

    member_id: int
    before: Member | None
    member: Member | None
    payments: tuple[Payment, ...] = ()
    agreements: tuple[FeeOverride, ...] = ()
    seats: tuple[BoardSeat, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    meetings: tuple[AnnualMeeting, ...] = ()
    activities: tuple[Activity, ...] = ()
    submissions: tuple[Submission, ...] = ()
    networks: tuple[NetworkMembership, ...] = ()
    strings: tuple[str, ...] = ()
    """The person's strings searched for (in backups too); the kept ones are not among them."""
    kept: tuple[tuple[str, int | None], ...] = ()
    """Strings kept: held by another member (its id), or in the organisation's own name."""
    changes: tuple[Change, ...] = ()

    @property
    def already_erased(self) -> bool:
        return self.before is not None and self.before.erased_on is not None

    @property
    def changes_anything(self) -> bool:
        return bool(self.changes)

    @property
    def removes_data(self) -> bool:
        """Anything of the person goes (not only the mark on a member that held nothing)."""
        return any(change.details != (MARK_ONLY,) for change in self.changes)

    def lines(self) -> list[str]:
        """What will go, one record a line, then what is kept and why."""
        lines = [change.line() for change in self.changes]
        for text, holder in self.kept:
            where = (
                "är en del av organisationens namn"
                if holder is None
                else f"finns också hos medlem {holder}"
            )
            lines.append(f"Står kvar: ”{text}” {where}.")
        return lines


def erased_member(member: Member) -> Member:
    """The member without its person: an individual's name too, an organisation's kept."""
    assert member.id is not None
    name = erased_name(member.id) if member.kind is MemberKind.INDIVIDUAL else member.name
    return replace(member, name=name, contact=Contact(), end_reason="")


def _quoted(label: str, value: str) -> str:
    return f"{label} ”{' '.join(value.split())}”"


def _member_change(before: Member, after: Member) -> Change | None:
    details = []
    if before.name != after.name:
        details.append(f"{_quoted('namn', before.name)} blir ”{after.name}”")
    for name in ("person", "email", "phone", "address"):
        value = getattr(before.contact, name)
        if value.strip():
            label = "kontaktperson" if name == "person" else FIELD_LABELS[name]
            details.append(_quoted(label, value))
    if before.end_reason.strip():
        details.append(_quoted(FIELD_LABELS["end_reason"], before.end_reason))
    if not details and before.erased_on is None:
        details.append(MARK_ONLY)
    if not details:
        return None
    return Change(f"Medlem {before.id}", tuple(details))


def _labels(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(FIELD_LABELS.get(n, n) for n in names)


def scrub(record: R, pattern: Mentions | None) -> tuple[R, tuple[str, ...]]:
    """``record`` with every mention in its text fields replaced by ``[raderad]``, and the
    names of the fields that changed (none: the same record)."""
    names = mentioned_fields(record, pattern)
    if not names or pattern is None:
        return record, ()
    new = {n: pattern.sub(ERASED_MENTION, getattr(record, n)) for n in names}
    return replace(record, **new), names  # type: ignore[type-var]


def _cleared(record: R, names: Sequence[str]) -> tuple[R, tuple[str, ...]]:
    """``record`` with the text fields ``names`` emptied; the ones that held something."""
    held = tuple(n for n in names if getattr(record, n))
    return (replace(record, **dict.fromkeys(held, "")), held) if held else (record, ())  # type: ignore[type-var]


def plan_erasure(
    register: Register, member_id: int, day: date, also: Iterable[str] = ()
) -> Erasure:
    """What erasing member ``member_id``'s person on ``day`` changes in ``register``.

    ``also``: more of the person's strings, found in older copies of the register (an
    e-mail since changed), searched for as well. Nothing is changed here: the result holds
    the new versions of the records that change, for the store to save in one go.
    """
    before = next((m for m in register.members if m.id == member_id), None)
    own = person_strings(register, member_id) if before is not None else ()
    found = distinct([*own, *also])
    kept = held_elsewhere(register, member_id, found)
    strings = tuple(s for s in found if s not in kept)
    pattern = mention_pattern(strings)
    changes: list[Change] = []

    member = before
    if before is not None:
        erased = erased_member(before)
        member_change = _member_change(before, erased)
        if member_change is not None:
            changes.append(member_change)
            member = replace(erased, erased_on=day)
    meetings = {m.id: m for m in register.meetings}

    def changed(records: Iterable[R], own: Callable[[R], bool] = lambda _: False) -> list[R]:
        """The records that mention the person, scrubbed; the member's own notes cleared."""
        found = []
        for record in records:
            new, names = scrub(record, pattern)
            if own(record):
                new, cleared = _cleared(new, ["note"])
                names = tuple(dict.fromkeys([*names, *cleared]))
            if names:
                found.append(new)
                changes.append(Change(_describe(record), _labels(names)))
        return found

    def seat_changed(seat: BoardSeat, names: tuple[str, ...]) -> None:
        elected = meetings.get(seat.elected_at)
        when = f", vald {elected.held_on.isoformat()}" if elected else ""
        what = f"Styrelsepost {seat.id} ({seat.role.label}{when})"
        changes.append(Change(what, _labels(names)))

    def owned(record: Payment | FeeOverride) -> bool:
        return record.member_id == member_id

    payments = changed(register.payments, owned)
    agreements = changed(register.agreements, owned)
    seats = []
    tied = {seat.id for seat in tied_seats(register.seats, strings)}
    for seat in register.seats:
        if seat.id in tied:
            new = replace(seat, person=erased_name(member_id), left_reason="")
            names = tuple(n for n in ("person", "left_reason") if getattr(seat, n))
        else:
            new, names = scrub(seat, pattern)
        if new != seat:
            seats.append(new)
            seat_changed(seat, names)

    delegations = []
    for delegation in register.delegations:
        attendance, names = scrub(delegation.attendance, pattern)
        if attendance.member_id == member_id:
            attendance, names = _cleared(attendance, ["delegate"])
        if names:
            delegations.append(Delegation(delegation.meeting_id, attendance))
            meeting = meetings.get(delegation.meeting_id)
            held = meeting.held_on.isoformat() if meeting else f"id {delegation.meeting_id}"
            what = f"Ombud för medlem {attendance.member_id} vid årsmötet {held}"
            changes.append(Change(what, _labels(names)))

    return Erasure(
        member_id=member_id,
        before=before,
        member=member,
        payments=tuple(payments),
        agreements=tuple(agreements),
        seats=tuple(seats),
        delegations=tuple(delegations),
        meetings=tuple(changed(register.meetings)),
        activities=tuple(changed(register.activities)),
        submissions=tuple(changed(register.submissions)),
        networks=tuple(changed(register.networks)),
        strings=strings,
        kept=tuple(kept.items()),
        changes=tuple(changes),
    )


def _describe(record: object) -> str:
    if isinstance(record, Payment):
        return (
            f"Betalning {record.id} (avgiftsår {record.fee_year}, "
            f"{format_kronor(record.amount)}, betald {record.paid_on.isoformat()})"
        )
    if isinstance(record, FeeOverride):
        return f"Avtalad avgift {record.year} för medlem {record.member_id}"
    if isinstance(record, Activity):
        return f"Aktivitet {record.id} ({record.when.iso()})"
    if isinstance(record, Submission):
        return f"Inlaga {record.id} ({record.when.iso()}, {record.kind.label.lower()})"
    if isinstance(record, NetworkMembership):
        return f"Nätverk {record.id} ({record.name})"
    if isinstance(record, AnnualMeeting):
        return f"Årsmöte {record.held_on.isoformat()}"
    return type(record).__name__
