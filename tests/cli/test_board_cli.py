"""`secretariat meeting …` and `secretariat board …`: what is stored and printed, and refusals."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.voting import Attendance
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.database import open_database
from tests.cli.helpers import add_org, ok, refused, run, run_process


def meetings(db_path: Path) -> list[AnnualMeeting]:
    with open_database(db_path, create=False) as db:
        return BoardRepository(db).meetings.all()


def seats(db_path: Path) -> list[BoardSeat]:
    with open_database(db_path, create=False) as db:
        return BoardRepository(db).seats.all()


def attendance(db_path: Path, meeting_id: int) -> dict[int, Attendance]:
    with open_database(db_path, create=False) as db:
        return BoardRepository(db).attendance.for_meeting(meeting_id)


def seat(db_path: Path, meeting: str, person: str, role: str, *extra: str) -> str:
    return ok(
        db_path,
        *("board", "add", "--meeting", meeting, "--person", person, "--role", role),
        *extra,
    )


def two_meetings(db_path: Path) -> None:
    """Meeting 1 on 2023-04-20, meeting 2 on 2024-04-18; member 1 Childx, 2 Roks."""
    add_org(db_path, "Childx", joined="2015-01-01")
    add_org(db_path, "Roks", joined="2015-01-01")
    ok(db_path, "meeting", "add", "--date", "2023-04-20")
    ok(db_path, "meeting", "add", "--date", "2024-04-18", "--notes", "Stockholm")


# --- meeting add / list --------------------------------------------------------------------------


def test_meeting_add_stores_it_and_list_shows_it(db_path: Path) -> None:
    add_org(db_path)
    out = ok(db_path, "meeting", "add", "--date", "2024-04-18", "--notes", " Stockholm ")

    assert out == "Lade till årsmöte 1: 2024-04-18\n"
    assert meetings(db_path) == [AnnualMeeting(date(2024, 4, 18), "Stockholm", id=1)]
    ok(db_path, "meeting", "add", "--date", "2023-04-20")
    header, first, second = ok(db_path, "meeting", "list").splitlines()
    assert header.split() == ["Id", "Datum", "Anteckningar"]
    assert first.split() == ["2", "2023-04-20"]
    assert second.split() == ["1", "2024-04-18", "Stockholm"]
    assert json.loads(ok(db_path, "meeting", "list", "--format", "json")) == [
        {"id": 2, "held_on": "2023-04-20", "notes": ""},
        {"id": 1, "held_on": "2024-04-18", "notes": "Stockholm"},
    ]


def test_meeting_add_on_the_day_of_another_meeting_is_refused(db_path: Path) -> None:
    """The rule of the meeting form too (board_rules.check_meeting): one meeting a day."""
    add_org(db_path)
    ok(db_path, "meeting", "add", "--date", "2024-04-18")
    line = refused(db_path, "meeting", "add", "--date", "2024-04-18", "--notes", "Igen")

    assert line == "Error: --date: Det finns redan ett årsmöte 2024-04-18."
    assert meetings(db_path) == [AnnualMeeting(date(2024, 4, 18), id=1)]


def test_meeting_add_with_a_bad_date_names_the_flag_and_stores_nothing(db_path: Path) -> None:
    add_org(db_path)
    line = refused(db_path, "meeting", "add", "--date", "snart")

    assert line.startswith("Error: --date: ”snart” förstods inte som ett datum")
    assert refused(db_path, "meeting", "add", "--date", "1800-04-18") == (
        "Error: --date: ”1800-04-18” blir 18 april 1800, utanför 1900–2100; skrev du fel år?"
    ), "a question keeps its question mark"
    assert meetings(db_path) == []


def test_meeting_add_takes_the_fast_date_entry_like_the_form(db_path: Path) -> None:
    add_org(db_path)
    ok(db_path, "meeting", "add", "--date", "18/4 2024")

    assert [m.held_on for m in meetings(db_path)] == [date(2024, 4, 18)]


# --- board add / show / end ----------------------------------------------------------------------


def test_board_add_stores_the_seat_and_show_lists_the_board_chair_first(db_path: Path) -> None:
    two_meetings(db_path)
    out = seat(db_path, "2", "Bo Ek", "ledamot", "--member", "2", "--term", "2")
    assert out == "Lade till styrelsepost 1: Ledamot: Bo Ek (Roks), från 2024-04-18\n"
    seat(db_path, "2", "Anna Andersson", "Ordförande", "--member", "1")
    seat(db_path, "2", "Cecilia Berg", "vice-ordförande")

    assert seats(db_path)[0] == BoardSeat("Bo Ek", Role.MEMBER, 2, 2, term_years=2, id=1)
    assert seats(db_path)[2].role is Role.VICE_CHAIR
    lines = ok(db_path, "board", "show", "--date", "2024-05-01").splitlines()
    assert lines[0].split() == ["Id", "Roll", "Person", "Organisation", "Period"]
    assert [line.split("  ")[0].strip() for line in lines[1:]] == ["2", "3", "1"]
    assert "Ordförande" in lines[1] and "Anna Andersson" in lines[1] and "Childx" in lines[1]
    assert "Vice ordförande" in lines[2]
    [chair, _, member] = json.loads(
        ok(db_path, "board", "show", "--date", "2024-05-01", "--format", "json")
    )
    assert (chair["role"], chair["organisation"], chair["period"]) == (
        "ordförande",
        "Childx",
        "från 2024-04-18",
    )
    assert (member["term_years"], member["ends"]) == (2, None)
    assert ok(db_path, "board", "show", "--date", "2024-01-01") == (
        "Ingen styrelse registrerad 2024-01-01.\n"
    )


def test_board_add_refuses_a_second_chair_with_the_rule_and_stores_nothing(db_path: Path) -> None:
    two_meetings(db_path)
    seat(db_path, "2", "Anna Andersson", "ordförande")
    line = refused(
        db_path, "board", "add", "--meeting", "2", "--person", "Bo Ek", "--role", "ordförande"
    )

    assert line == (
        "Error: --role: Styrelsen har redan en ordförande under perioden: "
        "Anna Andersson (från 2024-04-18)."
    )
    assert len(seats(db_path)) == 1


def test_board_add_warns_about_an_organisation_that_was_not_a_member(db_path: Path) -> None:
    two_meetings(db_path)
    add_org(db_path, "Terrafem", joined="2024-09-01")
    result = run(
        db_path,
        *("board", "add", "--meeting", "2", "--person", "Dana Dal", "--role", "kassör"),
        *("--member", "3"),
    )

    assert result.exit_code == 0
    assert result.stdout.startswith("Lade till styrelsepost 1: Kassör: Dana Dal (Terrafem)")
    assert result.stderr == "Obs: Terrafem var inte medlem 2024-04-18, när posten började.\n"
    assert seats(db_path)[0].organisation_id == 3


def test_board_add_refuses_a_person_already_on_the_board(db_path: Path) -> None:
    two_meetings(db_path)
    seat(db_path, "2", "Bo Ek", "ledamot")
    line = refused(
        db_path, "board", "add", "--meeting", "2", "--person", "bo  ek", "--role", "kassör"
    )

    assert (
        line
        == "Error: --person: Bo Ek har redan en post under perioden: Ledamot (från 2024-04-18)."
    )
    assert len(seats(db_path)) == 1


@pytest.mark.parametrize(
    ("args", "code", "start"),
    [
        (("--meeting", "9", "--role", "ledamot"), 1, "Error: --meeting: Det finns inget årsmöte"),
        (("--meeting", "2", "--role", "ledamot", "--member", "99"), 1, "Error: --member: "),
        (("--meeting", "2", "--role", "kung"), 2, "Error: Invalid value for '--role'"),
        (
            ("--meeting", "2", "--role", "ledamot", "--term", "5"),
            1,
            "Error: --term: Mandattiden är ett helt antal år, 1–4.",
        ),
        (
            ("--meeting", "2", "--role", "ledamot", "--starts", "2024-01-01"),
            1,
            "Error: --starts: Posten kan inte börja före årsmötet som valde den (2024-04-18).",
        ),
        (
            ("--meeting", "2", "--role", "ledamot", "--starts", "snart"),
            1,
            "Error: --starts: ”snart",
        ),
    ],
    ids=["meeting", "member", "role", "term", "starts-early", "starts-bad"],
)
def test_board_add_with_a_bad_value_is_one_line_and_stores_nothing(
    db_path: Path, args: tuple[str, ...], code: int, start: str
) -> None:
    two_meetings(db_path)
    line = refused(db_path, "board", "add", "--person", "Bo Ek", *args, code=code)

    assert line.startswith(start), line
    assert seats(db_path) == []


def test_board_add_names_every_fault_the_register_finds_at_once(db_path: Path) -> None:
    two_meetings(db_path)
    line = refused(
        db_path,
        *("board", "add", "--meeting", "9", "--person", "Bo Ek", "--role", "ledamot"),
        *("--member", "99"),
    )

    assert line == (
        "Error: --meeting: Det finns inget årsmöte med id 9; "
        "--member: Det finns ingen medlem med id 99."
    )
    assert seats(db_path) == []


def test_board_add_without_a_name_is_refused_before_the_file_is_opened(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    line = refused(missing, "board", "add", "--meeting", "1", "--person", "  ", "--role", "ledamot")

    assert line == "Error: --person: Ange personens namn."
    assert not missing.exists()


def test_board_end_sets_the_last_day_and_show_drops_the_seat(db_path: Path) -> None:
    two_meetings(db_path)
    seat(db_path, "2", "Bo Ek", "ledamot", "--member", "2")
    out = ok(db_path, "board", "end", "1", "--date", "2024-09-15", "--reason", "Flyttat")

    assert out == "Avslutade styrelsepost 1: Ledamot: Bo Ek (Roks), 2024-04-18–2024-09-15\n"
    assert (seats(db_path)[0].left_on, seats(db_path)[0].left_reason) == (
        date(2024, 9, 15),
        "Flyttat",
    )
    assert "Bo Ek" in ok(db_path, "board", "show", "--date", "2024-09-15")
    assert "Ingen styrelse" in ok(db_path, "board", "show", "--date", "2024-09-16")


def test_board_end_before_the_seat_started_is_refused(db_path: Path) -> None:
    two_meetings(db_path)
    seat(db_path, "2", "Bo Ek", "ledamot")
    line = refused(db_path, "board", "end", "1", "--date", "2024-01-01")

    assert line == "Error: --date: Avgångsdagen kan inte ligga före postens början (2024-04-18)."
    assert seats(db_path)[0].left_on is None


def test_board_end_on_or_after_the_meeting_that_ended_the_term_is_refused(
    db_path: Path,
) -> None:
    """The named bug of issue 13 was the form accepting this; the message is the domain's."""
    two_meetings(db_path)
    seat(db_path, "1", "Bo Ek", "ledamot")  # elected 2023-04-20 for a year: gone 2024-04-18
    line = refused(db_path, "board", "end", "1", "--date", "2024-04-18")

    assert line == "Error: --date: Posten gick redan ut 2024-04-18, när mandattiden tog slut."
    assert seats(db_path)[0].left_on is None
    ok(db_path, "board", "end", "1", "--date", "2024-04-17")
    assert seats(db_path)[0].left_on == date(2024, 4, 17)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("board", "end", "7", "--date", "2024-09-15"), "Det finns ingen styrelsepost med id 7."),
        (("meeting", "roll", "7", "--cutoff", "2024-03-31"), "Det finns inget årsmöte med id 7."),
        (("meeting", "delegate", "7", "--member", "1", "--present"), "inget årsmöte med id 7."),
        (("meeting", "delegate", "1", "--member", "99", "--present"), "--member: Det finns ingen"),
    ],
    ids=["seat", "roll-meeting", "delegate-meeting", "delegate-member"],
)
def test_an_unknown_id_is_one_line_exit_1(
    db_path: Path, args: tuple[str, ...], message: str
) -> None:
    two_meetings(db_path)

    assert message in refused(db_path, *args)
    assert attendance(db_path, 1) == {}


