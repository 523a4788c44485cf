"""The palette finds a command by its title or by the words of its description."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.palette import ScreenCommands, in_words
from tests.ui.helpers import type_text

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
