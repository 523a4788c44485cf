"""RegisterTable's filter narrows as you type and widens again as you delete, in sort order;
a column left out is said once, skipped by sorting, and the detail line follows the cursor."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from secretariat_tui.ui.widgets.fitted_table import RowDetail
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
    table = app.query_one(RegisterTable).table
    return [str(table.get_row_at(index)[0]) for index in range(table.row_count)]


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


STATUS_COLUMNS = (
    Column("title", "Rubrik"),
    Column("status", "Status", 8, hide_when_same=True),
    Column("year", "År", 4),
)


class StatusApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RegisterTable(STATUS_COLUMNS, placeholder="/ Filtrera…")

    def on_mount(self) -> None:
        rows = [
            Row(key=f"r{i}", cells=(title, "Inskickad", year), search_text=title)
            for i, (title, year) in enumerate(TITLES)
        ]
        self.query_one(RegisterTable).set_rows(rows)
        self.query_one(RegisterTable).table.focus()


async def test_a_column_left_out_is_said_once_and_sorting_skips_it() -> None:
    app = StatusApp()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        register = app.query_one(RegisterTable)
        assert register.table.shown_keys() == ["title", "year"]
        assert str(app.query_one("#table-status", Static).render()) == " · alla: Inskickad"
        detail = str(app.query_one(RowDetail).render())
        assert detail == "Sektionsträff · Status: Inskickad · 2025"
        await pilot.press("s")  # the next column shown is the year, not the hidden status
        await pilot.pause()
        assert keys(app) == ["r2", "r1", "r0", "r4", "r3"]  # 2022 … 2025
        await pilot.press("up")  # the cursor stayed on Sektionsträff, now the last
        await pilot.pause()
        detail = str(app.query_one(RowDetail).render())
        assert detail == "Årsmöte · Status: Inskickad · 2024"  # follows the cursor


async def test_a_click_on_a_heading_sorts_that_column_when_one_before_it_is_left_out() -> None:
    app = StatusApp()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        register = app.query_one(RegisterTable)
        table = register.table
        x = table.region.x + sum(c.width + 2 * table.cell_padding for c in table.columns[:-1])
        await pilot.click(offset=(x + 2, register.table.region.y))
        await pilot.pause()
        assert keys(app) == ["r2", "r1", "r0", "r4", "r3"]
        assert str(table.column("year").label) == "År ▲"
