"""No input, file or terminal makes a command print a traceback or leave a wrong database.

Two halves (issue 12): every command on a database file with one defective record, and a
seeded fuzz of every write command with hostile values, arguments that were not UTF-8 and
terminals that are not UTF-8. The last line of defence (a crash report and one line) must
never be what catches them: every one is a known error with its own message.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from secretariat_tui.cli import cli
from secretariat_tui.commands.lazy import subcommands
from secretariat_tui.crash import crash_folder
from secretariat_tui.store.database import open_database
from tests.cli.in_process import Ran, run_main
from tests.cli.test_reading_cli import READING, WRITING

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.json"
NOT_UTF8 = os.fsdecode(b"\xd6rebro")
""""Örebro" typed in a latin-1 terminal, as Python hands it to the program."""


def demo() -> dict[str, Any]:
    return json.loads(DEMO.read_bytes())


def first(document: dict[str, Any], table: str) -> dict[str, Any]:
    return next(iter(document[table].values()))


def set_field(table: str, field: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda document: first(document, table).__setitem__(field, value)


DEFECTS: dict[str, Callable[[dict[str, Any]], None]] = {
    "date-not-in-calendar": set_field("members", "joined", "2024-13-45"),
    "name-is-a-number": set_field("members", "name", 42),
    "email-is-a-list": lambda d: first(d, "members")["contact"].__setitem__("email", ["a@b.se"]),
    "forms-is-a-string": set_field("members", "forms", "full"),
    "kind-unknown": set_field("members", "kind", "company"),
    "amount-abc": set_field("payments", "amount", "abc"),
    "amount-float": set_field("payments", "amount", 1500.5),
    "payment-of-unknown-member": set_field("payments", "member_id", 999),
    "fee-year-text": set_field("payments", "fee_year", "2024"),
    "category-unknown": set_field("activities", "category", "fika"),
    "time-25": set_field("activities", "starts_at", "25:00"),
    "role-unknown": set_field("board_seats", "role", "kung"),
    "seat-of-unknown-meeting": set_field("board_seats", "elected_at", 99),
    "co-signers-a-string": set_field("submissions", "co_signers", "1,2"),
    "status-unknown": set_field("submissions", "status", "klar"),
    "schedule-amounts-a-list": set_field("fee_schedules", "amounts", ["1500"]),
    "record-is-a-string": lambda d: d["networks"].__setitem__("77", "Nätverk"),
    "table-is-a-list": lambda d: d.__setitem__("annual_meetings", []),
    "id-is-a-word": lambda d: d["payments"].__setitem__("ett", first(d, "payments")),
}

# What every kind of command is run with on each defective file: the readers, the writers of
# the reading tests, and the Word report (python-docx reads every text).
COMMANDS = [
    [word.replace("{out}", "OUT") for word in command] for command in (*READING, *WRITING)
] + [["export", "report", "--year", "2024", "--format", "docx", "-o", "OUT/r.docx"]]


def personal_data() -> set[str]:
    """Names, e-mails and phone numbers of the demo's contact persons: never in a message."""
    found = set()
    for member in demo()["members"].values():
        contact = member.get("contact") or {}
        found |= {contact.get(k, "") for k in ("person", "email", "phone")} - {""}
    return found


def assert_one_known_line(ran: Ran) -> None:
    assert "Traceback" not in ran.output
    assert "oväntat fel" not in ran.output, ran.stderr
    lines = [line for line in ran.stderr.splitlines() if not line.startswith("Obs: ")]
    assert len(lines) == 1 and lines[0].startswith("secretariat: "), ran.stderr


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_a_file_with_one_bad_record_gives_every_command_one_line(
    defect: str, tmp_path: Path
) -> None:
    document = demo()
    DEFECTS[defect](document)
    path = tmp_path / "db.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    secrets = personal_data()

    for command in COMMANDS:
        args = [word.replace("OUT", str(tmp_path)) for word in command]
        ran = run_main("--db", str(path), *args)

        assert ran.code == 1, (command, ran)
        assert ran.stdout == ""
        assert_one_known_line(ran)
        assert "felaktig post" in ran.stderr or "kan inte läsas" in ran.stderr
        assert not any(secret in ran.stderr for secret in secrets), ran.stderr
        assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob("*.csv"))


# --- the fuzz ----------------------------------------------------------------------------------


