"""The export dialogs driven by keys at 80×24: which one opens, what each shows, what is
written where, what is remembered, and what is refused."""

from __future__ import annotations

import json
import stat
from io import BytesIO
from pathlib import Path
from typing import Any

import icalendar
import pytest
from docx import Document
from textual.pilot import Pilot
from textual.widgets import Button, OptionList, Select

from secretariat_tui.config import default_export_folder, user_config_path
from secretariat_tui.store.user_config import remember_choices, set_report_template
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.export import ExportChoiceScreen
from secretariat_tui.ui.screens.export_forms import (
    CalendarFileForm,
    ExportForm,
    MonthListForm,
    ReportForm,
)
from tests.exports.word_templates import HEADER, own_template
from tests.ui.helpers import (
    choose,
    error_text,
    field_value,
    file_message,
    focus_field,
    footer_keys,
    replace_text,
)

SIZE = (80, 24)
KEYS = {"k": CalendarFileForm, "v": ReportForm, "m": MonthListForm}


async def open_export(pilot: Pilot[Any], key: str = "k") -> ExportForm:
    await pilot.press("4", "u")
    assert isinstance(pilot.app.screen, ExportChoiceScreen)
    await pilot.press(key)
    form = pilot.app.screen
    assert isinstance(form, KEYS[key])
    return form


async def export(pilot: Pilot[Any]) -> None:
    """Save the form, then wait for the worker that writes the file."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def fields(form: ExportForm) -> list[str]:
    return [str(widget.id).removeprefix("row-") for widget in form.query(".field-row")]


def offered(form: ExportForm, name: str) -> list[str]:
    select = form.query_one(f"#field-{name}", Select)
    return [str(prompt) for prompt, _ in select._options]


# --- three dialogs, each with its own fields and formats --------------------------------------


async def test_u_asks_which_kind_and_each_dialog_shows_only_its_own_fields(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        shown = {}
        for key in KEYS:
            form = await open_export(pilot, key)
            shown[key] = fields(form)
            if "format" in shown[key]:
                shown[key + " formats"] = offered(form, "format")
            await pilot.press("escape")
            assert isinstance(app.screen, CalendarScreen)
    assert shown == {
        "k": ["year", "start", "end", "category", "platform", "folder", "path"],
        "v": ["section", "year", "format", "folder", "path"],
        "v formats": ["Word (.docx)", "Markdown (.md)", "Text (.txt)"],
        "m": ["month", "format", "folder", "path"],
        "m formats": ["Markdown (.md)", "Text (.txt)"],
    }


async def test_the_choice_also_goes_by_arrows_and_enter_and_escape_exports_nothing(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "u")
        assert isinstance(app.screen, ExportChoiceScreen)
        assert app.screen.query_one(OptionList).highlighted == 0, "the calendar file first"
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ReportForm)
        await pilot.press("escape", "u", "escape")
        assert isinstance(app.screen, CalendarScreen)


async def test_the_footer_and_the_button_say_the_same_word(app: SecretariatApp) -> None:
    """The footer once said "^s Spara" while the button said "Exportera"."""
    async with app.run_test(size=SIZE) as pilot:
        form = await open_export(pilot, "v")
        footer = [key.description for key in footer_keys(form)]
        button = str(form.query_one("#save", Button).label)
    assert "Exportera" in footer and "Spara" not in footer
    assert button.startswith("Exportera")


# --- what is written -------------------------------------------------------------------------


async def test_the_autumn_platform_meetings_as_a_calendar_file(
    app: SecretariatApp, tmp_path: Path
) -> None:
    target = tmp_path / "hosten.ics"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "k")
        await replace_text(pilot, "start", "1/9 2024")
        await replace_text(pilot, "end", "31/12 2024")
        await focus_field(pilot, "platform")
        await pilot.press("space")  # a yes/no field is a checkbox
        await replace_text(pilot, "path", str(target))
        await export(pilot)
        assert f"till {target}." in file_message(app), "the path, until the message is closed"
        await pilot.press("escape")
        assert isinstance(app.screen, CalendarScreen)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert [str(e["SUMMARY"]) for e in events] == ["Höstens plattformsmöte"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_the_full_draft_as_a_word_file(app: SecretariatApp, tmp_path: Path) -> None:
    target = tmp_path / "utkast.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "v")
        assert (field_value(app, "section"), field_value(app, "format")) == ("all", "docx")
        await replace_text(pilot, "year", "2024")
        await replace_text(pilot, "path", str(target))
        await export(pilot)
        assert "Skrev hela utkastet" in file_message(app)
    document = Document(BytesIO(target.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Löpande verksamhet (månadsvis)" in text
    assert "27 betalande medlemmar" in text
    months = [row.cells[0].text for row in document.tables[0].rows]
    assert months[:3] == ["Januari", "Februari", "Mars"]


async def test_a_month_list_needs_its_month(app: SecretariatApp, tmp_path: Path) -> None:
    target = tmp_path / "nov.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "m")
        await replace_text(pilot, "path", str(target))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MonthListForm), "refused: no month"
        assert "Ange ett datum" in error_text(app, "month")
        await replace_text(pilot, "month", "nov 2024")
        assert field_value(app, "path") == str(target.with_name("manadslista-2024-11.md"))
        await replace_text(pilot, "path", str(target))
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
        assert isinstance(app.screen, CalendarFileForm)
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
        assert "Inga aktiviteter passar urvalet" in file_message(app, failed=True)
    assert not target.exists()


@pytest.mark.parametrize(
    ("key", "typed", "name"),
    [
        ("v", {"year": "2024"}, "verksamhetsberattelse-2024.docx"),
        ("k", {"year": "2024"}, "kalender-2024.ics"),
        ("m", {"month": "maj 2024"}, "manadslista-2024-05.md"),
    ],
)
async def test_the_file_is_named_in_swedish_for_what_and_which_year_is_chosen(
    app: SecretariatApp, key: str, typed: dict[str, str], name: str
) -> None:
    """Choosing 2024 once wrote 2024's section to a file named for this year."""
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, key)
        for field, text in typed.items():
            await replace_text(pilot, field, text)
        assert field_value(app, "path") == name


