"""The palette finds a command by its title or by the words of its description."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.palette import ScreenCommands, elsewhere, in_words
from tests.ui.helpers import TODAY, field_value, notices, type_text

SIZE = (80, 24)


def test_a_description_matches_by_the_start_of_its_words() -> None:
    text = "Registerutdrag (GDPR): allt registret har om medlemmen"
    assert in_words("registerutdrag", text) and in_words("gdpr medlem", text)
    assert not in_words("ics", text), "letters in order somewhere are not a match"


async def found(app: SecretariatApp, query: str) -> list[str]:
    provider = ScreenCommands(app.screen)
    return [str(hit.match_display) async for hit in provider.search(query)]


async def test_the_members_commands_are_found_by_their_description(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Utdrag" in await found(app, "registerutdrag")
        assert {"Utdrag", "Radera personuppgifter"} <= set(await found(app, "gdpr"))
        assert "Utdrag" in await found(app, "utdr"), "a title still matches as before"
        assert await found(app, "xyzzy") == []


async def test_typed_in_the_palette_a_description_word_offers_its_command(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        await type_text(pilot, "registerutdrag")
        await pilot.pause(0.5)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith("Utdrag") for p in prompts), prompts


async def test_from_the_calendar_the_words_of_the_issue_find_other_registers(
    demo_db: Database,
) -> None:
    """ "påminn", "medlem", "ics" and "plattform" found nothing from the calendar."""
    app = SecretariatApp(demo_db, today=TODAY, start="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(t.startswith("Avgifter: ") for t in await found(app, "påminn"))
        assert "Medlemmar" in await found(app, "medlem"), "the register itself"
        assert "Medlemmar: Ny" in await found(app, "medlem ny")
        assert await found(app, "ics"), "the calendar's own ICS commands"
        assert "Nätverk" in await found(app, "plattform")


async def test_a_register_is_found_by_what_is_in_it(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Kalender" in await found(app, "plattformsmöte")
        assert "Styrelse" in await found(app, "röstlängd")


async def test_a_register_without_csv_offers_no_import_elsewhere(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = await found(app, "importera")
        assert {"Avgifter: Importera", "Importera"} <= set(titles), titles
        assert not {"Styrelse: Importera", "Påverkan: Importera"} & set(titles)


async def choose_in_palette(pilot: Pilot[None], query: str, title: str) -> None:
    app = pilot.app
    await pilot.press("ctrl+p")
    await type_text(pilot, query)
    await pilot.pause(0.5)
    options = app.screen.query_one(CommandList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    index = next(i for i, p in enumerate(prompts) if p.startswith(title + "\n") or p == title)
    options.highlighted = index
    await pilot.press("enter")
    await pilot.pause(0.3)


async def test_another_registers_command_switches_there_and_runs_on_its_row(
    demo_db: Database,
) -> None:
    """Decided: it runs, on the row highlighted there; the form it opens names the record."""
    app = SecretariatApp(demo_db, today=TODAY, start="calendar")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_in_palette(pilot, "medlem ändra", "Medlemmar: Ändra")
        assert app.current_mode == "members"
        assert isinstance(app.screen, MemberForm), app.screen
        first = app.get_screen_stack("members")[0]
        assert isinstance(first, MembersScreen)
        assert field_value(app, "name") == cursor_name_of(first)


def cursor_name_of(screen: MembersScreen) -> str:
    record = screen.selected_record()
    assert record is not None
    return record.name


async def test_a_command_refused_there_says_so_instead_of_running(demo_db: Database) -> None:
    """On a fresh calendar, v leads to the year: "Månad" is refused there, and said."""
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await choose_in_palette(pilot, "kalender månad", "Kalender: Månad")
        assert app.current_mode == "calendar"
        assert not app.screen.is_modal
        assert any("går inte här just nu" in n for n in notices(app, "warning")), notices(app)


async def test_a_register_already_shown_offers_only_what_it_allows_now(
    demo_db: Database,
) -> None:
    """Before the calendar is first shown, both of its v commands; after, the one v does."""
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {"Kalender: Månad", "Kalender: Årslista"} <= set(await found(app, "kalender"))
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        titles = await found(app, "kalender")
        assert "Kalender: Årslista" in titles and "Kalender: Månad" not in titles


async def test_no_other_register_from_inside_a_dialog(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.is_modal
        assert not [t for t in await found(app, "påminn") if t.startswith("Avgifter")]


async def test_every_command_of_every_register_runs_from_elsewhere_without_a_crash(
    demo_db: Database,
) -> None:
    """Each one chosen from the overview: it opens, runs or says it cannot; escape closes
    what it opened. ``run_test`` raises any error the user would have seen."""
    app = SecretariatApp(demo_db, today=TODAY, start="overview")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ran = 0
        for there in elsewhere(app):
            await app.switch_mode("overview")
            await pilot.pause()
            chosen = next((e for e in elsewhere(app) if e.title == there.title), None)
            if chosen is None:  # refused there now, the register once shown: not offered
                continue
            chosen.run()
            await pilot.pause(0.2)
            assert app.current_mode == there.tab.mode, there.title
            while app.screen.is_modal:
                await pilot.press("escape")
                await pilot.pause(0.1)
            ran += 1
        assert ran > 30
