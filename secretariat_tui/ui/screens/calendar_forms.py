"""Forms for an activity, a network membership and an advocacy submission.

Dates take the fast entry (``15/1``, ``15 jan``, ``jan 2024``, ``idag``, ``+3``); the field's
check is the domain's parser, so what it cannot read is explained under the field as it is
typed, and ``build`` runs the same parser with the rules between fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.activity_fields import (
    ACTIVITY_FIELDS,
    activity_fields,
    parse_activity_fields,
)
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.fields import Field, new_record_text
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.network_fields import (
    NETWORK_FIELDS,
    network_fields,
    parse_network_fields,
)
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submission_fields import (
    SUBMISSION_FIELDS,
    parse_co_signers,
    parse_submission_fields,
    submission_fields,
)
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.ui.widgets.record_form import RecordForm


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
        self.networks, self.activity = networks, activity
        if activity is not None:
            initial = activity_fields(activity)
            title = f"Ändra aktiviteten {activity.when.iso()}"
        else:
            initial = new_record_text(ACTIVITY_FIELDS) | {
                "when": (day or today).isoformat(),
                "category": Category.MEETING.value,
            }
            title = "Ny aktivitet"
        super().__init__(
            title,
            initial,
            "Rubriken skrivs som raden i verksamhetsberättelsen. Bara månad (t.ex. jan 2024) "
            "för det som inte har en dag; det kommer inte med i kalenderfilen.",
            save=save,
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return ACTIVITY_FIELDS

    def options_for(self, field: Field) -> tuple[tuple[str, str], ...]:
        networks = sorted(self.networks, key=lambda n: swedish_key(n.name))
        return tuple((n.name, str(n.id)) for n in networks)

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
        self.members, self.submission = members, submission
        if submission is not None:
            initial = submission_fields(submission, members)
            title = f"Ändra inlagan {submission.when.iso()}"
        else:
            initial = new_record_text(SUBMISSION_FIELDS) | {"when": today.isoformat()}
            title = "Ny inlaga"
        super().__init__(
            title,
            initial,
            "En inlaga som inte är ett utkast står också i sin månad i kalendern.",
            save=save,
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return SUBMISSION_FIELDS

    def live_check(self, field: Field) -> Callable[[str], str | None]:
        if field.name != "co_signers":
            return super().live_check(field)

        def check(text: str) -> str | None:
            try:
                parse_co_signers(text, self.members)
            except ValueError as err:
                return str(err)
            return None

        return check

    def build(self, values: dict[str, str]) -> Submission:
        return parse_submission_fields(values, self.today, self.members, base=self.submission)
