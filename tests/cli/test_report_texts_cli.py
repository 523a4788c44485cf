"""`report text|texts|status`: the report's written texts by CLI, from a file, stdin or $EDITOR."""

from __future__ import annotations

import json
import re
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from secretariat_tui.cli import cli
from secretariat_tui.store.database import open_database
from tests.cli.helpers import ok, refused, run


@pytest.fixture
def db(db_path: Path) -> Path:
    with open_database(db_path):
        pass
    return db_path


def texts_in(db_path: Path) -> list[dict[str, object]]:
    return list(json.loads(db_path.read_bytes()).get("report_texts", {}).values())


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def editor(tmp_path: Path, body: str) -> str:
    """A stand-in editor: notes the temp file's mode and name, then runs ``body`` on it."""
    script = tmp_path / "editor.sh"
    script.write_text(
        f'#!/bin/sh\nstat -c %a "$1" > {tmp_path}/mode\necho "$1" > {tmp_path}/name\n{body}\n'
    )
    script.chmod(0o700)
    return str(script)


def test_a_text_from_a_file_is_saved_shown_and_done(db: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "nsp.txt", "NSP stödde 63 personer.\r\n- varav 7 barn\r\n\r\n")
    said = ok(db, "report", "text", "--year", "2024", "--section", "nsp", "--from-file", source)
    assert said == "Sparade nsp 2024 (klar).\n"
    assert texts_in(db) == [
        {
            "year": 2024,
            "section": "nsp",
            "text": "NSP stödde 63 personer.\n- varav 7 barn",
            "heading": "",
        }
    ]
    shown = run(db, "report", "text", "--year", "2024", "--section", "nsp")
    assert (shown.stdout, shown.stderr) == ("NSP stödde 63 personer.\n- varav 7 barn\n", "")
    assert "nsp                      klar" in ok(db, "report", "status", "--year", "2024")


def test_a_text_from_standard_in(db: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(db),
            "report",
            "text",
            "--year",
            "2024",
            "--section",
            "tip",
            "--from-file",
            "-",
        ],
        input=b"Rapporterat i december.\n",
    )
    assert result.exit_code == 0, result.stderr
    assert texts_in(db)[0]["text"] == "Rapporterat i december."


def test_the_next_year_shows_last_years_text_marked_until_it_is_kept(
    db: Path, tmp_path: Path
) -> None:
    source = write(tmp_path / "t.txt", "Uppdraget.")
    ok(db, "report", "text", "--year", "2024", "--section", "uppdrag", "--from-file", source)
    shown = run(db, "report", "text", "--year", "2025", "--section", "uppdrag")
    assert shown.stdout == "Uppdraget.\n"
    assert shown.stderr == "uppdrag: Vårt uppdrag (från 2024, ej uppdaterad)\n"
    status = ok(db, "report", "status", "--year", "2025").splitlines()
    assert re.split(r"  +", status[1]) == ["uppdrag", "från 2024, ej uppdaterad", "Vårt uppdrag"]
    assert status[-1] == "0 av 11 klara för 2025."
    assert len(texts_in(db)) == 1, "reading a carried text writes nothing"
    said = ok(db, "report", "text", "--year", "2025", "--section", "uppdrag", "--keep")
    assert said == "Sparade uppdrag 2025 (klar).\n"
    assert [t["year"] for t in texts_in(db)] == [2024, 2025]


def test_edit_opens_the_editor_on_an_owner_only_file_and_saves_what_it_holds(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor(tmp_path, "printf 'Ny hemsida.\\n' > \"$1\""))
    said = ok(db, "report", "text", "--year", "2024", "--section", "hemsida", "--edit")
    assert said == "Sparade hemsida 2024 (klar).\n"
    assert texts_in(db)[0]["text"] == "Ny hemsida."
    assert (tmp_path / "mode").read_text().strip() == "600"
    assert not Path((tmp_path / "name").read_text().strip()).exists(), "the temp file is removed"


