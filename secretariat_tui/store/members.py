"""The members table: documents <-> domain Members. Screens and the CLI call this, not TinyDB."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date
from typing import Any

from secretariat_tui.domain.members import Contact, FormChange, Member, MemberKind, MembershipForm
from secretariat_tui.store.database import Database, stored_documents
from secretariat_tui.store.errors import StoreError

TABLE = "members"


class MemberNotFound(StoreError):
    def __init__(self, member_id: int) -> None:
        super().__init__(f"Det finns ingen medlem med id {member_id}.")


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


class MemberRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(TABLE)
        self.database = db
        self.path = db.path

    def all(self) -> list[Member]:
        return [from_document(doc, i) for i, doc in stored_documents(self._table)]

    def get(self, member_id: int) -> Member:
        doc = self._table.get(doc_id=member_id)
        if doc is None or isinstance(doc, list):
            raise MemberNotFound(member_id)
        return from_document(doc, member_id)

    def add(self, member: Member) -> Member:
        doc_id = self._table.insert(to_document(member))
        return replace(member, id=doc_id)

    def add_many(self, members: list[Member]) -> list[Member]:
        """All in one write: an import lands whole or not at all."""
        ids = self._table.insert_multiple(to_document(m) for m in members)
        return [replace(m, id=i) for m, i in zip(members, ids, strict=True)]

    def update(self, member: Member) -> Member:
        if member.id is None or not self._table.contains(doc_id=member.id):
            raise MemberNotFound(member.id or 0)
        self._table.update(to_document(member), doc_ids=[member.id])
        return member
