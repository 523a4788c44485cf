"""The three export dialogs, one per kind of file: the calendar file, the annual report's
sections, one month's list. Each shows only its own fields and the formats it can write.

They share a base: the export folder and the file name (which follows what and which year is
chosen), the check before writing, and the choices to remember. The file is written after the
dialog closes (``export.run_export``), in a worker thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.widgets import Input

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Choice, Day, Field, FieldReader, Flag, Year
from secretariat_tui.domain.register_span import YearSpan
from secretariat_tui.exports.ics_calendar import IcsFilter
from secretariat_tui.ui.screens.save_as import (
    FOLDER_FIELD,
    PATH_FIELD,
    replace_question,
    save_target,
    typed_path,
)
from secretariat_tui.ui.widgets.record_form import AskFirst, RecordForm


class ExportKind(StrEnum):
    """The three dialogs; also the key under which each one's last choices are kept."""

    CALENDAR = "calendar"
    REPORT = "report"
    MONTH = "month"


class Section(StrEnum):
    """The parts of the annual report that can be written on their own, or all of it."""

    ALL = "all"
    ACTIVITIES = "activities"
    MEMBERS = "members"
    BOARD = "board"
    NETWORKS = "networks"
    ADVOCACY = "advocacy"


SECTION_LABELS = (
    "hela utkastet",
    "löpande verksamhet",
    "medlemskap",
    "styrelse",
    "nätverk",
    "påverkansarbete",
)
LABELS = dict(zip((s.value for s in Section), SECTION_LABELS, strict=True))


class ReportFormat(StrEnum):
    DOCX = "docx"
    MD = "md"
    TXT = "txt"


class ListFormat(StrEnum):
    MD = "md"
    TXT = "txt"


_REPORT_FILE = "verksamhetsberattelse-{year}"
FILE_NAMES = {
    "ics": "kalender-{year}",
    Section.ACTIVITIES: _REPORT_FILE + "-lopande-verksamhet",
    Section.ALL: _REPORT_FILE,
    Section.MEMBERS: _REPORT_FILE + "-medlemskap",
    Section.BOARD: _REPORT_FILE + "-styrelse",
    Section.NETWORKS: _REPORT_FILE + "-natverk",
    Section.ADVOCACY: _REPORT_FILE + "-paverkansarbete",
    "month": "manadslista-{year}-{month:02d}",
}
"""Swedish file names that say what and which year (å, ä, ö left out: a name travels to
e-mail, zip files and other systems)."""

YEAR_FIELD = Field("year", "År", Year(), required=True, placeholder="t.ex. 2024")
REPORT_FORMATS = ("Word (.docx)", "Markdown (.md)", "Text (.txt)")


@dataclass(frozen=True)
class ExportRequest:
    what: str
    """"ics", "month" or a report section."""
    year: int
    fmt: str
    path: Path
    folder: Path
    kind: ExportKind
    month: int = 0
    ics_filter: IcsFilter = IcsFilter()
    replace: bool = False
    """The file exists and the user said yes to replacing it."""
    remembered: Mapping[str, str] = field(default_factory=dict)
    """The choices to offer first next time (``ExportForm.REMEMBER``)."""


