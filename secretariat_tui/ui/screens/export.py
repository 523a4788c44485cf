"""Exporting from the calendar: choose the kind of file, fill in its dialog, get the file.

``u`` asks which of the three (calendar file, annual report, month list; one key each, the
last one chosen offered first), then opens that kind's dialog (``export_forms``). The file is
rendered and written in a worker thread (a Word draft of a large register takes a moment);
the result (the path and what it holds) or the error is told in a notification that stays a
while, never a traceback. The folder and the choices made are remembered for next time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.exports.ics_calendar import export_ics
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.output_files import resolve_output, write_output_file
from secretariat_tui.store.register_span import covered_years
from secretariat_tui.store.report_source import load_report_data
from secretariat_tui.store.user_config import (
    load_user_config,
    remember_choices,
)
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.export_forms import (
    FORMS,
    LABELS,
    ExportForm,
    ExportKind,
    ExportRequest,
)
from secretariat_tui.ui.screens.file_message import tell_file
from secretariat_tui.ui.screens.save_as import keep_folder, tell_written
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.word_template import TemplateUnusable, users_template

__all__ = ["ExportChoiceScreen", "ExportForm", "ExportRequest", "run_export", "start_export"]

LAST_KIND = "export"
"""The key under which the kind last chosen is kept, beside each kind's own choices."""
KIND_LABELS = {
    ExportKind.CALENDAR: (
        "k",
        "Kalenderfil",
        "Kalenderfil (.ics) för Outlook, Google, Thunderbird",
    ),
    ExportKind.REPORT: ("v", "Verksamhetsberättelse", "Verksamhetsberättelsen, hela eller en del"),
    ExportKind.MONTH: ("m", "Månadslista", "Månadslista, t.ex. till medlemsbrevet"),
}
"""Per kind: its key, its short name (footer) and what it is (the list, help, the palette)."""


class ExportChoiceScreen(ModalScreen[ExportKind | None]):
    """Which kind of file: a key each, or the arrows and ⏎."""

    BINDINGS = bindings(
        *(
            Command(key, f"choose('{kind.value}')", title, label, id=f"export-{kind}")
            for kind, (key, title, label) in KIND_LABELS.items()
        ),
        Command("escape", "cancel", "Avbryt", "Exportera ingenting", id="cancel"),
    )

    def __init__(self, last: ExportKind) -> None:
        super().__init__()
        self._last = last

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog export-choice"):
            yield Static("Exportera", classes="title")
            yield OptionList(
                *(
                    Option(f"{label} ({key})", id=kind)
                    for kind, (key, _, label) in KIND_LABELS.items()
                )
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(KIND_LABELS).index(self._last)
        options.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(ExportKind(str(event.option.id)))

    def action_choose(self, kind: str) -> None:
        self.dismiss(ExportKind(kind))

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_export(
    app: App[object],
    *,
    year: int,
    today: date,
    database: Database,
    kind: ExportKind | None = None,
) -> None:
    """Ask which kind (unless ``kind`` says: the report texts open the report's dialog),
    open its dialog with the last choices, then write the file."""
    config = load_user_config()
    last = config.choices(LAST_KIND).get("kind", ExportKind.CALENDAR.value)

    def chosen_kind(kind: ExportKind | None) -> None:
        if kind is None:
            return
        covered = covered_years(database, today.year) if kind is ExportKind.REPORT else None
        form = FORMS[kind](
            year=year,
            today=today,
            protected=database.path,
            folder=config.export_folder,
            remembered=config.choices(kind),
            **({"covered": covered} if covered else {}),
        )
        app.push_screen(form, chosen)

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        folder_note = keep_folder(str(request.folder))
        try:
            remember_choices(request.kind, request.remembered)
            remember_choices(LAST_KIND, {"kind": request.kind.value})
        except OSError:
            pass  # the choices are a convenience: the export goes ahead without them
        run_export(app, request, database, folder_note)

    if kind is not None:
        chosen_kind(kind)
        return
    kinds = list(ExportKind)
    app.push_screen(
        ExportChoiceScreen(ExportKind(last) if last in kinds else kinds[0]), chosen_kind
    )


def render(request: ExportRequest, db: Database) -> tuple[bytes, str]:
    """The file's bytes and a Swedish line saying what it holds."""
    if request.what == "ics":
        result = export_ics(
            CalendarRepository(db).items(), filter=request.ics_filter, stamp=datetime.now(UTC)
        )
        if not result.events:
            raise FieldErrors({"what": "Inga aktiviteter passar urvalet; ingen fil skrevs."})
        left = result.month_only_left_out
        note = f" ({left} med bara månad kom inte med)" if left else ""
        return result.data, f"{result.events} händelser{note}"
    from secretariat_tui.exports.annual_report import render_month, render_section

    if request.what == "month":
        items = CalendarRepository(db).items()
        return render_month(items, request.year, request.month, request.fmt), "månadslistan"
    data = load_report_data(db, request.year)
    template = users_word_template() if request.fmt == "docx" else None
    return render_section(data, request.what, request.fmt, template), LABELS[request.what]


def users_word_template() -> bytes | None:
    """The user's Word template (``settings set report-template``), checked; None: the
    shipped one. A ValueError in Swedish names the template when it cannot be used."""
    try:
        return users_template()
    except TemplateUnusable as err:
        raise ValueError(f"Word-mallen {err}") from None


def run_export(
    app: App[object], request: ExportRequest, db: Database, folder_note: str = ""
) -> None:
    """Render and write in a worker thread; tell the result (or the error) when done, with
    ``folder_note`` (a new export folder) beside it."""

    def work() -> None:
        try:
            target = resolve_output(
                request.path, db.path, replace=request.replace, folder=request.folder
            )
            data, what = render(request, db)
            write_output_file(target, data)
        except (FieldErrors, StoreError, OSError, ValueError) as err:
            message = " ".join(err.errors.values()) if isinstance(err, FieldErrors) else str(err)
            if not get_current_worker().is_cancelled:
                notes = [message, *([folder_note] if folder_note else [])]
                app.call_from_thread(tell_file, app, notes, failed=True)
            return
        app.call_from_thread(tell_written, app, what, request.path, folder_note)

    app.run_worker(work, thread=True, exclusive=True, group="export", name="export")
