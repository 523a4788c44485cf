"""The member's fields as typed (form or command line) → a validated draft → a Member.

Forms and the CLI share this one path, so a rule and its Swedish message live in one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Choice, Day, Field, FieldReader, Text
from secretariat_tui.domain.members import (
    Contact,
    FormChange,
    Member,
    MemberKind,
    MembershipForm,
)
from secretariat_tui.domain.orgnr import normalise_org_number

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s\-()]+$")
NAME_MAX = 200

_FORM_FOR_WHOM = {
    MembershipForm.FULL: "Fullt medlemskap är bara för organisationer.",
    MembershipForm.INDIVIDUAL: "Individuellt medlemskap är bara för enskilda personer.",
    MembershipForm.NETWORKING: "",
}


def parse_name(text: str) -> str:
    name = text.strip()
    if not name:
        raise ValueError("Namn måste fyllas i.")
    if len(name) > NAME_MAX:
        raise ValueError(f"Namnet är för långt (högst {NAME_MAX} tecken).")
    return name


def parse_email(text: str) -> str:
    email = text.strip()
    if not _EMAIL.match(email):
        raise ValueError("E-postadressen ser inte rätt ut (namn@exempel.se).")
    return email


def parse_phone(text: str) -> str:
    phone = text.strip()
    if not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 6:
        raise ValueError(
            "Telefonnumret får bara ha siffror, mellanslag, bindestreck och + (minst 6 siffror)."
        )
    return phone


MEMBER_FIELDS = (
    Field("name", "Namn", Text(parse_name), required=True, help="Namn."),
    Field(
        "kind", "Typ", Choice(MemberKind, "typ"), required=True, help="Organisation eller person."
    ),
    Field(
        "form",
        "Medlemsform",
        Choice(MembershipForm, "medlemsform"),
        required=True,
        help="Fullt medlemskap bara för organisationer, individuellt bara för personer.",
    ),
    Field(
        "org_number",
        "Organisationsnummer",
        Text(normalise_org_number),
        help="Organisationsnummer NNNNNN-NNNN (bara organisationer).",
        placeholder="NNNNNN-NNNN (valfritt)",
    ),
    Field("contact_person", "Kontaktperson", flag="--contact", help="Kontaktperson."),
    Field("email", "E-post", Text(parse_email), help="E-post.", placeholder="namn@exempel.se"),
    Field("phone", "Telefon", Text(parse_phone), help="Telefon."),
    Field("address", "Postadress", help="Postadress."),
    Field("joined", "Medlem sedan", Day(), required=True, help="Medlem sedan."),
    Field(
        "form_from",
        "Formen gäller från",
        Day(),
        help="Dag då en ny medlemsform börjar gälla (annars i dag); bara med --form.",
        placeholder="vid byte av form; tomt = i dag",
    ),
)
"""The member's own fields; ``form_from`` dates a change of form (an edit only)."""
FIELD_LABELS = {f.name: f.label for f in MEMBER_FIELDS}
NEW_MEMBER_FIELDS = tuple(f for f in MEMBER_FIELDS if f.name != "form_from")

END_FIELDS = (
    Field(
        "ended", "Sista dag som medlem", Day(), flag="--date", required=True, help="Sista dagen."
    ),
    Field(
        "end_reason",
        "Anledning",
        flag="--reason",
        help="Orsak, t.ex. utträde.",
        placeholder="t.ex. egen begäran",
    ),
)
"""Ending a membership: the last day and why."""


@dataclass(frozen=True)
class MemberDraft:
    """Validated input for a new member or an edit; ``form_from`` dates a form change."""

    name: str
    kind: MemberKind
    form: MembershipForm
    org_number: str
    contact: Contact
    joined: date
    form_from: date | None = None


