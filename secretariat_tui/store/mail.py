"""The fee e-mails' two tables: what was sent to which member (``sent_mail``), and the
register's own wording of each kind of message (``mail_templates``).

A sent message is recorded as the server accepts it, one insert (one atomic write of the
file) each, so a run that stops half-way still knows whom it reached. A template is found
by its kind, never by id: saving replaces it whole; resetting removes it, so the shipped
default applies again (and a better default in a later version reaches every register that
never changed it).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from tinydb import Query

from secretariat_tui.domain.mail import (
    DEFAULT_TEMPLATES,
    FeeMailSources,
    MailKind,
    MailTemplate,
    SentMail,
)
from secretariat_tui.store.database import Database
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.store.tinydb_compat import stored_documents

SENT_MAIL = "sent_mail"
MAIL_TEMPLATES = "mail_templates"


class SentMailRecord:
    def __init__(self, db: Database) -> None:
        self._table = db.table(SENT_MAIL)

    def all(self) -> list[SentMail]:
        return [_sent(doc) for _, doc in stored_documents(self._table)]

    def for_year(self, kind: MailKind, year: int) -> list[SentMail]:
        query = Query()
        found = self._table.search((query.kind == kind.value) & (query.fee_year == year))
        return [_sent(doc) for doc in found]

    def add(self, sent: SentMail) -> None:
        self._table.insert(
            {
                "member_id": sent.member_id,
                "fee_year": sent.fee_year,
                "kind": sent.kind.value,
                "sent_on": sent.sent_at.date().isoformat(),
                "sent_time": sent.sent_at.strftime("%H:%M"),
            }
        )


def _sent(doc: dict[str, Any]) -> SentMail:
    return SentMail(
        member_id=int(doc["member_id"]),
        fee_year=int(doc["fee_year"]),
        kind=MailKind(doc["kind"]),
        sent_at=datetime.combine(
            date.fromisoformat(doc["sent_on"]), time.fromisoformat(doc["sent_time"])
        ),
    )


class MailTemplates:
    def __init__(self, db: Database) -> None:
        self._table = db.table(MAIL_TEMPLATES)

    def get(self, kind: MailKind) -> MailTemplate:
        """The register's own template for ``kind``, else the shipped default."""
        doc = self._table.get(Query().kind == kind.value)
        if not isinstance(doc, dict):
            return DEFAULT_TEMPLATES[kind]
        return MailTemplate(kind, str(doc["subject"]), str(doc["body"]))

    def is_own(self, kind: MailKind) -> bool:
        return self._table.contains(Query().kind == kind.value)

    def save(self, template: MailTemplate) -> None:
        """Replace ``template.kind``'s wording whole; taken as checked (``template_problem``)."""
        document = {"kind": template.kind.value, "subject": template.subject, "body": template.body}
        self._table.upsert(document, Query().kind == template.kind.value)

    def reset(self, kind: MailKind) -> bool:
        """Back to the shipped default; False when it was the default already."""
        return bool(self._table.remove(Query().kind == kind.value))


def fee_mail_sources(db: Database, kind: MailKind, year: int) -> FeeMailSources:
    return FeeMailSources(
        rows=FeeLedger.of(db).year_rows(year),
        invoices=InvoiceRepository(db).for_year(year),
        sent=SentMailRecord(db).for_year(kind, year),
        template=MailTemplates(db).get(kind),
        settings=SettingsRepository(db).get(),
    )
