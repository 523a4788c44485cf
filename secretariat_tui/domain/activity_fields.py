"""An activity's fields as typed (form or command line) → a checked Activity.

Dates take the fast entry (``15/1``, ``15 jan``, ``jan 2024``, ``idag``, ``+3``): "today"
is a parameter, so the same text means the same day in a test as on the coordinator's screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from secretariat_tui.domain.activities import (
    Activity,
    Category,
    check_activity,
    new_uid,
    parse_title,
)
from secretariat_tui.domain.date_entry import parse_date_entry, parse_day_entry, parse_time_entry
from secretariat_tui.domain.field_reader import FieldReader, yes_no

ACTIVITY_LABELS = {
    "when": "Datum",
    "starts_at": "Börjar kl.",
    "ends_at": "Slutar kl.",
    "ends_on": "Sista dag",
    "title": "Rubrik",
    "category": "Kategori",
    "location": "Plats",
    "participants": "Deltagare/partner",
    "notes": "Anteckningar",
    "in_report": "Med i berättelsen",
    "network_id": "Nätverk",
}
CATEGORY_OPTIONS = tuple((c.label, c.value) for c in Category)
NO_NETWORK = ""


def parse_network_id(text: str) -> int:
    if not text.isdigit():
        raise ValueError(f"”{text}” är inget nätverks-id.")
    return int(text)


def parse_activity_fields(
    raw: Mapping[str, str], today: date, *, base: Activity | None = None
) -> Activity:
    """The activity the fields describe (an edit of ``base`` keeps its id and uid).

    Raises FieldErrors with every fault, each under its field.
    """
    fields = FieldReader(raw)
    when = fields.required("when", lambda text: parse_date_entry(text, today))
    starts_at = fields.optional("starts_at", parse_time_entry)
    ends_at = fields.optional("ends_at", parse_time_entry)
    ends_on = fields.optional("ends_on", lambda text: parse_day_entry(text, today))
    title = fields.required("title", parse_title)
    category = fields.choice("category", Category, "kategori")
    in_report = fields.flag("in_report")
    network_id = fields.optional("network_id", parse_network_id)
    fields.done()
    assert when is not None and title is not None and category is not None
    activity = Activity(
        title=title,
        when=when,
        category=category,
        starts_at=starts_at,
        ends_at=ends_at,
        ends_on=ends_on,
        location=fields.text("location"),
        participants=fields.text("participants"),
        notes=fields.text("notes"),
        in_report=in_report,
        network_id=network_id,
        uid=base.uid if base else new_uid(),
        id=base.id if base else None,
    )
    check_activity(activity)
    return activity


def activity_fields(activity: Activity) -> dict[str, str]:
    """The activity as typed text: to prefill a form or to start a command-line edit from."""
    return {
        "when": activity.when.iso(),
        "starts_at": f"{activity.starts_at:%H:%M}" if activity.starts_at else "",
        "ends_at": f"{activity.ends_at:%H:%M}" if activity.ends_at else "",
        "ends_on": activity.ends_on.isoformat() if activity.ends_on else "",
        "title": activity.title,
        "category": activity.category.value,
        "location": activity.location,
        "participants": activity.participants,
        "notes": activity.notes,
        "in_report": yes_no(activity.in_report),
        "network_id": str(activity.network_id) if activity.network_id else NO_NETWORK,
    }


def edited_activity(activity: Activity, changes: Mapping[str, str], today: date) -> Activity:
    """``activity`` with the typed ``changes`` applied and every rule checked again."""
    return parse_activity_fields({**activity_fields(activity), **changes}, today, base=activity)