def parse_member_fields(raw: Mapping[str, str], today: date) -> MemberDraft:
    """Check every field, then the rules between fields; raise FieldErrors listing all faults."""
    fields = FieldReader(MEMBER_FIELDS, raw, today)
    values = fields.read()
    kind, form = values["kind"], values["form"]
    if kind is not None and form is not None:
        if kind not in form.allowed_kinds:
            fields.errors["form"] = _FORM_FOR_WHOM[form]
        if kind is MemberKind.INDIVIDUAL and fields.text("org_number"):
            fields.errors["org_number"] = "Bara organisationer har organisationsnummer."
    fields.done()
    return MemberDraft(
        name=values["name"],
        kind=kind,
        form=form,
        org_number=values["org_number"],
        contact=Contact(
            person=values["contact_person"],
            email=values["email"],
            phone=values["phone"],
            address=values["address"],
        ),
        joined=values["joined"],
        form_from=values["form_from"],
    )


def end_membership(member: Member, raw: Mapping[str, str], today: date) -> Member:
    """The member ended as typed (form or ``members end``); FieldErrors if it cannot be."""
    fields = FieldReader(END_FIELDS, raw, today)
    values = fields.read()
    fields.done()
    return member.end(values["ended"], values["end_reason"])


def raw_fields(member: Member) -> dict[str, str]:
    """The member's fields as text, to prefill a form or to start a command-line edit from."""
    return {
        "name": member.name,
        "kind": member.kind.value,
        "form": member.form.value,
        "org_number": member.org_number,
        "contact_person": member.contact.person,
        "email": member.contact.email,
        "phone": member.contact.phone,
        "address": member.contact.address,
        "joined": member.joined.isoformat(),
        "form_from": "",
    }


def create_member(draft: MemberDraft) -> Member:
    return Member(
        name=draft.name,
        kind=draft.kind,
        joined=draft.joined,
        forms=(FormChange(draft.joined, draft.form),),
        org_number=draft.org_number,
        contact=draft.contact,
    )


def apply_edit(member: Member, draft: MemberDraft, today: date) -> Member:
    """The member as edited. A new form is added as a dated change; history is kept."""
    forms = list(member.forms)
    if draft.joined != member.joined:
        if len(forms) > 1 and draft.joined >= forms[1].effective:
            raise FieldErrors(
                {"joined": f"Inträdet måste ligga före formbytet {forms[1].effective.isoformat()}."}
            )
        if member.ended and draft.joined > member.ended:
            raise FieldErrors({"joined": f"Inträdet måste ligga före slutdatum {member.ended}."})
        forms[0] = FormChange(draft.joined, forms[0].form)
    if draft.form != member.form:
        forms = _with_form_change(forms, draft, member.ended, today)
    if draft.kind != member.kind:
        # Checked after the form change: a same-day change replaces the form it corrects.
        _check_history_fits_kind(forms, draft.kind)
    return replace(
        member,
        name=draft.name,
        kind=draft.kind,
        org_number=draft.org_number,
        contact=draft.contact,
        joined=draft.joined,
        forms=tuple(forms),
    )


def _check_history_fits_kind(forms: list[FormChange], kind: MemberKind) -> None:
    """A kind correction must fit every form the member has held, or past figures break."""
    for change in forms:
        if kind not in change.form.allowed_kinds:
            raise FieldErrors(
                {
                    "kind": f"Typen kan inte ändras: medlemmen hade {change.form.label.lower()} "
                    f"från {change.effective.isoformat()}. {_FORM_FOR_WHOM[change.form]}"
                }
            )


def _with_form_change(
    forms: list[FormChange], draft: MemberDraft, ended: date | None, today: date
) -> list[FormChange]:
    effective = draft.form_from or today
    last = forms[-1]
    if effective < draft.joined:
        raise FieldErrors({"form_from": "Formbytet kan inte ligga före inträdet."})
    if ended and effective > ended:
        raise FieldErrors({"form_from": f"Formbytet kan inte ligga efter slutdatum {ended}."})
    if effective < last.effective:
        raise FieldErrors(
            {"form_from": f"Formbytet måste ligga efter förra bytet {last.effective.isoformat()}."}
        )
    if effective == last.effective:
        # Same day as the last change: a correction of that change, not a second one.
        return [*forms[:-1], FormChange(effective, draft.form)]
    return [*forms, FormChange(effective, draft.form)]
