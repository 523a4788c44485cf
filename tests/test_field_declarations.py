"""Every register's fields are declared once: the forms, the flags and the files use them.

Adding a field to a register's declaration (``domain.registers.REGISTER_FIELDS``) is meant to
be one line: these tests fail if a form, a command or a CSV file keeps its own list instead.
"""

from __future__ import annotations

from datetime import date

import click
import pytest

from secretariat_tui.cli import cli
from secretariat_tui.commands import common
from secretariat_tui.commands.field_options import flags
from secretariat_tui.commands.lazy import subcommands
from secretariat_tui.domain.board import BoardSeat, Role
from secretariat_tui.domain.fees import FeeSchedule, MemberYear, member_year
from secretariat_tui.domain.fields import Field, Flag
from secretariat_tui.domain.registers import ALL_FIELDS, CONTEXT_FIELDS, REGISTER_FIELDS
from secretariat_tui.exports.csv_files import MEMBER_COLUMNS, PAYMENT_COLUMNS
from secretariat_tui.ui.screens.board_forms import EndSeatForm, MeetingForm, SeatForm
from secretariat_tui.ui.screens.calendar_forms import ActivityForm, NetworkForm, SubmissionForm
from secretariat_tui.ui.screens.end_membership import EndMembershipForm
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.screens.payment_forms import PaymentForm
from tests.factories import make_member

TODAY = date(2024, 9, 1)

# Register -> (the command that creates a record, its context flags that are not fields).
COMMANDS: dict[str, tuple[tuple[str, ...], set[str]]] = {
    "members": (("members", "edit"), {"member_id"}),
    "members end": (("members", "end"), {"member_id"}),
    "payments": (("payments", "add"), {f.name for f in CONTEXT_FIELDS}),
    "activities": (("activities", "add"), set()),
    "networks": (("networks", "add"), set()),
    "submissions": (("submissions", "add"), set()),
    "board": (("board", "add"), set()),
    "board end": (("board", "end"), set()),
    "meeting": (("meeting", "add"), set()),
}


def _command(words: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for word in words:
        assert isinstance(command, click.Group)
        command = subcommands(command)[word]
    return command


def _form_fields(register: str) -> tuple[Field, ...]:
    member = make_member(id=1)
    forms = {
        "members": lambda: MemberForm(member, today=TODAY),
        "members end": lambda: EndMembershipForm(member, today=TODAY),
        "payments": lambda: PaymentForm(_member_year(), today=TODAY, save=lambda p: p),
        "activities": lambda: ActivityForm(today=TODAY, networks=[], save=lambda a: a),
        "networks": lambda: NetworkForm(today=TODAY, save=lambda n: n),
        "submissions": lambda: SubmissionForm(today=TODAY, members=[], save=lambda s: s),
        "board": lambda: SeatForm(
            seats=[], meetings=[], members=[], day=TODAY, today=TODAY, save=lambda s: s
        ),
        "board end": lambda: EndSeatForm(
            _seat(), seats=[], meetings=[], members=[], today=TODAY, save=lambda s: s
        ),
        "meeting": lambda: MeetingForm([], today=TODAY, save=lambda m: m),
    }
    return tuple(forms[register]().form_fields())


def _seat() -> BoardSeat:
    return BoardSeat("Bo Ek", Role.MEMBER, None, elected_at=1, id=1)


def _member_year() -> MemberYear:
    return member_year(make_member(id=1), 2024, FeeSchedule(2024, {}), None, ())


def test_every_register_with_a_command_is_walked() -> None:
    assert set(COMMANDS) == set(REGISTER_FIELDS)


@pytest.mark.parametrize("register", sorted(REGISTER_FIELDS))
def test_the_form_shows_the_declared_fields(register: str) -> None:
    assert _form_fields(register) == REGISTER_FIELDS[register]


@pytest.mark.parametrize("register", sorted(REGISTER_FIELDS))
def test_the_command_takes_one_flag_per_declared_field_and_no_other(register: str) -> None:
    words, context = COMMANDS[register]
    options = {p.name: p for p in _command(words).params if isinstance(p, click.Option)}
    options.pop("help", None)
    declared = {f.name: f for f in REGISTER_FIELDS[register]}
    assert set(options) - context == set(declared)
    for name, field in declared.items():
        option = options[name]
        assert option.opts == [field.option]
        if isinstance(field.kind, Flag):
            assert option.secondary_opts == [f"--not-{field.option.removeprefix('--')}"]
        assert field.help, f"{field.option}: every flag says what it holds"
        assert field.help in (option.help or ""), f"{field.option}: the declared help"


def test_a_field_name_means_one_flag_in_every_register() -> None:
    for field in ALL_FIELDS:
        assert flags()[field.name].split("/")[0] == field.option, field.name


def test_no_hand_written_flag_list_is_left() -> None:
    assert not hasattr(common, "FIELD_FLAGS")


def test_the_csv_files_have_a_column_per_declared_field_in_declaration_order() -> None:
    members = tuple(f.label for f in REGISTER_FIELDS["members"] if f.name != "form_from")
    payments = tuple(f.label for f in REGISTER_FIELDS["payments"])
    assert MEMBER_COLUMNS[: len(members)] == members
    assert PAYMENT_COLUMNS[-len(payments) :] == payments
