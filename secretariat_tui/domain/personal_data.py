"""Personal data (GDPR): whose data the register holds, where, and the register extract.

A member's personal data is the person behind it: an individual member's own name, and for
any member its contact persons, e-mail, phone and postal address, the board seats held by
those persons and the delegates it sent to annual meetings. An organisation's name and
organisation number are not personal data. Those strings, wherever else they stand (an
activity's participants, a submission's notes), are the person's too: ``mentions`` finds
them there, for the extract (Art. 15) and for the erasure (Art. 17, ``domain.erasure``).

Matching is loose where people type loosely and strict where it matters: any case, any
spacing, a genitive s, but whole words, so erasing "Bo Ek" leaves "Bo Ekström" alone. A string that
another member's own record holds too ("held elsewhere": the same contact person for two
organisations, an organisation named after her) is another membership's data and is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Generic, TypeVar

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Period, same_person, seat_period
from secretariat_tui.domain.fees import FeeOverride, Payment
from secretariat_tui.domain.members import Member, MemberKind
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.domain.voting import Attendance

MIN_LENGTH = 3
MIN_DIGITS = 6
"""Shorter strings (a name "Bo", an address "–"), and numbers of fewer than six digits, are
cleared in the member's record but never searched for elsewhere: they would match ids,
years and amounts everywhere. A phone number has more."""
_ERASED_NAME = re.compile(r"Raderad person \(id \d+\)")
NOT_SEARCHED = frozenset({"uid"})
"""Fields that hold no text a person typed (generated identifiers)."""

T = TypeVar("T")


def erased_name(member_id: int) -> str:
    """What an erased person is called: the member's own name, a board seat's person."""
    return f"Raderad person (id {member_id})"


@dataclass(frozen=True)
class Delegation:
    """A member's delegate (ombud) at one annual meeting."""

    meeting_id: int
    attendance: Attendance


@dataclass(frozen=True)
class Register:
    """Every record of the file, as the domain sees it: what the rules here read."""

    members: Sequence[Member] = ()
    payments: Sequence[Payment] = ()
    agreements: Sequence[FeeOverride] = ()
    meetings: Sequence[AnnualMeeting] = ()
    seats: Sequence[BoardSeat] = ()
    delegations: Sequence[Delegation] = ()
    activities: Sequence[Activity] = ()
    submissions: Sequence[Submission] = ()
    networks: Sequence[NetworkMembership] = ()

    def member(self, member_id: int) -> Member:
        for member in self.members:
            if member.id == member_id:
                return member
        raise LookupError(f"Det finns ingen medlem med id {member_id}.")

    def meeting(self, meeting_id: int) -> AnnualMeeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)


def searchable(text: str) -> bool:
    stripped = " ".join(text.split())
    if len(stripped) < MIN_LENGTH or _ERASED_NAME.fullmatch(stripped):
        return False
    letters = any(c.isalpha() for c in stripped)
    return letters or sum(c.isdigit() for c in stripped) >= MIN_DIGITS


def person_names(member: Member) -> list[str]:
    """The names that are people: an individual's own name and the contact person."""
    names = [member.name] if member.kind is MemberKind.INDIVIDUAL else []
    names.append(member.contact.person)
    return [n for n in names if searchable(n)]


def person_strings(register: Register, member_id: int) -> tuple[str, ...]:
    """Every string of ``register`` that is the member's person (see the module docstring)."""
    member = register.member(member_id)
    contact = member.contact
    values = [*person_names(member), contact.email, contact.phone, contact.address]
    values += [s.person for s in tied_seats(register.seats, values)]
    values += [d.attendance.delegate for d in delegations_of(register, member_id)]
    return distinct(v for v in values if searchable(v))


def distinct(values: Iterable[str]) -> tuple[str, ...]:
    """First of each, compared as ``same_person`` does (case and spacing do not count)."""
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(" ".join(value.split()).casefold(), " ".join(value.split()))
    return tuple(seen.values())


def tied_seats(seats: Iterable[BoardSeat], strings: Iterable[str]) -> list[BoardSeat]:
    """The board seats whose person is one of ``strings`` (the person's names)."""
    names = [s for s in strings if s]
    return [seat for seat in seats if any(same_person(seat.person, n) for n in names)]


def delegations_of(register: Register, member_id: int) -> list[Delegation]:
    return [d for d in register.delegations if d.attendance.member_id == member_id]


