"""Fee e-mails: what is sent (an invoice or a reminder), the editable Swedish templates, what a
message says about one member, and which members a run reaches, skips or cannot reach.

A template is a subject and a body with ``{placeholders}`` in Swedish (``{namn}``, ``{belopp}``
…): the coordinator edits the words, the program fills in the figures. An unknown placeholder
is refused when a template is saved (a typo would otherwise reach every member as ``{nman}``).

A reminder is sent once per member and fee year unless asked again (``--again``): the run
that sends records each message (``SentMail``), and the next run skips those already reached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from secretariat_tui.domain.fees import MemberYear
from secretariat_tui.domain.invoices import Invoice, InvoiceStatus, invoice_status
from secretariat_tui.domain.mail_kind import MailKind as MailKind
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.settings import Settings

PLACEHOLDERS: Mapping[str, str] = {
    "namn": "medlemmens namn",
    "kontaktperson": "kontaktpersonen (eller medlemmens namn)",
    "belopp": "beloppet att betala, t.ex. 1 500 kr",
    "år": "avgiftsåret",
    "ocr": "OCR-numret (eller vad som ska anges som meddelande)",
    "förfallodag": "sista betalningsdag (ÅÅÅÅ-MM-DD, eller ”snarast”)",
    "förening": "föreningens namn",
    "betalningsuppgifter": "föreningens bankgiro, plusgiro eller Swish",
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class MailTemplate:
    kind: MailKind
    subject: str
    body: str


DEFAULT_TEMPLATES: Mapping[MailKind, MailTemplate] = {
    MailKind.REMINDER: MailTemplate(
        MailKind.REMINDER,
        "Påminnelse: medlemsavgift {år} till {förening}",
        "Hej {kontaktperson}!\n\n"
        "Enligt våra anteckningar är medlemsavgiften för {år} för {namn} ännu inte betald.\n"
        "Att betala: {belopp}.\n\n"
        "Betala till {betalningsuppgifter}, med OCR-nummer {ocr}, senast {förfallodag}.\n\n"
        "Har ni redan betalat kan ni bortse från detta brev. Hör av er om något inte stämmer.\n\n"
        "Med vänliga hälsningar\n{förening}\n",
    ),
    MailKind.INVOICE: MailTemplate(
        MailKind.INVOICE,
        "Faktura: medlemsavgift {år} till {förening}",
        "Hej {kontaktperson}!\n\n"
        "Här kommer fakturan för medlemsavgiften {år} för {namn} (bifogad).\n"
        "Att betala: {belopp}.\n\n"
        "Betala till {betalningsuppgifter}, med OCR-nummer {ocr}, senast {förfallodag}.\n\n"
        "Tack för att ni är medlemmar!\n\n"
        "Med vänliga hälsningar\n{förening}\n",
    ),
}


def template_problem(text: str) -> str | None:
    """Why ``text`` cannot be a template (an unknown placeholder), in Swedish, or None."""
    unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})
    if not unknown:
        return None
    known = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    return f"Okänd platshållare {', '.join(f'{{{n}}}' for n in unknown)}; de som finns: {known}."


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each known ``{placeholder}`` replaced; anything else is left as written."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


@dataclass(frozen=True)
class MailFacts:
    """What one member's message says: the figures the template's placeholders take."""

    member_id: int
    name: str
    email: str
    amount: Decimal
    year: int
    association: str
    contact_person: str = ""
    ocr: str = ""
    due: date | None = None
    payment_details: str = ""
    invoice: int | None = None
    """The invoice's number, when the message is about one (its Word file is attached)."""

    def values(self) -> dict[str, str]:
        return {
            "namn": self.name,
            "kontaktperson": self.contact_person or self.name,
            "belopp": format_kronor(self.amount),
            "år": str(self.year),
            "ocr": self.ocr or f"– (ange ”{self.name} {self.year}” som meddelande)",
            "förfallodag": self.due.isoformat() if self.due else "snarast",
            "förening": self.association or "föreningen",
            "betalningsuppgifter": self.payment_details or "föreningens konto",
        }


@dataclass(frozen=True)
class SentMail:
    """A message that left for one member: what, for which fee year, when (to the minute).

    Not the address: the member's record holds it, and an erasure of the member (which
    blanks that record) then leaves no copy of it here."""

    member_id: int
    fee_year: int
    kind: MailKind
    sent_at: datetime


