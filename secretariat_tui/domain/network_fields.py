"""A network membership's fields as typed (form or command line) → a checked membership."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from secretariat_tui.domain.date_entry import parse_day_entry
from secretariat_tui.domain.field_reader import FieldReader
from secretariat_tui.domain.networks import NAME_MAX, NetworkMembership, check_network

NETWORK_LABELS = {
    "name": "Nätverk",
    "organiser": "Arrangör",
    "since": "Medlem sedan",
    "until": "Medlem till",
    "role": "Plattformens roll",
    "meets": "Träffas",
    "contact": "Kontakt",
    "notes": "Anteckningar",
}


def parse_network_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ValueError("Ange nätverkets namn.")
    if len(name) > NAME_MAX:
        raise ValueError(f"Namnet är för långt (högst {NAME_MAX} tecken).")
    return name


def parse_network_fields(
    raw: Mapping[str, str], today: date, *, base: NetworkMembership | None = None
) -> NetworkMembership:
    fields = FieldReader(raw)
    name = fields.required("name", parse_network_name)
    since = fields.optional("since", lambda text: parse_day_entry(text, today))
    until = fields.optional("until", lambda text: parse_day_entry(text, today))
    fields.done()
    assert name is not None
    network = NetworkMembership(
        name=name,
        organiser=fields.text("organiser"),
        since=since,
        until=until,
        role=fields.text("role"),
        meets=fields.text("meets"),
        contact=fields.text("contact"),
        notes=fields.text("notes"),
        id=base.id if base else None,
    )
    check_network(network)
    return network


def network_fields(network: NetworkMembership) -> dict[str, str]:
    return {
        "name": network.name,
        "organiser": network.organiser,
        "since": network.since.isoformat() if network.since else "",
        "until": network.until.isoformat() if network.until else "",
        "role": network.role,
        "meets": network.meets,
        "contact": network.contact,
        "notes": network.notes,
    }


def edited_network(
    network: NetworkMembership, changes: Mapping[str, str], today: date
) -> NetworkMembership:
    return parse_network_fields({**network_fields(network), **changes}, today, base=network)