def _loose(text: str) -> str:
    """``text`` as a pattern: any spacing between its words, whole words at its ends, and a
    Swedish genitive s after a final letter ("Anna Eks förslag" is Anna Ek's too)."""
    return _bounded(r"\s+".join(map(re.escape, text.split())), text.strip())


def _bounded(body: str, text: str) -> str:
    start = r"(?<!\w)" if re.match(r"\w", text) else ""
    end = ""
    if re.search(r"[^\W\d_]$", text):
        end = r"s?(?!\w)"
    elif re.search(r"\w$", text):
        end = r"(?!\w)"
    return f"{start}{body}{end}"


@dataclass(frozen=True)
class Mentions:
    """The person's strings as one pattern (any case), searched where it can start.

    Every alternative starts with a look-behind, so ``re`` would try the pattern at every
    position of the text: for the ten-year register's ten backups (2 MB each, searched as
    one text) that took seconds. A match starts where one of the forms' first words stands,
    so those places are found with plain substring search (in C) in the lower-cased text
    and the pattern is tried only there. Case is compared as ``str.lower`` does.
    """

    pattern: re.Pattern[str]
    needles: tuple[str, ...]

    @classmethod
    def of(cls, forms: Iterable[tuple[str, str]]) -> Mentions | None:
        """From (pattern, the text it was made from) pairs; None when there are none."""
        found = dict(forms)
        if not found:
            return None
        parts = sorted(found, key=len, reverse=True)
        needles = {text.split()[0].lower() for text in found.values()}
        return cls(re.compile("|".join(parts), re.IGNORECASE), tuple(sorted(needles)))

    def search(self, text: str) -> re.Match[str] | None:
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer: no shortcut
            return self.pattern.search(text)
        for needle in self.needles:
            start = lowered.find(needle)
            while start != -1:
                if found := self.pattern.match(text, start):
                    return found
                start = lowered.find(needle, start + 1)
        return None

    def sub(self, replacement: str, text: str) -> str:
        return self.pattern.sub(replacement, text) if self.search(text) else text


def mention_pattern(strings: Iterable[str]) -> Mentions | None:
    """One matcher for all of ``strings``, any case; None when there are none to look for."""
    return Mentions.of((_loose(s), s) for s in strings if searchable(s))


def raw_pattern(strings: Iterable[str]) -> Mentions | None:
    """For a file's bytes as text: each string as typed and as JSON writes it (``\\n``, and
    ``\\u00e5`` for å in files written with ASCII escapes), so a copy is found in any form."""
    forms: list[tuple[str, str]] = []
    for text in strings:
        if searchable(text):
            forms.append((_loose(text), text))
            for ascii_only in (True, False):
                for variant in (" ".join(text.split()), text.strip()):
                    escaped = json.dumps(variant, ensure_ascii=ascii_only)[1:-1]
                    forms.append((_bounded(re.escape(escaped), escaped), escaped))
    return Mentions.of(forms)


_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}


def _text_fields(record: object) -> tuple[str, ...]:
    """The names of the fields of ``record``'s class that a person may have typed into."""
    names = _TEXT_FIELDS.get(type(record))
    if names is None:
        every = fields(record)  # type: ignore[arg-type]
        names = _TEXT_FIELDS[type(record)] = tuple(
            f.name for f in every if f.name not in NOT_SEARCHED
        )
    return names


def mentioned_fields(record: object, pattern: Mentions | None) -> tuple[str, ...]:
    """The names of ``record``'s text fields that mention the person.

    The fields are searched as one text first (joined by a character that is no word
    character): most records mention no one, and one search costs less than one per field.
    """
    if pattern is None:
        return ()
    texts = [
        (name, value)
        for name in _text_fields(record)
        if type(value := getattr(record, name)) is str and value  # a StrEnum is a choice
    ]
    if not texts or not pattern.search("\x00".join(value for _, value in texts)):
        return ()
    return tuple(name for name, value in texts if pattern.search(value))


def own_texts(member: Member) -> list[str]:
    """What a member's own record holds as text."""
    contact = member.contact
    return [
        member.name,
        member.org_number,
        contact.person,
        contact.email,
        contact.phone,
        contact.address,
        member.end_reason,
    ]


def held_elsewhere(
    register: Register, member_id: int, strings: Iterable[str]
) -> dict[str, int | None]:
    """The strings that another member's own record holds too (→ that member's id), or this
    organisation's own name or number (→ None): not the person's alone, so they are kept."""
    member = next((m for m in register.members if m.id == member_id), None)
    kept: dict[str, int | None] = {}
    for text in strings:
        pattern = mention_pattern([text])
        if pattern is None:
            continue
        if (
            member
            and member.kind is MemberKind.ORGANISATION
            and any(pattern.search(t) for t in (member.name, member.org_number))
        ):
            kept[text] = None
            continue
        for other in register.members:
            if other.id != member_id and any(pattern.search(t) for t in own_texts(other)):
                kept[text] = other.id
                break
    return kept


