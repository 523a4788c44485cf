"""`export report` and its files: the format from the name, a contradicting --format refused,
the replace question, the years the register covers, and the Word template (--template and
the report-template setting)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from secretariat_tui.store.user_config import load_user_config
from tests.cli.calendar_helpers import ok, refused
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401
from tests.exports.word_templates import BODY, HEADER, own_template

REPORT = ("export", "report", "--year", "2024")
COVERED = f"Registret omfattar 2017–{max(2026, date.today().year)}"
"""The demo's first record is a member who joined in 2017; its last are 2026's."""


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return copy_of_demo(folder)


def is_word(path: Path) -> bool:
    return path.read_bytes().startswith(b"PK")


# --- the format follows the name ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("utkast.md", "# Verksamhetsberättelse 2024"),
        ("utkast.txt", "Verksamhetsberättelse 2024\n==="),
    ],
)
def test_without_format_the_name_ending_decides(
    demo: Path, tmp_path: Path, name: str, starts: str
) -> None:
    target = tmp_path / name
    ok(demo, *REPORT, "-o", str(target))
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_a_name_ending_in_docx_is_a_word_file_without_format(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "utkast.docx"
    assert ok(demo, *REPORT, "-o", str(target)) == f"Skrev hela utkastet till {target}.\n"
    assert Document(io.BytesIO(target.read_bytes())).paragraphs[0].text == (
        "Verksamhetsberättelse 2024"
    )


def test_standard_out_is_markdown(demo: Path) -> None:
    first = ok(demo, *REPORT, "--section", "members").splitlines()[0]
    assert first.startswith("#") and first.endswith(" Medlemskap"), "a Markdown heading"


@pytest.mark.parametrize(
    ("fmt", "name"), [("docx", "x.txt"), ("md", "x.docx"), ("txt", "x.md"), ("docx", "x.csv")]
)
def test_a_format_that_contradicts_the_name_is_refused_naming_both(
    demo: Path, tmp_path: Path, fmt: str, name: str
) -> None:
    target = tmp_path / name
    line = refused(demo, *REPORT, "--format", fmt, "-o", str(target))
    assert f"--format {fmt} passar inte filnamnet {target}" in line
    assert line.endswith("Inget skrevs.") and "\n" not in line
    assert not target.exists()


def test_a_name_the_program_does_not_write_keeps_the_format_asked_for(
    demo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "utkast.rapport"
    ok(demo, *REPORT, "--format", "docx", "-o", str(target))
    assert is_word(target)


def test_an_existing_report_is_replaced_only_with_force(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "utkast.docx"
    target.write_bytes(b"last year's draft")
    line = refused(demo, *REPORT, "-o", str(target))
    assert f"Filen {target} finns redan; inget skrevs." in line
    assert target.read_bytes() == b"last year's draft"
    ok(demo, *REPORT, "-o", str(target), "--force")
    assert is_word(target)


# --- the years the register covers --------------------------------------------------------------


@pytest.mark.parametrize("year", ["1900", "2016", "2099"])
def test_a_year_outside_the_registers_records_is_refused_with_its_range(
    demo: Path, tmp_path: Path, year: str
) -> None:
    target = tmp_path / "utkast.md"
    line = refused(demo, "export", "report", "--year", year, "-o", str(target))
    assert line == f"Error: {COVERED}; det finns inget att berätta om {year}. Inget skrevs."
    assert not target.exists()


def test_the_first_year_of_the_register_can_be_reported_on(demo: Path) -> None:
    assert ok(demo, "export", "report", "--year", "2017", "--section", "members")


# --- the Word template --------------------------------------------------------------------------


def test_the_draft_is_built_on_the_template_given(demo: Path, tmp_path: Path) -> None:
    template, target, mine = tmp_path / "mall.docx", tmp_path / "utkast.docx", own_template()
    template.write_bytes(mine)
    ok(demo, *REPORT, "--template", str(template), "-o", str(target))
    document = Document(io.BytesIO(target.read_bytes()))
    assert document.sections[0].header.paragraphs[0].text == HEADER
    assert BODY not in [p.text for p in document.paragraphs]
    assert template.read_bytes() == mine, "the template itself is never written"


def _not_word(tmp_path: Path) -> Path:
    fake = tmp_path / "mall.docx"
    fake.write_bytes(b"%PDF-1.7 not a Word file")
    return fake


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mapp.docx"
    folder.mkdir()
    return folder


def _pdf_name(tmp_path: Path) -> Path:
    named = tmp_path / "mall.pdf"
    named.write_bytes(own_template())
    return named


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: tmp / "saknas.docx", "saknas.docx finns inte."),
        (_pdf_name, "mall.pdf är ingen Word-fil (.docx)."),
        (_not_word, "mall.docx är ingen Word-fil (.docx) som går att bygga på."),
        (_folder, "mapp.docx är en mapp, ingen Word-fil."),
    ],
    ids=["missing", "not named .docx", "not a Word file", "a folder"],
)
def test_a_template_that_cannot_be_used_is_refused_in_one_line(
    demo: Path, tmp_path: Path, make: object, says: str
) -> None:
    template = make(tmp_path)  # type: ignore[operator]
    target = tmp_path / "utkast.docx"
    line = refused(demo, *REPORT, "--template", str(template), "-o", str(target))
    assert line.startswith("Error: --template: ") and says in line
    assert line.endswith("Inget skrevs.") and "\n" not in line
    assert not target.exists()


def test_a_template_with_markdown_is_refused_rather_than_ignored(
    demo: Path, tmp_path: Path
) -> None:
    template = tmp_path / "mall.docx"
    template.write_bytes(own_template())
    line = refused(demo, *REPORT, "--template", str(template), "-o", str(tmp_path / "x.md"))
    assert "--template gäller bara Word (--format docx), inte md" in line
    assert not (tmp_path / "x.md").exists()


def test_the_template_setting_is_used_until_cleared(demo: Path, tmp_path: Path) -> None:
    template, target = tmp_path / "mall.docx", tmp_path / "utkast.docx"
    template.write_bytes(own_template())
    said = ok(demo, "settings", "set", "report-template", str(template))
    assert said.startswith(f"Sparade report-template: {template} –")
    assert load_user_config().report_template == template
    assert f"report-template: {template} –" in ok(demo, "settings", "show")
    ok(demo, *REPORT, "-o", str(target))
    assert Document(io.BytesIO(target.read_bytes())).sections[0].header.paragraphs[0].text == (
        HEADER
    )
    ok(demo, "settings", "set", "report-template", "")
    assert load_user_config().report_template is None
    assert "report-template: (programmets mall) –" in ok(demo, "settings", "show")
    ok(demo, *REPORT, "-o", str(target), "--force")
    assert Document(io.BytesIO(target.read_bytes())).sections[0].header.paragraphs[0].text == ""


def test_a_template_that_is_no_word_file_is_not_saved_as_the_setting(
    demo: Path, tmp_path: Path
) -> None:
    line = refused(demo, "settings", "set", "report-template", str(_not_word(tmp_path)))
    assert "ingen Word-fil" in line and line.endswith("Inget sparades.")
    assert load_user_config().report_template is None


def test_a_setting_whose_file_is_gone_names_the_setting(demo: Path, tmp_path: Path) -> None:
    template, target = tmp_path / "mall.docx", tmp_path / "utkast.docx"
    template.write_bytes(own_template())
    ok(demo, "settings", "set", "report-template", str(template))
    template.unlink()
    line = refused(demo, *REPORT, "-o", str(target))
    assert line.startswith("Error: report-template (inställningen; ändra med settings set ")
    assert "mall.docx finns inte." in line and not target.exists()


def test_the_template_given_wins_over_the_setting(demo: Path, tmp_path: Path) -> None:
    gone, given, target = tmp_path / "gammal.docx", tmp_path / "ny.docx", tmp_path / "u.docx"
    gone.write_bytes(own_template())
    ok(demo, "settings", "set", "report-template", str(gone))
    gone.unlink()
    given.write_bytes(own_template())
    ok(demo, *REPORT, "--template", str(given), "-o", str(target))
    assert is_word(target)
