"""The TUI figures: first frame and filter keystrokes, for the app and its bare baselines.

Everything runs in-process with ``App.run_test(headless=True, size=(80, 24))``. A figure
starts with constructing the App (the database is already open, as the CLI opens it before
the App) and ends when ``bare.settle`` has seen the rows in the table and painted the frame.
"""

from __future__ import annotations

import cProfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input

from benchmarks.bare import (
    ACTIVITY_COLUMNS,
    MEMBER_COLUMNS,
    SIZE,
    BareFilter,
    BareTable,
    activity_rows,
    member_rows,
    read_document,
    row_count,
    settle,
)
from secretariat_tui.domain.calendar import calendar_items
from secretariat_tui.domain.calendar_search import CalendarFilter
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.ui import app as app_module
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import YEAR_COLUMNS, CalendarScreen, item_cells
from secretariat_tui.ui.widgets.register_table import RegisterTable, Row, as_cell

FILTER_TEXT = "semin"
"""Five characters; the first keeps most rows (the worst redraw), the last ~3 % ("Seminarium")."""

PROFILER: cProfile.Profile | None = None
"""Set by ``benchmarks.run --profile``: enabled while keys are typed, not while starting."""


# --- first frame ------------------------------------------------------------------------------
async def app_first_frame(database: Database, start: str, today: date) -> float:
    began = perf_counter()
    app = SecretariatApp(database, today=today, start=start)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settle(pilot, lambda: shown(app, start))
        return perf_counter() - began


def shown(app: App[Any], start: str) -> bool:
    """The start screen holds its data: the members in their table, or the calendar's
    items in its month view (the grid and the chosen day's list, which may be empty)."""
    if start == "members":
        return row_count(app, "#table") > 0
    screen = app.screen
    return isinstance(screen, CalendarScreen) and len(screen.index) > 0


async def bare_first_frame(columns: Sequence[str], rows: list[tuple[str, ...]]) -> float:
    began = perf_counter()
    app = BareTable(columns, rows)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settle(pilot, lambda: row_count(app, "DataTable") == len(rows))
        return perf_counter() - began


def bare_rows(path: Path, start: str, today: date) -> tuple[Sequence[str], list[tuple[str, ...]]]:
    """The bare app's columns and rows for ``start``: the members shown, or every activity."""
    document = read_document(path)
    if start == "members":
        return MEMBER_COLUMNS, member_rows(document, today)
    return ACTIVITY_COLUMNS, activity_rows(document)[0]


# --- keystrokes -------------------------------------------------------------------------------
async def type_timed(pilot: Pilot[Any], field: Input, text: str) -> list[float]:
    """Post one key event per character; each time is until the filtered table is painted."""
    times = []
    if PROFILER is not None:
        PROFILER.enable()
    for end in range(1, len(text) + 1):
        char = text[end - 1]
        began = perf_counter()
        pilot.app.post_message(events.Key(char, char))
        await settle(pilot, lambda end=end: field.value == text[:end])  # type: ignore[misc]
        times.append(perf_counter() - began)
    if PROFILER is not None:
        PROFILER.disable()
    return times


@dataclass(frozen=True)
class Typing:
    times: list[float]
    rows_before: int
    """Rows in the table typed over, before the first key."""
    rows_after: int
    searched: int
    """Items the filter looks at on every key."""


async def calendar_typing(database: Database, today: date) -> Typing:
    """The calendar's text filter with the year list shown (``v``): the list holds one year,
    and the filter looks at that year's items on each key (they are indexed by year)."""
    app = SecretariatApp(database, today=today, start="calendar")
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settle(pilot, lambda: shown(app, "calendar"))
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        screen.action_show_year()
        screen.action_focus_filter()
        field = screen.query_one("#text-filter", Input)
        await settle(
            pilot, lambda: field.has_focus and screen.year_view and row_count(app, "#year-list") > 0
        )
        before = row_count(app, "#year-list")
        times = await type_timed(pilot, field, FILTER_TEXT)
        searched = len(screen.index.year(screen.day.year, CalendarFilter()))
        return Typing(times, before, row_count(app, "#year-list"), searched)


class RegisterHarness(App[None]):
    """The app's shared filter table (members, submissions … use it) with every activity."""

    CSS_PATH = str(Path(app_module.__file__).with_name(str(SecretariatApp.CSS_PATH)))

    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield RegisterTable(YEAR_COLUMNS, placeholder="/ Filtrera…", id="register")

    def on_mount(self) -> None:
        register = self.query_one(RegisterTable)
        register.set_rows(self.rows)
        register.filter_input.focus()


def register_rows(database: Database) -> list[Row]:
    """Every activity as the calendar's year list shows it, searched on the same fields."""
    activities = CalendarRepository(database).activities.all()
    return [
        Row(
            key=item.key,
            cells=(as_cell(item.when.iso()), *item_cells(item)),
            search_text=" ".join([item.title, item.location, item.participants, item.notes]),
        )
        for item in calendar_items(activities)
    ]


async def register_typing(database: Database) -> Typing:
    rows = register_rows(database)
    app = RegisterHarness(rows)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        register = app.query_one(RegisterTable)
        await settle(pilot, lambda: register.table.row_count == len(rows))
        times = await type_timed(pilot, register.filter_input, FILTER_TEXT)
        return Typing(times, len(rows), register.table.row_count, len(rows))


async def bare_typing(path: Path) -> Typing:
    rows, texts = activity_rows(read_document(path))
    app = BareFilter(ACTIVITY_COLUMNS, rows, texts)
    async with app.run_test(headless=True, size=SIZE) as pilot:
        await settle(pilot, lambda: row_count(app, "DataTable") == len(rows))
        times = await type_timed(pilot, app.query_one(Input), FILTER_TEXT)
        return Typing(times, len(rows), row_count(app, "DataTable"), len(rows))