class ExportForm(RecordForm[ExportRequest]):
    """What the three dialogs share; a kind gives its fields, its file name and its request."""

    SAVE_LABEL = "Exportera"
    KIND: ClassVar[ExportKind]
    TITLE: ClassVar[str]
    INTRO: ClassVar[str]
    FIELDS: ClassVar[tuple[Field, ...]]
    REMEMBER: ClassVar[tuple[str, ...]]
    """Choices kept for next time. Dates are not: they follow the calendar's year."""

    def __init__(
        self,
        *,
        year: int,
        today: date,
        protected: Path,
        folder: Path,
        remembered: Mapping[str, str] | None = None,
    ) -> None:
        self.protected = protected
        kept = {  # a value this dialog no longer offers (a file edited by hand) is dropped
            field.name: text
            for field in self.FIELDS
            if field.name in self.REMEMBER
            and (text := (remembered or {}).get(field.name)) is not None
            and field.check(text, today) is None
        }
        initial = {**self.defaults(year), **kept, "folder": str(folder)}
        initial["path"] = self.file_name(initial, today)
        super().__init__(f"Exportera {self.TITLE}", initial, self.INTRO, today=today)

    def form_fields(self) -> Sequence[Field]:
        return (*self.FIELDS, FOLDER_FIELD, PATH_FIELD)

    # --- what a kind provides -----------------------------------------------------------------
    def defaults(self, year: int) -> dict[str, str]:
        raise NotImplementedError

    def stem(self, values: Mapping[str, str], year: int, today: date) -> str:
        """The file's name without its ending, for the values typed (``year`` when the year
        field is empty or half typed)."""
        raise NotImplementedError

    def read(self, fields: FieldReader) -> dict[str, Any]:
        """The request's own parts (what, year, fmt, month, ics_filter); errors in ``fields``."""
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------------
    def file_name(self, values: Mapping[str, str], today: date) -> str:
        typed = values.get("year", "").strip()
        year = int(typed) if len(typed) == 4 and typed.isdigit() else today.year
        return f"{self.stem(values, year, today)}.{values.get('format') or 'ics'}"

    def on_select_changed(self) -> None:
        self._name_the_file()

    @on(Input.Changed, "#field-year")
    @on(Input.Changed, "#field-month")
    def _name_the_file(self) -> None:
        """The file's name says what and which year: choosing 2024 must not write 2024's
        report to a file named for this year. A folder typed into the name is kept."""
        if not self.is_mounted:
            return
        values = self.values()
        name = self.file_name(values, self.today)
        path_input = self.field("path")
        typed = path_input.value.strip()
        path_input.value = str(Path(typed).with_name(name)) if Path(typed).name else name

    def build(self, values: dict[str, str]) -> ExportRequest:
        fields = FieldReader(self.form_fields(), values, self.today)
        parts = self.read(fields)
        ask = None
        try:
            save_target(values, self.protected, self.answered_yes)
        except FieldErrors as err:
            fields.errors.update(err.errors)
        except AskFirst as question:
            ask = question  # asked once every field is right
        fields.done()
        if ask is not None:
            raise ask
        path = typed_path(values)
        return ExportRequest(
            **parts,
            path=path,
            folder=Path(values["folder"].strip()),
            kind=self.KIND,
            replace=replace_question(path) in self.answered_yes,
            remembered={name: values[name] for name in self.REMEMBER},
        )


class CalendarFileForm(ExportForm):
    KIND = ExportKind.CALENDAR
    TITLE = "kalenderfil (.ics)"
    INTRO = (
        "För Outlook, Google och Thunderbird. Aktiviteter med datum kommer med (inte de med "
        "bara månad); Från/Till väljer ett annat urval än året. Filen blir läsbar bara för dig."
    )
    FIELDS = (
        YEAR_FIELD,
        Field("start", "Från", Day(), placeholder="t.ex. 1/9 2024"),
        Field("end", "Till", Day(), placeholder="t.ex. 31/12 2024"),
        Field("category", "Kategori", Choice(Category, "kategori", none="Alla kategorier")),
        Field("platform", "Bara plattformsmöten", Flag(), default=False),
    )
    REMEMBER = ("category", "platform")

    def defaults(self, year: int) -> dict[str, str]:
        return {"year": str(year), "platform": "nej"}

    def stem(self, values: Mapping[str, str], year: int, today: date) -> str:
        return FILE_NAMES["ics"].format(year=year)

    def read(self, fields: FieldReader) -> dict[str, Any]:
        year, start, end, category, platform_only = fields.read(
            "year", "start", "end", "category", "platform"
        ).values()
        if start and end and end < start:
            fields.errors["end"] = f"{end} ligger före {start}."
        return {
            "what": "ics",
            "year": year,
            "fmt": "ics",
            "ics_filter": IcsFilter(
                year=None if (start or end) else year,
                start=start,
                end=end,
                category=category,
                platform_meetings_only=platform_only,
            ),
        }


