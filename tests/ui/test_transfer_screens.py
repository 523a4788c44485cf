"""CSV and Excel workbooks to and from the TUI: export with a save dialog, import with a preview
that shows (and lets the user correct) how the file's headings were read."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from secretariat_tui.ui.app import SecretariatApp
from secretariat_tui.ui.screens.save_as import SaveAsForm
from secretariat_tui.ui.screens.transfer import ColumnsForm, ImportPreviewScreen, OpenFileForm
from tests.imports.workbooks import workbook
from tests.ui.helpers import notices, shown_names, shown_row, stored

SIZE = (80, 24)
BOM = "\ufeff"
HEADER = "Namn;Typ;Medlemsform;Medlem sedan"


def excel_file(folder: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path = folder / "från-excel.csv"
    path.write_bytes((BOM + "\r\n".join(lines) + "\r\n").encode(encoding))
    return path


async def open_import(pilot: Pilot[None], path: Path) -> None:
    await pilot.press("i")
    assert isinstance(pilot.app.screen, OpenFileForm)
    pilot.app.screen.query_one("#field-path", Input).value = str(path)
    await pilot.press("ctrl+s")


async def test_u_exports_the_register_as_an_excel_file_only_the_owner_can_read(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        assert isinstance(app.screen, SaveAsForm)
        target = tmp_path / "medlemmar.csv"
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        data = target.read_bytes().decode("utf-8")
        assert data.startswith(BOM + "Namn;Typ;Medlemsform;")
        assert "\r\nRoks;Organisation;Fullt medlemskap;" in data
        assert target.stat().st_mode & 0o777 == 0o600


async def test_import_shows_bad_rows_first_and_escape_writes_nothing(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = excel_file(
        tmp_path,
        HEADER,
        "Föreningen Nyckeln;Organisation;Fullt medlemskap;2026-02-01",
        "Trasig;Organisation;Fullt medlemskap;2026-02-30",
    )
    before = app.database.path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        assert isinstance(app.screen, ImportPreviewScreen)
        text = str(app.screen.query_one("#plan-text", Static).render())
        assert "rad 3, kolumn Medlem sedan: Datumet 2026-02-30 finns inte" in text
        assert "ny, rad 2: Föreningen Nyckeln" in text
        await pilot.press("escape")
        assert app.database.path.read_bytes() == before
        assert "Föreningen Nyckeln" not in shown_names(app)


async def test_i_in_the_preview_imports_only_the_good_rows(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = excel_file(
        tmp_path,
        HEADER,
        "Föreningen Nyckeln;Organisation;Fullt medlemskap;2026-02-01",
        "Trasig;Organisation;Fullt medlemskap;2026-02-30",
        "Roks;Organisation;Fullt medlemskap;2017-03-21",
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        await pilot.press("i")
        members = stored(app)
        assert "Föreningen Nyckeln" in members
        assert "Trasig" not in members
        assert sum(name == "Roks" for name in members) == 1
        assert "Föreningen Nyckeln" in shown_names(app)
        assert any(
            n.startswith("Importerade medlemmar: 1 ny, 1 fanns redan, 1 fel") for n in notices(app)
        )


async def test_a_file_with_only_bad_rows_cannot_be_imported(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = excel_file(tmp_path, HEADER, "Trasig;Organisation;Fullt medlemskap;i fjol")
    before = app.database.path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        assert app.screen.check_action("write", ()) is False
        await pilot.press("i")
        assert isinstance(app.screen, ImportPreviewScreen)
        assert app.database.path.read_bytes() == before


async def test_a_file_from_swedish_excels_semicolon_csv_previews_as_windows_1252(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = tmp_path / "ansi.csv"
    source.write_bytes(
        f"{HEADER}\r\nFörening Å;Organisation;Fullt medlemskap;2026-02-01\r\n".encode("cp1252")
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        assert isinstance(app.screen, ImportPreviewScreen)
        text = str(app.screen.query_one("#plan-text", Static).render())
        assert "Windows-1252 (Excel), avgränsare semikolon (;), 1 rad." in text
        await pilot.press("i")
        assert "Förening Å" in stored(app)


async def test_a_file_neither_utf8_nor_windows_1252_is_refused_and_nothing_is_written(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = tmp_path / "okänd.csv"
    source.write_bytes(
        f"{HEADER}\r\n".encode() + b"F\x81rening;Organisation;Fullt medlemskap;2026-02-01\r\n"
    )
    before = app.database.path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        assert not isinstance(app.screen, ImportPreviewScreen)
        assert any("varken UTF-8 eller Windows-1252" in n for n in notices(app, "error"))
        assert any("CSV UTF-8" in n for n in notices(app, "error"))
        assert app.database.path.read_bytes() == before


async def test_payments_import_on_the_fees_screen_adds_the_payment(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = tmp_path / "betalningar.csv"
    source.write_bytes(
        (
            BOM
            + "Medlem;Avgiftsår;Belopp;Betaldatum;Referens\r\n"
            + "Föreningen Fyrljuset Karlskrona;2026;1 600,00;2026-05-20;BG 2026-040\r\n"
        ).encode()
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await open_import(pilot, source)
        assert isinstance(app.screen, ImportPreviewScreen)
        await pilot.press("i")
        assert shown_row(app, "Föreningen Fyrljuset Karlskrona")[4] == "Betald"


# --- Excel workbooks and a coordinator's own headings -------------------------------------------


def preview_text(app: SecretariatApp) -> str:
    assert isinstance(app.screen, ImportPreviewScreen)
    return str(app.screen.query_one("#plan-text", Static).render())


async def test_the_save_dialog_offers_excel_and_writes_a_workbook(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        assert isinstance(app.screen, SaveAsForm)
        app.screen.query_one("#field-format", Select).value = ".xlsx"
        await pilot.pause()
        target = tmp_path / "medlemmar.xlsx"
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        sheet = load_workbook(target).worksheets[0]
        assert sheet["A1"].value == "Namn"
        assert "Roks" in [row[0] for row in sheet.iter_rows(values_only=True)]
        assert target.stat().st_mode & 0o777 == 0o600


async def test_a_coordinators_workbook_previews_with_its_mapping_and_imports(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = tmp_path / "lista.xlsx"
    source.write_bytes(
        workbook(
            ("Organisation", "Kontaktperson", "E-post", "Medlemstyp"),
            ("Föreningen Nyckeln", "Åsa Öberg", "asa@nyckeln.se", "Ordinarie"),
        )
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        text = preview_text(app)
        assert "Excel-arbetsbok (.xlsx)" in text
        assert "Organisation → Namn" in text and "Medlemstyp → Medlemsform" in text
        await pilot.press("i")
        assert "Föreningen Nyckeln" in stored(app)


async def test_k_in_the_preview_says_which_column_is_which_and_previews_again(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = tmp_path / "lista.csv"
    source.write_text(
        "Organisation;Ansvarig;Medlemstyp\r\nFöreningen Nyckeln;Åsa Öberg;Fullt\r\n",
        encoding="utf-8",
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        assert "Ansvarig → ignoreras" in preview_text(app)
        await pilot.press("k")
        assert isinstance(app.screen, ColumnsForm)
        app.screen.query_one("#field-h1", Select).value = "Kontaktperson"
        await pilot.press("ctrl+s")
        assert "Ansvarig → Kontaktperson" in preview_text(app)
        await pilot.press("i")
        assert stored(app)["Föreningen Nyckeln"].contact.person == "Åsa Öberg"


async def test_a_required_column_not_found_opens_the_column_form(
    app: SecretariatApp, tmp_path: Path
) -> None:
    source = tmp_path / "lista.csv"
    source.write_text("Vem;Medlemstyp\r\nFöreningen Nyckeln;Fullt\r\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, source)
        assert any("kolumner saknas: ”Namn”" in n for n in notices(app, "error"))
        assert isinstance(app.screen, ColumnsForm)
        app.screen.query_one("#field-h0", Select).value = "Namn"
        await pilot.press("ctrl+s")
        assert "Vem → Namn" in preview_text(app)


async def test_the_reminder_list_can_be_saved_as_a_workbook(
    app: SecretariatApp, tmp_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "r", "s")
        assert isinstance(app.screen, SaveAsForm)
        app.screen.query_one("#field-format", Select).value = ".xlsx"
        await pilot.pause()
        target = tmp_path / "påminnelser.xlsx"
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        sheet = load_workbook(target).worksheets[0]
        assert [c.value for c in sheet[1]][:3] == ["Namn", "Kontaktperson", "E-post"]
        assert sheet.max_row > 1


async def test_the_column_form_choice_is_remembered_for_the_next_file(
    app: SecretariatApp, tmp_path: Path
) -> None:
    first, second = tmp_path / "maj.csv", tmp_path / "juni.xlsx"
    first.write_text(
        "Organisation;Ansvarig;Medlemstyp\r\nFöreningen Nyckeln;Åsa Öberg;Fullt\r\n",
        encoding="utf-8",
    )
    second.write_bytes(
        workbook(
            ("Ansvarig", "Organisation", "Medlemstyp"), ("Eva Ek", "Föreningen Lyktan", "Fullt")
        )
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, first)
        await pilot.press("k")
        assert isinstance(app.screen, ColumnsForm)
        app.screen.query_one("#field-h1", Select).value = "Kontaktperson"
        await pilot.press("ctrl+s")
        await pilot.press("i")
        await open_import(pilot, second)
        text = preview_text(app)
        assert "Kolumnerna läses som förra gången" in text
        assert "Ansvarig → Kontaktperson" in text
        await pilot.press("i")
        assert stored(app)["Föreningen Lyktan"].contact.person == "Eva Ek"
