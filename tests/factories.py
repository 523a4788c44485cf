"""Test data shared by the test modules: one Member factory, its raw-field twin, short names.

``make_member()`` is an organisation with full membership since 2020-03-01; each test names
only what it is about. ``member_fields()`` is the same member as the raw strings a form or the
CLI hands to ``parse_member_fields``.
"""

from __future__ import annotations

from datetime import date

from secretariat_tui.domain.members import Contact, FormChange, Member, MemberKind, MembershipForm

ORG = MemberKind.ORGANISATION
PERSON = MemberKind.INDIVIDUAL
FULL = MembershipForm.FULL
INDIVIDUAL = MembershipForm.INDIVIDUAL
NETWORKING = MembershipForm.NETWORKING

JOINED = date(2020, 3, 1)


def make_member(
    name: str = "Exempel",
    *,
    kind: MemberKind = ORG,
    joined: date = JOINED,
    form: MembershipForm | None = None,
    forms: tuple[FormChange, ...] | None = None,
    ended: date | None = None,
    end_reason: str = "",
    org_number: str = "",
    contact: Contact | None = None,
    id: int | None = None,
) -> Member:
    """A Member; give ``form`` for one form held from ``joined``, or ``forms`` for a history.

    Without either, the member holds the usual form for its kind from ``joined`` on: full
    membership for an organisation, individual membership for an individual.
    """
    if forms is None:
        held = form or (FULL if kind is ORG else INDIVIDUAL)
        forms = (FormChange(joined, held),)
    elif form is not None:
        raise TypeError("make_member takes form or forms, not both")
    return Member(
        name=name,
        kind=kind,
        joined=joined,
        forms=forms,
        org_number=org_number,
        contact=contact or Contact(),
        ended=ended,
        end_reason=end_reason,
        id=id,
    )


def member_fields(**overrides: str) -> dict[str, str]:
    """The raw fields of ``make_member()`` (every field a form has), with ``overrides``."""
    raw = {
        "name": "Exempel",
        "kind": ORG.value,
        "form": FULL.value,
        "org_number": "",
        "contact_person": "",
        "email": "",
        "phone": "",
        "address": "",
        "joined": JOINED.isoformat(),
        "form_from": "",
    }
    raw.update(overrides)
    return raw
