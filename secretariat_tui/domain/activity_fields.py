"""An activity's fields, declared once, and typed text (form or command line) → an Activity.

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
from secretariat_tui.domain.fields import (
    IN_REPORT,
    Choice,
    Day,
    Field,
    FieldReader,
    Ref,
    Text,
    Time,
    record_text,
)

ACTIVITY_FIELDS = (
    Field("when", "Datum", Day(month=True), flag="--date", required=True, help="Datum."),
    Field(
        "title",
        "Rubrik",
        Text(parse_title),
        required=True,
        help="Raden som i verksamhetsberättelsen.",
    ),
    Field("category", "Kategori", Choice(Category, "kategori"), required=True, help="Kategori."),
    Field(
        "starts_at", "Börjar kl.", Time(), flag="--start", help="Börjar.", placeholder="t.ex. 13:00"
    ),
    Field("ends_at", "Slutar kl.", Time(), flag="--end", help="Slutar.", placeholder="t.ex. 16:00"),
    Field(
        "ends_on",
        "Sista dag",
        Day(),
        flag="--until",
        help="Sista dag, för flera dagar i rad.",
        placeholder="bara om den pågår flera dagar",
    ),
    Field("location", "Plats", help="Plats."),
    Field("participants", "Deltagare/partner", help="Deltagare/partner."),
    Field(
        "network_id",
        "Nätverk",
        Ref("nätverk", none="(inget)", by_name=True),
        flag="--network",
        help="Nätverket det var deltagande i (id eller namn).",
    ),
    IN_REPORT,
    Field("notes", "Anteckningar", help="Anteckningar."),
)
ACTIVITY_LABELS = {f.name: f.label for f in ACTIVITY_FIELDS}


def parse_activity_fields(
    raw: Mapping[str, str], today: date, *, base: Activity | None = None
) -> Activity:
    """The activity the fields describe (an edit of ``base`` keeps its id and uid).

    Raises FieldErrors with every fault, each under its field.
    """
    fields = FieldReader(ACTIVITY_FIELDS, raw, today)
    values = fields.read()
    fields.done()
    activity = Activity(**values, uid=base.uid if base else new_uid(), id=base.id if base else None)
    check_activity(activity)
    return activity


def activity_fields(activity: Activity) -> dict[str, str]:
    """The activity as typed text: to prefill a form or to start a command-line edit from."""
    return record_text(ACTIVITY_FIELDS, activity)


def edited_activity(activity: Activity, changes: Mapping[str, str], today: date) -> Activity:
    """``activity`` with the typed ``changes`` applied and every rule checked again."""
    return parse_activity_fields({**activity_fields(activity), **changes}, today, base=activity)
