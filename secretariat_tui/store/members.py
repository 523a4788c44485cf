"""The members table: documents <-> domain Members. Screens and the CLI call this, not TinyDB."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from secretariat_tui.domain.members import Contact, FormChange, Member, MemberKind, MembershipForm
from secretariat_tui.store.database import Database
from secretariat_tui.store.records import RecordNotFound, RecordTable

TABLE = "members"


class MemberNotFound(RecordNotFound):
    """An unknown member id (the CLI's payment and GDPR commands catch this one)."""


def to_document(member: Member) -> dict[str, Any]:
    return {
        "name": member.name,
        "kind": member.kind.value,
        "joined": member.joined.isoformat(),
        "forms": [{"from": c.effective.isoformat(), "form": c.form.value} for c in member.forms],
        "org_number": member.org_number,
        "contact": asdict(member.contact),
        "ended": member.ended.isoformat() if member.ended else None,
        "end_reason": member.end_reason,
        "erased_on": member.erased_on.isoformat() if member.erased_on else None,
    }


def from_document(doc: dict[str, Any], doc_id: int) -> Member:
    contact = doc.get("contact") or {}
    return Member(
        id=doc_id,
        name=doc["name"],
        kind=MemberKind(doc["kind"]),
        joined=date.fromisoformat(doc["joined"]),
        forms=tuple(
            FormChange(date.fromisoformat(c["from"]), MembershipForm(c["form"]))
            for c in doc["forms"]
        ),
        org_number=doc.get("org_number", ""),
        contact=Contact(
            person=contact.get("person", ""),
            email=contact.get("email", ""),
            phone=contact.get("phone", ""),
            address=contact.get("address", ""),
        ),
        ended=date.fromisoformat(doc["ended"]) if doc.get("ended") else None,
        end_reason=doc.get("end_reason", ""),
        erased_on=date.fromisoformat(doc["erased_on"]) if doc.get("erased_on") else None,
    )


class MemberRepository(RecordTable[Member]):
    """The converters are module functions too: tests read members from the file with them."""

    TABLE = TABLE
    NOT_FOUND = "Det finns ingen medlem med id {id}."
    MISSING = MemberNotFound

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.database = db
        self.path = db.path

    def to_document(self, record: Member) -> dict[str, Any]:
        return to_document(record)

    def from_document(self, doc: dict[str, Any], doc_id: int) -> Member:
        return from_document(doc, doc_id)
