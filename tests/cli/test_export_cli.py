"""`secretariat export ics|report|month`: the files written from the demo register."""

from __future__ import annotations

import stat
from io import BytesIO
from pathlib import Path

import icalendar
import pytest
from docx import Document

from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.cli.calendar_helpers import ok, refused
from tests.cli.helpers import run
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_of_demo(tmp_path)


def test_the_autumn_platform_meetings_to_a_file(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "hosten.ics"
    out = ok(
        demo,
        *("export", "ics", "--year", "2024", "--from", "1/9", "--to", "31/12"),
        *("--platform-meetings", "-o", str(target)),
    )
    assert out == f"Skrev en händelse till {target}.\n"
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Höstens plattformsmöte"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_calendar_file_to_standard_out_keeps_its_crlf(demo: Path) -> None:
    result = run(demo, "export", "ics", "--year", "2024", "--category", "styrelse", "-o", "-")
    out = result.stdout_bytes
    assert out.startswith(b"BEGIN:VCALENDAR\r\n") and out.endswith(b"END:VCALENDAR\r\n")
    assert b"SUMMARY:Heldag med styrelsearbete" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "1/9 2024", "--to", "1/8 2024"), "--to: 2024-08-01 ligger före --from"),
        (("--from", "31/2 2024"), "--from: ”31/2 2024”: 31 februari 2024 finns inte"),
        (("--year", "1999"), "Inga aktiviteter passar urvalet"),
    ],
)
def test_a_bad_range_writes_nothing(
    demo: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    target = tmp_path / "x.ics"
    assert message in refused(demo, "export", "ics", *args, "-o", str(target))
    assert not target.exists()


def test_the_membership_section_as_text(demo: Path) -> None:
    out = ok(demo, "export", "report", "--year", "2024", "--section", "members", "--format", "txt")
    assert (
        "Totalt hade Plattformen 27 betalande medlemmar år 2024, varav 26 var organisationer."
        in out
    )


def test_the_activity_section_as_a_word_table(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "vb.docx"
    ok(
        demo,
        *("export", "report", "--year", "2024", "--section", "activities"),
        *("--format", "docx", "-o", str(target)),
    )
    table = Document(BytesIO(target.read_bytes())).tables[0]
    assert [row.cells[0].text for row in table.rows][2:4] == ["Mars", "April"]
    assert table.rows[2].cells[1].text == ""


def test_a_word_file_is_not_written_to_the_terminal(demo: Path) -> None:
    assert "standard ut" in refused(
        demo, "export", "report", "--year", "2024", "--format", "docx", code=2
    )


def test_one_months_list_for_the_newsletter(demo: Path) -> None:
    out = ok(demo, "export", "month", "--month", "nov 2024")
    assert out.startswith("## November 2024\n\n- Höstens plattformsmöte\n")
    assert "”13 nov 2031x”" in refused(demo, "export", "month", "--month", "13 nov 2031x")


FIXTURES = Path(__file__).resolve().parents[1] / "imports" / "ics_fixtures"


def activity_titles(db_path: Path) -> list[str]:
    with open_database(db_path, create=False) as db:
        return [a.title for a in CalendarRepository(db).activities.all()]


def test_an_outlook_file_is_imported_once_however_often_it_is_read(demo: Path) -> None:
    before = activity_titles(demo)
    out = ok(demo, "import", "ics", str(FIXTURES / "outlook.ics"))
    assert "3 läggs till, 0 uppdateras, 0 oförändrade, 1 hoppas över" in out
    assert out.endswith("Sparade: 3 nya, 0 uppdaterade.\n")
    after = activity_titles(demo)
    assert len(after) == len(before) + 3
    again = ok(demo, "import", "ics", str(FIXTURES / "outlook.ics"))
    assert again.endswith("Inget nytt att spara.\n")
    assert activity_titles(demo) == after


def test_a_dry_run_writes_nothing(demo: Path) -> None:
    before = activity_titles(demo)
    out = ok(demo, "import", "ics", str(FIXTURES / "google.ics"), "--dry-run")
    assert out.endswith("Provkörning: inget sparades.\n")
    assert activity_titles(demo) == before


def test_a_broken_file_is_refused_with_its_line(demo: Path, tmp_path: Path) -> None:
    broken = tmp_path / "trasig.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20241340T090000\r\n")
    before = activity_titles(demo)
    message = refused(demo, "import", "ics", str(broken))
    assert "rad 2" in message and message.endswith("Inget sparades.")
    assert activity_titles(demo) == before