def commands(
    group: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    if isinstance(group, click.Group):
        for name, command in sorted(subcommands(group).items()):
            yield from commands(command, (*path, name))
    else:
        yield path, group


READ_PATHS = {tuple(command[:2]) for command in READING}
WRITE_COMMANDS = [(path, command) for path, command in commands(cli) if path not in READ_PATHS]


def test_the_fuzz_covers_every_write_command() -> None:
    names = {" ".join(path) for path, _ in WRITE_COMMANDS}
    assert {"members add", "members edit", "payments import", "import ics"} <= names
    assert not names & {" ".join(path) for path in READ_PATHS}
    assert len(WRITE_COMMANDS) >= 24


HOSTILE = [
    "",
    " ",
    "Anna Andersson",
    "x" * 3000,
    "\x1b[2J",
    "fdp\u202eexe.pdf",
    NOT_UTF8,
    '=HYPERLINK("http://x","y")',
    "rad ett\nrad två",
    "\x00",
    "ő ø 🙂",
    "-1",
    "--name",
]
DATES = [
    "2024-04-18",
    "15/1",
    "15 jan 2024",
    "idag",
    "+3",
    "31/2",
    "2024-13-45",
    "jan 2024",
    "1/13",
]
VALUES_BY_FLAG = {
    "--date": DATES,
    "--joined": DATES,
    "--since": DATES,
    "--until": DATES,
    "--starts": DATES,
    "--form-from": DATES,
    "--from": DATES,
    "--to": DATES,
    "--cutoff": DATES,
    "--month": ["2024-05", "maj", "5", "13", "jan 2024"],
    "--start": ["18", "18:00", "9.30", "25:00", "x"],
    "--end": ["20", "20:00", "17:00", "x"],
    "--amount": ["1500", "1 500,50", "-5", "abc", "0", "1e9", "NaN", "99999999"],
    "--org-number": ["802001-6016", "802001-6017", "12"],
    "--network": ["1", "2", "Nät", "zzz", ""],
    "--co-signer": ["1", "Frälsning", "", "999"],
    "--year": ["2024", "2025", "1899", "3000", "x"],
    "--member": ["1", "2", "30", "999", "0", "x"],
    "--meeting": ["1", "2", "99", "x"],
    "--term": ["1", "4", "9", "0"],
}
IDS = ["1", "2", "3", "30", "47", "99", "0", "-1", "abc", "påverkan-1", "årsmöte-1", NOT_UTF8]


GOOD_TEXT = ["Anna Andersson", "Möte om ”barnäktenskap”", "Ősz & Zoë 🙂", "ny"]
GOOD_BY_FLAG = {
    "--email": ["anna@example.se"],
    "--phone": ["08-123 456 78", "+46 70 123 45 67"],
    "--category": ["intern", "plattformsmöte"],
    "--kind": ["remissvar", "organisation", "individual"],
    "--status": ["inskickad", "utkast"],
    "--role": ["ledamot", "ordförande"],
    "--form": ["full", "networking"],
}


def value_for(param: click.Parameter, files: list[str]) -> st.SearchStrategy[str]:
    """Mostly values a coordinator would type (so that writes succeed and must say so), and
    every hostile one now and then."""
    flag = param.opts[0] if param.opts else ""
    if isinstance(param.type, click.Path):
        return st.sampled_from(files)
    if isinstance(param, click.Argument):
        return st.sampled_from(["1", "2", "3"] * 4 + IDS)
    if isinstance(param.type, click.Choice) or hasattr(param.type, "choices"):
        choices = [str(c) for c in getattr(param.type, "choices", ())]
        good = choices if isinstance(param.type, click.Choice) else GOOD_BY_FLAG.get(flag, [])
        return st.sampled_from(good * 6 + ["", "x\x1b", NOT_UTF8])
    good = GOOD_BY_FLAG.get(flag) or VALUES_BY_FLAG.get(flag, [])[:4] or GOOD_TEXT
    return st.sampled_from(good * 4 + VALUES_BY_FLAG.get(flag, []) + HOSTILE)


@st.composite
def a_command_line(draw: st.DrawFn, files: list[str]) -> list[str]:
    path, command = draw(st.sampled_from(WRITE_COMMANDS))
    args = list(path)
    for param in command.params:
        if param.name == "help" or (not param.required and draw(st.integers(0, 3)) != 0):
            continue
        if isinstance(param, click.Argument):
            args.append(draw(value_for(param, files)))
        elif getattr(param, "is_flag", False):
            args.append(param.opts[0])
        else:
            args += [param.opts[0], draw(value_for(param, files))]
    if draw(st.integers(0, 19)) == 0:
        args.append(draw(st.sampled_from(["--bogus", "extra", "--name"])))
    return args


@pytest.fixture(scope="module")
def fuzz_files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Files an import may be given: good, broken, not UTF-8, binary, missing, a folder."""
    folder = tmp_path_factory.mktemp("fuzz-files")
    (folder / "medlemmar.csv").write_bytes(
        "\ufeffNamn;Typ;Medlemsform;Medlem sedan\r\n"
        "Ny;Organisation;Fullt medlemskap;2024-01-01\r\n".encode()
    )
    (folder / "latin1.csv").write_bytes("Namn;Typ\r\nÖrebro;Organisation\r\n".encode("latin-1"))
    (folder / "binary.csv").write_bytes(bytes(range(256)))
    (folder / "cal.ics").write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//\r\nBEGIN:VEVENT\r\nUID:1@x\r\n"
        b"DTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240418\r\nSUMMARY:M\xc3\xb6te\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (folder / "broken.ics").write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:x\r\n")
    names = ["medlemmar.csv", "latin1.csv", "binary.csv", "cal.ics", "broken.ics"]
    return [str(folder / name) for name in names] + [str(folder / "saknas.csv"), str(folder)]


@settings(
    max_examples=600,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), encoding=st.sampled_from(["utf-8", "latin-1", "ascii"]))
def test_fuzzed_write_commands_answer_in_one_line_and_never_leave_a_wrong_file(
    data: st.DataObject, encoding: str, fuzz_files: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(DEMO.read_bytes())
    args = data.draw(a_command_line(fuzz_files))

    ran = run_main("--db", str(path), *args, encoding=encoding)
    event(f"exit {ran.code} {args[0]} {args[1]}")

    assert "Traceback" not in ran.output, (args, ran)
    assert not any(crash_folder().glob("*")), (args, ran.stderr)
    assert ran.code in (0, 1, 2), (args, ran)
    if ran.code == 0:
        assert ran.stdout.strip(), f"a write that succeeded must say so: {args}"
        with open_database(path, create=False, read_only=True):
            pass  # every record still checks out
    else:
        assert path.read_bytes() == DEMO.read_bytes(), f"a refused command wrote: {args}"
        lines = [line for line in ran.stderr.splitlines() if not line.startswith("Obs: ")]
        assert lines and lines[-1].startswith("secretariat: "), (args, ran)
