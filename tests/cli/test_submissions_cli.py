"""`secretariat submissions …`: kinds and statuses as typed, co-signers, the calendar link."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.submissions import SubmissionKind, SubmissionStatus
from tests.cli.calendar_helpers import empty_database, ok, refused, stored_submissions
from tests.cli.helpers import add_org


@pytest.fixture
def db(db_path: Path) -> Path:
    """Members 1 "Föreningen Norr, Luleå" (a comma in the name), 2 Roks, 3 Röda Korset."""
    empty_database(db_path)
    for name in ("Föreningen Norr, Luleå", "Roks", "Röda Korset"):
        add_org(db_path, name)
    return db_path


def add(db: Path, *args: str) -> str:
    return ok(db, "submissions", "add", *args)


def remissvar(db: Path, *extra: str) -> str:
    return add(
        db,
        *("--kind", "Remissvar", "--title", "Remissvar om X", "--date", "10 mar 2024"),
        *extra,
    )


def test_add_stores_it_sent_by_default_with_its_co_signers(db: Path) -> None:
    out = remissvar(
        db,
        *("--recipient", "Justitiedepartementet", "--reference", "Ju2024/01"),
        *("--co-signer", "Föreningen Norr, Luleå", "--co-signer", "2"),
    )

    assert out == "Lade till inlaga 1: 2024-03-10 Remissvar om X (remissvar, inskickad)\n"
    [submission] = stored_submissions(db)
    assert submission.kind is SubmissionKind.CONSULTATION
    assert submission.status is SubmissionStatus.SUBMITTED
    assert submission.when == EnteredDate(date(2024, 3, 10))
    assert submission.co_signers == (1, 2)
    assert (submission.recipient, submission.reference) == ("Justitiedepartementet", "Ju2024/01")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("tip-rapportering", SubmissionKind.TIP),
        ("Framställan", SubmissionKind.PETITION),
        ("SKRIVELSE", SubmissionKind.PETITION),
        ("sakråd/input", SubmissionKind.INPUT),
    ],
)
def test_the_kind_is_taken_in_any_case_and_by_either_half(
    db: Path, kind: str, expected: SubmissionKind
) -> None:
    add(db, "--kind", kind, "--title", "T", "--date", "apr 2024", "--status", "Publicerad")

    [submission] = stored_submissions(db)
    assert submission.kind is expected
    assert submission.status is SubmissionStatus.PUBLISHED
    assert submission.when == EnteredDate(date(2024, 4, 1), Precision.MONTH)


@pytest.mark.parametrize(
    ("co_signers", "line"),
    [
        (("Okänd",), "Error: --co-signer: Ingen medlem heter ”Okänd”."),
        (("9",), "Error: --co-signer: Det finns ingen medlem med id 9."),
        (("R",), "Error: --co-signer: ”R” passar flera medlemmar (Roks, Röda Korset); skriv hela"),
        (("Roks", "2"), "Error: --co-signer: Roks står två gånger."),
    ],
    ids=["unknown", "unknown-id", "ambiguous", "twice"],
)
def test_a_co_signer_that_is_not_exactly_one_member_is_refused(
    db: Path, co_signers: tuple[str, ...], line: str
) -> None:
    args = [arg for name in co_signers for arg in ("--co-signer", name)]

    command = ("submissions", "add", "--kind", "rapport", "--title", "T", "--date", "2024-03-01")
    assert refused(db, *command, *args).startswith(line)
    assert stored_submissions(db) == []


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (("--kind", "insändare"), 2, "”insändare” är ingen typ av inlaga; välj debattartikel,"),
        (("--kind", "rapport", "--status", "skickad"), 2, "”skickad” är ingen status; välj utkast"),
        (("--kind", "rapport", "--date", "31/2"), 1, "Error: --date: ”31/2”: 31 februari"),
    ],
    ids=["kind", "status", "date"],
)
def test_a_bad_typed_value_is_refused_before_the_database_is_opened(
    db_path: Path, args: tuple[str, ...], code: int, line: str
) -> None:
    full = {"--date": "2024-03-01", "--title": "T"}
    full.update(zip(args[::2], args[1::2], strict=True))
    flat = [part for pair in full.items() for part in pair]

    assert line in refused(db_path, "submissions", "add", *flat, code=code)
    assert not db_path.exists()


def test_a_sent_submission_is_in_the_calendar_once_and_a_draft_only_when_sent(db: Path) -> None:
    remissvar(db)
    add(
        db,
        "--kind",
        "debattartikel",
        "--title",
        "Utkast",
        "--date",
        "2024-03-12",
        "--status",
        "utkast",
    )

    listed = ok(db, "activities", "list", "--year", "2024")
    assert listed.count("Remissvar om X") == 1 and "Utkast" not in listed
    ok(db, "submissions", "edit", "2", "--status", "publicerad")
    assert ok(db, "activities", "list", "--year", "2024").count("Utkast") == 1


def test_edit_changes_only_the_given_flags_and_keeps_the_co_signers(db: Path) -> None:
    remissvar(db, "--co-signer", "Föreningen Norr, Luleå", "--recipient", "Ju")
    [before] = stored_submissions(db)

    out = ok(db, "submissions", "edit", "påverkan-1", "--status", "besvarad", "--recipient", "")
    assert out == "Sparade inlaga 1: 2024-03-10 Remissvar om X (remissvar, besvarad)\n"
    [after] = stored_submissions(db)
    assert after.status is SubmissionStatus.ANSWERED and after.recipient == ""
    assert (after.co_signers, after.uid, after.title) == ((1,), before.uid, before.title)


def test_co_signer_on_edit_replaces_the_list_and_empty_clears_it(db: Path) -> None:
    remissvar(db, "--co-signer", "1")

    ok(db, "submissions", "edit", "1", "--co-signer", "Röda", "--co-signer", "roks")
    assert stored_submissions(db)[0].co_signers == (3, 2)
    ok(db, "submissions", "edit", "1", "--co-signer", "")
    assert stored_submissions(db)[0].co_signers == ()


def test_a_faulty_edit_stores_nothing(db: Path) -> None:
    remissvar(db)
    before = stored_submissions(db)

    assert refused(db, "submissions", "edit", "1", "--title", "").startswith("Error: --title: ")
    assert refused(db, "submissions", "edit", "1", "--co-signer", "Okänd").startswith(
        "Error: --co-signer: "
    )
    assert "Inget att ändra" in refused(db, "submissions", "edit", "1", code=2)
    assert refused(db, "submissions", "edit", "7", "--title", "X") == (
        "Error: Det finns ingen inlaga med id 7."
    )
    assert stored_submissions(db) == before


def test_delete_removes_it_from_the_register_and_the_calendar(db: Path) -> None:
    remissvar(db)

    out = ok(db, "submissions", "delete", "1", "--yes")
    assert out == "Tog bort inlaga 1: 2024-03-10 Remissvar om X (remissvar, inskickad)\n"
    assert stored_submissions(db) == []
    assert "Remissvar om X" not in ok(db, "activities", "list", "--year", "2024")


def test_list_filters_by_year_kind_and_status(db: Path) -> None:
    remissvar(db, "--co-signer", "Föreningen Norr, Luleå", "--co-signer", "Roks")
    add(db, "--kind", "debattartikel", "--title", "Artikel", "--date", "2024-02-01")
    add(
        db,
        "--kind",
        "debattartikel",
        "--title",
        "Utkast",
        "--date",
        "2024-05-01",
        "--status",
        "utkast",
    )
    add(db, "--kind", "rapport", "--title", "Gammal", "--date", "2023-05-01")

    def ids(*args: str) -> list[str]:
        out = ok(db, "submissions", "list", "--year", "2024", *args)
        return [line.split()[0] for line in out.splitlines()[1:]]

    assert ids() == ["2", "1", "3"]
    assert ids("--kind", "Debattartikel") == ["2", "3"]
    assert ids("--status", "utkast") == ["3"]
    assert ok(db, "submissions", "list", "--year", "2022") == "Inga inlagor 2022.\n"
    listed = ("submissions", "list", "--year", "2024")
    [sent] = json.loads(ok(db, *listed, "--kind", "remissvar", "--format", "json"))
    assert sent["co_signers"] == [
        {"id": 1, "name": "Föreningen Norr, Luleå"},
        {"id": 2, "name": "Roks"},
    ]
    assert (sent["date"], sent["status"], sent["in_calendar"]) == ("2024-03-10", "inskickad", True)
    rows = list(csv.reader(io.StringIO(ok(db, *listed, "--format", "csv")), delimiter=";"))
    assert rows[2][6] == "Föreningen Norr, Luleå, Roks"
