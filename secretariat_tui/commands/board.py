"""`secretariat meeting …` and `secretariat board …`: annual meetings, the voting roll, seats.

Every typed value is checked before the database is opened where it can be; what only the
database can check (an id, the board rules) is checked before anything is written, so a
refused command stores nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import click

from secretariat_tui.commands.common import CliContext, format_option
from secretariat_tui.commands.fees import YEAR, get_member, warn
from secretariat_tui.commands.field_options import (
    FieldErrorsForCli,
    check_given,
    day_flag,
    field_errors,
    field_options,
    given,
)
from secretariat_tui.domain.board import (
    AnnualMeeting,
    BoardSeat,
    board_on,
    describe_period,
    nominations,
    seat_period,
    seat_summary,
)
from secretariat_tui.domain.board_fields import (
    MEETING_FIELDS,
    SEAT_END_FIELDS,
    SEAT_FIELDS,
    parse_meeting_fields,
    parse_seat_end_fields,
    parse_seat_fields,
)
from secretariat_tui.domain.board_rules import BOARD_RULES, check_meeting, check_seat
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.voting import Attendance, VotingRule, rule_for, voting_roll
from secretariat_tui.exports import fees_listing
from secretariat_tui.exports.board_report import (
    board_paragraph,
    voting_roll_markdown,
    voting_roll_table,
    voting_roll_text,
)
from secretariat_tui.exports.table import Table
from secretariat_tui.store.board import BoardRepository, MeetingNotFound, SeatNotFound
from secretariat_tui.store.database import Database
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.members import MemberRepository

# --- typed values --------------------------------------------------------------------------------


def get_meeting(board: BoardRepository, meeting_id: int) -> AnnualMeeting:
    """The meeting, or one error line."""
    try:
        return board.meetings.get(meeting_id)
    except MeetingNotFound as err:
        raise click.ClickException(str(err)) from None


def chosen_meeting(board: BoardRepository, which: str | None, today: date) -> AnnualMeeting:
    """The meeting named by id or by the day it was held (any date entry), or without either
    the latest one held by ``today``, as the board screen opens it; else one error line
    that lists the recorded meetings."""
    if which is not None and which.strip().isdigit():
        return get_meeting(board, int(which))
    meetings = board.meetings.all()
    held = [m for m in meetings if m.held_on <= today]
    if which is None:
        if not held:
            raise click.ClickException(
                "Det finns inget årsmöte ännu; ange ett kommande med id eller datum."
                if meetings
                else "Det finns inget årsmöte; lägg till ett med `meeting add`."
            )
        return held[-1]
    day = day_flag(which, "ID|DATUM", today)
    found = [m for m in meetings if m.held_on == day]
    if not found:
        days = ", ".join(f"{m.held_on.isoformat()} (id {m.id})" for m in reversed(meetings))
        raise click.ClickException(f"Inget årsmöte hölls {day}. Årsmöten: {days or 'inga'}.")
    return found[-1]


def get_seat(board: BoardRepository, seat_id: int) -> BoardSeat:
    try:
        return board.seats.get(seat_id)
    except SeatNotFound as err:
        raise click.ClickException(str(err)) from None


def _checked(seat: BoardSeat, board: BoardRepository, members: Sequence[Member]) -> list[str]:
    """check_seat against the stored seats: its FieldErrors as one line, else the warnings."""
    try:
        return check_seat(seat, board.seats.all(), board.meetings.all(), members)
    except FieldErrors as err:
        raise FieldErrorsForCli(err) from None


def _members_by_id(db: Database) -> dict[int, Member]:
    return {m.id: m for m in MemberRepository(db).all() if m.id is not None}


# --- seats as rows -------------------------------------------------------------------------------

SEAT_HEADERS = ("Id", "Roll", "Person", "Organisation", "Period")


def _organisation(seat: BoardSeat, members_by_id: dict[int, Member]) -> str:
    if seat.organisation_id is None:
        return ""
    member = members_by_id.get(seat.organisation_id)
    return member.name if member else f"(okänd medlem {seat.organisation_id})"


def _seat_row(
    seat: BoardSeat, meetings: Sequence[AnnualMeeting], members_by_id: dict[int, Member]
) -> tuple[str, ...]:
    return (
        str(seat.id),
        seat.role.label,
        seat.person,
        _organisation(seat, members_by_id),
        describe_period(seat_period(seat, meetings)),
    )


def _seat_object(
    seat: BoardSeat, meetings: Sequence[AnnualMeeting], members_by_id: dict[int, Member]
) -> dict[str, Any]:
    start, end = seat_period(seat, meetings)
    return {
        "id": seat.id,
        "role": seat.role.value,
        "person": seat.person,
        "organisation_id": seat.organisation_id,
        "organisation": _organisation(seat, members_by_id) or None,
        "elected_at": seat.elected_at,
        "term_years": seat.term_years,
        "starts": start.isoformat(),
        "ends": end.isoformat() if end else None,
        "period": describe_period((start, end)),
        "left_on": seat.left_on.isoformat() if seat.left_on else None,
        "left_reason": seat.left_reason,
    }


def _seats_table(
    seats: Sequence[BoardSeat],
    meetings: Sequence[AnnualMeeting],
    members_by_id: dict[int, Member],
    empty: str = "",
) -> Table:
    return Table(
        SEAT_HEADERS,
        [_seat_row(s, meetings, members_by_id) for s in seats],
        empty=empty,
        records=[_seat_object(s, meetings, members_by_id) for s in seats],
    )


# --- meeting -------------------------------------------------------------------------------------


@click.group()
def meeting() -> None:
    """Årsmöten: lägg till, lista, röstlängd, ombud och närvaro."""


@meeting.command("add")
@field_options(MEETING_FIELDS, required=True)
@click.pass_obj
def add_meeting(obj: CliContext, **values: str | None) -> None:
    """Lägg till ett årsmöte."""
    with field_errors():
        meeting = parse_meeting_fields(given(values), date.today())
    with obj.database() as db:
        board = BoardRepository(db)
        with field_errors():
            check_meeting(meeting, board.meetings.all())
        stored = board.meetings.add(meeting)
    click.echo(f"Lade till årsmöte {stored.id}: {stored.held_on.isoformat()}")


@meeting.command("list")
@format_option("table", "json", default="table")
@click.pass_obj
def list_meetings(obj: CliContext, fmt: str) -> None:
    """Lista årsmötena i datumordning."""
    with obj.reading() as db:
        meetings = BoardRepository(db).meetings.all()
    table = Table(
        ("Id", "Datum", "Anteckningar"),
        [(str(m.id), m.held_on, m.notes) for m in meetings],
        empty="Inga årsmöten registrerade.",
        records=[
            {"id": m.id, "held_on": m.held_on.isoformat(), "notes": m.notes} for m in meetings
        ],
    )
    click.echo(table.render(fmt), nl=False)


@meeting.command("roll")
@click.argument("meeting_id", metavar="[ID|DATUM]", required=False)
@click.option(
    "--cutoff",
    help="Sista dag för betald avgift för rösträtt (t.ex. 2024-03-31 eller 31/3); annars mötets "
    "sparade regel.",
)
@click.option("--fee-year", "fee_year", type=YEAR, help="Avgiftsåret; annars mötets sparade regel.")
@format_option("md", "csv", "text", default="text")
@click.pass_obj
def roll(
    obj: CliContext, meeting_id: str | None, cutoff: str | None, fee_year: int | None, fmt: str
) -> None:
    """Röstlängden för ett årsmöte: fullvärdiga medlemmar med betald avgift, och de utan
    rösträtt med skäl. Årsmötet anges med id eller datum (t.ex. 2024-04-18 eller 18/4 2024);
    utan det gäller det senaste årsmötet fram till i dag.

    md är Markdown, text är för utskrift, csv är `;`-separerad för Excel.
    """
    today = date.today()
    cutoff_day = day_flag(cutoff, "--cutoff", today) if cutoff else None
    with obj.reading() as db:
        board = BoardRepository(db)
        held = chosen_meeting(board, meeting_id, today)
        assert held.id is not None
        stored = rule_for(held)
        rule = VotingRule(fee_year or stored.fee_year, cutoff_day or stored.cutoff)
        ledger = FeeLedger.of(db)
        if ledger.fees.schedule(rule.fee_year) is None:
            warn(fees_listing.no_schedule_note(rule.fee_year))
        found = voting_roll(
            held,
            ledger.members.all(),
            ledger.year_rows(rule.fee_year),
            ledger.payments.for_year(rule.fee_year),
            rule,
            board.attendance.for_meeting(held.id),
        )
    if fmt == "csv":  # the rows alone; md and text are the document with the rule and totals
        click.echo(voting_roll_table(found).render("csv"), nl=False)
    else:
        render = {"md": voting_roll_markdown, "text": voting_roll_text}[fmt]
        click.echo(render(found, held, rule), nl=False)


@meeting.command("delegate")
@click.argument("meeting_id", metavar="ID", type=int)
@click.option("--member", "member_id", required=True, type=int, help="Medlemmens id.")
@click.option("--delegate", help="Ombudets namn (annars behålls det som finns).")
@click.option(
    "--present/--absent",
    default=None,
    help="Om ombudet är närvarande (annars behålls det som finns).",
)
@click.pass_obj
def delegate(
    obj: CliContext, meeting_id: int, member_id: int, delegate: str | None, present: bool | None
) -> None:
    """Ange ombud för en medlem vid ett årsmöte och om ombudet är närvarande."""
    if delegate is None and present is None:
        raise click.UsageError("Inget att ändra: ange --delegate, --present eller --absent.")
    with obj.database(create=False) as db:
        board = BoardRepository(db)
        held = get_meeting(board, meeting_id)
        member = get_member(db, member_id)
        before = board.attendance.for_meeting(meeting_id).get(member_id, Attendance(member_id))
        after = Attendance(
            member_id,
            before.delegate if delegate is None else delegate.strip(),
            before.present if present is None else present,
        )
        board.attendance.set(meeting_id, after)
    state = "närvarande" if after.present else "inte närvarande"
    click.echo(
        f"{member.name} vid årsmötet {held.held_on.isoformat()}: "
        f"ombud {after.delegate or '(inget angivet)'}, {state}."
    )
    if not member.is_member_on(held.held_on):
        warn(f"{member.name} var inte medlem på mötesdagen och finns inte i röstlängden.")


# --- board ---------------------------------------------------------------------------------------


@click.group()
def board() -> None:
    """Styrelsen: visa, lägg till och avsluta poster, årsberättelsens stycke, valberedningen."""


@board.command("show")
@click.option(
    "--date", "day", help="Dagen styrelsen visas för (t.ex. 2024-04-18 eller 18/4; annars i dag)."
)
@format_option("table", "json", default="table")
@click.pass_obj
def show_board(obj: CliContext, day: str | None, fmt: str) -> None:
    """Styrelsen en viss dag, ordföranden först."""
    on = day_flag(day, "--date", date.today()) or date.today()
    with obj.reading() as db:
        repository = BoardRepository(db)
        meetings = repository.meetings.all()
        seats = board_on(on, repository.seats.all(), meetings)
        members_by_id = _members_by_id(db)
    empty = f"Ingen styrelse registrerad {on.isoformat()}."
    click.echo(_seats_table(seats, meetings, members_by_id, empty).render(fmt), nl=False)


@board.command("add", epilog=BOARD_RULES)
@field_options(SEAT_FIELDS, required=True)
@click.pass_obj
def add_seat(obj: CliContext, **values: str | None) -> None:
    """Lägg till en styrelsepost vald vid ett årsmöte. Reglerna kontrolleras innan något sparas."""
    with field_errors():
        seat = parse_seat_fields(given(values), date.today())
    with obj.database(create=False) as db:
        repository = BoardRepository(db)
        members_by_id = _members_by_id(db)
        warnings = _checked(seat, repository, list(members_by_id.values()))
        stored = repository.seats.add(seat)
        summary = seat_summary(stored, repository.meetings.all(), members_by_id)
    click.echo(f"Lade till styrelsepost {stored.id}: {summary}")
    for warning in warnings:
        warn(warning)


@board.command("end")
@click.argument("seat_id", metavar="ID", type=int)
@field_options(SEAT_END_FIELDS, required=True)
@click.pass_obj
def end_seat(obj: CliContext, seat_id: int, **values: str | None) -> None:
    """Avsluta en styrelsepost i förtid. Posten finns kvar i historiken."""
    today, raw = date.today(), given(values)
    check_given(SEAT_END_FIELDS, raw, today)
    with obj.database(create=False) as db:
        repository = BoardRepository(db)
        seat = get_seat(repository, seat_id)
        with field_errors():
            ended = parse_seat_end_fields(raw, seat, today)
        meetings = repository.meetings.all()
        members_by_id = _members_by_id(db)
        _checked(ended, repository, list(members_by_id.values()))
        repository.seats.update(ended)
    click.echo(f"Avslutade styrelsepost {seat_id}: {seat_summary(ended, meetings, members_by_id)}")
    if seat.left_on is not None and seat.left_on != ended.left_on:
        warn(f"posten hade avgångsdagen {seat.left_on.isoformat()}; den är nu ersatt.")


@board.command("paragraph")
@click.option("--year", required=True, type=YEAR, help="Året (ÅÅÅÅ).")
@click.pass_obj
def paragraph(obj: CliContext, year: int) -> None:
    """Styrelsestycket i årsberättelsen: valet, ledamöterna och ändringar under året."""
    with obj.reading() as db:
        repository = BoardRepository(db)
        text = board_paragraph(
            year, repository.seats.all(), repository.meetings.all(), _members_by_id(db)
        )
    click.echo(text)


@board.command("nominations")
@click.option(
    "--date", "day", help="Dagen att räkna från (t.ex. 2024-04-18 eller 18/4; annars i dag)."
)
@click.pass_obj
def list_nominations(obj: CliContext, day: str | None) -> None:
    """För valberedningen: posterna vars mandattid går ut vid nästa årsmöte, med id."""
    on = day_flag(day, "--date", date.today()) or date.today()
    with obj.reading() as db:
        repository = BoardRepository(db)
        meetings = repository.meetings.all()
        heading, ending = nominations(repository.seats.all(), meetings, on)
        members_by_id = _members_by_id(db)
    click.echo(heading)
    if ending:
        click.echo("")
        click.echo(_seats_table(ending, meetings, members_by_id).render("table"), nl=False)