class ReportForm(ExportForm):
    KIND = ExportKind.REPORT
    TITLE = "verksamhetsberättelsen"
    INTRO = (
        "Hela utkastet eller en del av det, för året. Word för att redigera vidare; Markdown "
        "eller text för att klistra in. Filen blir läsbar bara för dig."
    )
    FIELDS = (
        Field("section", "Del", Choice(Section, "del", labels=SECTION_LABELS)),
        YEAR_FIELD,
        Field("format", "Format", Choice(ReportFormat, "format", labels=REPORT_FORMATS)),
    )
    REMEMBER = ("section", "format")

    def __init__(self, *, covered: YearSpan | None = None, **given: Any) -> None:
        """``covered``: the years the register holds records for; another year is refused
        at the year field, as ``export report`` refuses it (None: any year)."""
        self.covered = covered
        super().__init__(**given)

    def defaults(self, year: int) -> dict[str, str]:
        return {"section": Section.ALL.value, "year": str(year), "format": "docx"}

    def stem(self, values: Mapping[str, str], year: int, today: date) -> str:
        section = values.get("section") or Section.ALL.value
        return FILE_NAMES[Section(section)].format(year=year)

    def read(self, fields: FieldReader) -> dict[str, Any]:
        section, year, fmt = fields.read("section", "year", "format").values()
        if year is not None and self.covered and (refused := self.covered.refusal(year)):
            fields.errors["year"] = refused
        return {"what": section and section.value, "year": year, "fmt": fmt and fmt.value}


class MonthListForm(ExportForm):
    KIND = ExportKind.MONTH
    TITLE = "månadslista"
    INTRO = (
        "En månads aktiviteter, t.ex. till medlemsbrevet, som Markdown eller text. "
        "Filen blir läsbar bara för dig."
    )
    FIELDS = (
        Field("month", "Månad", Day(month=True), placeholder="t.ex. maj 2024"),
        Field(
            "format",
            "Format",
            Choice(ListFormat, "format", labels=REPORT_FORMATS[1:]),
        ),
    )
    REMEMBER = ("format",)

    def defaults(self, year: int) -> dict[str, str]:
        return {"format": "md"}

    def file_name(self, values: Mapping[str, str], today: date) -> str:
        return f"{self.stem(values, today.year, today)}.{values.get('format') or 'md'}"

    def stem(self, values: Mapping[str, str], year: int, today: date) -> str:
        """The month's own year and month, once the month field reads as one."""
        month = (year, 0)
        if text := values.get("month", "").strip():
            try:
                day = Day(month=True).parse(text, today).day
                month = (day.year, day.month)
            except ValueError:
                pass  # named when it reads as a month
        if not month[1]:
            return FILE_NAMES["month"].removesuffix("-{month:02d}").format(year=month[0])
        return FILE_NAMES["month"].format(year=month[0], month=month[1])

    def read(self, fields: FieldReader) -> dict[str, Any]:
        entered, fmt = fields.read("month", "format").values()
        if entered is None:
            fields.errors.setdefault("month", "Ange ett datum för månaden, t.ex. maj 2024.")
            return {"what": "month", "year": 0, "fmt": fmt and fmt.value}
        return {
            "what": "month",
            "year": entered.day.year,
            "month": entered.day.month,
            "fmt": fmt and fmt.value,
        }


FORMS: dict[ExportKind, type[ExportForm]] = {
    ExportKind.CALENDAR: CalendarFileForm,
    ExportKind.REPORT: ReportForm,
    ExportKind.MONTH: MonthListForm,
}