@pytest.mark.parametrize(
    ("role", "meeting", "code", "line"),
    [
        ("ledamot", "9", 1, "secretariat: --meeting: Det finns inget årsmöte med id 9."),
        (
            "kung",
            "2",
            2,
            "secretariat: ogiltigt värde för '--role': ”kung” är ingen styrelseroll; välj "
            "ordförande, vice-ordförande, kassör, sekreterare, ledamot, suppleant. "
            "(se secretariat board add --help)",
        ),
    ],
    ids=["unknown-meeting", "bad-role"],
)
def test_a_refusal_reaches_the_terminal_as_one_line(
    db_path: Path, role: str, meeting: str, code: int, line: str
) -> None:
    two_meetings(db_path)
    result = run_process(
        db_path, "board", "add", "--meeting", meeting, "--person", "Bo", "--role", role
    )

    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert result.stderr == f"{line}\n"
    assert result.stdout == ""
    assert seats(db_path) == []


# --- meeting roll / delegate ---------------------------------------------------------------------


def roll_register(db_path: Path) -> None:
    """1 paid before the cut-off, 2 unpaid, 3 networking, 4 paid after the cut-off; fees 2024;
    meeting 1 on 2024-04-18."""
    add_org(db_path, "Betalt AB", joined="2019-01-01")
    add_org(db_path, "Obetald förening", joined="2019-01-01")
    add_org(db_path, "Nätverket", form="networking", joined="2019-01-01")
    add_org(db_path, "Sen förening", joined="2019-01-01")
    for form, amount in (("full", "1500"), ("individual", "300"), ("networking", "500")):
        ok(db_path, "fees", "set", "--year", "2024", "--form", form, "--amount", amount)
    for member, day in (("1", "2024-03-01"), ("3", "2024-03-01"), ("4", "2024-04-10")):
        ok(db_path, "payments", "add", "--member", member, "--year", "2024", "--date", day)
    ok(db_path, "meeting", "add", "--date", "2024-04-18")


