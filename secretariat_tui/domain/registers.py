"""Every register's field declarations, so one test (and the CLI's error lines) can walk them."""

from __future__ import annotations

from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.network_fields import NETWORK_FIELDS

REGISTER_FIELDS: dict[str, tuple[Field, ...]] = {
    "networks": NETWORK_FIELDS,
}
ALL_FIELDS: tuple[Field, ...] = tuple(f for fields in REGISTER_FIELDS.values() for f in fields)
