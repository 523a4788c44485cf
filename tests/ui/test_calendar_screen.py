"""The calendar driven by keys at 80×24: the month grid, the year list, adding and editing."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from secretariat_tui.domain.calendar import CalendarItem, Source
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.calendar_forms import ActivityForm, SubmissionForm
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.widgets.fitted_table import FittedTable
from secretariat_tui.ui.widgets.month_grid import MonthGrid
from tests.ui.helpers import (
    TODAY,
    choose,
    error_text,
    focus_field,
    replace_text,
    type_text,
)
from tests.ui.helpers import (
    footer_keys as footer_keys_of,
)

SIZE = (80, 24)


def stored_activities(app: SecretariatApp) -> list[dict[str, Any]]:
    """The activities as written to the file (what a restart would see)."""
    document = json.loads(app.database.path.read_bytes())
    return list(document.get("activities", {}).values())


def grid(app: SecretariatApp) -> MonthGrid:
    return app.screen.query_one("#grid", MonthGrid)


def rows(app: SecretariatApp, table_id: str) -> list[tuple[str, list[str]]]:
    """Every declared value of each row, also of a column the table leaves out."""
    table = app.screen.query_one(f"#{table_id}", FittedTable)
    return [
        (key, [str(c) for c in table.values_at(index)])
        for index, key in enumerate(table.row_keys())
    ]


def day_titles(app: SecretariatApp) -> list[str]:
    return [cells[1] for _, cells in rows(app, "day-items")]


async def open_on_an_autumn_day(
    pilot: Pilot[Any], db: Database
) -> tuple[list[CalendarItem], CalendarItem]:
    """The calendar on the day of the demo's first item in November 2024; the demo's items
    that have a day (not only a month), and that item."""
    items = [i for i in CalendarRepository(db).items() if not i.month_only]
    autumn = next(i for i in items if i.day.year == 2024 and i.day.month == 11)
    await open_calendar(pilot)
    await go_to(pilot, autumn.day)
    return items, autumn


async def open_calendar(pilot: Pilot[Any]) -> CalendarScreen:
    await pilot.press("4")
    screen = pilot.app.screen
    assert isinstance(screen, CalendarScreen)
    return screen


async def go_to(pilot: Pilot[Any], day: date) -> None:
    """Move the grid to ``day`` by keys: pgup/pgdn to its month, then home and right."""
    app = pilot.app
    assert isinstance(app, SecretariatApp)
    current = grid(app).day
    months = (day.year - current.year) * 12 + day.month - current.month
    await pilot.press(*(["pagedown"] * months if months > 0 else ["pageup"] * -months))
    await pilot.press("home", *["right"] * (day.day - 1))
    assert grid(app).day == day


async def test_arrows_move_by_day_and_week_pages_by_month_and_t_comes_back(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        assert grid(app).has_focus and grid(app).day == TODAY
        await pilot.press("right")
        assert grid(app).day == date(2026, 6, 2)
        await pilot.press("down")
        assert grid(app).day == date(2026, 6, 9)
        await pilot.press("up", "left")
        assert grid(app).day == date(2026, 6, 1)
        await pilot.press("left")
        assert grid(app).day == date(2026, 5, 31), "a day back crosses into May"
        await pilot.press("pagedown", "pagedown")
        assert grid(app).day == date(2026, 7, 31)
        await pilot.press("end", "pageup")
        assert grid(app).day == date(2026, 6, 30)
        title = str(app.screen.query_one("#day-title", Static).render())
        assert title.startswith("Tisdag 30 juni 2026")
        await pilot.press("t")
        assert grid(app).day == TODAY


async def test_the_days_with_activities_are_marked_and_the_chosen_days_items_listed(
    app: SecretariatApp, demo_db: Database
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        items, autumn = await open_on_an_autumn_day(pilot, demo_db)
        november = {i.day.day for i in items if (i.day.year, i.day.month) == (2024, 11)}
        assert november <= grid(app).marked
        assert autumn.title in " ".join(day_titles(app))


async def test_adding_an_activity_by_keys_stores_it_and_shows_it_on_its_day(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        before = len(stored_activities(app))
        await pilot.press("n")
        assert isinstance(app.screen, ActivityForm)
        await replace_text(pilot, "when", "15 jan 2027")
        await pilot.press("tab")
        await type_text(pilot, "Extra plattformsmöte i januari")
        await pilot.press("tab")
        await choose(pilot, "Plattformsmöte")
        await pilot.press("tab")
        await type_text(pilot, "13")
        await pilot.press("tab")
        await type_text(pilot, "16.30")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        new = [a for a in stored_activities(app) if a["title"] == "Extra plattformsmöte i januari"]
        assert len(stored_activities(app)) == before + 1
        assert new[0]["when"] == "2027-01-15" and new[0]["category"] == "plattformsmöte"
        assert (new[0]["starts_at"], new[0]["ends_at"]) == ("13:00", "16:30")
        assert new[0]["uid"]
        assert grid(app).day == date(2027, 1, 15)
        assert ["13:00–16:30", "Extra plattformsmöte i januari"] in [
            cells for _, cells in rows(app, "day-items")
        ]
        assert 15 in grid(app).marked
        detail = str(app.screen.query_one("#item-detail", Static).render())
        assert "Plattformsmöte · 2027-01-15 · 13:00–16:30" in detail


async def test_a_bad_date_and_a_time_on_a_month_are_explained_and_nothing_is_stored(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        before = stored_activities(app)
        await pilot.press("n")
        await replace_text(pilot, "when", "31/2")
        await pilot.press("tab")
        assert "31 februari 2026 finns inte" in error_text(app, "when")
        await type_text(pilot, "Något")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ActivityForm), "the form stays open"
        await replace_text(pilot, "when", "jan 2027")
        await focus_field(pilot, "starts_at")
        await type_text(pilot, "10:00")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ActivityForm)
        assert "hel månad" in error_text(app, "starts_at")
        assert stored_activities(app) == before


async def test_the_year_list_shows_all_twelve_months_in_order_with_empty_ones(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await pilot.press("less_than_sign", "less_than_sign", "v")
        headings = [cells for key, cells in rows(app, "year-list") if key.startswith("månad-")]
        assert [cells[0] for cells in headings][:4] == ["Januari", "Februari", "Mars", "April"]
        assert len(headings) == 12
        assert headings[2][3] == "(inget)", "March 2024 is empty, as in the report"
        assert app.screen.query_one("#year-list").has_focus


async def test_a_submission_is_edited_from_the_calendar_in_its_own_register(
    app: SecretariatApp, demo_db: Database
) -> None:
    calendar = CalendarRepository(demo_db)
    sent = next(s for s in calendar.submissions.all() if s.in_calendar)
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await go_to(pilot, sent.when.day)
        await pilot.press("v")
        table = app.screen.query_one("#year-list", FittedTable)
        keys = table.row_keys()
        table.move_cursor(row=keys.index(f"{Source.SUBMISSION.value}-{sent.id}"))
        await pilot.press("e")
        assert isinstance(app.screen, SubmissionForm)
        await replace_text(pilot, "title", "Rättad rubrik")
        await pilot.press("ctrl+s")
        assert calendar.submissions.get(sent.id or 0).title == "Rättad rubrik"
        titles = [cells[3] for _, cells in rows(app, "year-list")]
        assert sum("Rättad rubrik" in t for t in titles) == 1
        assert not any(a["title"] == "Rättad rubrik" for a in stored_activities(app))


async def test_deleting_an_activity_asks_first(app: SecretariatApp, demo_db: Database) -> None:
    calendar = CalendarRepository(demo_db)
    activity = next(a for a in calendar.activities.all() if not a.month_only)
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await go_to(pilot, activity.day)
        await pilot.press("enter")
        table = app.screen.query_one("#day-items", FittedTable)
        assert table.has_focus
        keys = table.row_keys()
        table.move_cursor(row=keys.index(f"{Source.ACTIVITY.value}-{activity.id}"))
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert activity in calendar.activities.all()
        await pilot.press("x", "j")
        assert activity not in calendar.activities.all()
        assert f"{Source.ACTIVITY.value}-{activity.id}" not in [
            k for k, _ in rows(app, "day-items")
        ]


async def test_the_category_filter_keeps_only_that_category(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_calendar(pilot)
        await pilot.press("less_than_sign", "less_than_sign", "v", "k")
        await pilot.press("escape")
        await choose(pilot, "Plattformsmöte")
        items = [cells for key, cells in rows(app, "year-list") if not key.startswith("månad-")]
        assert items and all(cells[2] == "plattformsmöte" for cells in items)
        year_list = app.screen.query_one("#year-list", FittedTable)
        assert year_list.shown_keys() == ["date", "time", "title"]  # the category: room
        assert len([k for k, _ in rows(app, "year-list") if k.startswith("månad-")]) == 12


def footer_keys(app: SecretariatApp) -> list[str]:
    return [key.description for key in footer_keys_of(app.screen)]


async def test_the_footer_offers_edit_only_on_a_day_with_an_item_and_follows_the_filter(
    app: SecretariatApp, demo_db: Database
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        items, autumn = await open_on_an_autumn_day(pilot, demo_db)
        await pilot.pause()
        assert "Ändra" in footer_keys(app)
        await pilot.press("right")
        while grid(app).day in {i.day for i in items}:
            await pilot.press("right")
        await pilot.pause()
        assert "Ändra" not in footer_keys(app)
        await pilot.press("v")
        await pilot.pause()
        assert "Månad" in footer_keys(app) and "Årslista" not in footer_keys(app)
