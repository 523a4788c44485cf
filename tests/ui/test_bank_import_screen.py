"""The bank file on the fees screen (g): lines matched, confirmed or assigned, then saved."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.bank_import import AssignForm, BankImportScreen
from secretariat_tui.ui.screens.fees import FeesScreen
from secretariat_tui.ui.screens.transfer import ColumnsForm, OpenFileForm
from tests.imports.bgmax_files import (
    deposit,
    end,
    file_bytes,
    name,
    opening,
    payment,
    start,
)
from tests.ui.helpers import TODAY, choose, notices, shown_row
from tests.ui.test_fees_screen import STATUS, UNPAID_2026, payments_of

SIZE = (100, 30)
OTHER = "Roks"


def bank_file(tmp_path: Path, *, total: int = 161230) -> Path:
    """1 600 kr from the unpaid member by its name, and 12,30 kr from someone unknown."""
    records = [
        start(),
        opening(),
        payment(160000, "Medlemsavgift", "000000000101", reference_code=1),
        name("FÖRENINGEN FYRLJUSET KARLSKRONA"),
        payment(1230, "", "000000000102", reference_code=0),
        name("Okänd Åkare"),
        deposit(TODAY.strftime("%Y%m%d"), 1, total, 2),
        end(2, 0, 0, 1),
    ]
    path = tmp_path / "bgmax.txt"
    path.write_bytes(file_bytes(records))
    return path


async def open_bank_file(pilot: Pilot[None], path: Path) -> None:
    await pilot.press("2", "g")
    assert isinstance(pilot.app.screen, OpenFileForm)
    pilot.app.screen.query_one("#field-path", Input).value = str(path)
    await pilot.press("ctrl+s")


def cells(app: SecretariatApp, row: int) -> list[str]:
    return [str(cell) for cell in app.screen.query_one(DataTable).get_row_at(row)]


async def test_a_probable_line_is_saved_only_once_confirmed_and_an_unknown_one_once_assigned(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_bank_file(pilot, bank_file(tmp_path))
        screen = app.screen
        assert isinstance(screen, BankImportScreen)
        first, second = cells(app, 0), cells(app, 1)
        assert first[0] == "" and first[5] == UNPAID_2026 and first[6] == "Trolig"
        assert second[5] == "" and second[6] == "Ej matchad"
        why = str(screen.query_one("#bank-why", Static).render())
        assert f"namnet ”{UNPAID_2026}”" in why
        assert screen.check_action("save", ()) is False  # nothing is taken unasked

        await pilot.press("space")
        assert cells(app, 0)[0] == "✓"
        await pilot.press("down", "m")
        assert isinstance(app.screen, AssignForm)
        app.screen.query_one("#field-member").focus()
        await choose(pilot, next(label for label in labels(app) if label.startswith(OTHER)))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, BankImportScreen)
        assert cells(app, 1)[0] == "✓" and cells(app, 1)[5] == OTHER
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, FeesScreen)
        [paid] = payments_of(app, UNPAID_2026, TODAY.year)
        assert (paid.amount, paid.paid_on) == (Decimal("1600.00"), TODAY)
        assert [p.amount for p in payments_of(app, OTHER, TODAY.year)][-1] == Decimal("12.30")
        assert shown_row(app, UNPAID_2026)[STATUS] == "Betald"
        assert any("Registrerade 2 betalningar" in n for n in notices(app))


def labels(app: SecretariatApp) -> list[str]:
    form = app.screen
    assert isinstance(form, AssignForm)
    return [label for label, _ in form.options_for(form.FIELD)]


async def test_the_same_file_again_shows_its_lines_as_already_imported(
    app: SecretariatApp, tmp_path: Path
) -> None:
    path = bank_file(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_bank_file(pilot, path)
        await pilot.press("space", "ctrl+s")
        assert len(payments_of(app, UNPAID_2026, TODAY.year)) == 1
        await pilot.press("g")
        app.screen.query_one("#field-path", Input).value = str(path)
        await pilot.press("ctrl+s")

        screen = app.screen
        assert isinstance(screen, BankImportScreen)
        assert cells(app, 0)[6] == "Redan inläst"
        assert screen.check_action("take", ()) is False
        await pilot.press("space", "escape")
        assert len(payments_of(app, UNPAID_2026, TODAY.year)) == 1


async def test_a_broken_file_is_refused_with_its_line_and_nothing_is_saved(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_bank_file(pilot, bank_file(tmp_path, total=161231))

        assert not isinstance(app.screen, BankImportScreen)
        [error] = notices(app, "error")
        assert "Rad 7:" in error and "Inget sparades." in error
        assert payments_of(app, UNPAID_2026, TODAY.year) == []


async def test_a_csv_with_unknown_headings_asks_which_is_which_and_remembers_it(
    app: SecretariatApp, tmp_path: Path
) -> None:
    path = tmp_path / "bank.csv"
    day = TODAY.isoformat()
    path.write_text(f"Bokf.dag;Pengar;Info\n{day};1600;{UNPAID_2026}\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_bank_file(pilot, path)
        assert isinstance(app.screen, ColumnsForm)
        for field, column in (("h0", "Datum"), ("h1", "Belopp"), ("h2", "Text")):
            app.screen.query_one(f"#field-{field}").focus()
            await choose(pilot, column)
        await pilot.press("ctrl+s")

        assert isinstance(app.screen, BankImportScreen)
        assert cells(app, 0)[5] == UNPAID_2026 and cells(app, 0)[6] == "Trolig"
        await pilot.press("space", "ctrl+s")
        assert len(payments_of(app, UNPAID_2026, TODAY.year)) == 1

        again = tmp_path / "next.csv"
        again.write_text(f"Bokf.dag;Pengar;Info\n{day};5;Okänd\n", encoding="utf-8")
        await pilot.press("g")
        app.screen.query_one("#field-path", Input).value = str(again)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, BankImportScreen)  # read as before, not asked again
        assert cells(app, 0)[3] == "5 kr"
