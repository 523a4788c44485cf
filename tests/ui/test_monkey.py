"""No key sequence crashes the app."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual import events

from secretariat_tui.store.database import open_database
from secretariat_tui.ui.app import SecretariatApp
from tests.ui.helpers import DEMO, TODAY


async def test_keys_typed_after_quit_open_nothing_on_the_closing_app(tmp_path: Path) -> None:
    """The crash of issue 14: ``q`` then ``u`` typed quickly on the calendar opened the
    export dialog while the app was closing; it was mounted without its fields, and its
    first query failed (``NoMatches: '#field-what'``)."""
    copy = tmp_path / "kansliet.json"
    shutil.copyfile(DEMO, copy)
    with open_database(copy) as db:
        app = SecretariatApp(db, today=TODAY, start="calendar")
        async with app.run_test(size=(80, 24)) as pilot:
            app.post_message(events.Key("q", "q"))
            app.post_message(events.Key("u", "u"))
            await pilot.pause()
            assert app.exiting
        assert app.crashed is None
        assert app.return_code == 0
