"""The members list driven by keys at 80×24: what it shows, filter, sort, end, detail, help."""

from __future__ import annotations

import re
from datetime import date

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.help import HelpScreen
from secretariat_tui.ui.screens.member_detail import MemberDetailScreen
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.screens.members import MembersScreen
from tests.ui.helpers import (
    ACTIVE_IN_DEMO,
    ENDED_IN_DEMO,
    cursor_name,
    end_membership,
    highlight,
    shown_names,
    shown_row,
    status_line,
    stored,
    table,
    type_text,
)

SIZE = (80, 24)
KEYS_ON_THE_LIST = (
    ("n", "Ny"),
    ("e", "Ändra"),
    ("x", "Utträde"),
    ("v", "Avslutade"),
    ("/", "Filter"),
    ("s", "Sortera"),
)
ENDED_NAMES = {
    "Ideella föreningen Solrosen i Jönköping",
    "Föreningen Vinterljuset i Falun",
    "Studentnätverket mot exploatering i Lund",
}


async def type_filter(pilot: Pilot[SecretariatApp], text: str) -> None:
    """Open the filter with / and type ``text`` into it."""
    await pilot.press("slash")
    await type_text(pilot, text)


async def test_demo_copy_lists_only_active_members_and_counts_both(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE):
        names = shown_names(app)
        assert len(names) == ACTIVE_IN_DEMO
        assert not ENDED_NAMES & set(names)
        assert status_line(app) == (
            f"{ACTIVE_IN_DEMO} aktiva medlemmar · {ENDED_IN_DEMO} avslutade dolda (v visar)"
            " · alla: Aktiv"
        )
        assert app.focused is table(app)


async def test_list_starts_in_swedish_name_order(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE):
        names = shown_names(app)
        assert names[0] == "Childx"
        # å, ä, ö sort after z: "Föreningen Öppen Dörr" comes after every other "Föreningen …".
        foreningar = [n for n in names if n.startswith("Föreningen ")]
        assert foreningar[-1] == "Föreningen Öppen Dörr Sundsvall"


