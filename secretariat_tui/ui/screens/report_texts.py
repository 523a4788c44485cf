"""The annual report's written texts for one year: which are done, which are last year's.

The rest of the report (the board, the members, the month table, the networks, the
submissions) is written from the registers when the draft is exported; what a person writes
each year is listed here, in the report's order (``domain.report_outline``), with its state
as the CLI's ``report status`` says it. ⏎ writes a text; ``k`` keeps last year's unchanged
as this year's (the CLI's ``--keep``); ``u`` exports the draft of the year shown.
"""

from __future__ import annotations

import os
from datetime import date

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.widgets import Static

from secretariat_tui.domain.report_outline import WRITTEN_SECTIONS, ReportSection
from secretariat_tui.domain.report_texts import (
    ReportText,
    TextState,
    state_label,
    state_of,
    written_text,
)
from secretariat_tui.store.database import Database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.report_texts import ReportTextRepository
from secretariat_tui.ui.commands import Command, bindings, year_commands
from secretariat_tui.ui.screens.export import start_export
from secretariat_tui.ui.screens.export_forms import ExportKind
from secretariat_tui.ui.screens.register_screen import RegisterScreen
from secretariat_tui.ui.screens.report_text_form import ReportTextForm, shown_heading
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.nav_bar import NavBar
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable, Row
from secretariat_tui.user_editor import EditorError, edit_text

COLUMNS = (
    Column("nr", "Nr", 3, sort_key=int),
    Column("heading", "Del"),
    Column("state", "Status", 24, hide_when_same=True),
    Column("start", "Början"),
)
"""The heading and the text's beginning share what the window leaves: a wide window shows
more of the text, not only more blank space after a short heading."""
STATE_STYLE = {TextState.DONE: "", TextState.CARRIED: "bold", TextState.EMPTY: "bold"}
WRITE_HERE = "skriv texten här (⏎ eller e)"
NO_SUSPEND = f"Den här terminalen kan inte lämnas åt en redigerare; {WRITE_HERE}. Inget sparades."
INTRO = (
    "Texterna som skrivs för hand varje år. Resten av berättelsen skrivs ur registren "
    "när utkastet exporteras (u)."
)


def beginning(text: ReportText | None, section: ReportSection) -> str:
    """The text's first line (the table cuts it to the column), or what belongs there."""
    if text is None:
        return f"[Att skriva: {section.hint}]"
    return text.text.split("\n", 1)[0]


def text_row(number: int, section: ReportSection, text: ReportText | None) -> Row:
    label = state_label(text)
    cells = (
        str(number),
        shown_heading(section, text),
        Text(label, style=STATE_STYLE[state_of(text)]),
        beginning(text, section),
    )
    body = text.text if text is not None else ""
    return Row(section.key, cells, f"{section.key} {cells[1]} {label} {body}")


def summary(texts: dict[str, ReportText], year: int) -> str:
    """ "2025 · 7 av 11 klara · 3 från förra året · 1 tom": what is left to write."""
    states = [state_of(texts.get(section.key)) for section in WRITTEN_SECTIONS]
    done, carried = states.count(TextState.DONE), states.count(TextState.CARRIED)
    empty = states.count(TextState.EMPTY)
    parts = [f"{year} · {done} av {len(states)} klara"]
    if carried:
        parts.append(f"{carried} ej uppdaterade")
    if empty:
        parts.append(f"{empty} {'tom' if empty == 1 else 'tomma'}")
    return " · ".join(parts)


