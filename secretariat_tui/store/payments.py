"""Payments of membership fees: documents <-> domain Payments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from tinydb import Query

from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.database import Database, stored_documents
from secretariat_tui.store.errors import StoreError

TABLE = "payments"


class PaymentNotFound(StoreError):
    def __init__(self, payment_id: int) -> None:
        super().__init__(f"Det finns ingen betalning med id {payment_id}.")


def to_document(payment: Payment) -> dict[str, Any]:
    return {
        "member_id": payment.member_id,
        "fee_year": payment.fee_year,
        "amount": str(payment.amount),
        "paid_on": payment.paid_on.isoformat(),
        "reference": payment.reference,
        "note": payment.note,
    }


def from_document(doc: dict[str, Any], doc_id: int) -> Payment:
    return Payment(
        id=doc_id,
        member_id=int(doc["member_id"]),
        fee_year=int(doc["fee_year"]),
        amount=Decimal(doc["amount"]),
        paid_on=date.fromisoformat(doc["paid_on"]),
        reference=doc.get("reference", ""),
        note=doc.get("note", ""),
    )


class PaymentRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(TABLE)

    def all(self) -> list[Payment]:
        return [from_document(d, i) for i, d in stored_documents(self._table)]

    def for_year(self, year: int) -> list[Payment]:
        return [from_document(d, d.doc_id) for d in self._table.search(Query().fee_year == year)]

    def for_member(self, member_id: int) -> list[Payment]:
        docs = self._table.search(Query().member_id == member_id)
        return [from_document(d, d.doc_id) for d in docs]

    def get(self, payment_id: int) -> Payment:
        doc = self._table.get(doc_id=payment_id)
        if doc is None or isinstance(doc, list):
            raise PaymentNotFound(payment_id)
        return from_document(doc, payment_id)

    def add(self, payment: Payment) -> Payment:
        return replace(payment, id=self._table.insert(to_document(payment)))

    def add_many(self, payments: list[Payment]) -> list[Payment]:
        """All in one write: an import lands whole or not at all."""
        ids = self._table.insert_multiple(to_document(p) for p in payments)
        return [replace(p, id=i) for p, i in zip(payments, ids, strict=True)]

    def update(self, payment: Payment) -> Payment:
        if payment.id is None or not self._table.contains(doc_id=payment.id):
            raise PaymentNotFound(payment.id or 0)
        self._table.update(to_document(payment), doc_ids=[payment.id])
        return payment

    def delete(self, payment_id: int) -> Payment:
        payment = self.get(payment_id)
        self._table.remove(doc_ids=[payment_id])
        return payment
