"""GDPR from the members register by keys at 80×24: r shows the register extract (copy, save
as text or JSON), d erases the person after two yeses; asserted on the file and every backup."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import BoardSeat, Role
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.store.backups import backup_dir, legacy_backup_dir, list_backups
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.help import HelpScreen
from secretariat_tui.ui.screens.members import MembersScreen, member_row
from secretariat_tui.ui.screens.personal_data import ListQuestion
from secretariat_tui.ui.screens.save_as import SaveAsForm
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.factories import make_member
from tests.ui.helpers import (
    TODAY,
    choose,
    file_message,
    focus_field,
    footer_keys,
    footer_line,
    highlight,
    notices,
    shown_row,
    stored,
)

SIZE = (80, 24)
KERSTIN = "Kerstin Malmberg"
KERSTIN_STRINGS = (
    KERSTIN,
    "kerstin.malmberg@example.se",
    "070-174 06 16",
    "Syrénvägen 4, 752 39 Uppsala",
)
ERASED = "Raderad person (id 14)"


def name_kerstin_everywhere(app: SecretariatApp) -> None:
    """A board seat, a delegate and an activity for the demo's individual member, then a copy
    of the file in the old backups folder, as older versions of the program made them."""
    board = BoardRepository(app.database)
    meeting = board.meetings.all()[-1]
    assert meeting.id is not None
    board.seats.add(BoardSeat(KERSTIN, Role.DEPUTY, None, meeting.id, 1))
    board.attendance.set(meeting.id, Attendance(14, KERSTIN, present=True))
    CalendarRepository(app.database).activities.add(
        Activity(
            "Samtal med Kerstin Malmberg",
            EnteredDate(date(2025, 3, 3)),
            Category.MEETING,
            participants="Kerstin Malmberg, kansliet",
        )
    )
    path = app.database.path
    legacy = legacy_backup_dir(path)
    legacy.mkdir()
    shutil.copyfile(path, legacy / f"{path.stem}-20240101T120000123456.json")


def every_file(path: Path) -> Iterator[Path]:
    yield path
    for folder in (backup_dir(path), legacy_backup_dir(path)):
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.is_file())


def holding(path: Path, strings: tuple[str, ...]) -> list[str]:
    return [
        f"{file.name}: {text}"
        for file in every_file(path)
        for text in strings
        if text.encode("utf-8") in file.read_bytes()
    ]


def snapshot(path: Path) -> dict[Path, bytes]:
    return {file: file.read_bytes() for file in every_file(path)}


def question_text(app: SecretariatApp) -> str:
    return str(app.screen.query_one("#question-text", Static).render())


async def test_r_shows_the_extract_and_saves_it_as_json(
    app: SecretariatApp, tmp_path: Path
) -> None:
    target = tmp_path / "utdrag.json"
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, KERSTIN)
        await pilot.press("r")
        assert isinstance(app.screen, TextPreviewScreen)
        text = str(app.screen.query_one("#preview-text", Static).render())
        assert text.startswith(f"Registerutdrag för medlem 14: {KERSTIN}")
        for section in ("Medlem", "Formhistorik", "Betalningar", "Styrelseuppdrag"):
            assert re.search(rf"^{section}$", text, re.MULTILINE), section
        assert "E-post:              kerstin.malmberg@example.se" in text

        await pilot.press("s")
        assert isinstance(app.screen, SaveAsForm)
        await focus_field(pilot, "format")
        await choose(pilot, "JSON (.json)")
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(target) in file_message(app)
        await pilot.press("enter")
        assert isinstance(app.screen, TextPreviewScreen), "back to the text, to copy it too"
    extract = json.loads(target.read_text(encoding="utf-8"))
    assert extract["member"]["contact"]["phone"] == "070-174 06 16"
    assert [p["fee_year"] for p in extract["payments"]] == [2023, 2024, 2025, 2026]
    assert target.stat().st_mode & 0o777 == 0o600


async def test_d_erases_after_two_yeses_from_the_file_and_every_backup(
    app: SecretariatApp,
) -> None:
    name_kerstin_everywhere(app)
    path = app.database.path
    assert len(holding(path, (KERSTIN,))) == 3  # the file, its backup, the old folder's copy
    figures_before = stored(app)
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, KERSTIN)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ListQuestion)
        first = question_text(app)
        assert f"namn ”{KERSTIN}” blir ”{ERASED}”" in first
        assert "e-post ”kerstin.malmberg@example.se”" in first
        assert re.search(r"Styrelsepost \d+ \(Suppleant, vald [-\d]+\): person", first)
        assert re.search(r"Aktivitet \d+ \(2025-03-03\): rubrik, deltagare", first)
        await pilot.press("j")
        await pilot.pause()

        assert isinstance(app.screen, ListQuestion)
        second = question_text(app)
        assert second.startswith("Säkerhetskopior: 2 genomsökta.")
        assert "Skrivs om utan uppgifterna (2):" in second
        assert str(list_backups(path)[0]) in second
        assert holding(path, (KERSTIN,)) != [], "nothing happens before the second yes"
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert isinstance(app.screen, MembersScreen)
        assert notices(app)[-1] == (
            "Raderade personuppgifterna för medlem 14. Säkerhetskopior: 2 omskrivna, 0 borttagna."
        )
        assert shown_row(app, ERASED)[5] == "Aktiv", "still a member: the erasure is in details"
    assert holding(path, (*KERSTIN_STRINGS, "Kerstin Malmbergs")) == []
    after = stored(app)
    assert after[ERASED].erased_on == TODAY
    assert {n: m for n, m in after.items() if n != ERASED} == {
        n: m for n, m in figures_before.items() if n != KERSTIN
    }
    assert after[ERASED].forms == figures_before[KERSTIN].forms


async def test_no_at_either_question_changes_nothing(app: SecretariatApp) -> None:
    name_kerstin_everywhere(app)
    path = app.database.path
    before = snapshot(path)
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, KERSTIN)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        assert notices(app)[-1] == "Inget raderades."

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, ListQuestion)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        assert shown_row(app, KERSTIN)[5] == "Aktiv"
    assert snapshot(path) == before


async def test_d_on_an_erased_member_says_it_is_done(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, KERSTIN)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = snapshot(app.database.path)

        await highlight(pilot, ERASED)
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        assert notices(app)[-1] == (
            f"Personuppgifterna för medlem 14 raderades redan {TODAY.isoformat()}. "
            "Ingen av 1 säkerhetskopior innehåller dem."
        )
    assert snapshot(app.database.path) == before


async def test_the_keys_are_in_help_and_palette_and_the_footer_keeps_help(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = [key.description for key in footer_keys(app.screen)]
        assert "Utdrag" in footer
        assert "Radera personuppgifter" not in footer, "rare and final: help and palette only"
        line = footer_line(app.screen)
        assert "? Hjälp" in line, "? Hjälp still shows at 80 columns"
        assert line.index("? Hjälp") + len("? Hjälp") < line.index("^p Kommandon"), line
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Utdrag", "Radera personuppgifter"} <= titles
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        assert re.search(r"^\s+r\s+Utdrag – Registerutdrag \(GDPR\)", text, re.MULTILINE)
        assert re.search(r"^\s+d\s+Radera personuppgifter – GDPR: namn", text, re.MULTILINE)


async def test_the_palette_reaches_the_erasure(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, KERSTIN)
        await pilot.press("ctrl+p")
        await pilot.press(*"Radera pers")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ListQuestion)
        assert "Radera personuppgifterna för medlem 14?" in str(
            app.screen.query_one(".title", Static).render()
        )


def test_the_status_column_says_raderad_only_for_an_erased_member_who_has_left() -> None:
    erased = replace(make_member("Raderad person (id 3)", id=3), erased_on=date(2026, 1, 5))
    left = replace(erased, ended=date(2025, 12, 31))
    today = date(2026, 6, 1)
    assert str(member_row(erased, today).cells[-1]) == "Aktiv"
    assert str(member_row(left, today).cells[-1]) == "Raderad"
