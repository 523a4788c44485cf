"""The member's fields as typed (form or command line) → a validated draft → a Member.

Forms and the CLI share this one path, so a rule and its Swedish message live in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.members import (
    Contact,
    FormChange,
    Member,
    MemberKind,
    MembershipForm,
)
from secretariat_tui.domain.orgnr import normalise_org_number

FIELD_LABELS = {
    "name": "Namn",
    "kind": "Typ",
    "form": "Medlemsform",
    "org_number": "Organisationsnummer",
    "contact_person": "Kontaktperson",
    "email": "E-post",
    "phone": "Telefon",
    "address": "Postadress",
    "joined": "Medlem sedan",
    "form_from": "Formen gäller från",
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s\-()]+$")
NAME_MAX = 200

_FORM_FOR_WHOM = {
    MembershipForm.FULL: "Fullt medlemskap är bara för organisationer.",
    MembershipForm.INDIVIDUAL: "Individuellt medlemskap är bara för enskilda personer.",
    MembershipForm.NETWORKING: "",
}


def check_name(text: str) -> str | None:
    name = text.strip()
    if not name:
        return "Namn måste fyllas i."
    if len(name) > NAME_MAX:
        return f"Namnet är för långt (högst {NAME_MAX} tecken)."
    return None


def check_org_number(text: str) -> str | None:
    if not text.strip():
        return None
    try:
        normalise_org_number(text)
    except ValueError as err:
        return str(err)
    return None


def check_email(text: str) -> str | None:
    if text.strip() and not _EMAIL.match(text.strip()):
        return "E-postadressen ser inte rätt ut (namn@exempel.se)."
    return None


def check_phone(text: str) -> str | None:
    phone = text.strip()
    if not phone:
        return None
    if not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 6:
        return "Telefonnumret får bara ha siffror, mellanslag, bindestreck och + (minst 6 siffror)."
    return None


def check_date(text: str) -> str | None:
    try:
        parse_date(text)
    except ValueError as err:
        return str(err)
    return None


def check_optional_date(text: str) -> str | None:
    return check_date(text) if text.strip() else None


def _check_choice(
    enum: type[MemberKind] | type[MembershipForm], label: str
) -> Callable[[str], str | None]:
    def check(text: str) -> str | None:
        if text in {item.value for item in enum}:
            return None
        return f"Välj {label}."

    return check


FIELD_CHECKS: dict[str, Callable[[str], str | None]] = {
    "name": check_name,
    "kind": _check_choice(MemberKind, "typ"),
    "form": _check_choice(MembershipForm, "medlemsform"),
    "org_number": check_org_number,
    "contact_person": lambda text: None,
    "email": check_email,
    "phone": check_phone,
    "address": lambda text: None,
    "joined": check_date,
    "form_from": check_optional_date,
}


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


def parse_member_fields(raw: Mapping[str, str]) -> MemberDraft:
    """Check every field, then the rules between fields; raise FieldErrors listing all faults."""
    values = {name: str(raw.get(name, "") or "") for name in FIELD_CHECKS}
    errors = {
        name: message
        for name, check in FIELD_CHECKS.items()
        if (message := check(values[name])) is not None
    }
    if "kind" not in errors and "form" not in errors:
        kind, form = MemberKind(values["kind"]), MembershipForm(values["form"])
        if kind not in form.allowed_kinds:
            errors["form"] = _FORM_FOR_WHOM[form]
        if kind is MemberKind.INDIVIDUAL and values["org_number"].strip():
            errors["org_number"] = "Bara organisationer har organisationsnummer."
    if errors:
        raise FieldErrors(errors)
    org = values["org_number"].strip()
    return MemberDraft(
        name=values["name"].strip(),
        kind=MemberKind(values["kind"]),
        form=MembershipForm(values["form"]),
        org_number=normalise_org_number(org) if org else "",
        contact=Contact(
            person=values["contact_person"].strip(),
            email=values["email"].strip(),
            phone=values["phone"].strip(),
            address=values["address"].strip(),
        ),
        joined=parse_date(values["joined"]),
        form_from=parse_date(values["form_from"]) if values["form_from"].strip() else None,
    )


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
