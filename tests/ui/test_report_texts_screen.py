"""The report texts register (7): the year's written sections and their state, the editor.

On the demo, 2024 has every text of its own ("klar"); 2025 and 2026 have none, so they show
2024's, "från 2024, ej uppdaterad". What a save does is read back through the store.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from secretariat_tui.domain.report_outline import WRITTEN_KEYS
from secretariat_tui.domain.report_texts import ReportText
from secretariat_tui.store.report_texts import ReportTextRepository
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.export_forms import ReportForm
from secretariat_tui.ui.screens.report_text_form import ReportTextForm
from secretariat_tui.ui.screens.report_texts import ReportTextsScreen
from tests.ui.helpers import error_text, field_value, notices, status_line, type_text
from tests.ui.test_form_flow import burst

SIZE = (80, 24)


def texts(app: SecretariatApp, year: int) -> dict[str, ReportText]:
    return ReportTextRepository(app.database).for_year(year)


def rows(app: SecretariatApp) -> list[list[str]]:
    """Every row's value in each declared column: Nr, Del, Status, Början."""
    screen = app.screen
    assert isinstance(screen, ReportTextsScreen)
    grid = screen.register.table
    return [[str(v) for v in grid.values_at(index)] for index in range(grid.row_count)]


async def open_year(pilot: Pilot[Any], year: int) -> ReportTextsScreen:
    """The report texts register, moved from 2026 (the tests' today) back to ``year``."""
    await pilot.press("7")
    await pilot.pause()
    await pilot.press(*["less_than_sign"] * (2026 - year))
    screen = pilot.app.screen
    assert isinstance(screen, ReportTextsScreen)
    assert screen.year == year
    return screen


async def open_editor(pilot: Pilot[Any], key: str) -> ReportTextForm:
    screen = pilot.app.screen
    assert isinstance(screen, ReportTextsScreen)
    screen.register.table.move_cursor(row=WRITTEN_KEYS.index(key))
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ReportTextForm)
    assert form.section.key == key
    return form


async def write(pilot: Pilot[Any], form: ReportTextForm, text: str) -> None:
    """Empty the text and type ``text``; ⏎ (``\\n``) is pressed as a key."""
    form.text_area.clear()
    form.text_area.focus()
    for number, line in enumerate(text.split("\n")):
        if number:
            await pilot.press("enter")
        await type_text(pilot, line)


async def test_2024_is_all_done_and_2025_shows_2024s_texts_not_updated(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2024)
        shown = rows(app)
        assert [row[0] for row in shown] == [str(n) for n in range(1, 12)]
        assert {row[2] for row in shown} == {"klar"}
        headings = [row[1] for row in shown]
        assert headings[0] == "Inledning"
        assert "Kampanj 215" in headings  # the text's own heading for 2024, not "Kampanj"
        assert "Civilsamhällets lägesrapport 2023" in headings
        assert shown[1][3].startswith(texts(app, 2024)["uppdrag"].text.split("\n")[0][:20])
        assert status_line(app).startswith("2024 · 11 av 11 klara")
        await pilot.press("greater_than_sign")
        assert {row[2] for row in rows(app)} == {"från 2024, ej uppdaterad"}
        assert status_line(app).startswith("2025 · 0 av 11 klara · 11 ej uppdaterade")
        assert app.screen.sub_title == "2025"


