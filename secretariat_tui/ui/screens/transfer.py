"""CSV to and from Excel in the TUI: export with a save dialog, import with a preview.

An import never writes before the coordinator has seen the preview: what was detected, every
row that will be added, every bad row by line and column. With bad rows the choice is to fix
the file, or to import only the good rows (the CLI's ``--skip-bad``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from rich.markup import escape
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.imports.csv_dialect import CsvFormatError, ImportPlan
from secretariat_tui.imports.plan_report import plan_report
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.ui.screens.text_preview import Rendering, SaveAsForm, default_folder
from secretariat_tui.ui.widgets.record_form import FieldSpec, RecordForm

T = TypeVar("T")


@dataclass(frozen=True)
class CsvTransfer(Generic[T]):
    """What one register needs to go to and from Excel; the screens supply the functions."""

    what: str
    """Plural noun for messages: "medlemmar", "betalningar"."""
    stem: str
    export_bytes: Callable[[], bytes]
    plan: Callable[[bytes], ImportPlan[T]]
    describe: Callable[[T], str]
    write: Callable[[list[T]], object]


class OpenFileForm(RecordForm[tuple[Path, bytes]]):
    SAVE_LABEL = "Förhandsgranska"

    def __init__(self, what: str) -> None:
        super().__init__(
            f"Importera {what} från CSV",
            {"path": str(default_folder()) + "/"},
            "Spara från Excel som ”CSV UTF-8”; ; och , fungerar båda. Inget sparas förrän du "
            "har sett förhandsgranskningen.",
        )

    def field_specs(self) -> Sequence[FieldSpec]:
        return (FieldSpec("path", "Fil", lambda text: None if text.strip() else "Skriv en fil."),)

    def build(self, values: dict[str, str]) -> tuple[Path, bytes]:
        path = Path(values["path"].strip()).expanduser()
        try:
            return path, path.read_bytes()
        except OSError as err:
            raise FieldErrors({"path": f"{path} kan inte läsas: {os_reason(err)}."}) from None


class ImportPreviewScreen(ModalScreen[bool | None], Generic[T]):
    """Dismisses True to write the plan's new rows (the good ones), None to cancel."""

    BINDINGS = [
        Binding("i", "write", "Importera", id="write", tooltip="Spara de nya raderna"),
        Binding("escape", "cancel", "Avbryt", id="cancel", tooltip="Spara ingenting"),
    ]

    def __init__(self, plan: ImportPlan[T], source: str, describe: Callable[[T], str]) -> None:
        super().__init__()
        self.plan = plan
        self._report = plan_report(plan, source, describe)

    def compose(self) -> ComposeResult:
        text = "\n".join(escape(line) for line in self._report.lines)
        if self._report.errors:
            errors = "\n".join(f"[red]{escape(e)}[/red]" for e in self._report.errors)
            bad = len(self.plan.bad_lines)
            rows = "felaktig rad sparas" if bad == 1 else "felaktiga rader sparas"
            choice = (
                "Tryck i för att importera bara de felfria raderna, eller esc och rätta filen."
                if self.plan.new
                else "Rätta filen och försök igen."
            )
            text = f"{errors}\n\n{text}\n\n{bad} {rows} inte. {choice}"
        with Vertical(classes="dialog preview"):
            yield Static("Förhandsgranskning av importen", classes="title")
            with VerticalScroll():
                yield Static(text, id="plan-text")
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write":
            return bool(self.plan.new)
        return True

    def action_write(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_export(app: App[object], transfer: CsvTransfer[T], protected: Path) -> None:
    rendering = Rendering("CSV för Excel (.csv)", ".csv", transfer.export_bytes)

    def saved(path: Path | None) -> None:
        if path is not None:
            app.notify(f"Skrev {transfer.what} till {escape(str(path))}.")

    app.push_screen(SaveAsForm(transfer.stem, [rendering], protected=protected), saved)


def start_import(app: App[object], transfer: CsvTransfer[T], done: Callable[[], None]) -> None:
    """File → preview → (on yes) one atomic save of the new rows → ``done`` to reload."""

    def opened(chosen: tuple[Path, bytes] | None) -> None:
        if chosen is None:
            return
        path, data = chosen
        try:
            plan = transfer.plan(data)
        except CsvFormatError as err:
            app.notify(escape(f"{err} Inget sparades."), severity="error", timeout=15)
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                app.notify("Importen avbröts; inget sparades.")
                return
            try:
                transfer.write(plan.items)
            except StoreError as err:
                app.notify(escape(str(err)), severity="error", timeout=15)
                return
            skipped = " (de felaktiga raderna hoppades över)" if plan.errors else ""
            app.notify(f"Importerade {transfer.what}: {plan.summary()}{skipped}.")
            done()

        app.push_screen(ImportPreviewScreen(plan, str(path), transfer.describe), confirmed)

    app.push_screen(OpenFileForm(transfer.what), opened)
