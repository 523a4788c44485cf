"""The fees screen driven by keys at 80×24: a year's status, recording and deleting payments."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Static

from secretariat_tui.domain.fees import Payment
from secretariat_tui.store.database import open_database
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository
from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.fees import FeesScreen
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.screens.member_payments import MemberPaymentsScreen
from secretariat_tui.ui.screens.payment_forms import AgreementForm, PaymentForm
from secretariat_tui.ui.screens.save_as import SaveAsForm
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from tests.ui.helpers import (
    TODAY,
    choose,
    error_text,
    field_value,
    file_message,
    focus_field,
    highlight,
    shown_names,
    shown_row,
    status_line,
    type_text,
)

SIZE = (80, 24)
UNPAID_2026 = "Föreningen Fyrljuset Karlskrona"  # full member, nothing paid in the demo's 2026
STATUS = 4


def payments_of(app: SecretariatApp, name: str, year: int) -> list[Payment]:
    """``name``'s payments for ``year`` read back from a copy of the file, as after a restart."""
    copy = app.database.path.with_name("reread.json")
    copy.write_bytes(app.database.path.read_bytes())
    with open_database(copy) as db:
        member_id = next(m.id for m in MemberRepository(db).all() if m.name == name)
        payments = PaymentRepository(db).all()
    return [p for p in payments if p.member_id == member_id and p.fee_year == year]


async def test_key_2_shows_this_years_fees_and_1_goes_back_to_members(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, FeesScreen)
        assert app.screen.year == TODAY.year
        assert status_line(app).startswith(f"År {TODAY.year} · 27 medlemmar · ")
        assert shown_row(app, UNPAID_2026)[STATUS] == "Obetald"
        await pilot.press("1")
        assert not isinstance(app.screen, FeesScreen)


async def test_recording_a_payment_by_keys_stores_it_and_marks_the_member_paid(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await highlight(pilot, UNPAID_2026)
        await pilot.press("b")
        assert isinstance(app.screen, PaymentForm)
        assert field_value(app, "amount") == "1600"  # what is outstanding
        assert field_value(app, "paid_on") == TODAY.isoformat()
        await pilot.press("tab", "tab")
        await type_text(pilot, "BG 2026-031")
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, FeesScreen)
        [payment] = payments_of(app, UNPAID_2026, TODAY.year)
        assert (payment.amount, payment.paid_on, payment.reference) == (
            Decimal("1600.00"),
            TODAY,
            "BG 2026-031",
        )
        assert shown_row(app, UNPAID_2026)[STATUS] == "Betald"


async def test_a_paid_year_offers_no_amount_so_one_ctrl_s_cannot_pay_it_twice(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "less_than_sign", "less_than_sign")  # 2024: all 27 paid
        paid = shown_names(app)[0]
        before = payments_of(app, paid, 2024)
        await pilot.press("b")
        assert isinstance(app.screen, PaymentForm)
        assert field_value(app, "amount") == ""
        assert "redan betald" in str(app.screen.query_one(".intro", Static).render())
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PaymentForm)  # an amount is required
        assert payments_of(app, paid, 2024) == before


async def test_a_partial_payment_shows_what_is_left(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await highlight(pilot, UNPAID_2026)
        await pilot.press("b")
        await type_text(pilot, "600")  # the pre-filled amount is selected: typing replaces it
        await pilot.press("ctrl+s")
        assert shown_row(app, UNPAID_2026)[STATUS] == "Kvar 1 000 kr"


async def test_a_bad_amount_is_explained_beside_the_field_and_nothing_is_stored(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await highlight(pilot, UNPAID_2026)
        await pilot.press("b")
        await type_text(pilot, "femhundra")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PaymentForm)
        assert "är inget belopp" in error_text(app, "amount")
        assert payments_of(app, UNPAID_2026, TODAY.year) == []


async def test_year_keys_show_2024_where_all_27_paid_and_o_shows_only_those_who_owe(
    app: SecretariatApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "less_than_sign", "less_than_sign")
        assert app.screen.year == TODAY.year - 2 == 2024
        assert status_line(app) == "År 2024 · 27 medlemmar · 27 betalda · 0 obetalda (0 kr kvar)"
        await pilot.press("greater_than_sign", "greater_than_sign", "o")
        owing = shown_names(app)
        assert UNPAID_2026 in owing
        assert all(shown_row(app, name)[STATUS] != "Betald" for name in owing)
        assert len(owing) < 27


async def test_deleting_a_payment_asks_first_and_then_removes_it(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await highlight(pilot, UNPAID_2026)
        await pilot.press("b", "ctrl+s", "enter")
        assert isinstance(app.screen, MemberPaymentsScreen)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(payments_of(app, UNPAID_2026, TODAY.year)) == 1
        await pilot.press("d", "j")
        assert payments_of(app, UNPAID_2026, TODAY.year) == []
        await pilot.press("escape")
        assert shown_row(app, UNPAID_2026)[STATUS] == "Obetald"


async def test_register_keys_do_nothing_inside_a_dialog(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, MemberForm)
        app.screen.query_one("#save").focus()  # not a text field: the digit reaches the app
        await pilot.press("2")
        assert isinstance(app.screen, MemberForm)


async def test_r_shows_the_reminder_list_and_s_saves_it_for_excel_owner_only(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "r")
        assert isinstance(app.screen, TextPreviewScreen)
        text = str(app.screen.query_one("#preview-text", Static).render())
        assert UNPAID_2026 in text
        assert "saknar e-post" in text

        await pilot.press("s")
        assert isinstance(app.screen, SaveAsForm)
        await focus_field(pilot, "format")
        await choose(pilot, "CSV för Excel (.csv)")
        assert field_value(app, "path").endswith(f"paminnelser-{TODAY.year}.csv")
        target = tmp_path / "påminnelser.csv"
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(target) in file_message(app)
        await pilot.press("enter")
        assert isinstance(app.screen, TextPreviewScreen), "back to the text, to copy it too"
        data = target.read_bytes()
        assert data.startswith("\ufeffNamn;Kontaktperson;E-post".encode())
        assert UNPAID_2026.encode() in data
        assert target.stat().st_mode & 0o777 == 0o600


async def test_saving_into_a_missing_folder_says_so_beside_the_path(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "r", "s")
        missing = tmp_path / "finns-inte" / "lista.txt"
        app.screen.query_one("#field-path", Input).value = str(missing)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SaveAsForm)
        assert "finns inte" in error_text(app, "path")
        assert not missing.parent.exists()


async def test_a_sets_an_exemption_and_back_to_the_schedule(app: SecretariatApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await highlight(pilot, UNPAID_2026)
        await pilot.press("a")
        assert isinstance(app.screen, AgreementForm)
        await choose(pilot, "Befriad från avgiften")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Styrelsebeslut")
        await pilot.press("ctrl+s")
        assert shown_row(app, UNPAID_2026)[STATUS] == "Befriad"

        await pilot.press("a")
        await choose(pilot, "Avtalat belopp")
        await pilot.press("tab")
        await type_text(pilot, "-5")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AgreementForm)
        assert "negativt" in error_text(app, "amount")

        await focus_field(pilot, "basis")
        await choose(pilot, "Enligt taxan")
        await pilot.press("ctrl+s")
        assert shown_row(app, UNPAID_2026)[STATUS] == "Obetald"