class ReportTextsScreen(RegisterScreen):
    TITLE = "Berättelse"
    MODE = "report"
    COLUMNS = COLUMNS
    CSV = False
    PLACEHOLDER = "/ Filtrera på rubrik, status, text…"
    HELP = (
        "Verksamhetsberättelsens texter för ett år, i berättelsens ordning: de delar som "
        "skrivs för hand (inledningen, uppdraget, lägesrapporten, kampanjen …). Resten – "
        "styrelse, medlemmar, månadstabellen, nätverk och inlagor – skrivs ur registren när "
        "utkastet exporteras (u). Ett år utan egen text visar förra årets, ”ej uppdaterad”, "
        "tills den sparas för året; k behåller den oförändrad. En tom text tar bort årets "
        "egen. < och > byter år."
    )
    BINDINGS = bindings(
        Command("e", "edit", "Skriv", "Skriv markerad text för året", id="edit"),
        Command(
            "E",
            "edit_outside",
            "Redigerare",
            "Skriv markerad text i din egen redigerare ($VISUAL eller $EDITOR)",
            id="edit-outside",
            footer=False,
        ),
        Command(
            "k",
            "keep",
            "Behåll",
            "Gör förra årets text till årets, oförändrad",
            id="keep",
        ),
        Command(
            "u",
            "export_draft",
            "Utkast",
            "Exportera utkastet till verksamhetsberättelsen för året",
            id="export-draft",
        ),
        *year_commands(),
    )

    def __init__(self, database: Database, *, today: date | None = None) -> None:
        super().__init__(today=today, database_path=database.path)
        self.database = database
        self.texts = ReportTextRepository(database)
        self.year = self.today.year
        self._shown: dict[str, ReportText] = {}

    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE)
        yield Static(INTRO, id="report-intro", markup=False)
        yield RegisterTable(self.COLUMNS, placeholder=self.PLACEHOLDER, id="register")
        yield KeyFooter()

    # --- what is shown ------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        self.show_year(self.selected_key())

    def load_again(self) -> None:
        self.show_year(self.selected_key())

    def show_year(self, keep: str | None = None) -> None:
        """The year's texts, the cursor on section ``keep`` (or where it was)."""
        self._shown = self.texts.for_year(self.year)
        rows = [
            text_row(number, section, self._shown.get(section.key))
            for number, section in enumerate(WRITTEN_SECTIONS, 1)
        ]
        self.register.set_rows(rows, keep=keep)
        self.register.set_status(summary(self._shown, self.year))
        self.sub_title = str(self.year)
        self.refresh_bindings()

    def selected_key(self) -> str | None:
        """The highlighted section's key (the rows are sections, not numbered records)."""
        return self.register.highlighted_key if self.is_mounted else None

    def selected_id(self) -> int | None:
        """No numbered records here: ``selected_key`` names the row."""
        return None

    def selected(self) -> tuple[ReportSection, ReportText | None] | None:
        key = self.selected_key()
        section = next((s for s in WRITTEN_SECTIONS if s.key == key), None)
        return None if section is None else (section, self._shown.get(section.key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit on a row; keep only on a text carried over from an earlier year."""
        if action in {"edit", "edit_outside"}:
            return self.selected() is not None
        if action == "keep":
            chosen = self.selected()
            return chosen is not None and state_of(chosen[1]) is TextState.CARRIED
        return super().check_action(action, parameters)

    # --- actions ------------------------------------------------------------------------------
    def action_year(self, step: int) -> None:
        self.year += step
        self.show_year(self.selected_key())

    @on(RegisterTable.Chosen)
    def action_edit(self) -> None:
        if (chosen := self.selected()) is not None:
            self._edit(*chosen)

    @work(exclusive=True, group="dialog")
    async def _edit(
        self, section: ReportSection, current: ReportText | None, start: str | None = None
    ) -> None:
        form = ReportTextForm(section, self.year, current, save=self._store, text=start)
        if (text := await self.ask(form)) is not None:
            self._saved(section, text)

    def action_edit_outside(self) -> None:
        """The text in the user's editor, the TUI out of the way meanwhile; saved as the
        CLI's ``--edit`` saves it. A text the domain refuses opens in the dialog with its
        error, so what was written is not lost."""
        if (chosen := self.selected()) is None:
            return
        section, current = chosen
        start = current.text + "\n" if current is not None else ""
        prefix = f"verksamhetstext-{self.year}-{section.key}-"
        try:
            with self.app.suspend():
                edited = edit_text(start, prefix=prefix, environ=os.environ, instead=WRITE_HERE)
        except SuspendNotSupported:
            self.notify(NO_SUSPEND, severity="error", timeout=10)
            return
        except EditorError as err:
            self.notify(escape(str(err)), severity="error", timeout=10)
            return
        if edited is None:
            self.notify("Texten är oförändrad; inget sparades.", timeout=4)
            return
        heading = current.heading if current is not None else ""
        try:
            text = written_text(self.year, section.key, edited, heading)
        except ValueError:
            self._edit(section, current, edited)
            return
        self._save_now(section, text)

    def _store(self, text: ReportText) -> ReportText:
        """The form's save: the text as given (an empty one removed the year's own)."""
        self.texts.save(text)
        return text

    def action_keep(self) -> None:
        if (chosen := self.selected()) is None:
            return
        section, carried = chosen
        if carried is None or carried.carried_from is None:
            return
        self._save_now(section, ReportText(self.year, section.key, carried.text, carried.heading))

    def _save_now(self, section: ReportSection, text: ReportText) -> None:
        """Store ``text`` without a dialog (kept, or written in the user's editor)."""
        try:
            self._store(text)
        except (StoreError, OSError) as err:
            self.notify(escape(str(err)), severity="error", timeout=10)
            return
        self._saved(section, text)

    def _saved(self, section: ReportSection, text: ReportText) -> None:
        """Show the year again and say what the section now is."""
        self.show_year(section.key)
        now = self._shown.get(section.key)
        title = escape(shown_heading(section, now))
        if text.text:
            self.notify(f"Sparat: {title} {self.year} ({state_label(now)})", timeout=3)
        else:
            self.notify(
                f"Ingen egen text för {title} {self.year} längre; delen är {state_label(now)}.",
                timeout=6,
            )

    def action_export_draft(self) -> None:
        start_export(
            self.app,
            year=self.year,
            today=self.today,
            database=self.database,
            kind=ExportKind.REPORT,
        )
