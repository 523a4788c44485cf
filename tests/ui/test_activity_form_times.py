"""The activity form at the summer-time changes: a start in the spring gap is refused with
why and the next valid time, and the second 02:30 of the autumn night is typed, stored and
shown again as ``02:30 vintertid``."""

from __future__ import annotations

import json
from typing import Any

from textual.pilot import Pilot

from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.calendar_forms import ActivityForm
from tests.ui.helpers import choose, error_text, field_value, replace_text, type_text

SIZE = (80, 24)


def stored_activities(app: SecretariatApp) -> list[dict[str, Any]]:
    document = json.loads(app.database.path.read_bytes())
    return list(document.get("activities", {}).values())


async def new_activity(pilot: Pilot[Any], day: str, title: str, starts: str) -> None:
    await pilot.press("4")
    assert isinstance(pilot.app.screen, CalendarScreen)
    await pilot.press("n")
    assert isinstance(pilot.app.screen, ActivityForm)
    await replace_text(pilot, "when", day)
    await pilot.press("tab")
    await type_text(pilot, title)
    await pilot.press("tab")
    await choose(pilot, "Möte")
    await pilot.press("tab")
    await type_text(pilot, starts)


async def test_a_start_in_the_spring_gap_is_refused_with_the_next_valid_time(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        before = stored_activities(app)
        await new_activity(pilot, "2025-03-30", "Nattjour", "02:30")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ActivityForm), "the form stays open"
        assert error_text(app, "starts_at") == (
            "02:30 finns inte den 30 mars 2025: klockan ställdes fram till sommartid; "
            "närmaste giltiga tid är 03:00."
        )
        assert stored_activities(app) == before
        await replace_text(pilot, "starts_at", "03:00")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        [night] = [a for a in stored_activities(app) if a["title"] == "Nattjour"]
        assert night["starts_at"] == "03:00"


async def test_the_second_pass_is_typed_stored_and_offered_again_on_edit(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await new_activity(pilot, "2025-10-26", "Nattskift", "02:30 vintertid")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        [night] = [a for a in stored_activities(app) if a["title"] == "Nattskift"]
        assert (night["starts_at"], night.get("starts_fold")) == ("02:30", True)
        await pilot.press("e")
        assert isinstance(app.screen, ActivityForm)
        assert field_value(app, "starts_at") == "02:30 vintertid"
        await replace_text(pilot, "title", "Nattskift, flyttat")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        [moved] = [a for a in stored_activities(app) if a["title"] == "Nattskift, flyttat"]
        assert moved.get("starts_fold") is True, "an edit of another field keeps the pass"
