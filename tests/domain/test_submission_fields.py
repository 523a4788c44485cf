"""A submission's typed fields: co-signers by name, kept by id, and the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from secretariat_tui.domain.date_entry import Precision
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.submission_fields import (
    parse_co_signers,
    parse_submission_fields,
    submission_fields,
)
from secretariat_tui.domain.submissions import SubmissionKind, SubmissionStatus
from tests.factories import make_member

TODAY = date(2026, 6, 1)
MEMBERS = [
    make_member("Terrafem", id=1),
    make_member("Roks", id=2),
    make_member("Föreningen Norr, Luleå", id=3),
    make_member("Kvinnojouren", id=4),
    make_member("Kvinnojouren", id=5),
]


def fields(**changes: str) -> dict[str, str]:
    return {
        "kind": "debattartikel",
        "title": "Debattartikel om straffriheten",
        "when": "jan 2024",
        "status": "publicerad",
        "recipient": "Göteborgsposten",
    } | changes


def test_a_submission_from_typed_fields() -> None:
    submission = parse_submission_fields(fields(co_signers="terrafem, Roks"), TODAY, MEMBERS)
    assert submission.kind is SubmissionKind.DEBATE_ARTICLE
    assert submission.status is SubmissionStatus.PUBLISHED
    assert submission.when.precision is Precision.MONTH
    assert submission.co_signers == (1, 2)
    assert submission.in_calendar and submission.uid


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Föreningen Norr, Luleå, Roks", (3, 2)),
        ("Roks, Föreningen Norr, Luleå", (2, 3)),
        ("2, terr", (2, 1)),
        ("", ()),
    ],
)
def test_co_signers_by_whole_name_prefix_or_id(typed: str, expected: tuple[int, ...]) -> None:
    assert parse_co_signers(typed, MEMBERS) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Terafem", "Ingen medlem heter ”Terafem”"),
        ("Kvinnojouren", "passar flera medlemmar"),
        ("Roks, roks", "Roks står två gånger"),
        ("99", "ingen medlem med id 99"),
    ],
)
def test_a_co_signer_that_names_no_single_member_is_refused(typed: str, message: str) -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_submission_fields(fields(co_signers=typed), TODAY, MEMBERS)
    assert message in caught.value.errors["co_signers"]


def test_an_edit_keeps_co_signers_who_share_a_name() -> None:
    stored = replace(parse_submission_fields(fields(), TODAY, MEMBERS), co_signers=(4, 5), id=9)
    again = parse_submission_fields(
        submission_fields(stored, MEMBERS) | {"title": "Ny rubrik"}, TODAY, MEMBERS, base=stored
    )
    assert (again.co_signers, again.id, again.uid) == ((4, 5), 9, stored.uid)


def test_every_faulty_field_at_once() -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_submission_fields(fields(kind="brev", title="", when="32 jan", status="?"), TODAY, [])
    assert set(caught.value.errors) == {"kind", "title", "when", "status"}
