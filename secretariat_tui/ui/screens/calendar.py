"""The activity calendar: a month grid with the chosen day's items, or the year month by month.

The items come from three registers (activities, submissions that were sent, annual
meetings) and are derived anew on every reload; an item is edited in the form of the register
that owns it, so a submission corrected here is corrected everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher, Input, Select, Static

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.calendar import (
    CalendarItem,
    Source,
    in_month,
    marked_days,
    month_groups,
    on_day,
)
from secretariat_tui.domain.calendar_search import CalendarFilter, CalendarIndex
from secretariat_tui.domain.date_entry import MONTH_NAMES
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.ui.commands import Command, bindings, year_commands
from secretariat_tui.ui.screens.calendar_forms import ActivityForm, SubmissionForm
from secretariat_tui.ui.screens.confirm import confirm_delete
from secretariat_tui.ui.screens.derived_screen import DerivedScreen
from secretariat_tui.ui.screens.export import start_export
from secretariat_tui.ui.screens.publish import start_publish
from secretariat_tui.ui.screens.transfer import start_ics_import
from secretariat_tui.ui.widgets.fitted_table import RowDetail
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.month_grid import MonthGrid
from secretariat_tui.ui.widgets.nav_bar import NavBar
from secretariat_tui.ui.widgets.register_table import (
    Column,
    FittedTable,
    PreparedRow,
    as_cell,
)

WEEKDAY_NAMES = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
# The day list is narrow beside the grid: the category and the rest stand under it instead.
DAY_COLUMNS = (Column("time", "Tid", 12), Column("title", "Rubrik"))
YEAR_COLUMNS = (
    Column("date", "Datum", 10),
    Column("time", "Tid", 12),
    Column("category", "Kategori", 14, hide_when_same=True),
    Column("title", "Rubrik"),
)
SOURCE_MARK = {Source.SUBMISSION: " (inlaga)"}
MONTH_ROW = "månad-"
MONTH_VIEW, YEAR_VIEW = "month-view", "year-view"


def long_date(day: date) -> str:
    """ "Torsdag 14 november 2024"."""
    weekday = WEEKDAY_NAMES[day.weekday()].capitalize()
    return f"{weekday} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def item_cells(item: CalendarItem, *, category: bool = True) -> tuple[Text, ...]:
    """Tid, (Kategori,) Rubrik; dimmed when the item stays out of the annual report."""
    time_text = "hela månaden" if item.month_only else item.time_text
    title = item.title + SOURCE_MARK.get(item.source, "")
    values = (time_text, item.category.value, title) if category else (time_text, title)
    style = "" if item.in_report else "dim"
    return tuple(as_cell(Text(v, style=style)) for v in values)


def year_cells(item: CalendarItem) -> tuple[Text, ...]:
    """Datum, Tid, Kategori, Rubrik: a row of the year list."""
    return (as_cell(item.when.iso()), *item_cells(item))


def day_cells(item: CalendarItem) -> tuple[Text, ...]:
    """Tid, Rubrik: a row of the chosen day's list."""
    return item_cells(item, category=False)


def item_details(item: CalendarItem, network_names: dict[int, str]) -> Text:
    """Everything about the highlighted item, under the day list."""
    text = Text()
    text.append(item.title, style="bold")
    facts = [item.category.label, item.date_text, item.time_text, item.location]
    text.append("\n" + " · ".join(f for f in facts if f))
    if item.participants:
        text.append(f"\nDeltagare: {item.participants}")
    if item.network_id in network_names:
        text.append(f"\nNätverk: {network_names[item.network_id]}")  # type: ignore[index]
    if item.notes:
        text.append(f"\n{item.notes}")
    where = {
        Source.SUBMISSION: "\nInlaga i påverkansregistret (6); e ändrar den där den finns.",
        Source.MEETING: "\nÅrsmöte i styrelseregistret (3).",
    }.get(item.source, "")
    report = "" if item.in_report else "\nKommer inte med i verksamhetsberättelsen."
    text.append(where + report, style="dim")
    return text