def test_roll_excludes_unpaid_late_and_networking_and_counts_present_votes(
    db_path: Path,
) -> None:
    roll_register(db_path)
    out = ok(
        db_path,
        *("meeting", "delegate", "1", "--member", "1", "--delegate", "Anna Ombud", "--present"),
    )
    assert out == "Betalt AB vid årsmötet 2024-04-18: ombud Anna Ombud, närvarande.\n"
    assert attendance(db_path, 1) == {1: Attendance(1, "Anna Ombud", True)}

    text = ok(db_path, "meeting", "roll", "1", "--cutoff", "2024-03-31")
    assert "har betalat avgiften för 2024 senast 2024-03-31" in text  # the rule
    voters = text.split("Röstberättigade:")[1].split("Utan rösträtt:")[0]
    assert "Betalt AB" in voters and "Anna Ombud" in voters
    assert "Obetald förening" not in voters and "Sen förening" not in voters
    assert "Obetald förening  avgiften för 2024 inte betald senast 2024-03-31" in text
    assert "Sen förening      avgiften betald först 2024-04-10" in text
    assert "Nätverket         nätverkande medlem: yttranderätt, ingen rösträtt" in text
    assert text.endswith("Medlemmar med rösträtt: 1\nNärvarande röster: 1\n")

    md = ok(db_path, "meeting", "roll", "1", "--cutoff", "2024-04-30", "--format", "md")
    assert md.startswith("# Röstlängd, årsmöte 2024-04-18\n")
    assert "senast 2024-04-30" in md
    assert "| Sen förening |   | nej |" in md
    assert "- Medlemmar med rösträtt: 2\n- Närvarande röster: 1\n" in md

    ok(db_path, "meeting", "delegate", "1", "--member", "1", "--absent")
    assert attendance(db_path, 1) == {1: Attendance(1, "Anna Ombud", False)}
    rows = list(
        csv.reader(
            io.StringIO(
                ok(db_path, "meeting", "roll", "1", "--cutoff", "2024-03-31", "--format", "csv")
            ),
            delimiter=";",
        )
    )
    assert rows[0] == ["Medlem", "Ombud", "Närvarande", "Rösträtt", "Anmärkning"]
    assert rows[1] == ["Betalt AB", "Anna Ombud", "nej", "ja", ""]
    assert [r[0] for r in rows[2:]] == ["Nätverket", "Obetald förening", "Sen förening"]


