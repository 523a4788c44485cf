"""CSV files and Excel workbooks in the TUI: export with a save dialog, import with a preview.

An import never writes before the coordinator has seen the preview: what was detected, how
the file's headings were read, every row that will be added, every bad row by line and
column. With bad rows the choice is to fix the file, or to import only the good rows (the
CLI's ``--skip-bad``); with headings read wrongly (or a required column not found), ``k``
opens a form that says which column each heading is, and the preview is made again.
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
from textual.widgets import Static

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Field, Listed
from secretariat_tui.imports.csv_dialect import CsvFormatError, ImportPlan
from secretariat_tui.imports.headings import IGNORED, Heading, heading_set
from secretariat_tui.imports.ics_calendar import IcsFormatError, ics_plan_report, plan_ics_import
from secretariat_tui.imports.plan_report import PlanReport, plan_report
from secretariat_tui.imports.remembered import Choices, plan_as_before, worth_keeping
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.errors import StoreError, os_reason
from secretariat_tui.store.import_headings import HeadingMemory
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.save_as import (
    PATH_FIELD,
    Rendering,
    SaveAsForm,
    default_folder,
)
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.record_form import RecordForm

T = TypeVar("T")


@dataclass(frozen=True)
class CsvTransfer(Generic[T]):
    """What one register needs to go to and from Excel; the screens supply the functions."""

    what: str
    """Plural noun for messages: "medlemmar", "betalningar"."""
    stem: str
    export_bytes: Callable[[str], bytes]
    """The register as a file in ``csv`` or ``xlsx``."""
    plan: Callable[[bytes, Choices], ImportPlan[T]]
    describe: Callable[[T], str]
    write: Callable[[list[T]], object]
    columns: Sequence[str] = ()
    """The file format's columns: what a heading of the file can be read as."""
    memory: HeadingMemory | None = None
    """How this register's files were read before: the next file with the same headings is
    read the same way, and the reading of an import that was saved is kept."""


CSV_INTRO = (
    "En Excel-arbetsbok (.xlsx, första bladet) eller en CSV-fil: Excels ”CSV UTF-8” och "
    "”CSV (semikolonavgränsad)” läses båda, med ; eller ,. Filens egna rubriker känns igen. "
    "Inget sparas förrän du har sett förhandsgranskningen, som visar hur filen lästes."
)
COLUMNS = "columns"
"""What the preview dismisses with when the user asks to say which column is which."""


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


class ColumnsForm(RecordForm[dict[str, str | None]]):
    """Which of our columns each heading of the file is (or that it is ignored)."""

    SAVE_LABEL = "Läs filen så"

    def __init__(self, headings: Sequence[Heading], columns: Sequence[str]) -> None:
        self._fields = tuple(
            Field(f"h{n}", escape(h.found) or f"(kolumn {n + 1})", Listed("kolumn", none=IGNORED))
            for n, h in enumerate(headings)
        )
        self._headings, self._columns = tuple(headings), tuple(columns)
        super().__init__(
            "Vilken kolumn är vilken?",
            {f"h{n}": h.column or "" for n, h in enumerate(headings)},
            "Filens rubriker till vänster; välj vad varje kolumn är, eller ”ignoreras”.",
        )

    def form_fields(self) -> Sequence[Field]:
        return self._fields

    def options_for(self, field: Field) -> tuple[tuple[str, str], ...]:
        return tuple((column, column) for column in self._columns)

    def build(self, values: dict[str, str]) -> dict[str, str | None]:
        return {
            h.found: values.get(f"h{n}") or None for n, h in enumerate(self._headings) if h.found
        }


