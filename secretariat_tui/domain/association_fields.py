"""The association's own details, declared once: the TUI's form and ``settings set`` read
them by the same rules, and the overview's first-run path asks for them.

Each field's name is the ``Settings`` attribute that holds it; its flag without the dashes is
the name ``settings set`` takes (``settings set org-number 802000-0001``). A detail to add
(address, bankgiro …) is a field here and an attribute of ``Settings``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from secretariat_tui.domain.fields import Field, FieldReader, Text, record_text
from secretariat_tui.domain.member_fields import parse_name
from secretariat_tui.domain.orgnr import normalise_org_number
from secretariat_tui.domain.settings import Settings

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
