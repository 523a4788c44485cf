"""The 2024 draft as a reader sees it: converted to PDF by LibreOffice and read back page by
page (pdftotext), with the shipped template and with a template of the user's own.

Runs only where LibreOffice and poppler are installed (Debian: libreoffice-writer,
poppler-utils); CI does not install them, so there it is skipped.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.calendar_helpers import ok
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401
from tests.exports.word_templates import BODY, FOOTER, HEADER, own_template

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and pdftotext are not installed",
)


def pages(docx: Path) -> list[str]:
    """The PDF's pages as text, converted with a profile of the test's own (a running
    LibreOffice elsewhere is neither used nor disturbed)."""
    profile = docx.parent / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = docx.with_suffix(".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def draft(tmp_path: Path, *template: str) -> list[str]:
    folder = tmp_path / "data"
    folder.mkdir()
    target = tmp_path / "utkast.docx"
    ok(copy_of_demo(folder), "export", "report", "--year", "2024", *template, "-o", str(target))
    return pages(target)


def page_of(found: list[str], text: str) -> int:
    return next(number for number, page in enumerate(found) if text in page)


def test_the_shipped_template_renders_the_whole_draft_with_page_numbers(tmp_path: Path) -> None:
    found = draft(tmp_path)
    assert found[0].lstrip().startswith("Verksamhetsberättelse 2024")
    assert [page.strip().splitlines()[-1].strip() for page in found] == [
        str(number) for number in range(1, len(found) + 1)
    ], "each page ends with its number"
    heading = page_of(found, "Löpande verksamhet (månadsvis)")
    assert page_of(found, "Januari") == heading, "the heading stays with the table"
    assert "27 betalande medlemmar" in "".join(found)


def test_an_own_template_renders_with_its_header_and_footer_on_every_page(
    tmp_path: Path,
) -> None:
    template = tmp_path / "mall.docx"
    template.write_bytes(own_template())
    found = draft(tmp_path, "--template", str(template))
    assert len(found) >= 2
    for page in found:
        assert HEADER in page and FOOTER.split(" · ")[0] in page
    assert BODY not in "".join(found)
    assert page_of(found, "Löpande verksamhet (månadsvis)") == page_of(found, "Januari")
