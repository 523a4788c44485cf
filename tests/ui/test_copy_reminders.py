"""Copying the reminder list by keys: c hands the text to a clipboard program and says so,
e gives the unpaid members' addresses alone for Bcc, and where no clipboard is reachable the
message says that and points to saving a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from secretariat_tui.exports import fees_listing
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.ui.helpers import TODAY, notices

SIZE = (80, 24)
CAT = shutil.which("cat")


@pytest.fixture
def xclip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An X11 session whose only clipboard program is a script recording its stdin there."""
    folder, received = tmp_path / "bin", tmp_path / "xclip.in"
    folder.mkdir()
    script = folder / "xclip"
    script.write_text(f'#!/bin/sh\n{CAT} > "{received}"\n')
    script.chmod(0o755)
    nowhere(monkeypatch)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("DISPLAY", ":0")
    return received


def nowhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """No display, no tmux, no screen, nothing on PATH."""
    for name in ("WAYLAND_DISPLAY", "DISPLAY", "TMUX", "STY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PATH", "")


def shown(app: SecretariatApp) -> str:
    return str(app.screen.query_one("#preview-text", Static).render())


def owing_2026(app: SecretariatApp) -> list[fees_listing.MemberYear]:
    return fees_listing.owing(FeeLedger.of(app.database).year_rows(TODAY.year))


async def copy(app: SecretariatApp, pilot: Pilot[None]) -> None:
    """c, then wait for the clipboard programs (they run in a thread) and the message."""
    await pilot.press("c")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_c_copies_the_reminder_text_to_the_system_clipboard_and_says_so(
    app: SecretariatApp, xclip: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "r")
        assert isinstance(app.screen, TextPreviewScreen)
        await copy(app, pilot)
        assert xclip.read_text(encoding="utf-8") == shown(app)
        assert notices(app, "information")[-1] == "Kopierade texten till urklipp."


async def test_without_any_clipboard_c_says_it_could_not_and_offers_a_file(
    app: SecretariatApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    nowhere(monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "r")
        await copy(app, pilot)
        message = notices(app, "warning")[-1]
        assert message.startswith("Kunde inte kopiera texten")
        assert "Spara som fil med s" in message
        assert app.clipboard == shown(app)  # still there to paste inside the program


async def test_e_shows_the_bcc_line_and_who_has_no_address_and_c_copies_the_line_alone(
    app: SecretariatApp, xclip: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        owing = owing_2026(app)
        line = fees_listing.bcc_line(owing)
        missing = fees_listing.without_email(owing)
        assert line and missing, "the demo's 2026 has unpaid members with and without e-mail"

        await pilot.press("2", "e")
        assert isinstance(app.screen, TextPreviewScreen)
        text = shown(app)
        assert text.startswith(f"{line}\n")
        assert f"utan e-post: {', '.join(missing)}" in text

        await copy(app, pilot)
        assert xclip.read_text(encoding="utf-8") == line
        count = len(fees_listing.bcc_addresses(owing))
        assert notices(app, "information")[-1] == f"Kopierade {count} adresser till urklipp."
