"""The fees screen's reminders by e-mail: r, m shows every message; y and a yes send them in a
worker to a real SMTP server on 127.0.0.1; the result in a dialog; the sends recorded, so
the next preview skips them. e saves them as .eml files in the export folder instead."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from textual.widgets import Static

from secretariat_tui.domain.mail import MailKind
from secretariat_tui.domain.settings import SmtpSecurity
from secretariat_tui.store.database import Database, open_database
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.mail import SentMailRecord
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.fee_mail import MailMessageScreen, MailPreviewScreen
from secretariat_tui.ui.screens.save_as import export_folder
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.mail.smtp_server import AUTH_WITHOUT_TLS, USER, SmtpTestServer
from tests.ui.helpers import DEMO, TODAY

pytestmark = pytest.mark.filterwarnings(AUTH_WITHOUT_TLS)

SIZE = (80, 24)
UNPAID = "Föreningen Fyrljuset Karlskrona"  # owes for the demo's 2026


@pytest.fixture
def demo_db(tmp_path: Path, smtp_server: SmtpTestServer) -> Iterator[Database]:
    copy = tmp_path / "demo" / "kansliet.json"
    copy.parent.mkdir()
    shutil.copyfile(DEMO, copy)
    with open_database(copy) as db:
        settings = SettingsRepository(db)
        settings.save(
            replace(
                settings.get(),
                sender_email="kansli@plattformen.se",
                smtp_host=smtp_server.host,
                smtp_port=smtp_server.port,
                smtp_security=SmtpSecurity.NONE,
                smtp_user=USER,
            )
        )
        yield db


@pytest.fixture
def app(demo_db: Database) -> SecretariatApp:
    return SecretariatApp(demo_db, today=TODAY, start="members")


def preview_text(app: SecretariatApp) -> str:
    assert isinstance(app.screen, MailPreviewScreen)
    return str(app.screen.query_one("#mail-preview-text", Static).render())


async def test_r_m_previews_y_sends_and_the_next_preview_skips_them(
    app: SecretariatApp, demo_db: Database, smtp_server: SmtpTestServer
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "r")
        assert isinstance(app.screen, TextPreviewScreen)
        await pilot.press("m")
        text = preview_text(app)
        assert f"Till: {UNPAID} <" in text
        assert f"Ämne: Påminnelse: medlemsavgift {TODAY.year}" in text
        assert isinstance(app.screen, MailPreviewScreen)
        count = len(app.screen.run.messages)
        assert count > 0

        await pilot.press("y")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MailMessageScreen) and not app.screen.failed
        assert app.screen.lines[0] == f"Skickade {count} av {count} e-brev."
        await pilot.press("enter")

        assert len(smtp_server.arrived) == count
        names = {a.message["To"].addresses[0].display_name for a in smtp_server.arrived}
        assert UNPAID in names
        sent = SentMailRecord(demo_db).for_year(MailKind.REMINDER, TODAY.year)
        assert len(sent) == count

        await pilot.press("escape", "r", "m")
        assert "Redan skickad (påminnelse" in preview_text(app)
        assert "Inga påminnelser att skicka" in preview_text(app)


async def test_e_saves_eml_files_in_the_export_folder_and_sends_nothing(
    app: SecretariatApp, demo_db: Database, smtp_server: SmtpTestServer
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "m")
        assert isinstance(app.screen, MailPreviewScreen)
        count = len(app.screen.run.messages)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MailMessageScreen) and not app.screen.failed
        folder = export_folder().expanduser() / f"påminnelse-{TODAY.year}"
        assert app.screen.lines[0] == f"{count} .eml-filer i {folder}."
    files = sorted(folder.glob("*.eml"))
    assert len(files) == count
    parsed = [message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
    assert UNPAID in {p["To"].addresses[0].display_name for p in parsed}
    assert smtp_server.arrived == []
    assert SentMailRecord(demo_db).for_year(MailKind.REMINDER, TODAY.year) == []


async def test_f_invoices_then_shift_m_mails_each_invoice_with_its_word_file(
    app: SecretariatApp, demo_db: Database, smtp_server: SmtpTestServer
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "f")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # the files written
        invoices = InvoiceRepository(demo_db).for_year(TODAY.year)
        assert invoices

        await pilot.press("M")
        text = preview_text(app)
        assert f"Ämne: Faktura: medlemsavgift {TODAY.year}" in text
        assert f"Bilaga: faktura-{invoices[0].number:04d}.docx" in text
        assert isinstance(app.screen, MailPreviewScreen)
        count = len(app.screen.run.messages)
        assert 0 < count < len(invoices), "the member without an address is listed, not mailed"
        await pilot.press("y", "j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MailMessageScreen) and not app.screen.failed

    assert len(smtp_server.arrived) == count
    for arrived in smtp_server.arrived:
        [attachment] = arrived.message.iter_attachments()
        assert attachment.get_filename().startswith("faktura-")
    assert len(SentMailRecord(demo_db).for_year(MailKind.INVOICE, TODAY.year)) == count
