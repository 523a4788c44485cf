"""The export dialog: the ICS calendar, the annual report's parts, or one month's list.

The form checks every choice before anything is written, and asks before it replaces a
file; the file is then rendered and written in a worker thread (a Word draft of a large
register takes a moment), and the result (the path and what it holds) or the error is told
in a notification, never a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path

from rich.markup import escape
from textual import on
from textual.app import App
from textual.widgets import Input
from textual.worker import get_current_worker

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Choice, Day, Field, FieldReader, Flag, Year
from secretariat_tui.exports.ics_calendar import IcsFilter, export_ics
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.output_files import resolve_output, write_output_file
from secretariat_tui.store.report_source import load_report_data
from secretariat_tui.ui.screens.save_as import (
    PATH_FIELD,
    default_folder,
    replace_question,
    save_target,
)
from secretariat_tui.ui.widgets.record_form import AskFirst, RecordForm


class Export(StrEnum):
    """What the dialog writes: the calendar file, a part of the annual report, a month."""

    ICS = "ics"
    ACTIVITIES = "activities"
    ALL = "all"
    MEMBERS = "members"
    BOARD = "board"
    NETWORKS = "networks"
    ADVOCACY = "advocacy"
    MONTH = "month"


_REPORT = "Verksamhetsberättelsen: "
EXPORT_LABELS = (
    "Kalenderfil för Outlook, Google, Thunderbird",
    _REPORT + "löpande verksamhet",
    _REPORT + "hela utkastet",
    _REPORT + "medlemskap",
    _REPORT + "styrelse",
    _REPORT + "nätverk",
    _REPORT + "påverkansarbete",
    "Månadslista (t.ex. till medlemsbrevet)",
)


class FileFormat(StrEnum):
    ICS = "ics"
    DOCX = "docx"
    MD = "md"
    TXT = "txt"


ICS, MONTH = Export.ICS.value, Export.MONTH.value
_REPORT_FILE = "verksamhetsberattelse-{year}"
FILE_NAMES = {
    Export.ICS: "kalender-{year}",
    Export.ACTIVITIES: _REPORT_FILE + "-lopande-verksamhet",
    Export.ALL: _REPORT_FILE,
    Export.MEMBERS: _REPORT_FILE + "-medlemskap",
    Export.BOARD: _REPORT_FILE + "-styrelse",
    Export.NETWORKS: _REPORT_FILE + "-natverk",
    Export.ADVOCACY: _REPORT_FILE + "-paverkansarbete",
    Export.MONTH: "manadslista-{year}",
}
"""Swedish file names that say what and which year (å, ä, ö left out: a name travels to
e-mail, zip files and other systems)."""


EXPORT_FIELDS = (
    Field("what", "Vad", Choice(Export, "vad som ska exporteras", labels=EXPORT_LABELS)),
    Field("year", "År", Year(), required=True, placeholder="t.ex. 2024"),
    Field("month", "Månad", Day(month=True), placeholder="för månadslistan, t.ex. maj 2024"),
    Field("start", "Från", Day(), placeholder="kalenderfil: t.ex. 1/9 2024"),
    Field("end", "Till", Day(), placeholder="kalenderfil: t.ex. 31/12 2024"),
    Field("category", "Kategori", Choice(Category, "kategori", none="Alla kategorier")),
    Field("platform", "Bara plattformsmöten", Flag(), default=False),
    Field(
        "format",
        "Format",
        Choice(
            FileFormat,
            "format",
            labels=("Kalender (.ics)", "Word (.docx)", "Markdown (.md)", "Text (.txt)"),
        ),
    ),
    PATH_FIELD,
)


@dataclass(frozen=True)
class ExportRequest:
    what: str
    year: int
    fmt: str
    path: Path
    month: int = 0
    ics_filter: IcsFilter = IcsFilter()
    replace: bool = False
    """The file exists and the user said yes to replacing it."""


class ExportForm(RecordForm[ExportRequest]):
    SAVE_LABEL = "Exportera"

    def __init__(self, *, year: int, today: date, protected: Path) -> None:
        self.protected = protected
        super().__init__(
            "Exportera",
            {
                "what": ICS,
                "year": str(year),
                "platform": "nej",
                "format": "ics",
                "path": str(default_folder() / f"kalender-{year}.ics"),
            },
            "Kalenderfilen tar med aktiviteter med datum (inte de med bara månad); ett urval "
            "med Från/Till, kategori eller bara plattformsmöten gäller kalenderfilen. "
            "Månadslistan tar månaden i fältet Månad. Filen blir läsbar bara för dig.",
            today=today,
        )

    def form_fields(self) -> Sequence[Field]:
        return EXPORT_FIELDS

    def on_select_changed(self) -> None:
        """Keep the format and the file name in step with what is chosen."""
        what, fmt = str(self.field("what").value), self.field("format")
        if what == ICS:
            fmt.value = "ics"
        elif fmt.value == "ics" or (what == MONTH and fmt.value == "docx"):
            fmt.value = "md" if what == MONTH else "docx"
        self._name_the_file()

    @on(Input.Changed, "#field-year")
    def _name_the_file(self) -> None:
        """The file's name says what and which year: choosing 2024 must not write 2024's
        report to a file named for this year."""
        what, fmt = self.field("what").value, self.field("format").value
        if not isinstance(what, str) or not isinstance(fmt, str):
            return  # nothing chosen yet
        year = self.field("year").value.strip()
        name = FILE_NAMES[Export(what)].format(year=year if len(year) == 4 else self.today.year)
        path_input = self.field("path")
        path_input.value = str(Path(path_input.value).with_name(f"{name}.{fmt}"))

    def build(self, values: dict[str, str]) -> ExportRequest:
        fields = FieldReader(EXPORT_FIELDS, values, self.today)
        what, fmt, year, start, end, entered, category, platform_only = fields.read(
            "what", "format", "year", "start", "end", "month", "category", "platform"
        ).values()
        month = 0
        if what is Export.MONTH:
            if entered is None:
                fields.errors.setdefault("month", "Ange ett datum för månaden, t.ex. maj 2024.")
            else:
                year, month = entered.day.year, entered.day.month
        if (what == ICS) != (fmt == "ics"):
            fields.errors["format"] = (
                "Kalenderfilen skrivs som .ics."
                if what == ICS
                else "Välj Word, Markdown eller text."
            )
        elif what == MONTH and fmt == "docx":
            fields.errors["format"] = "Månadslistan skrivs som Markdown eller text."
        if start and end and end < start:
            fields.errors["end"] = f"{end} ligger före {start}."
        ask = None
        try:
            save_target(values["path"], self.protected, self.answered_yes)
        except FieldErrors as err:
            fields.errors.update(err.errors)
        except AskFirst as question:
            ask = question  # asked once every field is right
        fields.done()
        if ask is not None:
            raise ask
        assert year is not None
        path = Path(values["path"].strip()).expanduser()
        return ExportRequest(
            what=what.value,
            year=year,
            fmt=fmt.value,
            path=path,
            month=month,
            replace=replace_question(path) in self.answered_yes,
            ics_filter=IcsFilter(
                year=None if (start or end) else year,
                start=start,
                end=end,
                category=category,
                platform_meetings_only=platform_only,
            ),
        )


LABELS = {e.value: label.split(": ")[-1] for e, label in zip(Export, EXPORT_LABELS, strict=True)}


def render(request: ExportRequest, db: Database) -> tuple[bytes, str]:
    """The file's bytes and a Swedish line saying what it holds."""
    if request.what == ICS:
        result = export_ics(
            CalendarRepository(db).items(), filter=request.ics_filter, stamp=datetime.now(UTC)
        )
        if not result.events:
            raise FieldErrors({"what": "Inga aktiviteter passar urvalet; ingen fil skrevs."})
        left = result.month_only_left_out
        note = f" ({left} med bara månad kom inte med)" if left else ""
        return result.data, f"{result.events} händelser{note}"
    from secretariat_tui.exports.annual_report import render_month, render_section

    if request.what == MONTH:
        items = CalendarRepository(db).items()
        return render_month(items, request.year, request.month, request.fmt), "månadslistan"
    data = load_report_data(db, request.year)
    return render_section(data, request.what, request.fmt), LABELS[request.what]


def run_export(app: App[object], request: ExportRequest, db: Database) -> None:
    """Render and write in a worker thread; tell the result (or the error) when done."""

    def work() -> None:
        try:
            target = resolve_output(request.path, db.path, replace=request.replace)
            data, what = render(request, db)
            write_output_file(target, data)
        except (FieldErrors, StoreError, OSError, ValueError) as err:
            message = " ".join(err.errors.values()) if isinstance(err, FieldErrors) else str(err)
            if not get_current_worker().is_cancelled:
                app.call_from_thread(app.notify, escape(message), severity="error", timeout=12)
            return
        app.call_from_thread(
            app.notify, f"Skrev {escape(what)} till {escape(str(request.path))}.", timeout=10
        )

    app.run_worker(work, thread=True, exclusive=True, group="export", name="export")
