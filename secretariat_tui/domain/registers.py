"""Every register's field declarations, so one test (and the CLI's error lines) can walk them."""

from __future__ import annotations

from secretariat_tui.domain.activity_fields import ACTIVITY_FIELDS
from secretariat_tui.domain.association_fields import ASSOCIATION_FIELDS
from secretariat_tui.domain.board_fields import MEETING_FIELDS, SEAT_END_FIELDS, SEAT_FIELDS
from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.member_fields import END_FIELDS, MEMBER_FIELDS
from secretariat_tui.domain.network_fields import NETWORK_FIELDS
from secretariat_tui.domain.payment_fields import PAYMENT_CONTEXT, PAYMENT_FIELDS
from secretariat_tui.domain.submission_fields import SUBMISSION_FIELDS

REGISTER_FIELDS: dict[str, tuple[Field, ...]] = {
    "members": MEMBER_FIELDS,
    "members end": END_FIELDS,
    "activities": ACTIVITY_FIELDS,
    "payments": PAYMENT_FIELDS,
    "networks": NETWORK_FIELDS,
    "submissions": SUBMISSION_FIELDS,
    "board": SEAT_FIELDS,
    "board end": SEAT_END_FIELDS,
    "meeting": MEETING_FIELDS,
}
CONTEXT_FIELDS: tuple[Field, ...] = PAYMENT_CONTEXT
"""Fields a form takes from where it opens (the highlighted row), but a command from flags."""
ALL_FIELDS: tuple[Field, ...] = (
    *(f for fields in REGISTER_FIELDS.values() for f in fields),
    *CONTEXT_FIELDS,
    *ASSOCIATION_FIELDS,  # settings, not a register: ``settings set NAME VALUE``, no flags
)
