"""The export dialog driven by keys at 80×24: what is written, where, and what is refused."""

from __future__ import annotations

import stat
from io import BytesIO
from pathlib import Path
from typing import Any

import icalendar
from docx import Document
from textual.pilot import Pilot

from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.export import ExportForm
from tests.ui.helpers import choose, error_text, focus_field, notices, replace_text

SIZE = (80, 24)


async def open_export(pilot: Pilot[Any]) -> None:
    await pilot.press("4", "u")
    assert isinstance(pilot.app.screen, ExportForm)


async def choose_what(pilot: Pilot[Any], label: str) -> None:
    await focus_field(pilot, "what")
    await choose(pilot, label)


async def export(pilot: Pilot[Any]) -> None:
    """Save the form, then wait for the worker that writes the file."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_autumn_platform_meetings_as_a_calendar_file(
    app: SecretariatApp, tmp_path: Path
) -> None:
    target = tmp_path / "hosten.ics"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await replace_text(pilot, "start", "1/9 2024")
        await replace_text(pilot, "end", "31/12 2024")
        await focus_field(pilot, "platform")
        await pilot.press("space")  # a yes/no field is a checkbox
        await replace_text(pilot, "path", str(target))
        await export(pilot)
        assert isinstance(app.screen, CalendarScreen)
        assert any(f"till {target}" in n for n in notices(app))
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert [str(e["SUMMARY"]) for e in events] == ["Höstens plattformsmöte"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_the_full_draft_as_a_word_file(app: SecretariatApp, tmp_path: Path) -> None:
    target = tmp_path / "utkast.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await choose_what(pilot, "Verksamhetsberättelsen: hela utkastet")
        assert app.screen.query_one("#field-format").value == "docx"  # type: ignore[attr-defined]
        await replace_text(pilot, "year", "2024")
        await replace_text(pilot, "path", str(target))
        await export(pilot)
        assert any("Skrev hela utkastet" in n for n in notices(app))
    document = Document(BytesIO(target.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Löpande verksamhet (månadsvis)" in text
    assert "27 betalande medlemmar" in text
    months = [row.cells[0].text for row in document.tables[0].rows]
    assert months[:3] == ["Januari", "Februari", "Mars"]


async def test_a_month_list_needs_its_month_and_a_text_format(
    app: SecretariatApp, tmp_path: Path
) -> None:
    target = tmp_path / "maj.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await choose_what(pilot, "Månadslista (t.ex. till medlemsbrevet)")
        await replace_text(pilot, "path", str(target))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExportForm), "refused: no month"
        assert "Ange ett datum" in error_text(app, "month")
        await replace_text(pilot, "month", "nov 2024")
        await export(pilot)
    assert target.read_text(encoding="utf-8").startswith("## November 2024")
    assert "Höstens plattformsmöte" in target.read_text(encoding="utf-8")


async def test_a_folder_that_does_not_exist_is_refused_in_the_form(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await replace_text(pilot, "path", str(tmp_path / "saknas" / "k.ics"))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExportForm)
        assert "finns inte" in error_text(app, "path")
        await replace_text(pilot, "path", str(app.database.path))
        await pilot.press("ctrl+s")
        assert "är databasen själv" in error_text(app, "path")


async def test_a_filter_that_leaves_nothing_writes_nothing(
    app: SecretariatApp, tmp_path: Path
) -> None:
    target = tmp_path / "tom.ics"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await replace_text(pilot, "year", "1999")
        await replace_text(pilot, "path", str(target))
        await export(pilot)
        assert any("Inga aktiviteter passar urvalet" in n for n in notices(app, "error"))
    assert not target.exists()


async def test_the_file_is_named_in_swedish_for_what_and_which_year_is_chosen(
    app: SecretariatApp,
) -> None:
    """Choosing 2024 once wrote 2024's section to a file named for this year."""
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        await choose_what(pilot, "Verksamhetsberättelsen: löpande verksamhet")
        await replace_text(pilot, "year", "2024")
        path = Path(app.screen.query_one("#field-path").value)  # type: ignore[attr-defined]
        assert path.name == "verksamhetsberattelse-2024-lopande-verksamhet.docx"
        await choose_what(pilot, "Kalenderfil för Outlook, Google, Thunderbird")
        path = Path(app.screen.query_one("#field-path").value)  # type: ignore[attr-defined]
        assert path.name == "kalender-2024.ics"