async def test_v_shows_ended_members_as_avslutad_and_v_again_hides_them(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert len(shown_names(app)) == ACTIVE_IN_DEMO + ENDED_IN_DEMO
        for name in ENDED_NAMES:
            assert shown_row(app, name)[5] == "Avslutad"
        assert status_line(app).endswith("3 avslutade visas (v döljer)")
        await pilot.press("v")
        assert len(shown_names(app)) == ACTIVE_IN_DEMO


async def test_typing_in_the_filter_narrows_rows_and_escape_brings_all_back(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_filter(pilot, "stift")
        assert shown_names(app) == [
            "Stiftelsen Brobyggarna Norr",
            "Stiftelsen Fristad Mälardalen",
            "Stiftelsen Kompassrosen Halmstad",
            "Stiftelsen Ledstången Kalmar",
            "Stiftelsen Lyktan Luleå",
            "Stiftelsen Skyddsnätet Uppsala",
        ]
        await pilot.press("escape")
        assert len(shown_names(app)) == ACTIVE_IN_DEMO
        assert cursor_name(app) == "Stiftelsen Brobyggarna Norr"  # still on the row found
        assert app.screen.query_one("#filter").value == ""  # type: ignore[attr-defined]
        assert app.focused is table(app)


async def test_filter_words_must_all_match_in_any_order(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_filter(pilot, "uppsala stift")
        assert shown_names(app) == ["Stiftelsen Skyddsnätet Uppsala"]


async def test_filter_matches_the_membership_form_and_org_number(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_filter(pilot, "nätverkande")
        assert set(shown_names(app)) == {
            m.name
            for m in stored(app).values()
            if m.is_active and m.form is MembershipForm.NETWORKING
        }
        await pilot.press("ctrl+u")  # clear the filter field
        assert len(shown_names(app)) == ACTIVE_IN_DEMO
        await type_text(pilot, "802541-6234")
        assert shown_names(app) == ["Stiftelsen Kompassrosen Halmstad"]


async def test_s_sorts_on_the_next_column(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert shown_names(app)[-1] != "Kerstin Malmberg"
        await pilot.press("s")
        grid = table(app)
        assert str(grid.columns[1].label) == "Typ ▲"
        assert str(grid.columns[0].label) == "Namn"
        kinds = [str(grid.get_row_at(i)[1]) for i in range(grid.row_count)]
        assert kinds == sorted(kinds)
        assert shown_names(app)[-1] == "Kerstin Malmberg"  # the only "Person"


async def test_clicking_the_sorted_header_again_reverses_the_order(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        ascending = shown_names(app)
        await pilot.press("s")  # sort on Typ, so the first click on Namn sorts ascending
        await pilot.click("#table", offset=(3, 0))
        assert shown_names(app) == ascending
        await pilot.click("#table", offset=(3, 0))
        assert shown_names(app) == list(reversed(ascending))
        assert str(table(app).columns[0].label) == "Namn ▼"


async def test_ending_a_membership_stores_date_and_reason_and_hides_the_row(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await end_membership(pilot, "Roks", "2024-05-31", "Slutat betala avgiften")

        roks = stored(app)["Roks"]
        assert roks.ended is not None and roks.ended.isoformat() == "2024-05-31"
        assert roks.end_reason == "Slutat betala avgiften"
        assert isinstance(app.screen, MembersScreen)
        assert "Roks" not in shown_names(app)
        assert status_line(app).startswith(f"{ACTIVE_IN_DEMO - 1} aktiva medlemmar · 4 avslutade")

        await pilot.press("v")
        assert shown_row(app, "Roks")[5] == "Avslutad"


async def test_x_is_not_offered_for_an_ended_member(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await highlight(pilot, "Föreningen Vinterljuset i Falun")
        screen = app.screen
        assert screen.check_action("end", ()) is False
        assert screen.check_action("edit", ()) is True
        assert "x" not in {b.binding.key for b in screen.active_bindings.values() if b.enabled}
        await pilot.press("x")
        assert app.screen is screen

        await highlight(pilot, "Roks")
        assert screen.check_action("end", ()) is True


async def test_enter_shows_details_with_the_rights_of_the_form(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, "Roks")
        await pilot.press("enter")
        assert [type(s) for s in app.screen_stack] == [MembersScreen, MemberDetailScreen]
        text = str(app.screen.query_one("#detail").render())
        assert "Roks" in text and "Fullt medlemskap" in text
        assert "Rösträtt: ja" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MembersScreen)

        await highlight(pilot, "Nätverket Trygga Gränser Öresund")
        await pilot.press("enter")
        text = str(app.screen.query_one("#detail").render())
        assert "Rösträtt: nej" in text
        assert "Deltar som observatör" in text
        assert "802507-1831" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MembersScreen)


async def test_detail_shows_the_form_history_with_dates(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert shown_names(app)[2] == "Föreningen Ankarplatsen Gävle"
        await pilot.press("down", "down", "enter")
        text = str(app.screen.query_one("#detail").render())
        assert "från 2019-01-21: Nätverkande medlemskap" in text
        assert "från 2022-04-26: Fullt medlemskap" in text


async def test_e_in_the_detail_view_opens_the_edit_form(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, "Roks")
        await pilot.press("enter", "e")
        assert isinstance(app.screen, MemberForm)
        assert app.screen.member is not None and app.screen.member.name == "Roks"


async def test_question_mark_and_f1_open_help_listing_the_keys(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.query_one("#help-text").render())
            assert text.startswith("Medlemmar")
            for shown_key, description in KEYS_ON_THE_LIST:
                line = rf"^\s+{re.escape(shown_key)}\s+{description}\b"
                assert re.search(line, text, re.MULTILINE), (shown_key, description)
            await pilot.press("escape")
            assert isinstance(app.screen, MembersScreen)


async def test_palette_lists_the_screens_keys_by_their_swedish_names(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE):
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {description for _, description in KEYS_ON_THE_LIST} <= titles
        assert {"Visa", "Tema", "Avsluta"} <= titles


async def test_palette_ny_opens_the_new_member_form(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Ny")
        await pilot.pause(0.3)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        assert app.screen.member is None


async def test_q_on_the_list_quits(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_ending_a_membership_leaves_the_cursor_on_the_neighbouring_row(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        names = shown_names(app)
        after_roks = names[names.index("Roks") + 1]
        await end_membership(pilot, "Roks", "2025-12-31")
        assert "Roks" not in shown_names(app)
        assert cursor_name(app) == after_roks


async def test_a_future_end_date_keeps_the_member_listed_as_slutar(
    demo_db: Database,
) -> None:
    app = SecretariatApp(demo_db, today=date(2024, 6, 1), start="members")
    async with app.run_test(size=SIZE):
        # Studentnätverket ends 2025-06-30: on 2024-06-01 it is still a member.
        assert shown_row(app, "Studentnätverket mot exploatering i Lund")[5] == "Slutar"
        # Kvinnojouren i Jämtlands län joins 2024-10-21: listed, but not yet counted.
        assert shown_row(app, "Kvinnojouren i Jämtlands län")[5] == "Kommande"
        assert status_line(app) == (
            "25 aktiva medlemmar · 3 kommande · 2 avslutade dolda (v visar)"
        )


async def test_the_status_line_says_how_many_rows_the_filter_shows(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_filter(pilot, "stiftelsen")
        await pilot.pause()
        shown = len(shown_names(app))
        assert 0 < shown < ACTIVE_IN_DEMO
        assert status_line(app).endswith(f" · filtret visar {shown} av {ACTIVE_IN_DEMO}")


async def test_a_member_added_while_a_filter_hides_it_is_shown_and_highlighted(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_filter(pilot, "stiftelsen")
        await pilot.press("enter", "n")
        await type_text(pilot, "Föreningen Nyckeln")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.query_one("#filter", Input).value == ""
        assert cursor_name(app) == "Föreningen Nyckeln"


async def test_a_reopens_a_mistakenly_ended_member_after_a_confirmation(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await highlight(pilot, "Föreningen Vinterljuset i Falun")
        assert app.screen.check_action("reopen", ()) is True
        await pilot.press("a")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        reopened = stored(app)["Föreningen Vinterljuset i Falun"]
        assert reopened.ended is None and reopened.end_reason == ""
        assert shown_row(app, "Föreningen Vinterljuset i Falun")[5] == "Aktiv"
        await highlight(pilot, "Roks")
        assert app.screen.check_action("reopen", ()) is False
