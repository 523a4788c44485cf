"""Payments of membership fees: documents <-> domain Payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.records import RecordNotFound, RecordTable


class PaymentNotFound(RecordNotFound):
    """An unknown payment id (``payments delete`` with a mistyped id)."""


class PaymentRepository(RecordTable[Payment]):
    TABLE = "payments"
    NOT_FOUND = "Det finns ingen betalning med id {id}."
    MISSING = PaymentNotFound

    def to_document(self, record: Payment) -> dict[str, Any]:
        return {
            "member_id": record.member_id,
            "fee_year": record.fee_year,
            "amount": str(record.amount),
            "paid_on": record.paid_on.isoformat(),
            "reference": record.reference,
            "note": record.note,
        }

    def from_document(self, doc: dict[str, Any], doc_id: int) -> Payment:
        return Payment(
            id=doc_id,
            member_id=int(doc["member_id"]),
            fee_year=int(doc["fee_year"]),
            amount=Decimal(doc["amount"]),
            paid_on=date.fromisoformat(doc["paid_on"]),
            reference=doc.get("reference", ""),
            note=doc.get("note", ""),
        )

    def for_year(self, year: int) -> list[Payment]:
        return self.where("fee_year", year)

    def for_member(self, member_id: int) -> list[Payment]:
        return self.where("member_id", member_id)
