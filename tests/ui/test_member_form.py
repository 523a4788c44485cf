"""Adding, editing and cancelling members through the form, by keys at 80×24."""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from secretariat_tui.domain.members import FormChange, MemberKind, MembershipForm
from secretariat_tui.store import storage
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.end_membership import EndMembershipForm
from secretariat_tui.ui.screens.help import HelpScreen
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.screens.members import MembersScreen
from tests.ui.helpers import (
    BAD_ORG,
    GOOD_DIGIT,
    TODAY,
    VALID_ORG,
    choose,
    cursor_name,
    end_membership,
    error_text,
    field_value,
    focus_field,
    highlight,
    notices,
    shown_names,
    shown_row,
    stored,
    type_text,
)

SIZE = (80, 24)
DEMO_COUNT = 30
NEW_NAME = "Föreningen Ljusglimten"
NETWORKING_MEMBER = "Nätverket Trygga Gränser Öresund"


@pytest.fixture
def disk_fails_once(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The next database write fails as on a full disk; later writes work. Returns the tries."""
    real: Callable[[Path, bytes], None] = storage.atomic_write_bytes
    tries: list[Path] = []

    def write(path: Path, data: bytes) -> None:
        tries.append(path)
        if len(tries) == 1:
            raise OSError(errno.ENOSPC, "Enheten är full")
        real(path, data)

    monkeypatch.setattr(storage, "atomic_write_bytes", write)
    return tries


async def type_new_member(pilot: Pilot[SecretariatApp], name: str, org_number: str = "") -> None:
    """Open the new-member form with n and type the name, then the org number if given."""
    await pilot.press("n")
    assert isinstance(pilot.app.screen, MemberForm)
    await type_text(pilot, name)
    if org_number:
        await focus_field(pilot, "org_number")
        await type_text(pilot, org_number)


async def test_new_member_typed_by_keys_is_stored_shown_and_highlighted(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, NEW_NAME)
        await pilot.press("tab", "tab")  # name → kind (Organisation) → form
        await choose(pilot, "Nätverkande medlemskap")
        await pilot.press("tab")
        await type_text(pilot, VALID_ORG)
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # via contact … address to joined
        assert app.focused is app.screen.query_one("#field-joined")
        await type_text(pilot, "2024-05-20")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, MembersScreen)
        member = stored(app)[NEW_NAME]
        assert member.kind is MemberKind.ORGANISATION
        assert member.org_number == VALID_ORG
        assert member.joined == date(2024, 5, 20)
        assert member.forms == (FormChange(date(2024, 5, 20), MembershipForm.NETWORKING),)
        assert len(stored(app)) == DEMO_COUNT + 1
        assert shown_row(app, NEW_NAME)[1:5] == ["Org.", "Nätverk.", VALID_ORG, "2024-05-20"]
        assert cursor_name(app) == NEW_NAME
        assert f"Lade till {NEW_NAME}." in notices(app)


async def test_wrong_check_digit_is_explained_under_the_field_and_nothing_is_stored(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, NEW_NAME, BAD_ORG)
        await pilot.press("tab")
        expected = (
            f"Kontrollsiffran stämmer inte: med de nio första siffrorna ska den vara {GOOD_DIGIT}."
        )
        assert error_text(app, "org_number") == expected  # shown on leaving the field

        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MemberForm)
        assert error_text(app, "org_number") == expected
        assert app.focused is app.screen.query_one("#field-org_number")
        assert NEW_NAME not in stored(app)
        assert len(stored(app)) == DEMO_COUNT

        await pilot.press("end", "backspace", str(GOOD_DIGIT))
        assert error_text(app, "org_number") == ""  # cleared as soon as it is right
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, MembersScreen)
        assert stored(app)[NEW_NAME].org_number == VALID_ORG


async def test_empty_form_asks_for_the_name_and_stores_nothing_until_it_is_typed(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "ctrl+s")
        assert isinstance(app.screen, MemberForm)
        assert error_text(app, "name") == "Namn måste fyllas i."
        assert "-invalid" in app.screen.query_one("#row-name").classes
        assert app.focused is app.screen.query_one("#field-name")
        assert len(stored(app)) == DEMO_COUNT

        await type_text(pilot, "X")
        assert error_text(app, "name") == ""
        await pilot.press("ctrl+s")
        assert stored(app)["X"].joined == TODAY  # the default: today
        assert stored(app)["X"].form is MembershipForm.FULL


async def test_enskild_person_switches_form_and_disables_org_number(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, "Anna Andersson", VALID_ORG)
        await focus_field(pilot, "kind")
        await choose(pilot, "Enskild person")

        assert field_value(app, "kind") == "individual"
        assert field_value(app, "form") == "individual"
        org = app.screen.query_one("#field-org_number")
        assert org.disabled
        assert field_value(app, "org_number") == ""
        await pilot.press("tab", "tab")  # form → (org number skipped) → contact person
        assert app.focused is app.screen.query_one("#field-contact_person")

        await pilot.press("ctrl+s")
        anna = stored(app)["Anna Andersson"]
        assert anna.kind is MemberKind.INDIVIDUAL
        assert anna.form is MembershipForm.INDIVIDUAL
        assert anna.org_number == ""
        assert shown_row(app, "Anna Andersson")[1:3] == ["Person", "Individ."]


async def test_back_to_organisation_enables_org_number_and_offers_full(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "tab")
        await choose(pilot, "Enskild person")
        await choose(pilot, "Organisation")
        assert field_value(app, "form") == "full"
        assert not app.screen.query_one("#field-org_number").disabled


async def test_changing_form_in_an_edit_keeps_the_old_form_with_its_date(
    app: SecretariatApp,
) -> None:
    before = stored(app)[NETWORKING_MEMBER]
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, NETWORKING_MEMBER)
        await pilot.press("e")
        assert isinstance(app.screen, MemberForm)
        assert field_value(app, "form") == "networking"
        await pilot.press("tab", "tab")
        await choose(pilot, "Fullt medlemskap")
        await focus_field(pilot, "form_from")
        await type_text(pilot, "2024-05-01")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, MembersScreen)
        member = stored(app)[NETWORKING_MEMBER]
        assert member.forms == (
            FormChange(date(2018, 10, 15), MembershipForm.NETWORKING),
            FormChange(date(2024, 5, 1), MembershipForm.FULL),
        )
        assert member.joined == date(2018, 10, 15)
        assert member.org_number == "802507-1831"
        assert (member.id, member.contact) == (before.id, before.contact)
        assert shown_row(app, NETWORKING_MEMBER)[2] == "Fullt"
        assert cursor_name(app) == NETWORKING_MEMBER
        assert f"Sparade {NETWORKING_MEMBER}." in notices(app)


async def test_escape_on_an_unchanged_form_closes_without_asking(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "escape")
        assert isinstance(app.screen, MembersScreen)


async def test_escape_on_a_changed_form_asks_and_n_keeps_the_text(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, "Halvfärdig")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Kasta ändringarna" in str(app.screen.query_one(".question").render())

        await pilot.press("n")
        assert isinstance(app.screen, MemberForm)
        assert field_value(app, "name") == "Halvfärdig"

        await pilot.press("escape", "j")
        assert isinstance(app.screen, MembersScreen)
        assert "Halvfärdig" not in stored(app)
        assert "Halvfärdig" not in shown_names(app)


async def test_ctrl_q_with_a_changed_form_asks_and_no_returns_to_the_text(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, "Halvfärdig")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.return_code is None

        await pilot.press("n")
        assert isinstance(app.screen, MemberForm)
        assert field_value(app, "name") == "Halvfärdig"
        assert app.return_code is None


async def test_ctrl_q_with_a_changed_form_and_yes_quits_without_storing(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, "Halvfärdig")
        await pilot.press("ctrl+q", "j")
        await pilot.pause()
        assert app.return_code == 0
    assert "Halvfärdig" not in stored(app)


async def test_f1_in_a_form_opens_help_for_the_form(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Spara" in str(app.screen.query_one("#help-text").render())


async def test_failed_save_reports_the_error_and_gives_the_form_back(
    app: SecretariatApp, disk_fails_once: list[Path]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, NEW_NAME, VALID_ORG)
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert disk_fails_once, "the save never reached the disk"
        assert any(
            m.startswith("Kunde inte spara") and "disken är full" in m
            for m in notices(app, "error")
        )
        assert isinstance(app.screen, MemberForm)
        assert field_value(app, "name") == NEW_NAME
        assert field_value(app, "org_number") == VALID_ORG
        assert NEW_NAME not in stored(app)
        assert NEW_NAME not in {m.name for m in app.screen_stack[0].members.all()}

        await pilot.press("ctrl+s")  # the disk works again
        assert isinstance(app.screen, MembersScreen)
        assert stored(app)[NEW_NAME].org_number == VALID_ORG
        assert cursor_name(app) == NEW_NAME


async def test_form_given_back_after_failed_save_still_asks_before_discarding(
    app: SecretariatApp, disk_fails_once: list[Path]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_new_member(pilot, NEW_NAME)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)


async def test_failed_edit_gives_back_the_typed_form_change_date(
    app: SecretariatApp, disk_fails_once: list[Path]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await highlight(pilot, NETWORKING_MEMBER)
        await pilot.press("e")
        await focus_field(pilot, "form")
        await choose(pilot, "Fullt medlemskap")
        await focus_field(pilot, "form_from")
        await type_text(pilot, "2024-05-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemberForm)
        assert field_value(app, "form") == "full"

        await pilot.press("ctrl+s")
        assert stored(app)[NETWORKING_MEMBER].forms[-1] == FormChange(
            date(2024, 5, 1), MembershipForm.FULL
        )


async def test_failed_end_of_membership_gives_back_date_and_reason(
    app: SecretariatApp, disk_fails_once: list[Path]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await end_membership(pilot, "Roks", "2024-05-31", "Flyttat")
        await pilot.pause()
        assert any(m.startswith("Kunde inte spara") for m in notices(app, "error"))
        assert stored(app)["Roks"].ended is None
        assert isinstance(app.screen, EndMembershipForm)
        assert field_value(app, "ended") == "2024-05-31"
        assert field_value(app, "end_reason") == "Flyttat"
