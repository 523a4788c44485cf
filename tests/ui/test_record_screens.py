"""The register base, once for every register built on it (``RecordScreen``): n opens the
register's form, e and x need a highlighted row (and are not in the footer without one),
x asks and then deletes from the file; members end (x) instead of being deleted.

Driven by keys at 80×24 on the demo copy, each register given one record of its own (its
text has "qwerty", which nothing in the demo has) to find with the filter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission, SubmissionKind
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.store.records import HasId, RecordTable
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.calendar_forms import NetworkForm, SubmissionForm
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.end_membership import EndMembershipForm
from secretariat_tui.ui.screens.fees import FeesScreen
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.screens.member_payments import MemberPaymentsScreen
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.networks import NetworksScreen
from secretariat_tui.ui.screens.payment_forms import PaymentForm
from secretariat_tui.ui.screens.record_screen import RecordScreen
from secretariat_tui.ui.screens.submissions import SubmissionsScreen
from tests.factories import make_member
from tests.ui.helpers import TODAY, highlight, notices, table, type_text
from tests.ui.helpers import footer_keys as footer_keys_of

SIZE = (80, 24)
PAYER = "Föreningen Fyrljuset Karlskrona"  # full member, nothing paid in the demo's 2026


def member_id(db: Database, name: str) -> int:
    found = next(m.id for m in MemberRepository(db).all() if m.name == name)
    assert found is not None
    return found


async def to_fees_payments(pilot: Pilot[Any]) -> None:
    await pilot.press("2")
    await highlight(pilot, PAYER)
    await pilot.press("enter")


async def stay(pilot: Pilot[Any]) -> None:
    """The members register is where the app starts."""


@dataclass(frozen=True)
class Register:
    name: str
    screen: type[RecordScreen[Any]]
    form: type[Screen[Any]]
    go: Callable[[Pilot[Any]], Awaitable[None]]
    records: Callable[[Database], RecordTable[Any]]
    mine: Callable[[Database], HasId]
    """A record of the register's own, with "qwerty" in its searchable text."""
    deleted: str = ""
    """The notice after x deleted ``mine``; "" where x does not delete (members)."""

    def __str__(self) -> str:
        return self.name


REGISTERS = [
    Register(
        "networks",
        NetworksScreen,
        NetworkForm,
        lambda pilot: pilot.press("5"),
        lambda db: CalendarRepository(db).networks,
        lambda db: NetworkMembership("Qwerty-nätverket"),
        deleted="Borttaget: Qwerty-nätverket",
    ),
    Register(
        "submissions",
        SubmissionsScreen,
        SubmissionForm,
        lambda pilot: pilot.press("6"),
        lambda db: CalendarRepository(db).submissions,
        lambda db: Submission(SubmissionKind.PETITION, "Qwerty-skrivelse", EnteredDate(TODAY)),
        deleted="Borttaget: Qwerty-skrivelse",
    ),
    Register(
        "members",
        MembersScreen,
        MemberForm,
        stay,
        MemberRepository,
        lambda db: make_member("Föreningen Qwerty"),
    ),
    Register(
        "payments",
        MemberPaymentsScreen,
        PaymentForm,
        to_fees_payments,
        PaymentRepository,
        lambda db: Payment(
            member_id(db, PAYER), TODAY.year, Decimal(123), date(2026, 2, 3), "Qwerty"
        ),
        deleted="Tog bort betalningen på 123 kr.",
    ),
]


def stored_ids(app: SecretariatApp, register: Register) -> set[int | None]:
    """The register's ids read back from a copy of the file, as after a restart."""
    copy = app.database.path.with_name("reread.json")
    copy.write_bytes(app.database.path.read_bytes())
    with open_database(copy) as db:
        return {record.id for record in register.records(db).all()}


async def footer_keys(pilot: Pilot[Any]) -> list[str]:
    """The keys the footer shows, left to right, once it has caught up."""
    await pilot.pause()
    return [key.key for key in footer_keys_of(pilot.app.screen)]


async def filter_to(pilot: Pilot[Any], text: str) -> None:
    """Filter the register to ``text`` and go back to the table (enter), as a user would."""
    await pilot.press("slash")
    await type_text(pilot, text)
    await pilot.press("enter")


