"""The main screens at 80×24, compared with reviewed SVG baselines in ``__snapshots__``.

The header shows the database path, which differs for every tmp_path; it is replaced by a
fixed, realistically long path so the baselines are stable and still show how a path fits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from secretariat_tui.ui.app import SecretariatApp
from tests.ui.helpers import BAD_ORG, focus_field, shown_names, type_text

SIZE = (80, 24)
SHOWN_PATH = "/home/kansliet/.local/share/secretariat-tui/secretariat.json"

SnapCompare = Callable[..., bool]


@pytest.fixture
def snap_app(app: SecretariatApp) -> SecretariatApp:
    app.sub_title = SHOWN_PATH
    return app


def test_members_list(snap_app: SecretariatApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(snap_app, terminal_size=SIZE)


def test_new_member_form(snap_app: SecretariatApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(snap_app, press=["n"], terminal_size=SIZE)


def test_new_member_form_with_org_number_error(
    snap_app: SecretariatApp, snap_compare: SnapCompare
) -> None:
    async def type_bad_org_number(pilot: Pilot[Any]) -> None:
        await pilot.press("n")
        await type_text(pilot, "Föreningen Ljusglimten")
        await focus_field(pilot, "org_number")
        await type_text(pilot, BAD_ORG)
        await pilot.press("tab")

    assert snap_compare(snap_app, run_before=type_bad_org_number, terminal_size=SIZE)


def test_member_detail(snap_app: SecretariatApp, snap_compare: SnapCompare) -> None:
    async def open_member_with_form_history(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        assert shown_names(snap_app)[2] == "Föreningen Ankarplatsen Gävle"
        await pilot.press("down", "down", "enter")

    assert snap_compare(snap_app, run_before=open_member_with_form_history, terminal_size=SIZE)


def test_overview(snap_app: SecretariatApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(snap_app, press=["0"], terminal_size=SIZE)


def test_calendar_month_view_on_the_autumn_platform_meeting(
    snap_app: SecretariatApp, snap_compare: SnapCompare
) -> None:
    # From 2026-06-01: two years back and five months on is November 2024; then the 14th.
    keys = ["4", "less_than_sign", "less_than_sign", *["pagedown"] * 5, *["right"] * 13]
    assert snap_compare(snap_app, press=keys, terminal_size=SIZE)


def test_calendar_year_list(snap_app: SecretariatApp, snap_compare: SnapCompare) -> None:
    keys = ["4", "less_than_sign", "less_than_sign", "home", "pageup", "pageup", "v"]
    assert snap_compare(snap_app, press=keys, terminal_size=SIZE)
