"""A network membership's fields, declared once, and typed text → a checked membership."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from secretariat_tui.domain.fields import Day, Field, FieldReader, Text, record_text
from secretariat_tui.domain.networks import NAME_MAX, NetworkMembership, check_network


def parse_network_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ValueError("Ange nätverkets namn.")
    if len(name) > NAME_MAX:
        raise ValueError(f"Namnet är för långt (högst {NAME_MAX} tecken).")
    return name


NETWORK_FIELDS = (
    Field("name", "Nätverk", Text(parse_network_name), required=True, help="Nätverkets namn."),
    Field(
        "organiser",
        "Arrangör",
        help="Vem som håller i nätverket.",
        placeholder="t.ex. Europeiska kommissionen",
    ),
    Field("since", "Medlem sedan", Day(), help="Medlem sedan."),
    Field(
        "until",
        "Medlem till",
        Day(),
        help="Medlem till och med; tomt: pågår.",
        placeholder="tomt = fortfarande medlem",
    ),
    Field(
        "role",
        "Plattformens roll",
        help="Plattformens roll i nätverket.",
        placeholder="t.ex. medlem, partner, observatör",
    ),
    Field(
        "about",
        "Om nätverket",
        help="Vad nätverket är, som det står efter namnet i verksamhetsberättelsen.",
        placeholder="t.ex. ett forum för civilsamhällets organisationer i EU",
    ),
    Field(
        "meets",
        "Träffas",
        help="Hur ofta och var nätverket träffas (”… som träffas två gånger per år”).",
        placeholder="t.ex. två gånger per år i Bryssel eller online",
    ),
    Field("contact", "Kontakt", help="Kontaktperson eller adress."),
    Field("notes", "Anteckningar", help="Anteckningar."),
)
NETWORK_LABELS = {f.name: f.label for f in NETWORK_FIELDS}


def parse_network_fields(
    raw: Mapping[str, str], today: date, *, base: NetworkMembership | None = None
) -> NetworkMembership:
    fields = FieldReader(NETWORK_FIELDS, raw, today)
    values = fields.read()
    fields.done()
    network = NetworkMembership(**values, id=base.id if base else None)
    check_network(network)
    return network


def network_fields(network: NetworkMembership) -> dict[str, str]:
    return record_text(NETWORK_FIELDS, network)


def edited_network(
    network: NetworkMembership, changes: Mapping[str, str], today: date
) -> NetworkMembership:
    return parse_network_fields({**network_fields(network), **changes}, today, base=network)
