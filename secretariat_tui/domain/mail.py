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
from enum import StrEnum

from secretariat_tui.domain.money import format_kronor


class MailKind(StrEnum):
    INVOICE = "invoice"
    REMINDER = "reminder"

    @property
    def label(self) -> str:
        return {"invoice": "faktura", "reminder": "påminnelse"}[self.value]

    @property
    def plural(self) -> str:
        return {"invoice": "fakturor", "reminder": "påminnelser"}[self.value]


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
    """A message that left for one member: what, for which fee year, when, to which address."""

    member_id: int
    fee_year: int
    kind: MailKind
    sent_at: datetime
    to: str


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
                f"Redan skickad ({self.kind.label} {when} till {sent.to}): {facts.name}; "
                "hoppas över (--again skickar igen)."
            )
        lines += [f"Saknar e-post: {facts.name}; nås inte med e-post." for facts in self.without_email]
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
