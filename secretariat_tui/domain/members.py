"""Members: organisations and individuals, their membership form over time, and their rights.

A member who leaves is ended, never deleted, and a form change is a dated entry, so that any
past year's figures can be derived again from the register as it stands today.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from secretariat_tui.domain.errors import FieldErrors


class MemberKind(StrEnum):
    ORGANISATION = "organisation"
    INDIVIDUAL = "individual"

    @property
    def label(self) -> str:
        return {"organisation": "Organisation", "individual": "Enskild person"}[self.value]


class MembershipForm(StrEnum):
    FULL = "full"
    INDIVIDUAL = "individual"
    NETWORKING = "networking"

    @property
    def label(self) -> str:
        return FORM_LABELS[self]

    @property
    def allowed_kinds(self) -> frozenset[MemberKind]:
        return ALLOWED_KINDS[self]


FORM_LABELS = {
    MembershipForm.FULL: "Fullt medlemskap",
    MembershipForm.INDIVIDUAL: "Individuellt medlemskap",
    MembershipForm.NETWORKING: "Nätverkande medlemskap",
}

ALLOWED_KINDS = {
    MembershipForm.FULL: frozenset({MemberKind.ORGANISATION}),
    MembershipForm.INDIVIDUAL: frozenset({MemberKind.INDIVIDUAL}),
    MembershipForm.NETWORKING: frozenset({MemberKind.ORGANISATION, MemberKind.INDIVIDUAL}),
}


# Every allowed (kind, form) pair, so figures list zeros too and always keep one shape.
KIND_FORMS = tuple(
    (kind, form) for kind in MemberKind for form in MembershipForm if kind in ALLOWED_KINDS[form]
)


@dataclass(frozen=True)
class Rights:
    """What a form gives at the annual meeting (stadgarna, as quoted in the annual report)."""

    motion: bool
    speech: bool
    proposal: bool
    vote: bool
    observer: bool = False

    def describe(self) -> list[str]:
        """Swedish lines for the detail view, one right (or its absence) per line."""
        yes_no = {True: "ja", False: "nej"}
        lines = [
            f"Motionsrätt: {yes_no[self.motion]}",
            f"Yttranderätt: {yes_no[self.speech]}",
            f"Förslagsrätt: {yes_no[self.proposal]}",
            f"Rösträtt: {yes_no[self.vote]}",
        ]
        if self.observer:
            lines.append("Deltar som observatör")
        return lines


RIGHTS = {
    MembershipForm.FULL: Rights(motion=True, speech=True, proposal=True, vote=True),
    MembershipForm.INDIVIDUAL: Rights(motion=True, speech=True, proposal=False, vote=False),
    MembershipForm.NETWORKING: Rights(
        motion=False, speech=True, proposal=False, vote=False, observer=True
    ),
}


@dataclass(frozen=True)
class FormChange:
    """The member holds ``form`` from ``effective`` on (until the next change)."""

    effective: date
    form: MembershipForm


@dataclass(frozen=True)
class Contact:
    person: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class Member:
    """One member. ``ended`` is the last day of membership; ``id`` is None until stored."""

    name: str
    kind: MemberKind
    joined: date
    forms: tuple[FormChange, ...]
    org_number: str = ""
    contact: Contact = field(default_factory=Contact)
    ended: date | None = None
    end_reason: str = ""
    erased_on: date | None = None
    """The day the person's personal data was erased (GDPR Art. 17); the record is kept."""
    id: int | None = None

    @property
    def erasure_text(self) -> str:
        """ "Personuppgifterna raderade 2026-06-01", or "" while they are held."""
        if self.erased_on is None:
            return ""
        return f"Personuppgifterna raderade {self.erased_on.isoformat()}"

    @property
    def form(self) -> MembershipForm:
        """The form held now (the latest change)."""
        return self.forms[-1].form

    def form_on(self, day: date) -> MembershipForm | None:
        """The form held on ``day``, or None if not a member that day."""
        if not self.is_member_on(day):
            return None
        current = self.forms[0].form
        for change in self.forms:
            if change.effective <= day:
                current = change.form
        return current

    def is_member_on(self, day: date) -> bool:
        return self.joined <= day and (self.ended is None or day <= self.ended)

    @property
    def is_active(self) -> bool:
        """No end date recorded (the CLI's view; screens ask ``has_left`` with their date)."""
        return self.ended is None

    def has_left(self, day: date) -> bool:
        """True once the last day of membership is behind ``day``; a future end is not yet."""
        return self.ended is not None and self.ended < day

    def rights_on(self, day: date) -> Rights | None:
        form = self.form_on(day)
        return RIGHTS[form] if form else None

    @property
    def rights(self) -> Rights:
        return RIGHTS[self.form]

    def status_text(self, today: date | None = None) -> str:
        """ "Aktiv", "Avslutad 2024-06-30", or with ``today`` before the end "Slutar 2026-12-31"."""
        if self.ended is None:
            return "Aktiv"
        if today is not None and not self.has_left(today):
            return f"Slutar {self.ended.isoformat()}"
        return f"Avslutad {self.ended.isoformat()}"

    def reopen(self) -> Member:
        """Undo an ending recorded by mistake: the member is active again, history unchanged."""
        if self.ended is None:
            raise FieldErrors({"ended": "Medlemskapet är inte avslutat."})
        return replace(self, ended=None, end_reason="")

    def end(self, day: date, reason: str) -> Member:
        """The member with its membership ended on ``day`` (kept in the register)."""
        if self.ended is not None:
            raise FieldErrors({"ended": f"Medlemskapet är redan avslutat {self.ended}."})
        if day < self.joined:
            raise FieldErrors(
                {"ended": f"Slutdatum kan inte ligga före inträdet ({self.joined.isoformat()})."}
            )
        if day < self.forms[-1].effective:
            raise FieldErrors(
                {
                    "ended": "Slutdatum kan inte ligga före senaste formbytet "
                    f"({self.forms[-1].effective.isoformat()})."
                }
            )
        return replace(self, ended=day, end_reason=reason.strip())
