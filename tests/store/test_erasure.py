"""Erasing a person from the file and from every backup in both folders, checked on the bytes;
what the report counts stays the same; the live save is one save."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import board_on
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.fees import paying_figures
from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.members import Contact
from secretariat_tui.exports.annual_report import section_text
from secretariat_tui.store import erasure as erasure_module
from secretariat_tui.store.backups import backup_dir, legacy_backup_dir, list_backups
from secretariat_tui.store.board import SeatRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.erasure import erase_member, plan_member_erasure
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.members import MemberNotFound, MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.store.report_source import load_report_data
from tests.domain.gdpr_register import ANNA_STRINGS, BO_STRINGS, write_register
from tests.factories import make_member

TODAY = date(2026, 6, 1)
OLD_EMAIL = "anna@gammal.example"


def every_file(db_path: Path) -> Iterator[Path]:
    """The database and every file in both backup folders."""
    yield db_path
    for folder in (backup_dir(db_path), legacy_backup_dir(db_path)):
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.is_file())


def files_holding(db_path: Path, strings: tuple[str, ...]) -> list[str]:
    """Every file whose raw bytes hold one of ``strings`` (as UTF-8), with the string."""
    return [
        f"{path.name}: {text}"
        for path in every_file(db_path)
        for text in strings
        if text.encode("utf-8") in path.read_bytes()
    ]


@pytest.fixture
def register_file(db_path: Path) -> Path:
    """The GDPR test register with a history: Anna's old e-mail is only in older backups,
    and the old backups folder holds a copy of this file as older versions named them."""
    with open_database(db_path) as db:
        write_register(db)
        members = MemberRepository(db)
        members.update(
            replace(members.get(1), contact=replace(members.get(1).contact, email=OLD_EMAIL))
        )
    legacy = legacy_backup_dir(db_path)
    legacy.mkdir()
    shutil.copyfile(db_path, legacy / f"{db_path.stem}-20240101T120000123456.json")
    with open_database(db_path) as db:  # backs up the file with the old e-mail
        members = MemberRepository(db)
        anna = members.get(1)
        members.update(replace(anna, contact=replace(anna.contact, email=ANNA_STRINGS[1])))
    with open_database(db_path):  # backs up the current file
        pass
    assert len(list_backups(db_path)) == 2
    assert files_holding(db_path, (OLD_EMAIL,)) != []
    return db_path


def erase(db_path: Path, member_id: int) -> tuple[str, ...]:
    with open_database(db_path) as db:
        plan = plan_member_erasure(db, member_id, TODAY)
        done = erase_member(db, plan)
    assert done.failed == ()
    return tuple(str(p) for p in (*done.rewritten, *done.removed))


def test_an_individual_is_gone_from_the_file_and_every_backup(register_file: Path) -> None:
    erase(register_file, 1)
    assert files_holding(register_file, (*ANNA_STRINGS, OLD_EMAIL, "Anna Eks")) == []
    with open_database(register_file) as db:
        anna = MemberRepository(db).get(1)
    assert anna.name == "Raderad person (id 1)"
    assert anna.erased_on == TODAY


def test_an_organisations_contact_is_gone_and_its_name_stays(register_file: Path) -> None:
    erase(register_file, 2)
    assert files_holding(register_file, BO_STRINGS) == []
    for path in every_file(register_file):
        assert b"F\xc3\xb6reningen Ljuset" in path.read_bytes(), path


def test_the_plan_rewrites_every_backup_that_holds_the_person_and_changes_nothing(
    register_file: Path,
) -> None:
    before = {p: p.read_bytes() for p in every_file(register_file)}
    with open_database(register_file) as db:
        plan = plan_member_erasure(db, 1, TODAY)
    after_open = {p: p.read_bytes() for p in every_file(register_file)}
    assert {p: b for p, b in after_open.items() if p in before} == before
    assert len(plan.rewrite) == 3  # two in the backups folder, one in the old one
    assert plan.remove == () and plan.left == ()
    assert plan.checked == 3
    assert plan.backup_lines()[0] == "Säkerhetskopior: 3 genomsökta."


def test_the_bystanders_data_stays_in_every_file(register_file: Path) -> None:
    erase(register_file, 1)
    erase(register_file, 2)
    for path in every_file(register_file):
        assert b"Cecilia Berg" in path.read_bytes(), path
        assert b"cecilia@example.org" in path.read_bytes(), path


def test_payments_amounts_and_the_reports_counts_are_the_same_after(
    register_file: Path,
) -> None:
    years = range(2017, 2027)

    def snapshot() -> list[object]:
        with open_database(register_file) as db:
            members = MemberRepository(db).all()
            payments = PaymentRepository(db).all()
            ledger = FeeLedger.of(db)
            shown: list[object] = [
                [
                    (p.id, p.member_id, p.fee_year, p.amount, p.paid_on, p.reference)
                    for p in payments
                ]
            ]
            for year in years:
                data = load_report_data(db, year)
                shown.append(year_figures(members, year))
                shown.append(paying_figures(ledger.year_rows(year), year))
                shown.append(section_text(data, "members"))
                board = board_on(date(year, 12, 31), data.seats, data.meetings)
                shown.append([(s.id, s.role, s.organisation_id) for s in board])
        return shown

    before = snapshot()
    erase(register_file, 1)
    erase(register_file, 2)
    assert snapshot() == before


def test_erasing_twice_says_it_is_done_and_cleans_a_backup_that_came_back(
    register_file: Path,
) -> None:
    old_copy = list_backups(register_file)[0].read_bytes()
    erase(register_file, 1)
    with open_database(register_file) as db:
        again = plan_member_erasure(db, 1, date(2026, 7, 1))
    assert again.erasure.already_erased and again.nothing_to_do

    restored = backup_dir(register_file) / f"{register_file.stem}-000099-20260701T000000Z.json"
    restored.write_bytes(old_copy)
    with open_database(register_file) as db:
        third = plan_member_erasure(db, 1, date(2026, 7, 1))
        assert third.erasure.already_erased and not third.erasure.changes_anything
        assert [s.path for s in third.rewrite] == [restored]
        done = erase_member(db, third)
    assert done.rewritten == (restored,) and not done.live_saved
    assert files_holding(register_file, (*ANNA_STRINGS, OLD_EMAIL)) == []
    with open_database(register_file) as db:
        assert MemberRepository(db).get(1).erased_on == TODAY


def test_an_unreadable_backup_holding_the_person_is_removed_and_one_without_is_left(
    register_file: Path,
) -> None:
    legacy = legacy_backup_dir(register_file)
    broken = legacy / f"{register_file.stem}-20230101T120000000000.json"
    broken.write_bytes(register_file.read_bytes()[:-40])  # cut off: not JSON any more
    empty = legacy / f"{register_file.stem}-20220101T120000000000.json"
    empty.write_bytes(b"")
    with open_database(register_file) as db:
        plan = plan_member_erasure(db, 1, TODAY)
        assert [s.path for s in plan.remove] == [broken]
        assert [s.path for s in plan.left] == [empty]
        assert "kan inte läsas (filen är tom); inga av uppgifterna finns i filen" in "\n".join(
            plan.backup_lines()
        )
        done = erase_member(db, plan)
    assert done.removed == (broken,)
    assert not broken.exists() and empty.exists()
    assert files_holding(register_file, ANNA_STRINGS) == []


def test_another_files_copy_in_the_shared_old_folder_is_left_and_named(
    register_file: Path,
) -> None:
    other = json.loads(register_file.read_bytes())
    other["_meta"]["1"]["created"] = "2019-01-01T00:00:00"
    foreign = legacy_backup_dir(register_file) / f"{register_file.stem}-20190101T000000000000.json"
    foreign.write_text(json.dumps(other), encoding="utf-8")
    with open_database(register_file) as db:
        plan = plan_member_erasure(db, 1, TODAY)
        assert [s.path for s in plan.left] == [foreign]
        assert "hör till en annan databasfil" in plan.left[0].reason
        erase_member(db, plan)
    assert b"Anna Ek" in foreign.read_bytes()


def test_a_failure_part_way_through_the_live_save_leaves_every_file_as_it_was(
    register_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(register_file) as db:
        plan = plan_member_erasure(db, 1, TODAY)
        before = {p: p.read_bytes() for p in every_file(register_file)}

        def fail(self: SeatRepository, seat: object) -> None:
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(SeatRepository, "update", fail)
        with pytest.raises(OSError):
            erase_member(db, plan)
        assert {p: p.read_bytes() for p in every_file(register_file)} == before
        assert MemberRepository(db).get(1).name == "Anna Ek"


def test_a_backup_that_cannot_be_rewritten_is_removed_instead(
    register_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_database(register_file) as db:
        plan = plan_member_erasure(db, 1, TODAY)

        def full_disk(target: Path, data: bytes) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(erasure_module, "atomic_write_bytes", full_disk)
        done = erase_member(db, plan)
    assert done.rewritten == () and len(done.removed) == 3
    assert done.summary() == "Säkerhetskopior: 0 omskrivna, 3 borttagna."
    assert files_holding(register_file, ANNA_STRINGS) == []


def test_a_read_only_session_is_refused_before_anything(register_file: Path) -> None:
    with (
        open_database(register_file, read_only=True) as db,
        pytest.raises(Exception, match="bara för läsning"),
    ):
        plan_member_erasure(db, 1, TODAY)


def test_an_unknown_member_is_refused(register_file: Path) -> None:
    with open_database(register_file) as db, pytest.raises(MemberNotFound):
        plan_member_erasure(db, 42, TODAY)


def test_a_backup_from_before_the_member_joined_loses_the_mentions(db_path: Path) -> None:
    with open_database(db_path) as db:
        write_register(db)
        CalendarRepository(db).activities.add(
            Activity("Möte med Eva Ny", EnteredDate(date(2024, 1, 9)), Category.MEETING)
        )
    with open_database(db_path) as db:  # backs up the file: Eva Ny named, not yet a member
        MemberRepository(db).add(make_member("Förening Ny", contact=Contact("Eva Ny")))
    [before_joining] = list_backups(db_path)
    assert (
        b'"members":{"1"' in before_joining.read_bytes()
        and b"Eva Ny" in before_joining.read_bytes()
    )
    assert b"F\xc3\xb6rening Ny" not in before_joining.read_bytes()
    with open_database(db_path) as db:
        plan = plan_member_erasure(db, 4, TODAY)
        assert before_joining in [s.path for s in plan.rewrite]
        erase_member(db, plan)
    assert files_holding(db_path, ("Eva Ny",)) == []


def test_a_copy_written_with_ascii_escapes_is_found_and_rewritten(register_file: Path) -> None:
    escaped = legacy_backup_dir(register_file) / f"{register_file.stem}-20240202T000000000000.json"
    escaped.write_text(json.dumps(json.loads(register_file.read_bytes())), encoding="ascii")
    assert b"Gr\\u00e4nd 5" in escaped.read_bytes()
    with open_database(register_file) as db:
        plan = plan_member_erasure(db, 1, TODAY)
        assert escaped in [s.path for s in plan.rewrite]
        erase_member(db, plan)
    ascii_forms = tuple(json.dumps(s)[1:-1] for s in ANNA_STRINGS)
    assert files_holding(register_file, (*ANNA_STRINGS, *ascii_forms)) == []


def test_a_copy_whose_bytes_still_hold_the_person_after_a_rewrite_is_removed(
    register_file: Path,
) -> None:
    """The name as a field name the program does not know: not a text value, so only the
    check of the raw bytes sees it, and the rewrite cannot take it away."""
    document = json.loads(register_file.read_bytes())
    document["members"]["1"]["Anna Ek"] = True
    odd = legacy_backup_dir(register_file) / f"{register_file.stem}-20240303T000000000000.json"
    odd.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with open_database(register_file) as db:
        plan = plan_member_erasure(db, 1, TODAY)
        [removed] = plan.remove
        assert removed.path == odd
        assert removed.reason == "uppgifterna finns kvar efter omskrivningen"
        erase_member(db, plan)
    assert not odd.exists()
    assert files_holding(register_file, ANNA_STRINGS) == []