# --- the register extract (Art. 15) --------------------------------------------------------


@dataclass(frozen=True)
class Mentioned(Generic[T]):
    """A record that names the member or its person, and in which of its fields."""

    record: T
    fields: tuple[str, ...]


@dataclass(frozen=True)
class SeatEntry:
    seat: BoardSeat
    elected_at: AnnualMeeting | None
    period: Period | None
    organisation: Member | None


@dataclass(frozen=True)
class DelegateEntry:
    meeting: AnnualMeeting | None
    meeting_id: int
    attendance: Attendance


@dataclass(frozen=True)
class Extract:
    """Everything the register holds about a member and its contact persons."""

    member: Member
    names: tuple[str, ...]
    """Who the sections of mentions are about: the member's name and its contact person."""
    payments: tuple[Payment, ...]
    agreements: tuple[FeeOverride, ...]
    seats: tuple[SeatEntry, ...]
    delegates: tuple[DelegateEntry, ...]
    co_signed: tuple[Submission, ...]
    activities: tuple[Mentioned[Activity], ...]
    submissions: tuple[Mentioned[Submission], ...]
    """Submissions that name the member or its person (co-signed or not)."""
    networks: tuple[Mentioned[NetworkMembership], ...]
    meetings: tuple[Mentioned[AnnualMeeting], ...]


def _mentioned(records: Iterable[T], pattern: Mentions | None) -> list[Mentioned[T]]:
    found = ((r, mentioned_fields(r, pattern)) for r in records)
    return [Mentioned(r, names) for r, names in found if names]


def extract_for(register: Register, member_id: int) -> Extract:
    """The register extract: the member record and history, payments, agreed fees, board
    seats, delegates at annual meetings, co-signed submissions, and every activity,
    submission, network and meeting note that names the member or its person."""
    member = register.member(member_id)
    strings = person_strings(register, member_id)
    # Mentions of the organisation by name are about the member too (not personal data,
    # but what the register holds about it).
    pattern = mention_pattern([*strings, member.name])
    members = {m.id: m for m in register.members}
    names = person_names(member)
    tied = {seat.id for seat in tied_seats(register.seats, names)}
    seats = [s for s in register.seats if s.organisation_id == member_id or s.id in tied]
    by_day = sorted(
        (
            SeatEntry(
                seat,
                register.meeting(seat.elected_at),
                _period(seat, register.meetings),
                members.get(seat.organisation_id),
            )
            for seat in seats
        ),
        key=lambda e: (e.period[0] if e.period else date.min, e.seat.id or 0),
    )
    delegates = sorted(
        (
            DelegateEntry(register.meeting(d.meeting_id), d.meeting_id, d.attendance)
            for d in delegations_of(register, member_id)
        ),
        key=lambda e: (e.meeting.held_on.isoformat() if e.meeting else "", e.meeting_id),
    )
    return Extract(
        member=member,
        names=distinct(n for n in (member.name, member.contact.person) if n.strip()),
        payments=tuple(
            sorted(
                (p for p in register.payments if p.member_id == member_id),
                key=lambda p: (p.fee_year, p.paid_on, p.id or 0),
            )
        ),
        agreements=tuple(
            sorted((a for a in register.agreements if a.member_id == member_id), key=_year)
        ),
        seats=tuple(by_day),
        delegates=tuple(delegates),
        co_signed=tuple(
            sorted(
                (s for s in register.submissions if member_id in s.co_signers),
                key=lambda s: (s.when.iso(), s.id or 0),
            )
        ),
        activities=tuple(
            sorted(
                _mentioned(register.activities, pattern),
                key=lambda m: (m.record.when.iso(), m.record.id or 0),
            )
        ),
        submissions=tuple(_mentioned(register.submissions, pattern)),
        networks=tuple(_mentioned(register.networks, pattern)),
        meetings=tuple(_mentioned(register.meetings, pattern)),
    )


def _year(agreement: FeeOverride) -> int:
    return agreement.year


def _period(seat: BoardSeat, meetings: Sequence[AnnualMeeting]) -> Period | None:
    try:
        return seat_period(seat, meetings)
    except ValueError:  # FieldErrors: the electing meeting is not in the register
        return None