def test_roll_fee_year_defaults_to_the_meeting_year_and_can_be_chosen(db_path: Path) -> None:
    roll_register(db_path)
    result = run(db_path, "meeting", "roll", "1", "--cutoff", "2024-03-31", "--fee-year", "2023")

    assert result.exit_code == 0
    assert result.stderr.startswith("Obs: ")  # no fees set for 2023
    assert "avgiften för 2023" in result.stdout


def test_roll_with_a_bad_cutoff_names_the_flag(db_path: Path) -> None:
    roll_register(db_path)

    assert refused(db_path, "meeting", "roll", "1", "--cutoff", "snart").startswith(
        "Error: --cutoff: "
    )


# --- paragraph and nominations -------------------------------------------------------------------

SIX = (
    ("Ordförande", "Anna Lind", "Childx"),
    ("ledamot", "Bertil Ström", "Frälsningsarmén"),
    ("ledamot", "Cecilia Holm", "Terrafem"),
    ("ledamot", "David Sjö", "Stockholms Stadsmission"),
    ("ledamot", "Eva Berg", "Roks"),
    ("ledamot", "Fredrik Ek", "Göteborgs Räddningsmission"),
)


def six_seat_board(db_path: Path) -> None:
    ok(db_path, "meeting", "add", "--date", "2023-04-20")
    ok(db_path, "meeting", "add", "--date", "2024-04-18")
    for number, (role, person, organisation) in enumerate(SIX, start=1):
        add_org(db_path, organisation, joined="2015-01-01")
        seat(
            db_path,
            "2",
            person,
            role,
            "--member",
            str(number),
            "--term",
            "2" if number % 2 else "1",
        )
    seat(db_path, "1", "Gustav Gammal", "ordförande", "--member", "1")


