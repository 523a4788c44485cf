"""What a fee e-mail is: an invoice or a reminder.

On its own so that the store's record check (``store/record_schema.py``), which every command
loads at start, knows the kinds without loading the mail rules, fees and invoices (issue 18).
"""

from __future__ import annotations

from enum import StrEnum


class MailKind(StrEnum):
    INVOICE = "invoice"
    REMINDER = "reminder"

    @property
    def label(self) -> str:
        return {"invoice": "faktura", "reminder": "påminnelse"}[self.value]

    @property
    def plural(self) -> str:
        return {"invoice": "fakturor", "reminder": "påminnelser"}[self.value]
