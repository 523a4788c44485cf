"""An advocacy submission's fields as typed (form or command line) → a checked Submission.

Co-signers are typed as member names separated by commas (or member ids); each must name
exactly one member, so a typo is refused instead of silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from secretariat_tui.domain.activities import new_uid, parse_title
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.fields import (
    IN_REPORT,
    Choice,
    Day,
    Field,
    FieldReader,
    Text,
    record_text,
)
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.submissions import (
    Submission,
    SubmissionKind,
    SubmissionStatus,
    check_submission,
)

SUBMISSION_FIELDS = (
    Field(
        "kind",
        "Typ",
        Choice(SubmissionKind, "typ av inlaga"),
        required=True,
        help="Typ av inlaga.",
    ),
    Field(
        "title", "Rubrik", Text(parse_title), required=True, help="Raden som i aktivitetslistan."
    ),
    Field("when", "Datum", Day(month=True), flag="--date", required=True, help="Datum."),
    Field(
        "status",
        "Status",
        Choice(SubmissionStatus, "status"),
        required=True,
        help="Alla utom utkast står i kalendern.",
        default=SubmissionStatus.SUBMITTED,
    ),
    Field(
        "recipient",
        "Mottagare",
        help="Mottagare: departement, myndighet, tidning …",
        placeholder="t.ex. Justitiedepartementet",
    ),
    Field(
        "co_signers",
        "Medundertecknare",
        flag="--co-signer",
        help="Medundertecknande medlem (id eller namn); en flagga per medlem.",
        placeholder="medlemmar, med komma emellan",
        multiple=True,
    ),
    Field("reference", "Länk/diarienr", help="Länk eller diarienummer."),
    IN_REPORT,
    Field("notes", "Anteckningar", help="Anteckningar."),
)


def find_member(text: str, members: Sequence[Member]) -> Member:
    """The one member ``text`` names: an id, a full name, or the start of just one name."""
    wanted = text.strip()
    if wanted.isdigit():
        for member in members:
            if member.id == int(wanted):
                return member
        raise ValueError(f"Det finns ingen medlem med id {wanted}.")
    key = swedish_key(wanted)
    exact = [m for m in members if swedish_key(m.name) == key]
    found = exact or [m for m in members if swedish_key(m.name).startswith(key)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(f"Ingen medlem heter ”{wanted}”.")
    names = ", ".join(sorted((m.name for m in found), key=swedish_key)[:3])
    raise ValueError(f"”{wanted}” passar flera medlemmar ({names}); skriv hela namnet.")


def parse_co_signers(text: str, members: Sequence[Member]) -> tuple[int, ...]:
    """Member ids from names separated by commas; a name that itself has a comma is kept whole."""
    names = {swedish_key(m.name) for m in members}
    parts = text.split(",")
    ids: list[int] = []
    start = 0
    while start < len(parts):
        # The longest run of parts that is a member's whole name, else the one part.
        end = next(
            (
                stop
                for stop in range(len(parts), start + 1, -1)
                if swedish_key(",".join(parts[start:stop]).strip()) in names
            ),
            start + 1,
        )
        wanted = ",".join(parts[start:end])
        start = end
        if not wanted.strip():
            continue
        member = find_member(wanted, members)
        assert member.id is not None
        if member.id in ids:
            raise ValueError(f"{member.name} står två gånger.")
        ids.append(member.id)
    return tuple(ids)


def parse_submission_fields(
    raw: Mapping[str, str],
    today: date,
    members: Sequence[Member],
    *,
    base: Submission | None = None,
) -> Submission:
    fields = FieldReader(SUBMISSION_FIELDS, raw, today)
    values = fields.read(*(f.name for f in SUBMISSION_FIELDS if f.name != "co_signers"))
    unchanged = base is not None and fields.text("co_signers") == co_signer_names(base, members)
    co_signers = (
        base.co_signers  # as shown, so kept as stored (two members may share a name)
        if base is not None and unchanged
        else fields.value("co_signers", lambda text: parse_co_signers(text, members))
    )
    fields.done()
    submission = Submission(
        **values,
        co_signers=co_signers or (),
        uid=base.uid if base else new_uid(),
        id=base.id if base else None,
    )
    check_submission(submission)
    return submission


def co_signer_names(submission: Submission, members: Sequence[Member]) -> str:
    by_id = {m.id: m.name for m in members}
    return ", ".join(by_id.get(i, str(i)) for i in submission.co_signers)


def submission_fields(submission: Submission, members: Sequence[Member]) -> dict[str, str]:
    return record_text(SUBMISSION_FIELDS, submission) | {
        "co_signers": co_signer_names(submission, members)
    }


def edited_submission(
    submission: Submission, changes: Mapping[str, str], today: date, members: Sequence[Member]
) -> Submission:
    current = submission_fields(submission, members)
    return parse_submission_fields({**current, **changes}, today, members, base=submission)