def test_paragraph_for_the_six_seat_2024_board(db_path: Path) -> None:
    six_seat_board(db_path)

    assert ok(db_path, "board", "paragraph", "--year", "2024") == (
        "Plattformens styrelse har sedan årsmötet i april 2024 bestått av 6 ledamöter:\n"
        "\n"
        "Ordförande: Anna Lind (Childx)\n"
        "Ledamot: Bertil Ström (Frälsningsarmén)\n"
        "Ledamot: Cecilia Holm (Terrafem)\n"
        "Ledamot: David Sjö (Stockholms Stadsmission)\n"
        "Ledamot: Eva Berg (Roks)\n"
        "Ledamot: Fredrik Ek (Göteborgs Räddningsmission)\n"
    )


def test_nominations_lists_the_seats_whose_term_ends_next(db_path: Path) -> None:
    six_seat_board(db_path)
    out = ok(db_path, "board", "nominations", "--date", "2024-06-01")

    heading, blank, header, *rows = out.splitlines()
    assert (heading, blank) == ("Poster vars mandattid går ut vid årsmötet 2025:", "")
    assert header.split() == ["Id", "Roll", "Person", "Organisation", "Period"]
    assert [p for _, p, _ in SIX if p in out] == ["Bertil Ström", "David Sjö", "Fredrik Ek"]
    assert [row.split()[0] for row in rows] == ["2", "4", "6"], "the ids `board end` takes"
    assert ok(db_path, "board", "nominations", "--date", "2023-01-01") == (
        "Inga poster går ut vid årsmötet 2023.\n"
    )
