"""Each kind of field behaves the same in every form: built from its declaration, by keys."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, Select

from secretariat_tui.domain.fields import Choice, Flag, Ref
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.calendar_forms import ActivityForm
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.widgets.field_widgets import ChoiceSelect
from secretariat_tui.ui.widgets.record_form import RecordForm
from tests.ui.helpers import (
    TODAY,
    error_text,
    focus_field,
    replace_text,
    stored,
    type_text,
)
from tests.ui.test_calendar_screen import stored_activities

SIZE = (80, 24)


def widgets_match_kinds(form: RecordForm[object]) -> None:
    for field in form.form_fields():
        widget = form.field(field.name)
        if isinstance(field.kind, Flag):
            assert isinstance(widget, Checkbox), field.name
        elif isinstance(field.kind, Choice | Ref):
            assert isinstance(widget, ChoiceSelect), field.name
        else:
            assert isinstance(widget, Input) and not isinstance(widget, Select), field.name
            assert widget.placeholder == field.hint, field.name


async def test_the_member_form_takes_the_fast_date_entry_like_the_calendar(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, MemberForm)
        widgets_match_kinds(form)
        await type_text(pilot, "Föreningen Snabbdatum")
        await replace_text(pilot, "joined", "15/1")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, MemberForm), error_text(app, "joined")
        new = stored(app)["Föreningen Snabbdatum"]
        assert new.joined.isoformat() == f"{TODAY.year}-01-15"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/2", "31 februari 2026 finns inte i kalendern."),
        ("jan 2026", "är en hel månad; här behövs en dag"),
    ],
)
async def test_a_bad_day_is_explained_under_the_field_in_the_member_form(
    app: SecretariatApp, typed: str, message: str
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Föreningen Feldatum")
        await replace_text(pilot, "joined", typed)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MemberForm), "the form stays open"
        assert message in error_text(app, "joined")
        assert "Föreningen Feldatum" not in stored(app)


async def test_yes_no_is_a_checkbox_space_ticks_it_and_enter_moves_on(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert isinstance(app.screen, CalendarScreen)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, ActivityForm)
        widgets_match_kinds(form)
        await replace_text(pilot, "title", "Internt möte")
        await focus_field(pilot, "in_report")
        checkbox = form.field("in_report")
        assert checkbox.value is True, "a new activity is in the report unless unticked"
        await pilot.press("space")
        assert checkbox.value is False
        await pilot.press("enter")
        assert app.focused is form.field("notes"), "enter moved on, it did not tick"
        assert checkbox.value is False
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        [new] = [a for a in stored_activities(app) if a["title"] == "Internt möte"]
        assert new["in_report"] is False