@dataclass(frozen=True)
class MailPlan:
    """A run's members: who gets a message, who already got one, who has no address."""

    kind: MailKind
    year: int
    to_send: tuple[MailFacts, ...] = ()
    already: tuple[tuple[MailFacts, SentMail], ...] = ()
    without_email: tuple[MailFacts, ...] = field(default=())

    def lines(self) -> list[str]:
        """Who is left out and why, for the preview (never silently)."""
        lines = []
        for facts, sent in self.already:
            when = sent.sent_at.strftime("%Y-%m-%d %H:%M")
            lines.append(
                f"Redan skickad ({self.kind.label} {when}): {facts.name}; "
                "hoppas över (--again skickar igen)."
            )
        lines += [
            f"Saknar e-post: {facts.name}; nås inte med e-post." for facts in self.without_email
        ]
        return lines


def plan_mail(
    kind: MailKind,
    year: int,
    facts: Iterable[MailFacts],
    sent: Sequence[SentMail],
    *,
    again: bool = False,
) -> MailPlan:
    """Split ``facts`` into who gets a message, who was already sent this kind for this year
    (kept unless ``again``) and who has no e-mail address."""
    earlier = {
        s.member_id: s
        for s in sorted(sent, key=lambda s: s.sent_at)
        if s.kind is kind and s.fee_year == year
    }
    to_send: list[MailFacts] = []
    already: list[tuple[MailFacts, SentMail]] = []
    without: list[MailFacts] = []
    for one in facts:
        if not one.email.strip():
            without.append(one)
        elif one.member_id in earlier and not again:
            already.append((one, earlier[one.member_id]))
        else:
            to_send.append(one)
    return MailPlan(kind, year, tuple(to_send), tuple(already), tuple(without))


def payment_details(bankgiro: str, plusgiro: str, swish: str) -> str:
    """``bankgiro 123-4567 eller Swish 123 456 78 90``: where the association takes payments."""
    ways = [
        f"{label} {number.strip()}"
        for label, number in (("bankgiro", bankgiro), ("plusgiro", plusgiro), ("Swish", swish))
        if number.strip()
    ]
    return " eller ".join(ways)


@dataclass(frozen=True)
class Association:
    """What every message says about the sender: its name and where to pay."""

    name: str
    payment_details: str = ""


def fee_mail_facts(
    kind: MailKind,
    year: int,
    rows: Iterable[MemberYear],
    invoices: Iterable[Invoice],
    association: Association,
    *,
    member_id: int | None = None,
) -> list[MailFacts]:
    """The members a run is about, in the rows' order.

    A reminder goes to each member that owes for ``year`` (the amount still due), with the
    OCR and due date of its standing invoice when it has one. An invoice message goes with
    each open invoice of ``year`` (its amount, OCR, due date and number).
    """
    chosen = [r for r in rows if member_id is None or r.member.id == member_id]
    standing: dict[int, Invoice] = {}
    for invoice in sorted(invoices, key=lambda i: i.number):
        if invoice.fee_year == year and invoice.stands:
            standing[invoice.member_id] = invoice
    facts = []
    for row in chosen:
        found = standing.get(row.member.id or 0)
        if kind is MailKind.REMINDER and row.owes:
            facts.append(_facts(row, row.outstanding, found, association))
        elif (
            kind is MailKind.INVOICE
            and found is not None
            and invoice_status(found, row) is InvoiceStatus.OPEN
        ):
            facts.append(_facts(row, found.amount, found, association))
    return facts


def _facts(
    row: MemberYear, amount: Decimal, invoice: Invoice | None, association: Association
) -> MailFacts:
    member = row.member
    return MailFacts(
        member_id=member.id or 0,
        name=member.name,
        email=member.contact.email.strip(),
        amount=amount,
        year=row.year,
        association=association.name,
        contact_person=member.contact.person.strip(),
        ocr=invoice.ocr if invoice else "",
        due=invoice.due if invoice else None,
        payment_details=association.payment_details,
        invoice=invoice.number if invoice else None,
    )


@dataclass(frozen=True)
class FeeMailSources:
    """What a fee e-mail run reads from the register, read in one go."""

    rows: list[MemberYear]
    invoices: list[Invoice]
    sent: list[SentMail]
    template: MailTemplate
    settings: Settings
