"""Forms for an activity, a network membership and an advocacy submission.

Dates take the fast entry (``15/1``, ``15 jan``, ``jan 2024``, ``idag``, ``+3``); the field's
check is the domain's parser, so what it cannot read is explained under the field as it is
typed, and ``build`` runs the same parser with the rules between fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from secretariat_tui.domain.activities import Activity, Category, parse_title
from secretariat_tui.domain.activity_fields import (
    ACTIVITY_LABELS,
    CATEGORY_OPTIONS,
    NO_NETWORK,
    activity_fields,
    parse_activity_fields,
)
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.date_entry import parse_date_entry, parse_day_entry, parse_time_entry
from secretariat_tui.domain.field_reader import YES_NO, check_with, optional_check
from secretariat_tui.domain.fields import Field
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.network_fields import (
    NETWORK_FIELDS,
    network_fields,
    parse_network_fields,
)
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submission_fields import (
    KIND_OPTIONS,
    STATUS_OPTIONS,
    SUBMISSION_LABELS,
    parse_co_signers,
    parse_submission_fields,
    submission_fields,
)
from secretariat_tui.domain.submissions import Submission, SubmissionStatus
from secretariat_tui.ui.widgets.record_form import FieldSpec, RecordForm

DATE_HINT = "t.ex. 15/1, 15 jan, jan 2024, idag, +3"
DAY_HINT = "t.ex. 2024-01-15, 15/1, 15 jan, idag"


class ActivityForm(RecordForm[Activity]):
    def __init__(
        self,
        *,
        today: date,
        networks: Sequence[NetworkMembership],
        save: Callable[[Activity], Activity],
        activity: Activity | None = None,
        day: date | None = None,
    ) -> None:
        self.today, self.networks, self.activity = today, networks, activity
        if activity is not None:
            initial = activity_fields(activity)
            title = f"Ändra aktiviteten {activity.when.iso()}"
        else:
            initial = {
                "when": (day or today).isoformat(),
                "category": Category.MEETING.value,
                "in_report": "ja",
                "network_id": NO_NETWORK,
            }
            title = "Ny aktivitet"
        super().__init__(
            title,
            initial,
            "Rubriken skrivs som raden i verksamhetsberättelsen. Bara månad (t.ex. jan 2024) "
            "för det som inte har en dag; det kommer inte med i kalenderfilen.",
            save=save,
        )

    def form_fields(self) -> Sequence[Field]:
        labels = ACTIVITY_LABELS
        networks = sorted(self.networks, key=lambda n: swedish_key(n.name))
        network_options = (("(inget)", NO_NETWORK),) + tuple((n.name, str(n.id)) for n in networks)
        return (
            FieldSpec(
                "when",
                labels["when"],
                check_with(lambda text: parse_date_entry(text, self.today)),
                placeholder=DATE_HINT,
            ),
            FieldSpec("title", labels["title"], check_with(parse_title)),
            FieldSpec("category", labels["category"], options=CATEGORY_OPTIONS),
            FieldSpec(
                "starts_at",
                labels["starts_at"],
                optional_check(parse_time_entry),
                placeholder="t.ex. 13:00",
            ),
            FieldSpec(
                "ends_at",
                labels["ends_at"],
                optional_check(parse_time_entry),
                placeholder="t.ex. 16:00",
            ),
            FieldSpec(
                "ends_on",
                labels["ends_on"],
                optional_check(lambda text: parse_day_entry(text, self.today)),
                placeholder="bara om den pågår flera dagar",
            ),
            FieldSpec("location", labels["location"]),
            FieldSpec("participants", labels["participants"]),
            FieldSpec("network_id", labels["network_id"], options=network_options),
            FieldSpec("in_report", labels["in_report"], options=YES_NO),
            FieldSpec("notes", labels["notes"]),
        )

    def build(self, values: dict[str, str]) -> Activity:
        return parse_activity_fields(values, self.today, base=self.activity)


class NetworkForm(RecordForm[NetworkMembership]):
    def __init__(
        self,
        *,
        today: date,
        save: Callable[[NetworkMembership], NetworkMembership],
        network: NetworkMembership | None = None,
    ) -> None:
        self.network = network
        initial = network_fields(network) if network else {}
        title = f"Ändra {network.name}" if network else "Nytt nätverk"
        super().__init__(title, initial, save=save, today=today)

    def form_fields(self) -> Sequence[Field]:
        return NETWORK_FIELDS

    def build(self, values: dict[str, str]) -> NetworkMembership:
        return parse_network_fields(values, self.today, base=self.network)


class SubmissionForm(RecordForm[Submission]):
    def __init__(
        self,
        *,
        today: date,
        members: Sequence[Member],
        save: Callable[[Submission], Submission],
        submission: Submission | None = None,
    ) -> None:
        self.today, self.members, self.submission = today, members, submission
        if submission is not None:
            initial = submission_fields(submission, members)
            title = f"Ändra inlagan {submission.when.iso()}"
        else:
            initial = {
                "when": today.isoformat(),
                "status": SubmissionStatus.SUBMITTED.value,
                "in_report": "ja",
            }
            title = "Ny inlaga"
        super().__init__(
            title,
            initial,
            "En inlaga som inte är ett utkast står också i sin månad i kalendern.",
            save=save,
        )

    def form_fields(self) -> Sequence[Field]:
        labels = SUBMISSION_LABELS
        return (
            FieldSpec("kind", labels["kind"], options=KIND_OPTIONS),
            FieldSpec("title", labels["title"], check_with(parse_title)),
            FieldSpec(
                "when",
                labels["when"],
                check_with(lambda text: parse_date_entry(text, self.today)),
                placeholder=DATE_HINT,
            ),
            FieldSpec("status", labels["status"], options=STATUS_OPTIONS),
            FieldSpec("recipient", labels["recipient"], placeholder="t.ex. Justitiedepartementet"),
            FieldSpec(
                "co_signers",
                labels["co_signers"],
                optional_check(lambda text: parse_co_signers(text, self.members)),
                placeholder="medlemmar, med komma emellan",
            ),
            FieldSpec("reference", labels["reference"]),
            FieldSpec("in_report", labels["in_report"], options=YES_NO),
            FieldSpec("notes", labels["notes"]),
        )

    def build(self, values: dict[str, str]) -> Submission:
        return parse_submission_fields(values, self.today, self.members, base=self.submission)