def test_visual_comes_before_editor_and_an_unchanged_file_saves_nothing(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", editor(tmp_path, "true"))
    monkeypatch.setenv("EDITOR", "false")
    before = db.read_bytes()
    said = ok(db, "report", "text", "--year", "2024", "--section", "hemsida", "--edit")
    assert said == "Texten är oförändrad; inget sparades.\n"
    assert db.read_bytes() == before


def test_own_heading_is_kept_with_the_text_and_listed(db: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "k.txt", "Kampanjen spreds.")
    ok(
        db,
        "report",
        "text",
        "--year",
        "2024",
        "--section",
        "kampanj",
        "--from-file",
        source,
        "--heading",
        "Kampanj 215",
    )
    listed = ok(db, "report", "texts", "--year", "2024")
    assert "== kampanj: Kampanj 215 (klar) ==\nKampanjen spreds.\n" in listed
    assert listed.index("== intro:") < listed.index("== kampanj:") < listed.index("== tip:")
    assert "== tip: Trafficking in persons report (tom) ==\n[Att skriva: " in listed


def test_an_empty_file_removes_the_years_text(db: Path, tmp_path: Path) -> None:
    ok(
        db,
        "report",
        "text",
        "--year",
        "2024",
        "--section",
        "tip",
        "--from-file",
        write(tmp_path / "a.txt", "Text."),
    )
    said = ok(
        db,
        "report",
        "text",
        "--year",
        "2024",
        "--section",
        "tip",
        "--from-file",
        write(tmp_path / "b.txt", "\n"),
    )
    assert said == "Ingen egen text för tip 2024 längre; delen är tom.\n"
    assert texts_in(db) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--section", "styrelse"], "Okänd textdel: 'styrelse'; välj en av intro, uppdrag"),
        (["--from-file", "/finns/inte.txt"], "Kunde inte läsa /finns/inte.txt: "),
        (["--from-file", "LATIN1"], "är inte UTF-8-text; spara den som UTF-8"),
        (["--from-file", "CONTROL"], "tip: Texten har ett styrtecken"),
        (["--edit"], "Ingen redigerare: sätt $VISUAL eller $EDITOR"),
    ],
)
def test_a_refused_text_is_one_line_and_nothing_is_written(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    (tmp_path / "latin1.txt").write_bytes("Åtgärd".encode("latin-1"))
    write(tmp_path / "control.txt", "Text \x1b[31m")
    paths = {"LATIN1": str(tmp_path / "latin1.txt"), "CONTROL": str(tmp_path / "control.txt")}
    args = [paths.get(a, a) for a in args]
    section = [] if "--section" in args else ["--section", "tip"]
    before = db.read_bytes()
    line = refused(db, "report", "text", "--year", "2024", *section, *args)
    assert message in line
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("false", "Redigeraren false avslutades med fel (1)"),
        ("finns-inte-redigerare", "Redigeraren finns-inte-redigerare kunde inte startas"),
    ],
)
def test_an_editor_that_fails_or_is_missing_saves_nothing(
    db: Path, monkeypatch: pytest.MonkeyPatch, command: str, message: str
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", command)
    before = db.read_bytes()
    line = refused(db, "report", "text", "--year", "2024", "--section", "tip", "--edit")
    assert message in line and line.endswith("Inget sparades.")
    assert db.read_bytes() == before


def test_a_bad_year_is_the_usual_usage_error(db: Path) -> None:
    line = refused(db, "report", "status", "--year", "20x4", code=2)
    assert "20x4" in line


def test_keep_without_any_text_is_refused(db: Path) -> None:
    line = refused(db, "report", "text", "--year", "2024", "--section", "tip", "--keep")
    assert line.endswith(
        "tip 2024 har ingen text att behålla; skriv den med --from-file eller --edit."
    )


def test_a_text_changed_elsewhere_during_the_edit_is_not_overwritten(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = write(tmp_path / "other.txt", "Skrivet i TUI:n.")
    elsewhere = (
        f"{sys.executable} -m secretariat_tui --db {db} report text --year 2024 --section tip "
        f"--from-file {other} > /dev/null"
    )
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor(tmp_path, f"{elsewhere}\nprintf 'Min text.' > \"$1\""))
    line = refused(db, "report", "text", "--year", "2024", "--section", "tip", "--edit")
    assert "tip 2024 ändrades någon annanstans medan du skrev; inget sparades." in line
    kept = Path(line.split("Din text finns kvar i ")[1].rstrip("."))
    assert kept.read_text(encoding="utf-8") == "Min text."
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    kept.unlink()
    assert texts_in(db)[0]["text"] == "Skrivet i TUI:n."
