"""The networks register driven by keys at 80×24: the list, filter, add, edit, delete, the year."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.pilot import Pilot

from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar_forms import NetworkForm
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.networks import NetworksScreen
from tests.ui.helpers import (
    cursor_name,
    error_text,
    field_value,
    focus_field,
    highlight,
    notices,
    replace_text,
    shown_names,
    shown_row,
    status_line,
    table,
    type_text,
)

SIZE = (80, 24)
NETWORKS_IN_DEMO = 6


def stored_networks(app: SecretariatApp) -> list[NetworkMembership]:
    """The networks read back from a copy of the file, as after a restart."""
    copy = app.database.path.with_name("reread.json")
    copy.write_bytes(app.database.path.read_bytes())
    with open_database(copy) as db:
        return CalendarRepository(db).networks.all()


def eu_network(demo_db: Database) -> NetworkMembership:
    calendar = CalendarRepository(demo_db)
    return next(n for n in calendar.networks.all() if n.name.startswith("EU "))


async def open_networks(pilot: Pilot[Any]) -> NetworksScreen:
    await pilot.press("5")
    screen = pilot.app.screen
    assert isinstance(screen, NetworksScreen)
    return screen


async def test_key_5_lists_the_demo_networks_in_name_order(
    app: SecretariatApp, demo_db: Database
) -> None:
    demo = CalendarRepository(demo_db).networks.all()
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        names = shown_names(app)
        assert len(names) == NETWORKS_IN_DEMO
        assert set(names) == {n.name for n in demo}
        assert names[0] == "CSO-nätverket för OSCE/ODIHR"
        assert names[-1].startswith("Regionalt samverkansnätverk")
        assert app.focused is table(app)
        assert status_line(app) == "CSO-nätverket för OSCE/ODIHR 2026: inget deltagande"


async def test_typing_in_the_filter_narrows_the_rows(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await pilot.press("slash")
        await type_text(pilot, "europarådet")
        assert shown_names(app) == [
            "GRETA:s nätverk för specialiserade jurister och civilsamhällesorganisationer"
        ]
        assert status_line(app).endswith(f"filtret visar 1 av {NETWORKS_IN_DEMO}")
        await pilot.press("escape")
        assert len(shown_names(app)) == NETWORKS_IN_DEMO


async def test_n_adds_a_network_with_a_fast_date_and_highlights_its_row(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NetworkForm)
        await type_text(pilot, "Nordiskt nätverk mot människohandel")
        await pilot.press("tab")
        await type_text(pilot, "Nordiska ministerrådet")
        await pilot.press("tab")
        await type_text(pilot, "1/3 2024")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, NetworksScreen)
        networks = stored_networks(app)
        assert len(networks) == NETWORKS_IN_DEMO + 1
        [added] = [n for n in networks if n.name == "Nordiskt nätverk mot människohandel"]
        assert added.organiser == "Nordiska ministerrådet"
        assert added.since == date(2024, 3, 1)
        assert added.until is None
        assert cursor_name(app) == "Nordiskt nätverk mot människohandel"
        assert shown_row(app, added.name)[1:3] == ["Nordiska ministerrådet", "2024-03-01"]
        assert app.focused is table(app)
        assert "Sparat: Nordiskt nätverk mot människohandel" in notices(app)


async def test_the_form_asks_what_the_network_is_and_stores_it(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await pilot.press("n")
        await type_text(pilot, "Nordiskt nätverk")
        await focus_field(pilot, "about")
        await type_text(pilot, "ett samarbete mellan nordiska organisationer")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NetworksScreen)
        [added] = [n for n in stored_networks(app) if n.name == "Nordiskt nätverk"]
        assert added.about == "ett samarbete mellan nordiska organisationer"


async def test_an_empty_name_is_refused_under_the_field_and_nothing_is_stored(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await pilot.press("n")
        await focus_field(pilot, "organiser")
        await type_text(pilot, "Någon arrangör")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NetworkForm), "the form stays open"
        assert error_text(app, "name") == "Ange nätverkets namn."
        assert app.focused is app.screen.query_one("#field-name")
        assert len(stored_networks(app)) == NETWORKS_IN_DEMO


async def test_an_end_before_the_start_is_refused_under_until(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await pilot.press("n")
        await type_text(pilot, "Kortlivat nätverk")
        await focus_field(pilot, "since")
        await type_text(pilot, "1/3 2024")
        await focus_field(pilot, "until")
        await type_text(pilot, "1/1 2024")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, NetworkForm)
        assert error_text(app, "until") == "Slutet 2024-01-01 ligger före starten 2024-03-01."
        assert error_text(app, "since") == ""
        assert "Kortlivat nätverk" not in {n.name for n in stored_networks(app)}


async def test_enter_and_e_open_the_highlighted_network_and_ctrl_s_stores_the_change(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await highlight(pilot, "Project FRAUD")
        await pilot.press("enter")
        assert isinstance(app.screen, NetworkForm)
        assert field_value(app, "name") == "Project FRAUD"
        await pilot.press("escape")  # nothing changed: closes without asking
        assert isinstance(app.screen, NetworksScreen)

        await pilot.press("e")
        assert isinstance(app.screen, NetworkForm)
        assert field_value(app, "organiser") == "Östersjöstaternas råd"
        await replace_text(pilot, "role", "värd")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, NetworksScreen)
        networks = stored_networks(app)
        assert len(networks) == NETWORKS_IN_DEMO
        [fraud] = [n for n in networks if n.name == "Project FRAUD"]
        assert fraud.role == "värd"
        assert fraud.organiser == "Östersjöstaternas råd", "the other fields are kept"
        assert shown_row(app, "Project FRAUD")[3] == "värd"
        assert cursor_name(app) == "Project FRAUD"


async def test_a_network_that_activities_name_cannot_be_deleted(
    app: SecretariatApp, demo_db: Database
) -> None:
    eu = eu_network(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await highlight(pilot, eu.name)
        await pilot.press("x", "j")
        assert isinstance(app.screen, NetworksScreen)
        [error] = notices(app, "error")
        assert error.startswith(f"Nätverket {eu.name} kan inte tas bort: 2 aktiviteter")
        assert eu.name in {n.name for n in stored_networks(app)}
        assert eu.name in shown_names(app)


async def test_x_asks_first_and_j_removes_an_unlinked_network(
    app: SecretariatApp, demo_db: Database
) -> None:
    CalendarRepository(demo_db).networks.add(NetworkMembership("Tillfälligt nätverk"))
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await highlight(pilot, "Tillfälligt nätverk")
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert "Tillfälligt nätverk" in {n.name for n in stored_networks(app)}

        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        assert isinstance(app.screen, NetworksScreen)
        assert "Tillfälligt nätverk" not in {n.name for n in stored_networks(app)}
        assert "Tillfälligt nätverk" not in shown_names(app)
        assert len(shown_names(app)) == NETWORKS_IN_DEMO
        assert "Borttaget: Tillfälligt nätverk" in notices(app)


async def test_the_year_keys_show_the_eu_networks_one_participation_in_2024(
    app: SecretariatApp, demo_db: Database
) -> None:
    eu = eu_network(demo_db)
    taken = [a for a in CalendarRepository(demo_db).activities.all() if a.network_id == eu.id]
    in_2024 = [a.when.iso() for a in taken if a.day.year == 2024]
    assert len(in_2024) == 1
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        await highlight(pilot, eu.name)
        assert shown_row(app, eu.name)[4] == ""  # none in 2026
        await pilot.press("less_than_sign", "less_than_sign")
        assert status_line(app) == f"{eu.name} 2024: deltog vid ett tillfälle ({in_2024[0]})"
        assert shown_row(app, eu.name)[4] == "1"
        assert cursor_name(app) == eu.name, "the year keys keep the row"
        assert str(table(app).column("count").label) == "Deltog 2024"


async def test_the_status_line_follows_the_filter_to_the_network_it_leaves(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        assert status_line(app).startswith("CSO-nätverket för OSCE/ODIHR 2026")
        await pilot.press("slash")
        await type_text(pilot, "fraud")
        assert shown_names(app) == ["Project FRAUD"]
        assert status_line(app).startswith("Project FRAUD 2026: inget deltagande")


async def test_the_participation_column_keeps_its_year_heading_while_filtering(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_networks(pilot)
        assert str(table(app).column("count").label) == "Deltog 2026"
        await pilot.press("slash")
        await type_text(pilot, "nätverk")
        assert len(shown_names(app)) == 4
        assert str(table(app).column("count").label) == "Deltog 2026"
