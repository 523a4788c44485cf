"""Advocacy submissions (påverkansarbete): what the platform said to decision makers.

A submission that has left the house (sent, published or answered) is also a line of its
month in the activity calendar. It is not copied there: the calendar is derived from the
submissions each time (see ``calendar.calendar_items``), so the two can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from secretariat_tui.domain.activities import parse_title
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.errors import FieldErrors


class SubmissionKind(StrEnum):
    DEBATE_ARTICLE = "debattartikel"
    CONSULTATION = "remissvar"
    PETITION = "framställan/skrivelse"
    REPORT = "rapport"
    INPUT = "sakråd/input"
    TIP = "TIP-rapportering"
    OTHER = "annat"

    @property
    def label(self) -> str:
        return self.value[0].upper() + self.value[1:]


class SubmissionStatus(StrEnum):
    DRAFT = "utkast"
    SUBMITTED = "inskickad"
    PUBLISHED = "publicerad"
    ANSWERED = "besvarad"

    @property
    def label(self) -> str:
        return self.value[0].upper() + self.value[1:]

    @property
    def is_out(self) -> bool:
        """Sent, published or answered: it has happened, so it belongs in the calendar."""
        return self is not SubmissionStatus.DRAFT


@dataclass(frozen=True)
class Submission:
    kind: SubmissionKind
    title: str
    """The line as it will stand in the month's activity list."""
    when: EnteredDate
    status: SubmissionStatus = SubmissionStatus.SUBMITTED
    recipient: str = ""
    co_signers: tuple[int, ...] = ()
    """Member ids of the member organisations that signed it too."""
    reference: str = ""
    """A link or a reference (diarienummer)."""
    notes: str = ""
    in_report: bool = True
    uid: str = ""
    id: int | None = None

    @property
    def in_calendar(self) -> bool:
        return self.status.is_out


def check_submission(submission: Submission) -> None:
    errors: dict[str, str] = {}
    try:
        parse_title(submission.title)
    except ValueError as err:
        errors["title"] = str(err)
    if len(set(submission.co_signers)) != len(submission.co_signers):
        errors["co_signers"] = "En medlem står två gånger bland medundertecknarna."
    if errors:
        raise FieldErrors(errors)