class CalendarScreen(DerivedScreen):
    TITLE = "Kalender"
    HELP = (
        "Kalendern visar plattformens verksamhet: aktiviteter, inlagor som har skickats "
        "(från påverkansregistret, 6) och årsmöten (från styrelseregistret, 3). Piltangenterna "
        "flyttar en dag, pgup/pgdn en månad. Grå rader kommer inte med i "
        "verksamhetsberättelsen. alt+↑ och alt+↓ (eller skift+↑/↓) flyttar markerad rad upp "
        "eller ned bland dagens rader (i årslistan bland månadens): den ordningen gäller också "
        "i verksamhetsberättelsen och kalenderfilen. Datum skrivs snabbt: 15/1, 15 jan, "
        "jan 2024 (bara månad), i dag, i morgon, +3."
    )
    BINDINGS = bindings(
        Command("n", "new", "Ny", "Ny aktivitet på vald dag", id="new-activity"),
        Command("e", "edit", "Ändra", "Ändra markerad aktivitet", id="edit-item"),
        Command("x,delete", "delete", "Ta bort", "Ta bort markerad", id="delete-item"),
        Command(
            "alt+up,shift+up",
            "move(-1)",
            "Flytta upp",
            "Flytta markerad rad ett steg upp i dagens (årslistan: månadens) ordning",
            id="move-up",
            footer=False,
            key_display="alt+↑",
        ),
        Command(
            "alt+down,shift+down",
            "move(1)",
            "Flytta ned",
            "Flytta markerad rad ett steg ned i dagens (årslistan: månadens) ordning",
            id="move-down",
            footer=False,
            key_display="alt+↓",
        ),
        Command("v", "show_year", "Årslista", "Hela året, månad för månad", id="year-view"),
        Command("v", "show_month", "Månad", "Månaden med dagarna", id="month-view"),
        # Those not in the footer have no room at 80 columns; help and the palette list them.
        Command("t", "today", "I dag", "Gå till dagens datum", id="today", footer=False),
        Command("k", "category", "Kategori", "Filtrera på kategori", id="category"),
        Command(
            "u",
            "export",
            "Exportera",
            "Kalenderfil (ICS), verksamhetsberättelsen eller en månadslista",
            id="export",
            footer=False,
        ),
        Command(
            "i",
            "import_ics",
            "Importera",
            "Läs in en kalenderfil (ICS) från Outlook, Google eller Thunderbird",
            id="import",
            footer=False,
        ),
        Command(
            "p",
            "publish",
            "Publicera",
            "Publicera plattformsmötena i den delade kalendern (CalDAV) efter en förhandsvisning",
            id="publish",
            footer=False,
        ),
        Command("slash", "focus_filter", "Filter", "Sök text", id="filter", footer=False),
        *year_commands(footer=False),
        Command(
            "escape",
            "clear_filter",
            "Rensa filter",
            "Töm sökrutan",
            id="clear-filter",
            footer=False,
        ),
    )

    def __init__(
        self,
        calendar: CalendarRepository,
        members: MemberRepository,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(today=today)
        self.calendar, self.members = calendar, members
        self.index = CalendarIndex([])
        self._network_names: dict[int, str] = {}
        self._prepared: dict[tuple[str, str], PreparedRow] = {}
        """Rows made once per reload, by (table, item key): a keystroke only picks them."""

    # --- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield NavBar("calendar")
        with Horizontal(id="calendar-filters"):
            yield Input(placeholder="/ Filtrera på text…", id="text-filter", compact=True)
            yield Select(
                [(c.label, c.value) for c in Category],
                prompt="Alla kategorier",
                id="category-filter",
                compact=True,
            )
        with ContentSwitcher(initial=MONTH_VIEW, id="views"):
            with Horizontal(id=MONTH_VIEW):
                with Vertical(id="grid-side"):
                    yield MonthGrid(self.today, today=self.today, id="grid")
                    yield Static(id="month-summary", markup=False)
                with Vertical(id="day-side"):
                    yield Static(id="day-title", markup=False)
                    yield FittedTable(DAY_COLUMNS, id="day-items")
                    yield Static(id="item-detail")
            with Vertical(id=YEAR_VIEW):
                yield FittedTable(YEAR_COLUMNS, id="year-list")
                yield RowDetail(id="year-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.grid.focus()

    def load_again(self) -> None:
        self.reload(keep=self.selected_key())

    # --- parts --------------------------------------------------------------------------------
    @property
    def grid(self) -> MonthGrid:
        return self.query_one("#grid", MonthGrid)

    @property
    def day_table(self) -> FittedTable:
        return self.query_one("#day-items", FittedTable)

    @property
    def year_table(self) -> FittedTable:
        return self.query_one("#year-list", FittedTable)

    @property
    def year_view(self) -> bool:
        return self.query_one("#views", ContentSwitcher).current == YEAR_VIEW

    @property
    def day(self) -> date:
        return self.grid.day

    # --- what is shown ------------------------------------------------------------------------
    def chosen_filter(self) -> CalendarFilter:
        chosen = self.query_one("#category-filter", Select).value
        category = Category(chosen) if isinstance(chosen, str) else None
        return CalendarFilter(self.query_one("#text-filter", Input).value, category)

    def reload(self, keep: str | None = None) -> None:
        """Derive the items again from the registers and redraw."""
        self._load()
        self.redraw(keep)

    def _load(self) -> None:
        self.index = CalendarIndex(self.calendar.items())
        self._network_names = {
            n.id: n.name for n in self.calendar.networks.all() if n.id is not None
        }
        self._prepared = {}

    def redraw(self, keep: str | None = None) -> None:
        """Fill the view that is shown; the other is filled when it is shown (``v``)."""
        if self.year_view:
            self._fill_year(keep)
        else:
            self._fill_month(keep)
        self.refresh_bindings()

    def _fill_month(self, keep: str | None) -> None:
        day, chosen = self.day, self.chosen_filter()
        shown = self.index.month(day.year, day.month, chosen)
        self.grid.mark(marked_days(shown, day.year, day.month))
        month = in_month(shown, day.year, day.month)
        filtered = " (filtrerat)" if chosen.active else ""
        self.query_one("#month-summary", Static).update(
            f"{MONTH_NAMES[day.month - 1].capitalize()}: {len(month)} st{filtered}\n"
            "• = något den dagen"
        )
        items = on_day(shown, day) + [i for i in month if i.month_only]
        count = sum(not i.month_only for i in items)
        what = "inget" if count == 0 else f"{count} st"
        self.query_one("#day-title", Static).update(f"{long_date(day)} · {what}")
        table = self.day_table
        rows = [self._row(table, i, day_cells) for i in items]
        self._fill(table, rows, keep)
        self._show_details()

    def _fill_year(self, keep: str | None) -> None:
        table = self.year_table
        year = self.day.year
        rows: list[PreparedRow] = []
        items: list[PreparedRow] = []
        for group in month_groups(self.index.year(year, self.chosen_filter()), year):
            empty = "" if group.items else "(inget)"
            heading = (Text(group.heading, style="bold"), Text(""), Text(""), Text(empty))
            rows.append(table.prepare(f"{MONTH_ROW}{group.month}", heading))
            items += (self._row(table, i, year_cells) for i in group.items)
            rows += items[len(items) - len(group.items) :]
        table.border_title = str(year)
        table.note_values(items)  # one category chosen: its column gives the titles room
        self._fill(table, rows, keep or f"{MONTH_ROW}{self.day.month}")
        self.query_one("#year-detail", RowDetail).show_row(table)

    def _row(
        self,
        table: FittedTable,
        item: CalendarItem,
        cells: Callable[[CalendarItem], Sequence[Text]],
    ) -> PreparedRow:
        key = item.key
        prepared = self._prepared.get((table.id or "", key))
        if prepared is None:
            prepared = self._prepared[(table.id or "", key)] = table.prepare(key, cells(item))
        return prepared

    @staticmethod
    def _fill(table: FittedTable, rows: list[PreparedRow], keep: str | None) -> None:
        previous = table.cursor_row
        table.show_rows(rows)
        keys = [row.key for row in rows]
        if keep in keys:
            table.move_cursor(row=keys.index(keep))
        elif rows:
            table.move_cursor(row=min(previous, len(rows) - 1))

    # --- the chosen item ----------------------------------------------------------------------
    def selected_key(self, table: FittedTable | None = None) -> str | None:
        """The key of the highlighted item in ``table`` (default: the list now shown)."""
        table = table or (self.year_table if self.year_view else self.day_table)
        key = table.highlighted_key
        return None if key is None or key.startswith(MONTH_ROW) else key

    def selected_item(self, table: FittedTable | None = None) -> CalendarItem | None:
        return self.index.get(self.selected_key(table))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "delete"}:
            item = self.is_mounted and self.selected_item()
            return bool(item) and item.source is not Source.MEETING  # type: ignore[union-attr]
        if action == "move":
            return self.is_mounted and self.selected_item() is not None
        if action in {"show_year", "show_month"}:
            # One key, two labels: the footer names the view that v leads to.
            return (action == "show_month") == (self.is_mounted and self.year_view)
        if action == "clear_filter":
            return self.is_mounted and bool(self.query_one("#text-filter", Input).value)
        return True

    # --- events -------------------------------------------------------------------------------
    @on(MonthGrid.DayChanged)
    def _day_changed(self, event: MonthGrid.DayChanged) -> None:
        if self.is_mounted:
            self.redraw()

    @on(FittedTable.RowHighlighted)
    def _row_highlighted(self, event: FittedTable.RowHighlighted) -> None:
        self.refresh_bindings()
        if event.table is self.day_table:
            self._show_details()
        elif event.table is self.year_table:
            self.query_one("#year-detail", RowDetail).show_row(self.year_table)

    def _show_details(self) -> None:
        item = self.selected_item(self.day_table)
        detail = self.query_one("#item-detail", Static)
        if item is None:
            detail.update("")
            return
        detail.update(item_details(item, self._network_names))

    @on(FittedTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_edit()

    @on(Input.Changed, "#text-filter")
    @on(Select.Changed, "#category-filter")
    def _filter_changed(self) -> None:
        self.redraw(self.selected_key())

    @on(Input.Submitted, "#text-filter")
    def _filter_done(self) -> None:
        self._focus_view()

    @on(MonthGrid.DayChosen)
    def _day_chosen(self) -> None:
        """Enter on the grid goes to the day's list (enter there opens the item)."""
        if self.day_table.row_count:
            self.day_table.focus()

    # --- actions ------------------------------------------------------------------------------
    def _focus_view(self) -> None:
        (self.year_table if self.year_view else self.grid).focus()

    def action_show_year(self) -> None:
        self._show_view(YEAR_VIEW)

    def action_show_month(self) -> None:
        self._show_view(MONTH_VIEW)

    def _show_view(self, view: str) -> None:
        """The other view, on the same item where it is shown there too."""
        keep = self.selected_key()
        self.query_one("#views", ContentSwitcher).current = view
        self.redraw(keep)
        self._focus_view()

    def action_today(self) -> None:
        self.grid.day = self.today
        self._focus_view()

    def action_year(self, years: int) -> None:
        self.grid.day = self.day.replace(year=self.day.year + years, day=1)

    def action_focus_filter(self) -> None:
        self.query_one("#text-filter", Input).focus()

    def action_category(self) -> None:
        select = self.query_one("#category-filter", Select)
        select.focus()
        select.expanded = True

    def action_clear_filter(self) -> None:
        self.query_one("#text-filter", Input).value = ""
        self._focus_view()

    def action_export(self) -> None:
        start_export(
            self.app, year=self.day.year, today=self.today, database=self.calendar.database
        )

    def action_publish(self) -> None:
        start_publish(self.app, self.calendar)

    def action_import_ics(self) -> None:
        start_ics_import(self.app, self.calendar, done=self.reload)

    def action_move(self, step: int) -> None:
        """Move the highlighted item among the rows of the list it stands in that belong with
        it: its day's dated items, or the month-only ones (the year list: its month's)."""
        item = self.selected_item()
        if item is None:
            return
        table = self.year_table if self.year_view else self.day_table
        shown = [self.index.get(key) for key in table.row_keys()]
        if self.year_view:
            same = [
                i
                for i in shown
                if i and (i.day.year, i.day.month) == (item.day.year, item.day.month)
            ]
        else:
            same = [i for i in shown if i and i.month_only == item.month_only]
        try:
            done = self.calendar.move(item.key, [i.key for i in same], step)
        except StoreError as err:
            self.notify(escape(str(err)), severity="error", timeout=10)
            return
        if not done:
            self.notify("Den står redan först." if step < 0 else "Den står redan sist.", timeout=2)
            return
        self.reload(keep=item.key)

    def action_new(self) -> None:
        form = ActivityForm(
            today=self.today,
            networks=self.calendar.networks.all(),
            save=self.calendar.activities.add,
            day=self.day,
        )
        self.app.push_screen(form, self._saved)

    def action_edit(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if item.source is Source.MEETING:
            self.notify("Årsmötet ändras under Styrelse (3, sedan m).", timeout=4)
        elif item.source is Source.SUBMISSION:
            submission = self.calendar.submissions.get(item.source_id)
            self.app.push_screen(
                SubmissionForm(
                    today=self.today,
                    members=self.members.all(),
                    save=self.calendar.submissions.update,
                    submission=submission,
                ),
                self._saved,
            )
        else:
            form = ActivityForm(
                today=self.today,
                networks=self.calendar.networks.all(),
                save=self.calendar.activities.update,
                activity=self.calendar.activities.get(item.source_id),
            )
            self.app.push_screen(form, self._saved)

    def _saved(self, record: Activity | Submission | None) -> None:
        if record is None or record.id is None:
            return
        source = Source.ACTIVITY if isinstance(record, Activity) else Source.SUBMISSION
        self._load()
        self.grid.day = record.when.day  # redraws through DayChanged, but only on a new day
        self.redraw(f"{source.value}-{record.id}")
        self.notify(f"Sparat: {escape(record.title)}", timeout=3)

    def action_delete(self) -> None:
        item = self.selected_item()
        if item is None or item.source is Source.MEETING:
            return
        where = " Den tas bort ur påverkansregistret." if item.source is Source.SUBMISSION else ""
        register = (
            self.calendar.submissions
            if item.source is Source.SUBMISSION
            else self.calendar.activities
        )

        def done() -> None:
            self.reload()
            self.notify(f"Borttaget: {escape(item.title)}", timeout=3)

        question = f"Ta bort ”{item.title}” ({item.date_text})?{where}"
        confirm_delete(self, question, lambda: register.delete(item.source_id), done=done)
