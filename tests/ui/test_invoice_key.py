"""The fees screen's f: a preview of who is invoiced, a question, the files, the dialog."""

from __future__ import annotations

from typing import Any

import docx
from textual.pilot import Pilot
from textual.widgets import Static

from secretariat_tui.domain.settings import Settings
from secretariat_tui.store.invoices import InvoiceRepository
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.store.user_config import load_user_config
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.association_form import AssociationForm
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.fees import FeesScreen
from tests.ui.helpers import TODAY, error_text, file_message, focus_field, replace_text

SIZE = (80, 24)
UNPAID = "Föreningen Fyrljuset Karlskrona"  # owes the demo's current year


def question(app: SecretariatApp) -> str:
    return str(app.screen.query_one(".question", Static).render())


async def open_fees(app: SecretariatApp, pilot: Pilot[Any]) -> None:
    await pilot.press("2")
    assert isinstance(app.screen, FeesScreen)


async def test_f_previews_asks_writes_the_files_and_records_the_invoices(
    app: SecretariatApp,
) -> None:
    folder = load_user_config().export_folder
    async with app.run_test(size=SIZE) as pilot:
        await open_fees(app, pilot)
        owing = [r for r in app.screen.year_rows() if r.owes]
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmScreen)
        asked = question(app)
        assert f"{len(owing)} medlemmar faktureras för {TODAY.year}" in asked
        assert UNPAID in asked and str(folder) in asked
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        told = file_message(app)
        assert told.startswith(f"Gjorde {len(owing)} fakturor (1–{len(owing)})")
        assert str(folder / "faktura-0001.docx") in told
        await pilot.press("enter")
        assert isinstance(app.screen, FeesScreen)
    stored = InvoiceRepository(app.database).all()
    assert [i.number for i in stored] == list(range(1, len(owing) + 1))
    combined = folder / f"fakturor-{TODAY.year}-0001-{len(owing):04d}.docx"
    text = "\n".join(p.text for p in docx.Document(str(combined)).paragraphs)
    assert UNPAID in text and "Bankgiro: 991-2346" in text


async def test_no_is_nothing_made(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_fees(app, pilot)
        await pilot.press("f", "n")
        assert isinstance(app.screen, FeesScreen)
    assert InvoiceRepository(app.database).all() == []
    assert not load_user_config().export_folder.exists()


async def test_a_second_f_says_everyone_is_invoiced(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_fees(app, pilot)
        await pilot.press("f", "j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter", "f")
        await pilot.pause()
        assert isinstance(app.screen, FeesScreen), "no question when no one is left"
        assert any("Ingen att fakturera" in n.message for n in app._notifications)


async def test_without_a_bankgiro_f_says_what_to_fill_in_and_asks_nothing(
    app: SecretariatApp,
) -> None:
    settings = SettingsRepository(app.database)
    settings.save(Settings(name=settings.get().name))
    async with app.run_test(size=SIZE) as pilot:
        await open_fees(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        told = file_message(app, failed=True)
        assert "Bankgiro eller plusgiro saknas" in told and "f på översikten" in told
    assert InvoiceRepository(app.database).all() == []


async def test_the_association_form_holds_the_payment_details_checked(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("0", "f")
        assert isinstance(app.screen, AssociationForm)
        await replace_text(pilot, "bankgiro", "5402-9682")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AssociationForm), "a wrong check digit is not saved"
        assert "Kontrollsiffran i bankgironumret" in error_text(app, "bankgiro")
        await replace_text(pilot, "bankgiro", "54029681")
        await replace_text(pilot, "terms_days", "20")
        await focus_field(pilot, "smtp_host")
        await replace_text(pilot, "smtp_host", "smtp.example.se")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, AssociationForm)
    saved = SettingsRepository(app.database).get()
    assert (saved.bankgiro, saved.terms_days, saved.smtp_host) == (
        "5402-9681",
        20,
        "smtp.example.se",
    )
    assert saved.address == "Box 4711, 116 91 Stockholm", "the other details are kept"