async def test_the_name_follows_the_section_chosen(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "v")
        await replace_text(pilot, "year", "2024")
        await focus_field(pilot, "section")
        await choose(pilot, "löpande verksamhet")
        assert field_value(app, "path") == "verksamhetsberattelse-2024-lopande-verksamhet.docx"


# --- the export folder, and what is remembered --------------------------------------------------


async def test_a_bare_name_lands_in_the_export_folder_made_for_the_owner_only(
    app: SecretariatApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exports once landed in the folder the program was started from (in a git checkout:
    personal data as untracked files)."""
    started_in = tmp_path / "start"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    folder = default_export_folder()
    assert folder.name == "Kansliet" and not folder.exists()
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "m")
        assert field_value(app, "folder") == str(folder), "the folder is shown"
        await replace_text(pilot, "month", "nov 2024")
        await export(pilot)
        assert "manadslista-2024-11.md" in file_message(app), error_text(app, "path")
        await pilot.press("enter")
        assert isinstance(app.screen, CalendarScreen)
    written = folder / "manadslista-2024-11.md"
    assert written.read_text(encoding="utf-8").startswith("## November 2024")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert list(started_in.iterdir()) == [], "nothing in the folder the program started from"


async def test_a_folder_changed_in_the_dialog_is_the_export_folder_next_time(
    app: SecretariatApp, tmp_path: Path
) -> None:
    chosen = tmp_path / "delat"
    chosen.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "v")
        await replace_text(pilot, "folder", str(chosen))
        await export(pilot)
        assert (chosen / f"verksamhetsberattelse-{2026}.docx").exists()
        assert f"Exportmappen är nu {chosen}" in file_message(app)
        await pilot.press("enter")
        await open_export(pilot, "k")
        assert field_value(app, "folder") == str(chosen)
    settings = json.loads(user_config_path().read_text(encoding="utf-8"))
    assert settings["export_folder"] == str(chosen)
    assert stat.S_IMODE(user_config_path().stat().st_mode) == 0o600


async def test_the_last_choices_are_offered_again_per_kind(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "v")
        await focus_field(pilot, "section")
        await choose(pilot, "nätverk")
        await focus_field(pilot, "format")
        await choose(pilot, "Text (.txt)")
        await replace_text(pilot, "folder", str(tmp_path))
        await export(pilot)
        assert (tmp_path / "verksamhetsberattelse-2026-natverk.txt").exists()

        await pilot.press("enter", "u")
        assert app.screen.query_one(OptionList).highlighted == 1, "the report, chosen last"
        await pilot.press("enter")
        assert (field_value(app, "section"), field_value(app, "format")) == ("networks", "txt")
        assert field_value(app, "path") == "verksamhetsberattelse-2026-natverk.txt"
        await pilot.press("escape", "u", "m")
        assert field_value(app, "format") == "md", "the month list keeps its own choices"


async def test_a_remembered_choice_the_dialog_does_not_offer_is_dropped(
    app: SecretariatApp,
) -> None:
    """A settings file edited by hand (or by an older version) cannot break the dialog."""
    remember_choices("report", {"section": "kaffe", "format": "ics"})
    remember_choices("export", {"kind": "fax"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "u")
        assert app.screen.query_one(OptionList).highlighted == 0
        await pilot.press("v")
        assert (field_value(app, "section"), field_value(app, "format")) == ("all", "docx")


# --- the report's years and Word template -----------------------------------------------------


async def test_a_year_the_register_has_no_records_for_is_refused_at_the_year(
    app: SecretariatApp, tmp_path: Path
) -> None:
    target = tmp_path / "utkast.docx"
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "v")
        await replace_text(pilot, "year", "1900")
        await replace_text(pilot, "path", str(target))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReportForm), "the dialog stays open"
        assert "Registret omfattar 2017–2026" in error_text(app, "year")
        await replace_text(pilot, "year", "2017")
        await replace_text(pilot, "path", str(target))
        await export(pilot)
    assert target.exists()


async def test_the_word_file_is_built_on_the_users_template(
    app: SecretariatApp, tmp_path: Path
) -> None:
    template, target = tmp_path / "mall.docx", tmp_path / "utkast.docx"
    template.write_bytes(own_template())
    set_report_template(template)
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "v")
        await replace_text(pilot, "year", "2024")
        await replace_text(pilot, "path", str(target))
        await export(pilot)
    document = Document(BytesIO(target.read_bytes()))
    assert document.sections[0].header.paragraphs[0].text == HEADER


async def test_a_template_that_is_no_word_file_is_told_and_nothing_is_written(
    app: SecretariatApp, tmp_path: Path
) -> None:
    template, target = tmp_path / "mall.docx", tmp_path / "utkast.docx"
    template.write_bytes(b"%PDF-1.7")
    set_report_template(template)
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot, "v")
        await replace_text(pilot, "year", "2024")
        await replace_text(pilot, "path", str(target))
        await export(pilot)
        assert f"Word-mallen {template} är ingen Word-fil" in file_message(app, failed=True)
    assert not target.exists()
