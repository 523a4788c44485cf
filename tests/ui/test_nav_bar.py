"""At 60×20 every register stays reachable by its number key, in sight on the top line, and
the footer's palette key ends at the edge, the names of keys that do not fit left out."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.registers import REGISTERS
from secretariat_tui.ui.widgets.nav_bar import tabs
from tests.ui.helpers import footer_line


@pytest.mark.parametrize("width", [120, 80, 60, 50])
def test_every_key_is_in_the_tabs_and_they_fit(width: int) -> None:
    for tab in REGISTERS:
        text = tabs(REGISTERS, tab.mode, width).plain
        assert len(text) <= width
        assert all(f" {t.key} " in text for t in REGISTERS)
        if width >= 60:
            assert f"{tab.key} {tab.title} " in text  # the current one by its whole name


def test_whole_names_where_they_fit() -> None:
    assert "5 Nätverk 6 Påverkan 7 Berättelse" in tabs(REGISTERS, "members", 100).plain
    assert "6 Påv 7 Ber" in tabs(REGISTERS, "members", 80).plain  # eight do not fit in 80


async def test_at_60_columns_the_tabs_fit_and_the_footer_ends_at_the_edge(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one("#nav-tabs", Static).render())
        assert all(f" {tab.key} " in shown for tab in REGISTERS)
        assert "1 Medlemmar" in shown and "6 Påv " in shown
        assert not app.screen.query_one("#nav-path").display  # a fragment of a path: left out
        line = footer_line(app.screen)
        assert line.endswith("▏^p Kommandon ") and len(line) == 60, line
