"""A month as a grid of days (Monday first), the chosen day highlighted, busy days marked.

Arrow keys move by day (and across months), ``pgup``/``pgdn`` by month, ``home``/``end`` to
the month's first and last day. The grid says which day is chosen with ``DayChanged``; what
is on the days is given to it (``marked``), so it knows nothing about the registers.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from secretariat_tui.domain.date_entry import MONTH_NAMES
from secretariat_tui.ui.commands import Command, bindings

WEEKDAYS = ("må", "ti", "on", "to", "fr", "lö", "sö")
MARK = "•"


class MonthGrid(Widget, can_focus=True):
    # Help and the palette list them; the footer has no room (the calendar's HELP says it too).
    BINDINGS = bindings(
        *(
            Command(keys, action, title, tooltip, id=id_, footer=False)
            for keys, action, title, tooltip, id_ in (
                ("left", "move(-1)", "Dag före", "En dag bakåt", "day-back"),
                ("right", "move(1)", "Dag efter", "En dag framåt", "day-on"),
                ("up", "move(-7)", "Veckan före", "En vecka bakåt", "week-back"),
                ("down", "move(7)", "Veckan efter", "En vecka framåt", "week-on"),
                ("pageup", "month(-1)", "Månad före", "En månad bakåt", "month-back"),
                ("pagedown", "month(1)", "Månad efter", "En månad framåt", "month-on"),
                ("home", "month_edge(True)", "Första dagen", "Månadens första dag", "first-day"),
                ("end", "month_edge(False)", "Sista dagen", "Månadens sista dag", "last-day"),
                ("enter", "choose", "Dagens lista", "Visa dagens aktiviteter", "day-list"),
            )
        )
    )

    day: reactive[date] = reactive(date(2000, 1, 1))

    @dataclass
    class DayChanged(Message):
        day: date

    @dataclass
    class DayChosen(Message):
        """Enter on the grid: the user wants the chosen day's items."""

        day: date

    def __init__(self, day: date, *, today: date, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(MonthGrid.day, day)
        self.today = today
        self._wanted = day.day
        """The day of the month to come back to: 31 Jan, pgdn, pgdn is 31 Mar, not 28 Mar."""
        self._paging = False
        self.marked: set[int] = set()
        """Days of the shown month that have something on them."""

    def watch_day(self, old: date, new: date) -> None:
        if not self._paging:
            self._wanted = new.day
        self.post_message(self.DayChanged(new))

    def mark(self, days: set[int]) -> None:
        self.marked = days
        self.refresh()

    def action_choose(self) -> None:
        self.post_message(self.DayChosen(self.day))

    def action_move(self, days: int) -> None:
        self.day += timedelta(days=days)

    def action_month(self, months: int) -> None:
        first = self.day.replace(day=1) + relativedelta(months=months)
        last = calendar.monthrange(first.year, first.month)[1]
        self._paging = True
        try:
            self.day = first.replace(day=min(self._wanted, last))
        finally:
            self._paging = False

    def action_month_edge(self, first: bool) -> None:
        last = calendar.monthrange(self.day.year, self.day.month)[1]
        self.day = self.day.replace(day=1 if first else last)

    def render(self) -> Text:
        year, month = self.day.year, self.day.month
        text = Text(f"{MONTH_NAMES[month - 1].capitalize()} {year}".center(28), style="bold")
        text.append("\n" + "".join(f" {name} " for name in WEEKDAYS) + "\n", style="dim")
        for week in calendar.Calendar().monthdayscalendar(year, month):
            for number in week:
                text.append_text(self._cell(year, month, number))
            text.append("\n")
        return text

    def _cell(self, year: int, month: int, number: int) -> Text:
        if number == 0:
            return Text("    ")
        marked = number in self.marked
        style = "bold" if marked else ""
        if date(year, month, number) == self.today:
            style += " underline"
        if number == self.day.day:
            style += " reverse"
        return Text(f" {number:>2}", style=style.strip()) + Text(MARK if marked else " ")
