"""`secretariat submissions …`: advocacy submissions (påverkansarbete).

A submission that has left the house (inskickad, publicerad, besvarad) is also a line of its
month in `secretariat activities list`; it is derived there, never typed twice. Co-signers are
member ids or names (``--co-signer`` once per member), each resolved to exactly one member.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import click

from secretariat_tui.commands.calendar_common import (
    RecordId,
    delete_asked,
    fetch,
    nothing_to_change,
)
from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.fees import YEAR
from secretariat_tui.commands.field_options import (
    ChoiceOf,
    check_given,
    field_errors,
    field_options,
    given,
)
from secretariat_tui.domain.calendar import Source
from secretariat_tui.domain.fields import yes_no
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.submission_fields import (
    SUBMISSION_FIELDS,
    co_signer_names,
    edited_submission,
    find_member,
    parse_submission_fields,
)
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.exports.table import Table
from secretariat_tui.store.calendar import SubmissionRepository
from secretariat_tui.store.members import MemberRepository

KIND = ChoiceOf.of(SUBMISSION_FIELDS, "kind")
STATUS = ChoiceOf.of(SUBMISSION_FIELDS, "status")


def _co_signers(texts: Sequence[str], members: Sequence[Member]) -> dict[str, str]:
    """The ``--co-signer`` values as the member ids the fields take; none given: no change."""
    if not texts:
        return {}
    ids: list[str] = []
    errors: list[str] = []
    for text in (t for t in texts if t.strip()):
        try:
            ids.append(str(find_member(text, members).id))
        except ValueError as err:
            errors.append(str(err))
    if errors:
        raise click.ClickException(f"--co-signer: {' '.join(errors)}")
    return {"co_signers": ", ".join(ids)}


def _summary(submission: Submission) -> str:
    kind, status = submission.kind.value, submission.status.value
    return f"{submission.when.iso()} {submission.title} ({kind}, {status})"


@click.group()
def submissions() -> None:
    """Påverkansarbete: inlagor, debattartiklar, remissvar … Inskickade står i kalendern."""


@submissions.command("add")
@field_options(SUBMISSION_FIELDS, required=True)
@click.pass_obj
def add_submission(obj: CliContext, co_signers: tuple[str, ...], **values: object) -> None:
    """Lägg till en inlaga. Inget sparas om något fält är fel."""
    today, raw = date.today(), given(values)
    with field_errors():
        parse_submission_fields(raw, today, [])
    with obj.database(create=not co_signers) as db:
        members = MemberRepository(db).all()
        with field_errors():
            submission = parse_submission_fields(
                {**raw, **_co_signers(co_signers, members)}, today, members
            )
        stored = SubmissionRepository(db).add(submission)
    click.echo(f"Lade till inlaga {stored.id}: {_summary(stored)}")


@submissions.command("edit")
@click.argument("submission_id", metavar="ID", type=RecordId(Source.SUBMISSION))
@field_options(SUBMISSION_FIELDS, required=False)
@click.pass_obj
def edit_submission(
    obj: CliContext, submission_id: int, co_signers: tuple[str, ...], **values: object
) -> None:
    """Ändra en inlaga; bara de flaggor som anges ändras, ett tomt värde tömmer fältet.

    --co-signer ersätter hela listan; --co-signer "" tar bort alla.
    """
    nothing_to_change({**values, "co_signers": co_signers or None}, "--status")
    today, changes = date.today(), given(values)
    check_given(SUBMISSION_FIELDS, changes, today)
    with obj.database(create=False) as db:
        repository = SubmissionRepository(db)
        submission = fetch(repository, submission_id)
        members = MemberRepository(db).all()
        # The stored co-signers as ids: a name with a comma would not survive a round of text.
        current = {"co_signers": ", ".join(str(i) for i in submission.co_signers)}
        changes |= current | _co_signers(co_signers, members)
        with field_errors():
            edited = edited_submission(submission, changes, today, members)
        repository.update(edited)
    click.echo(f"Sparade inlaga {submission_id}: {_summary(edited)}")


@submissions.command("delete")
@click.argument("submission_id", metavar="ID", type=RecordId(Source.SUBMISSION))
@click.option("--yes", is_flag=True, help="Ta bort utan att fråga.")
@click.pass_obj
def delete_submission(obj: CliContext, submission_id: int, yes: bool) -> None:
    """Ta bort en inlaga (den försvinner då också ur kalendern)."""
    with obj.database(create=False) as db:
        delete_asked(SubmissionRepository(db), submission_id, "inlaga", _summary, yes)


def _object(submission: Submission, names: Mapping[int, str]) -> dict[str, Any]:
    return {
        "id": submission.id,
        "kind": submission.kind.value,
        "title": submission.title,
        "date": submission.when.iso(),
        "status": submission.status.value,
        "recipient": submission.recipient,
        "co_signers": [{"id": i, "name": names.get(i)} for i in submission.co_signers],
        "reference": submission.reference,
        "notes": submission.notes,
        "in_report": submission.in_report,
        "in_calendar": submission.in_calendar,
        "uid": submission.uid,
    }


LIST_HEADERS = (
    *("Id", "Datum", "Typ", "Status", "Rubrik", "Mottagare"),
    # Only in CSV: too wide for a terminal.
    *("Medundertecknare", "Länk/diarienr", "I berättelsen"),
)


def _row(s: Submission, members: Sequence[Member]) -> tuple[str, ...]:
    return (
        *(str(s.id), s.when.iso(), s.kind.value, s.status.value, s.title, s.recipient),
        *(co_signer_names(s, members), s.reference, yes_no(s.in_report)),
    )


@submissions.command("list")
@click.option("--year", type=YEAR, help="Året (ÅÅÅÅ); annars i år.")
@click.option("--kind", type=KIND, help=f"Bara en typ: {KIND.choices}.")
@click.option("--status", type=STATUS, help=f"Bara en status: {STATUS.choices}.")
@format_option("table", "csv", "json", default="table")
@click.pass_obj
def list_submissions(
    obj: CliContext,
    year: int | None,
    kind: SubmissionKind | None,
    status: SubmissionStatus | None,
    fmt: str,
) -> None:
    """Årets inlagor i datumordning, med typ, status och mottagare."""
    year = year or date.today().year
    with obj.reading() as db:
        found = SubmissionRepository(db).all()
        members = MemberRepository(db).all()
    shown = sorted(
        (
            s
            for s in found
            if s.when.day.year == year
            and (kind is None or s.kind is kind)
            and (status is None or s.status is status)
        ),
        key=lambda s: (s.when, s.id or 0),
    )
    names = {m.id: m.name for m in members if m.id is not None}
    table = Table(
        LIST_HEADERS,
        [_row(s, members) for s in shown],
        wide=range(6, len(LIST_HEADERS)),
        empty=f"Inga inlagor {year}.",
        records=[_object(s, names) for s in shown],
    )
    click.echo(table.render(fmt), nl=False)