async def open_register(pilot: Pilot[Any], register: Register) -> RecordScreen[Any]:
    await register.go(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, register.screen), screen
    return screen


def with_own_record(register: Register, db: Database) -> Register:
    """The register, with its own record stored before the app starts."""
    register.records(db).add(register.mine(db))
    return register


@pytest.fixture(params=REGISTERS, ids=str)
def register(request: pytest.FixtureRequest, demo_db: Database) -> Register:
    return with_own_record(request.param, demo_db)


@pytest.fixture(params=[r for r in REGISTERS if r.deleted], ids=str)
def deleting(request: pytest.FixtureRequest, demo_db: Database) -> Register:
    """The registers whose x deletes (members end instead)."""
    return with_own_record(request.param, demo_db)


async def test_n_opens_the_registers_form_and_escape_stores_nothing(
    app: SecretariatApp, register: Register
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot, register)
        before = stored_ids(app, register)
        assert "n" in await footer_keys(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, register.form)
        await pilot.press("escape")  # nothing typed: closes without asking
        assert app.screen is screen
        assert stored_ids(app, register) == before


async def test_e_and_x_without_a_highlighted_row_do_nothing_and_are_not_offered(
    app: SecretariatApp, register: Register
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot, register)
        before = stored_ids(app, register)
        assert (await footer_keys(pilot))[:3] == ["n", "e", "x"]
        await filter_to(pilot, "ingetsådantord")
        assert table(app).row_count == 0 and app.focused is table(app)
        assert not {"e", "x", "delete"} & set(await footer_keys(pilot))
        assert screen.check_action("edit", ()) is False
        await pilot.press("e", "x", "delete")
        assert app.screen is screen
        assert stored_ids(app, register) == before


async def test_e_and_enter_open_the_form_of_the_highlighted_record(
    app: SecretariatApp, register: Register
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot, register)
        await filter_to(pilot, "qwerty")
        assert table(app).row_count == 1
        opened = screen.selected_record()
        assert opened is not None and opened.id is not None
        await pilot.press("e")
        assert isinstance(app.screen, register.form)
        assert any("Qwerty" in field.value for field in app.screen.query(Input)), "its record"
        await pilot.press("escape")
        assert app.screen is screen
        if register.name != "members":  # enter shows a member first (the detail view)
            await pilot.press("enter")
            assert isinstance(app.screen, register.form)


async def test_x_asks_and_j_deletes_the_record_from_the_file_and_the_table(
    app: SecretariatApp, deleting: Register
) -> None:
    register = deleting
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot, register)
        await filter_to(pilot, "qwerty")
        mine = screen.selected_record()
        assert mine is not None and mine.id in stored_ids(app, register)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is screen
        assert mine.id in stored_ids(app, register), "no keeps it"

        await pilot.press("delete")  # the other key of the same binding
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        assert app.screen is screen
        assert mine.id not in stored_ids(app, register)
        assert str(mine.id) not in screen.register.visible_keys
        assert register.deleted in notices(app)


async def test_members_x_ends_the_membership_and_delete_is_not_a_key_there(
    app: SecretariatApp, demo_db: Database
) -> None:
    MemberRepository(demo_db).add(make_member("Föreningen Qwerty"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot, REGISTERS[2])
        await filter_to(pilot, "qwerty")
        assert (
            "delete" not in await footer_keys(pilot) and screen.check_action("delete", ()) is False
        )
        await pilot.press("delete")
        assert app.screen is screen
        await pilot.press("x")
        assert isinstance(app.screen, EndMembershipForm)


async def post_keys(pilot: Pilot[Any], *keys: str) -> None:
    """Keys as fast as a user can type (no wait between them, unlike ``pilot.press``)."""
    for key in keys:
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause()
    await asyncio.sleep(0.05)
    await pilot.pause()


async def test_a_second_n_before_the_form_is_up_opens_one_form(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot, REGISTERS[0])
        screen.action_new()
        screen.action_new()  # the first form's worker has not run yet
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [NetworksScreen, NetworkForm]
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_form_asked_for_as_the_payments_close_never_opens_over_the_fees(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_register(pilot, REGISTERS[3])
        await post_keys(pilot, "n", "escape")
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, FeesScreen), app.screen_stack
        assert app.is_running
