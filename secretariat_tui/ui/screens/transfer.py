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
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Field
from secretariat_tui.imports.csv_dialect import CsvFormatError, ImportPlan
from secretariat_tui.imports.ics_calendar import IcsFormatError, ics_plan_report, plan_ics_import
from secretariat_tui.imports.plan_report import PlanReport, plan_report
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.save_as import (
    PATH_FIELD,
    Rendering,
    SaveAsForm,
    default_folder,
)
from secretariat_tui.ui.widgets.record_form import RecordForm

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


CSV_INTRO = (
    "Excels ”CSV UTF-8” och ”CSV (semikolonavgränsad)” läses båda, med ; eller ,. Inget "
    "sparas förrän du har sett förhandsgranskningen, som visar hur filen lästes."
)


class OpenFileForm(RecordForm[tuple[Path, bytes]]):
    SAVE_LABEL = "Förhandsgranska"

    def __init__(self, title: str, intro: str = CSV_INTRO) -> None:
        super().__init__(title, {"path": str(default_folder()) + "/"}, intro)

    def form_fields(self) -> Sequence[Field]:
        return (PATH_FIELD,)

    def build(self, values: dict[str, str]) -> tuple[Path, bytes]:
        path = Path(values["path"].strip()).expanduser()
        try:
            return path, path.read_bytes()
        except OSError as err:
            raise FieldErrors({"path": f"{path} kan inte läsas: {os_reason(err)}."}) from None


class ImportPreviewScreen(ModalScreen[bool | None]):
    """Dismisses True to write what the plan would write (the good rows), None to cancel."""

    BINDINGS = bindings(
        Command("i", "write", "Importera", "Spara de nya raderna", id="write"),
        Command("escape", "cancel", "Avbryt", "Spara ingenting", id="cancel"),
    )

    def __init__(self, report: PlanReport, *, to_write: int, bad: int = 0) -> None:
        super().__init__()
        self._report, self.to_write, self.bad = report, to_write, bad

    def compose(self) -> ComposeResult:
        text = "\n".join(escape(line) for line in self._report.lines)
        if self._report.errors:
            errors = "\n".join(f"[red]{escape(e)}[/red]" for e in self._report.errors)
            bad = self.bad
            rows = "felaktig rad sparas" if bad == 1 else "felaktiga rader sparas"
            choice = (
                "Tryck i för att importera bara de felfria raderna, eller esc och rätta filen."
                if self.to_write
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
            return bool(self.to_write)
        return True

    def action_write(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_export(app: App[object], transfer: CsvTransfer[T], protected: Path) -> None:
    rendering = Rendering("CSV för Excel (.csv)", ".csv", transfer.export_bytes)
    form = SaveAsForm(transfer.stem, [rendering], protected=protected, what=transfer.what)
    app.push_screen(form)  # the form says where it wrote


def preview_then_write(
    app: App[object],
    preview: ImportPreviewScreen,
    *,
    write: Callable[[], object],
    written: str,
    done: Callable[[], None],
) -> None:
    """Show the preview; on yes write (one atomic save) and say ``written``, else nothing."""

    def confirmed(yes: bool | None) -> None:
        if not yes:
            app.notify("Importen avbröts; inget sparades.")
            return
        try:
            write()
        except StoreError as err:
            app.notify(escape(str(err)), severity="error", timeout=15)
            return
        app.notify(escape(written))
        done()

    app.push_screen(preview, confirmed)


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

        skipped = " (de felaktiga raderna hoppades över)" if plan.errors else ""
        preview_then_write(
            app,
            ImportPreviewScreen(
                plan_report(plan, str(path), transfer.describe),
                to_write=len(plan.new),
                bad=len(plan.bad_lines),
            ),
            write=lambda: transfer.write(plan.items),
            written=f"Importerade {transfer.what}: {plan.summary()}{skipped}.",
            done=done,
        )

    app.push_screen(OpenFileForm(f"Importera {transfer.what} från CSV"), opened)


ICS_INTRO = (
    "En kalenderfil (.ics) från Outlook, Google Kalender eller Thunderbird. Samma händelse "
    "igen (samma UID) uppdaterar aktiviteten i stället för att dubblera den. Inget sparas "
    "förrän du har sett förhandsgranskningen."
)


def start_ics_import(
    app: App[object], calendar: CalendarRepository, done: Callable[[], None]
) -> None:
    """File → plan → preview → (on yes) one atomic save of added and updated activities."""

    def opened(chosen: tuple[Path, bytes] | None) -> None:
        if chosen is None:
            return
        path, data = chosen
        owned = calendar.uids_owned_elsewhere()
        try:
            plan = plan_ics_import(data, calendar.activities.all(), elsewhere=owned)
        except IcsFormatError as err:
            app.notify(escape(f"{path}: {err} Inget sparades."), severity="error", timeout=15)
            return

        preview_then_write(
            app,
            ImportPreviewScreen(
                ics_plan_report(plan, str(path)), to_write=len(plan.added) + len(plan.updated)
            ),
            write=lambda: calendar.activities.save_many(
                plan.added, [new for _, new in plan.updated]
            ),
            written=f"Importerade kalenderfilen: {plan.summary()}.",
            done=done,
        )

    app.push_screen(OpenFileForm("Importera kalenderfil (ICS)", ICS_INTRO), opened)