class ImportPreviewScreen(ModalScreen[bool | str | None]):
    """Dismisses True to write what the plan would write (the good rows), ``COLUMNS`` to
    say which column is which, None to cancel."""

    BINDINGS = bindings(
        Command("i", "write", "Importera", "Spara de nya raderna", id="write"),
        Command("k", "columns", "Kolumner", "Säg vilken kolumn som är vilken", id="columns"),
        Command("escape", "cancel", "Avbryt", "Spara ingenting", id="cancel"),
    )

    def __init__(
        self, report: PlanReport, *, to_write: int, bad: int = 0, columns: bool = False
    ) -> None:
        super().__init__()
        self._report, self.to_write, self.bad = report, to_write, bad
        self._columns = columns

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
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write":
            return bool(self.to_write)
        if action == "columns":
            return self._columns
        return True

    def action_write(self) -> None:
        self.dismiss(True)

    def action_columns(self) -> None:
        self.dismiss(COLUMNS)

    def action_cancel(self) -> None:
        self.dismiss(None)


def file_renderings(content: Callable[[str], bytes]) -> list[Rendering]:
    """A table's two file formats for a save dialog: CSV for Excel and an Excel workbook."""
    return [
        Rendering("CSV för Excel (.csv)", ".csv", lambda: content("csv")),
        Rendering("Excel (.xlsx)", ".xlsx", lambda: content("xlsx")),
    ]


def start_export(app: App[object], transfer: CsvTransfer[T], protected: Path) -> None:
    renderings = file_renderings(transfer.export_bytes)
    form = SaveAsForm(transfer.stem, renderings, protected=protected, what=transfer.what)
    app.push_screen(form)  # the form says where it wrote


def preview_then_write(
    app: App[object],
    preview: ImportPreviewScreen,
    *,
    write: Callable[[], object],
    written: str,
    done: Callable[[], None],
    columns: Callable[[], None] | None = None,
) -> None:
    """Show the preview; on yes write (one atomic save) and say ``written``, else nothing;
    ``columns`` is called when the user asks to say which column is which."""

    def confirmed(yes: bool | str | None) -> None:
        if yes == COLUMNS and columns is not None:
            columns()
            return
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
    """File → preview → (on yes) one atomic save of the new rows → ``done`` to reload.

    From the preview (or when a required column was not found) the column form says which
    column each heading is; the file is then read again that way and previewed again.
    """

    def opened(chosen: tuple[Path, bytes] | None) -> None:
        if chosen is not None:
            preview(*chosen, {})

    def write(plan: ImportPlan[T]) -> None:
        transfer.write(plan.items)
        if transfer.memory is not None and worth_keeping(plan.headings):
            found = [h.found for h in plan.headings]
            columns = [h.column for h in plan.headings]
            transfer.memory.remember(heading_set(found), found, columns)

    def preview(path: Path, data: bytes, choices: Choices) -> None:
        def ask_columns(headings: Sequence[Heading]) -> None:
            def answered(new: dict[str, str | None] | None) -> None:
                if new is not None:
                    preview(path, data, new)

            app.push_screen(ColumnsForm(headings, transfer.columns), answered)

        recall = transfer.memory.recall if transfer.memory else lambda key: {}
        try:
            plan = plan_as_before(lambda c: transfer.plan(data, c), choices, recall)
        except CsvFormatError as err:
            app.notify(escape(f"{err} Inget sparades."), severity="error", timeout=15)
            if err.headings and transfer.columns:
                ask_columns(err.headings)
            return

        skipped = " (de felaktiga raderna hoppades över)" if plan.errors else ""
        preview_then_write(
            app,
            ImportPreviewScreen(
                plan_report(plan, str(path), transfer.describe),
                to_write=len(plan.new),
                bad=len(plan.bad_lines),
                columns=bool(plan.headings and transfer.columns),
            ),
            write=lambda: write(plan),
            written=f"Importerade {transfer.what}: {plan.summary()}{skipped}.",
            done=done,
            columns=lambda: ask_columns(plan.headings),
        )

    title = f"Importera {transfer.what} från Excel eller CSV"
    app.push_screen(OpenFileForm(title), opened)


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
