"""CalendarRepository: activities, networks and submissions survive the file exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.calendar import Source
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.store import storage
from secretariat_tui.store.calendar import CalendarRepository, NetworkInUse
from secretariat_tui.store.database import open_database
from secretariat_tui.store.records import RecordNotFound
from tests.conftest import seed_references

MEETING = Activity(
    title="Höstens plattformsmöte",
    when=EnteredDate(date(2024, 11, 14)),
    category=Category.PLATFORM_MEETING,
    starts_at=time(13),
    ends_at=time(16, 30),
    location="Stockholm, Östermalm",
    participants="Medlemmarna",
    notes="Fika från 12:30",
    in_report=False,
    uid="abc123",
)


def test_an_activity_round_trips_with_every_field(db_path: Path) -> None:
    with open_database(db_path) as db:
        stored = CalendarRepository(db).activities.add(MEETING)
    with open_database(db_path) as db:
        assert CalendarRepository(db).activities.get(stored.id or 0) == stored


def test_a_month_only_activity_round_trips(db_path: Path) -> None:
    july = Activity(
        "Uppstart metodstöd", EnteredDate(date(2024, 7, 1), Precision.MONTH), Category.INTERNAL
    )
    with open_database(db_path) as db:
        stored = CalendarRepository(db).activities.add(july)
    with open_database(db_path) as db:
        again = CalendarRepository(db).activities.get(stored.id or 0)
    assert again.month_only and again == stored


def test_edit_and_delete_an_activity(db_path: Path) -> None:
    with open_database(db_path) as db:
        repo = CalendarRepository(db).activities
        stored = repo.add(MEETING)
        repo.update(replace(stored, title="Plattformsmöte (flyttat)"))
        assert repo.get(stored.id or 0).title == "Plattformsmöte (flyttat)"
        repo.delete(stored.id or 0)
        assert repo.all() == []
        with pytest.raises(RecordNotFound, match="ingen aktivitet med id"):
            repo.delete(stored.id or 0)
        with pytest.raises(RecordNotFound):
            repo.update(stored)


def test_an_activity_is_found_by_its_uid(db_path: Path) -> None:
    with open_database(db_path) as db:
        repo = CalendarRepository(db).activities
        stored = repo.add(MEETING)
        assert repo.by_uid("abc123") == stored
        assert repo.by_uid("other") is None


def test_a_submission_round_trips_with_its_co_signers(db_path: Path) -> None:
    seed_references(db_path)
    submission = Submission(
        kind=SubmissionKind.PETITION,
        title="Framställan till handlingsplanen",
        when=EnteredDate(date(2024, 9, 20)),
        status=SubmissionStatus.SUBMITTED,
        recipient="Arbetsmarknadsdepartementet",
        co_signers=(3, 7),
        reference="A2024/01234",
        uid="s1",
    )
    with open_database(db_path) as db:
        stored = CalendarRepository(db).submissions.add(submission)
    with open_database(db_path) as db:
        assert CalendarRepository(db).submissions.get(stored.id or 0) == stored


def test_a_network_round_trips(db_path: Path) -> None:
    network = NetworkMembership(
        "EU Civil Society Platform Against Human Trafficking",
        organiser="Europeiska kommissionen",
        since=date(2018, 1, 1),
        until=date(2025, 12, 31),
        role="medlem",
        meets="två gånger per år",
        about="ett forum för civilsamhället i EU",
    )
    with open_database(db_path) as db:
        stored = CalendarRepository(db).networks.add(network)
    with open_database(db_path) as db:
        assert CalendarRepository(db).networks.all() == [stored]
        assert stored.about == "ett forum för civilsamhället i EU"


def test_a_network_stored_before_it_could_say_what_it_is_reads_without(db_path: Path) -> None:
    with open_database(db_path) as db:
        db.table("networks").insert({"name": "GRETA:s nätverk", "meets": "en gång per år"})
    with open_database(db_path) as db:
        [network] = CalendarRepository(db).networks.all()
    assert (network.name, network.meets, network.about) == ("GRETA:s nätverk", "en gång per år", "")


def test_a_network_with_participation_cannot_be_deleted(db_path: Path) -> None:
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        network = calendar.networks.add(NetworkMembership("GRETA:s nätverk"))
        calendar.activities.add(replace(MEETING, network_id=network.id))
        with pytest.raises(NetworkInUse, match="en aktivitet hör till det"):
            calendar.delete_network(network.id or 0)
        assert calendar.networks.all() == [network]


def test_items_gather_every_source(db_path: Path) -> None:
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        calendar.activities.add(MEETING)
        calendar.meetings.add(AnnualMeeting(date(2024, 4, 18)))
        draft = Submission(
            SubmissionKind.OTHER, "Utkast", EnteredDate(date(2024, 1, 2)), SubmissionStatus.DRAFT
        )
        calendar.submissions.add(draft)
        calendar.submissions.add(replace(draft, title="Skickad", status=SubmissionStatus.SUBMITTED))
        items = calendar.items()
    assert [(i.source, i.title) for i in items] == [
        (Source.SUBMISSION, "Skickad"),
        (Source.MEETING, "Årsmöte"),
        (Source.ACTIVITY, "Höstens plattformsmöte"),
    ]


def test_a_record_without_a_uid_gets_one_when_stored(db_path: Path) -> None:
    with open_database(db_path) as db:
        calendar = CalendarRepository(db)
        first = calendar.activities.add(replace(MEETING, uid=""))
        second = calendar.activities.add(replace(MEETING, uid=""))
        sent = Submission(SubmissionKind.OTHER, "Brev", EnteredDate(date(2024, 1, 2)))
        submission = calendar.submissions.add(sent)
    assert first.uid and second.uid and first.uid != second.uid
    assert submission.uid


def test_an_import_adds_and_updates_in_one_save(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(db_path) as db:
        repo = CalendarRepository(db).activities
        stored = repo.add(MEETING)
        writes: list[Path] = []
        real_write = storage.atomic_write_bytes

        def counted(path: Path, data: bytes) -> None:
            writes.append(path)
            real_write(path, data)

        monkeypatch.setattr(storage, "atomic_write_bytes", counted)
        new = repo.save_many(
            [replace(MEETING, uid="new-1"), replace(MEETING, uid="new-2")],
            [replace(stored, title="Ändrad")],
        )
        assert writes == [db_path]
    with open_database(db_path) as db:
        again = {a.uid: a for a in CalendarRepository(db).activities.all()}
    assert again["abc123"].title == "Ändrad" and again["abc123"].id == stored.id
    assert [again["new-1"], again["new-2"]] == new
    assert len({a.id for a in again.values()}) == 3


def test_an_import_that_updates_a_removed_record_writes_nothing(db_path: Path) -> None:
    with open_database(db_path) as db:
        repo = CalendarRepository(db).activities
        gone = replace(MEETING, id=99)
        with pytest.raises(RecordNotFound):
            repo.save_many([replace(MEETING, uid="new-1")], [gone])
        assert repo.all() == []
