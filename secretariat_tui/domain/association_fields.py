"""The association's own details, declared once: the TUI's form and ``settings set`` read
them by the same rules, and the overview's first-run path asks for them.

Each field's name is the ``Settings`` attribute that holds it; its flag without the dashes is
the name ``settings set`` takes (``settings set org-number 802000-0001``). A detail to add
is a field here and an attribute of ``Settings``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from secretariat_tui.domain.fields import Choice, Field, FieldReader, Flag, Kind, Text, record_text
from secretariat_tui.domain.member_fields import parse_email, parse_name
from secretariat_tui.domain.orgnr import normalise_org_number
from secretariat_tui.domain.payment_accounts import (
    normalise_bankgiro,
    normalise_plusgiro,
    normalise_swish,
)
from secretariat_tui.domain.settings import (
    DEFAULT_TERMS_DAYS,
    Settings,
    SmtpSecurity,
    parse_host,
    parse_port,
    parse_terms_days,
)


class Whole(Kind[int]):
    """A whole number by its own rule (days, a port); empty is the field's default."""

    def __init__(self, rule: Callable[[str], int], hint: str) -> None:
        self.rule, self.hint = rule, hint

    def parse(self, text: str, today: date) -> int:
        return self.rule(text)

    def empty(self, default: Any) -> Any:
        return default


ASSOCIATION_FIELDS = (
    Field(
        "name",
        "Föreningens namn",
        Text(parse_name),
        help="Föreningens namn, som det står i verksamhetsberättelsen.",
        placeholder="t.ex. Plattformen Civila Sverige mot människohandel",
    ),
    Field(
        "org_number",
        "Organisationsnummer",
        Text(normalise_org_number),
        help="Föreningens organisationsnummer NNNNNN-NNNN.",
        placeholder="NNNNNN-NNNN (valfritt)",
    ),
    Field(
        "address",
        "Adress",
        Text(),
        help="Föreningens postadress på fakturan; kommatecken skiljer raderna.",
        placeholder="t.ex. Box 123, 123 45 Stockholm",
    ),
    Field(
        "bankgiro",
        "Bankgiro",
        Text(normalise_bankgiro),
        help="Bankgironumret som fakturorna ska betalas till.",
        placeholder="NNNN-NNNN (fakturor kräver bankgiro eller plusgiro)",
    ),
    Field(
        "plusgiro",
        "Plusgiro",
        Text(normalise_plusgiro),
        help="Plusgironumret som fakturorna ska betalas till.",
        placeholder="t.ex. 28 65 43-4 (valfritt)",
    ),
    Field(
        "swish",
        "Swishnummer",
        Text(normalise_swish),
        help="Föreningens Swishnummer, tryckt på fakturan.",
        placeholder="t.ex. 123 456 78 90 (valfritt)",
    ),
    Field(
        "terms_days",
        "Betalningsvillkor (dagar)",
        Whole(parse_terms_days, f"dagar, t.ex. {DEFAULT_TERMS_DAYS}"),
        help=f"Antal dagar från fakturadatum till förfallodag ({DEFAULT_TERMS_DAYS} om tomt).",
        default=DEFAULT_TERMS_DAYS,
    ),
    Field(
        "ocr_length_digit",
        "OCR med längdsiffra",
        Flag(),
        help=(
            "Om OCR-numret har Bankgirots längdsiffra (ja om banken inte sagt annat; "
            "ett nummer med längdsiffra klarar också kontroll av bara checksiffran)."
        ),
        default=True,
    ),
    Field(
        "sender_email",
        "Avsändarens e-post",
        Text(parse_email),
        help="Adressen som fakturor och påminnelser skickas från.",
        placeholder="t.ex. kansliet@example.se",
    ),
    Field(
        "smtp_host",
        "SMTP-server",
        Text(parse_host),
        help="E-postserverns namn för utgående post.",
        placeholder="t.ex. smtp.example.se",
    ),
    Field(
        "smtp_port",
        "SMTP-port",
        Whole(parse_port, "tomt: 587, 465 eller 25 efter säkerheten"),
        help="Porten på SMTP-servern (tomt: den vanliga för säkerheten).",
    ),
    Field(
        "smtp_security",
        "SMTP-säkerhet",
        Choice(SmtpSecurity, "säkerhet"),
        help="Hur förbindelsen skyddas: starttls, ssl eller none.",
        default=SmtpSecurity.STARTTLS,
    ),
    Field(
        "smtp_user",
        "SMTP-användare",
        Text(),
        help=(
            "Inloggningen på SMTP-servern; lösenordet sparas aldrig i filen "
            "(SECRETARIAT_SMTP_PASSWORD eller systemets nyckelring)."
        ),
    ),
)


def setting_name(field: Field) -> str:
    """The name ``settings set`` takes for a field: its flag without the dashes."""
    return field.option.removeprefix("--")


def parse_association_fields(raw: Mapping[str, str], settings: Settings) -> Settings:
    """``settings`` with the association's details as typed; FieldErrors for any that is not
    right. A field left out of ``raw`` keeps its stored value."""
    typed = {**association_text(settings), **raw}
    fields = FieldReader(ASSOCIATION_FIELDS, typed, date.min)
    values = fields.read()
    fields.done()
    return replace(settings, **values)


def association_text(settings: Settings) -> dict[str, str]:
    return record_text(ASSOCIATION_FIELDS, settings)
