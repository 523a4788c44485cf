"""RegisterTable's filter narrows as you type and widens again as you delete, in sort order."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.pilot import Pilot

from secretariat_tui.ui.widgets.register_table import Column, RegisterTable, Row

COLUMNS = (Column("title", "Rubrik"), Column("year", "År", 4))
TITLES = [
    ("Seminarium i Malmö", "2024"),
    ("Styrelsemöte", "2023"),
    ("Seminariedag om Agenda 2030", "2022"),
    ("Sektionsträff", "2025"),
    ("Årsmöte", "2024"),
]
ROWS = [
    Row(key=f"r{i}", cells=(title, year), search_text=title)
    for i, (title, year) in enumerate(TITLES)
]


class RegisterApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RegisterTable(COLUMNS, placeholder="/ Filtrera…")

    def on_mount(self) -> None:
        self.query_one(RegisterTable).set_rows(ROWS)
        self.query_one(RegisterTable).filter_input.focus()


def shown(app: RegisterApp) -> list[str]:
    return [str(app.query_one(RegisterTable).table.get_row(key)[0]) for key in keys(app)]


def keys(app: RegisterApp) -> list[str]:
    return app.query_one(RegisterTable).visible_keys


async def typed(pilot: Pilot[None], keys_: str) -> None:
    await pilot.press(*keys_)
    await pilot.pause()


async def test_typing_on_narrows_and_deleting_widens_again() -> None:
    app = RegisterApp()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        assert shown(app) == sorted(t for t, _ in TITLES[:4]) + ["Årsmöte"]
        await typed(pilot, "se")
        every_se = ["Sektionsträff", "Seminariedag om Agenda 2030", "Seminarium i Malmö"]
        assert shown(app) == [*every_se, "Styrelsemöte"]
        await typed(pilot, "mi")
        assert shown(app) == ["Seminariedag om Agenda 2030", "Seminarium i Malmö"]
        await typed(pilot, ["backspace"] * 2)  # type: ignore[arg-type]
        assert shown(app) == [*every_se, "Styrelsemöte"]
        await typed(pilot, ["space", "m", "a", "l", "m"])  # type: ignore[arg-type]
        assert shown(app) == ["Seminarium i Malmö"]
        await typed(pilot, ["backspace"] * 7 + ["m", "ö"])  # type: ignore[arg-type]
        assert shown(app) == ["Seminarium i Malmö", "Styrelsemöte", "Årsmöte"]


async def test_a_new_sort_keeps_the_filter() -> None:
    app = RegisterApp()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        await typed(pilot, "möte")
        assert shown(app) == ["Styrelsemöte", "Årsmöte"]
        register = app.query_one(RegisterTable)
        register.sort_by(1)
        await pilot.pause()
        assert shown(app) == ["Styrelsemöte", "Årsmöte"]  # 2023, 2024
        register.sort_by(1)
        await pilot.pause()
        assert shown(app) == ["Årsmöte", "Styrelsemöte"]
        await typed(pilot, ["backspace"] * 4)  # type: ignore[arg-type]
        assert keys(app) == ["r3", "r0", "r4", "r1", "r2"]  # 2025 … 2022