async def test_a_text_written_and_saved_is_the_years_own_with_its_lines(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        form = await open_editor(pilot, "uppdrag")
        assert form.text_area.text == texts(app, 2024)["uppdrag"].text  # starts from 2024's
        await write(pilot, form, "Första stycket.\nAndra stycket.")
        assert isinstance(app.screen, ReportTextForm)  # ⏎ made a new line, it did not save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReportTextsScreen)
        saved = texts(app, 2025)["uppdrag"]
        assert (saved.text, saved.carried_from) == ("Första stycket.\nAndra stycket.", None)
        assert texts(app, 2024)["uppdrag"].text != saved.text  # 2024 untouched
        assert rows(app)[1][2] == "klar"
        assert status_line(app).startswith("2025 · 1 av 11 klara · 10 ej uppdaterade")
        assert any("Sparat: Vårt uppdrag 2025 (klar)" in n for n in notices(app))


async def test_the_years_own_heading_is_saved_and_shown(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        form = await open_editor(pilot, "kampanj")
        assert field_value(app, "heading") == "Kampanj 215"  # carried with its text
        heading = form.query_one("#field-heading")
        heading.focus()
        heading.value = ""  # type: ignore[attr-defined]
        await type_text(pilot, "Kampanj 216")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert texts(app, 2025)["kampanj"].heading == "Kampanj 216"
        assert rows(app)[WRITTEN_KEYS.index("kampanj")][1] == "Kampanj 216"


async def test_an_empty_save_removes_the_years_text_and_says_what_is_left(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2024)
        form = await open_editor(pilot, "nsp")
        form.text_area.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "nsp" not in texts(app, 2024)
        assert rows(app)[WRITTEN_KEYS.index("nsp")][2] == "tom"
        assert rows(app)[WRITTEN_KEYS.index("nsp")][3].startswith("[Att skriva:")
        assert any("Ingen egen text för NSP 2024 längre; delen är tom" in n for n in notices(app))
        await pilot.press("greater_than_sign")  # 2025 carried it from 2024: now nothing
        assert rows(app)[WRITTEN_KEYS.index("nsp")][2] == "tom"


async def test_emptying_a_years_own_text_falls_back_to_last_years(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await pilot.press("k")  # the introduction is 2025's now
        assert texts(app, 2025)["intro"].carried_from is None
        form = await open_editor(pilot, "intro")
        form.text_area.clear()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert texts(app, 2025)["intro"].carried_from == 2024
        assert any("delen är från 2024, ej uppdaterad" in n for n in notices(app))


async def test_k_keeps_last_years_text_unchanged_and_only_where_it_is_carried(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_year(pilot, 2025)
        screen.register.table.move_cursor(row=WRITTEN_KEYS.index("kampanj"))
        await pilot.pause()
        assert screen.check_action("keep", ()) is True
        await pilot.press("k")
        kept = texts(app, 2025)["kampanj"]
        before = texts(app, 2024)["kampanj"]
        assert (kept.text, kept.heading, kept.carried_from) == (before.text, before.heading, None)
        assert rows(app)[WRITTEN_KEYS.index("kampanj")][2] == "klar"
        assert screen.check_action("keep", ()) is False  # klar now: nothing to keep


async def test_escape_asks_before_throwing_away_what_was_written(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await open_editor(pilot, "hemsida")
        await type_text(pilot, " Mer.")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # go on writing
        form = app.screen
        assert isinstance(form, ReportTextForm)
        assert form.text_area.text.endswith(" Mer.")
        await pilot.press("escape")
        await pilot.press("j")  # throw it away
        await pilot.pause()
        assert isinstance(app.screen, ReportTextsScreen)
        assert texts(app, 2025)["hemsida"].carried_from == 2024  # nothing saved


async def test_escape_on_an_unchanged_text_closes_without_a_question(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await open_editor(pilot, "tip")
        await pilot.press("escape")
        assert isinstance(app.screen, ReportTextsScreen)


async def test_a_control_character_is_refused_with_the_domains_message(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2024)
        form = await open_editor(pilot, "uppdrag")
        before = texts(app, 2024)["uppdrag"]
        form.text_area.insert("\x1b[2J")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # the dialog stays, with the text
        assert "styrtecken (\\x1b)" in error_text(app, "text")
        assert texts(app, 2024)["uppdrag"] == before
        form.text_area.text = form.text_area.text.replace("\x1b", "")
        await pilot.pause()
        assert error_text(app, "text") == ""  # fixed: the error goes as the text changes


async def test_a_tab_and_new_lines_are_text_not_errors(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2024)
        form = await open_editor(pilot, "uppdrag")
        form.text_area.text = "Ett\tord\n\nNästa stycke.\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert texts(app, 2024)["uppdrag"].text == "Ett\tord\n\nNästa stycke."


async def test_u_opens_the_report_dialog_for_the_year_shown(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ReportForm)  # no question which kind first
        assert field_value(app, "year") == "2025"


async def test_keys_typed_fast_open_one_editor_at_most_and_save_nothing(
    app: SecretariatApp,
) -> None:
    """⏎ and escape in one burst, again and again: the editor opens and closes (or a second
    ⏎ is a new line in the one open), never two editors, never a crash, nothing stored."""
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await burst(pilot, "\r\x1b\re\x1b\r\r\x1be\x1b")
        await pilot.pause()
        editors = [s for s in app.screen_stack if isinstance(s, ReportTextForm)]
        assert len(editors) <= 1
        for _ in range(4):  # back to the list: escape, and yes to throwing changes away
            if not isinstance(app.screen, ReportTextsScreen):
                await pilot.press("j" if isinstance(app.screen, ConfirmScreen) else "escape")
        assert isinstance(app.screen, ReportTextsScreen)
        assert app.crashed is None
        assert all(text.carried_from == 2024 for text in texts(app, 2025).values())


async def test_the_text_area_wraps_and_has_the_focus(app: SecretariatApp) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await open_year(pilot, 2025)
        form = await open_editor(pilot, "kunskapsoverforing")
        area = form.query_one("#field-text", TextArea)
        assert app.focused is area and area.soft_wrap
        assert area.region.height >= 4 and area.region.width >= 50


# --- E: the user's own editor ----------------------------------------------------------------


def own_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """$EDITOR as a script running ``body`` on the file ($1); no $VISUAL."""
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o700)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))


def no_suspend_needed(app: SecretariatApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test driver cannot hand the terminal over; the editor needs none here."""
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)


async def test_E_saves_what_was_written_in_the_users_editor(
    app: SecretariatApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_editor(tmp_path, monkeypatch, "printf 'Ny hemsida.\\n' > \"$1\"")
    no_suspend_needed(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_year(pilot, 2025)
        screen.register.table.move_cursor(row=WRITTEN_KEYS.index("hemsida"))
        await pilot.press("E")
        await pilot.pause()
        saved = texts(app, 2025)["hemsida"]
        assert (saved.text, saved.carried_from) == ("Ny hemsida.", None)
        assert rows(app)[WRITTEN_KEYS.index("hemsida")][2] == "klar"


async def test_E_with_the_text_unchanged_saves_nothing(
    app: SecretariatApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_editor(tmp_path, monkeypatch, "true")
    no_suspend_needed(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await pilot.press("E")
        await pilot.pause()
        assert texts(app, 2025)["intro"].carried_from == 2024
        assert "Texten är oförändrad; inget sparades." in notices(app)


async def test_E_refused_text_opens_in_the_dialog_with_its_error(
    app: SecretariatApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_editor(tmp_path, monkeypatch, "printf 'Bra\\033[2J' > \"$1\"")
    no_suspend_needed(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReportTextForm)
        assert form.text_area.text == "Bra\x1b[2J"  # what was written is not lost
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "styrtecken (\\x1b)" in error_text(app, "text")
        assert texts(app, 2025)["intro"].carried_from == 2024


async def test_E_without_an_editor_or_a_terminal_to_leave_says_so(
    app: SecretariatApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_year(pilot, 2025)
        await pilot.press("E")  # the test driver cannot suspend: said, nothing else
        await pilot.pause()
        assert any("kan inte lämnas åt en redigerare" in n for n in notices(app, "error"))
        no_suspend_needed(app, monkeypatch)
        await pilot.press("E")
        await pilot.pause()
        assert any("Ingen redigerare: sätt $VISUAL eller $EDITOR" in n for n in notices(app))
        assert texts(app, 2025)["intro"].carried_from == 2024
