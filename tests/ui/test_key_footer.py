"""The footer is built once when a register opens, for the list's own keys, and built again
only when the keys it shows change: the filter field has other keys than the list."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.widgets.key_footer import KeyFooter

TODAY = date(2026, 3, 15)


def shown(app: SecretariatApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey) if key.description]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The keys each real build of a footer had to show (a skipped one is not a build)."""
    made: list[list[str]] = []
    building = Footer.recompose

    async def counted(footer: Footer) -> None:
        made.append(
            [
                binding.description
                for _, binding, _, _ in footer.screen.active_bindings.values()
                if binding.show
            ]
        )
        await building(footer)

    monkeypatch.setattr(Footer, "recompose", counted)
    return made


async def test_a_register_opens_with_its_list_focused_and_the_footer_built_once(
    demo_db: Database, builds: list[list[str]]
) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "table"
        assert len(builds) == 1, builds
        assert {"Ny", "Ändra", "Utträde"} <= set(shown(app))
        await pilot.press("down", "down", "up")  # the cursor moves; the keys stay the same
        await pilot.pause()
        assert len(builds) == 1, builds


async def test_other_keys_build_the_footer_again_with_them(
    demo_db: Database, builds: list[list[str]]
) -> None:
    app = SecretariatApp(demo_db, today=TODAY, start="members")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")  # to the filter field: its own keys
        await pilot.pause()
        assert len(builds) == 2
        assert "Töm" in shown(app) and "Ny" not in shown(app)
        await pilot.press("escape")  # back to the list
        await pilot.pause()
        assert len(builds) == 3
        assert "Ny" in shown(app)
        assert isinstance(app.screen.query_one(Footer), KeyFooter)
