"""What the first screen was built from is left out of later garbage collections: a full
collection over the whole register fell on whatever key was typed (issue 18)."""

from __future__ import annotations

import gc
from datetime import date

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp

TODAY = date(2026, 3, 15)


async def test_once_the_first_screen_shows_a_full_collection_walks_only_what_came_after(
    demo_db: Database,
) -> None:
    gc.unfreeze()
    app = SecretariatApp(demo_db, today=TODAY, start="calendar")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000, "the file, Textual and the calendar are kept out"
        await pilot.press("v", "slash", "m", "ö")  # the year list, a filter typed
        await pilot.pause()
        walked = sum(gc.get_count()) + len(gc.get_objects())
        assert walked < frozen / 3, (walked, frozen)
