"""A derived screen loads once when first shown and again each time it is shown later."""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen

from secretariat_tui.ui.screens.derived_screen import DerivedScreen


class Counting(DerivedScreen):
    def __init__(self) -> None:
        super().__init__(today=None)
        self.loads = 0

    def on_mount(self) -> None:
        self.loads += 1

    def load_again(self) -> None:
        self.loads += 1


async def test_loaded_once_when_first_shown_and_again_when_shown_later() -> None:
    screen = Counting()
    app: App[None] = App()
    async with app.run_test() as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.loads == 1
        await app.push_screen(Screen())
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert screen.loads == 2
