"""The footer: one widget that shows the keys working here, follows focus, presses a key on a
click, and in a narrow window lets names (never keys) give way from the right."""

from __future__ import annotations

from datetime import date

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from tests.ui.helpers import footer_keys, footer_line

TODAY = date(2026, 3, 15)


async def test_a_register_opens_on_its_list_with_the_lists_keys(demo_db: Database) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "table"
        footer = app.screen.query_one(KeyFooter)
        assert not footer.children, "one widget, not one per key"
        assert [k.description for k in footer.keys][:3] == ["Ny", "Ändra", "Utträde"]
        line = footer_line(app.screen)
        assert line.startswith("n Ny e Ändra x Utträde") and line.endswith("▏^p Kommandon ")
        shown = footer.keys
        await pilot.press("down", "down", "up")  # the cursor moves; the keys stay the same
        await pilot.pause()
        assert footer.keys is shown, "nothing to show anew"


async def test_the_filter_field_has_its_keys_and_the_list_gets_its_own_back(
    demo_db: Database,
) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        names = [k.description for k in footer_keys(app.screen)]
        assert "Töm" in names and "Ny" not in names
        await pilot.press("escape")
        await pilot.pause()
        assert "Ny" in [k.description for k in footer_keys(app.screen)]


async def test_a_click_on_a_key_presses_it(demo_db: Database) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        start, _ = footer.key_region("Ny") or (None, None)
        assert start is not None
        await pilot.click(KeyFooter, offset=(start + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)


async def test_in_a_narrow_window_names_give_way_from_the_right_and_every_key_shows(
    demo_db: Database,
) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        line = footer_line(app.screen)
        assert len(line) == 50 and line.endswith("▏^p Kommandon "), line
        tokens = line.replace("▏", " ").split()
        assert all(key.key_display in tokens for key in footer_keys(app.screen)), line
        assert line.startswith("n Ny"), "the leftmost keep their names longest"
        assert "? Hjälp" not in line
