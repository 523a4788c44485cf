"""Imported files obey the text rule too: a control character is a row error or a skip."""

from __future__ import annotations

import json
from pathlib import Path

from secretariat_tui.exports.annual_report import render_section
from secretariat_tui.imports.ics_calendar import plan_ics_import
from secretariat_tui.imports.members_csv import plan_members_import
from secretariat_tui.store.database import open_database
from secretariat_tui.store.report_source import load_report_data

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo.json"


def test_a_csv_cell_with_a_control_character_is_a_row_error_naming_the_column() -> None:
    data = (
        "\ufeffNamn;Typ;Medlemsform;Medlem sedan;Postadress\r\n"
        "Ond\x1b[2J;Organisation;Fullt medlemskap;2024-01-01;Gatan 1\r\n"
        "God;Organisation;Fullt medlemskap;2024-01-01;Gatan\u202e 2\r\n"
        "Bra;Organisation;Fullt medlemskap;2024-01-01;Gatan 3\r\n"
    ).encode()

    plan = plan_members_import(data, [])

    assert [str(e) for e in plan.errors] == [
        "rad 2, kolumn Namn: Texten har ett styrtecken (\\x1b) som inte kan sparas; ta bort det.",
        "rad 3, kolumn Postadress: Texten har ett osynligt riktnings- eller radtecken (\\u202e); "
        "ta bort det.",
    ]
    assert [p.item.name for p in plan.new] == ["Bra"]


def test_an_ics_event_with_a_control_character_is_skipped_with_the_reason() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//\r\n"
        b"BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240418\r\n"
        b"SUMMARY:Ond\x1b[2J\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20240419\r\n"
        b"SUMMARY:God\r\nDESCRIPTION:rad ett\\nrad tv\xc3\xa5\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )

    plan = plan_ics_import(data, [])

    assert [a.title for a in plan.added] == ["God"]
    [skipped] = plan.skipped
    assert skipped.reason.startswith("SUMMARY: Texten har ett styrtecken (\\x1b)")


def test_a_report_of_a_register_with_a_stored_control_character_is_written(
    tmp_path: Path,
) -> None:
    """Word's XML cannot hold an ESC: it is written as its visible stand-in, never a crash."""
    document = json.loads(DEMO.read_bytes())
    activity = next(
        a
        for a in document["activities"].values()
        if a["when"].startswith("2024") and a.get("in_report", True)
    )
    activity["title"] = "Möte\x1b[2J\u202e"
    path = tmp_path / "db.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with open_database(path) as db:
        data = load_report_data(db, 2024)
    for fmt in ("docx", "md", "txt"):
        assert render_section(data, "activities", fmt)
    text = render_section(data, "activities", "md").decode()
    assert "Möte\\x1b" in text and "\\u202e" in text and "\x1b" not in text
