"""Network memberships: the table, add / edit / delete, and the participation it had."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.widgets import Input

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.networks import NetworkMembership, participations_by_network
from secretariat_tui.store.calendar import CalendarRepository, NetworkInUse
from secretariat_tui.ui.commands import bindings, year_commands
from secretariat_tui.ui.screens.calendar_forms import NetworkForm
from secretariat_tui.ui.screens.record_screen import RecordScreen
from secretariat_tui.ui.screens.register_screen import RegisterScreen
from secretariat_tui.ui.widgets.register_table import Column, Row

COLUMNS = (
    Column("name", "Nätverk"),
    Column("organiser", "Arrangör", 14, hide_when_same=True),
    Column("since", "Sedan", 10),
    Column("role", "Roll", 8, hide_when_same=True),
    Column("count", "Deltog", 11, sort_key=lambda value: int(str(value) or 0)),
)


def times(count: int) -> str:
    return "ett tillfälle" if count == 1 else f"{count} tillfällen"


class NetworksScreen(RegisterScreen, RecordScreen[NetworkMembership]):
    RECORD = ("ett nätverk", "markerat nätverk")
    TITLE = "Nätverk"
    MODE = "networks"
    COLUMNS = COLUMNS
    CSV = False
    PLACEHOLDER = "/ Filtrera på nätverk, arrangör, roll…"
    HELP = (
        "Nätverken som plattformen är med i. Deltagandet räknas ur kalendern: en aktivitet "
        "som anger nätverket (fältet Nätverk i aktivitetsformuläret) är ett tillfälle. "
        "Kolumnen Deltog visar valt år; < och > byter år."
    )
    BINDINGS = bindings(
        *year_commands(),
    )

    def __init__(self, calendar: CalendarRepository, *, today: date | None = None) -> None:
        super().__init__(today=today, database_path=calendar.path)
        self.calendar = calendar
        self.records = calendar.networks
        self.year = self.today.year
        self._taken: dict[int, list[Activity]] = {}
        """The year's participations by network, counted once per reload (not per move)."""

    def reload(self, keep: int | None = None) -> None:
        networks = self.calendar.networks.all()
        self._taken = participations_by_network(self.calendar.activities.all(), self.year)
        rows = []
        for network in networks:
            assert network.id is not None
            count = len(self._taken.get(network.id, []))
            since = network.since.isoformat() if network.since else ""
            cells = (network.name, network.organiser, since, network.role, str(count or ""))
            rows.append(Row(str(network.id), cells, " ".join(cells[:4] + (network.notes,))))
        self.register.rename_column("count", f"Deltog {self.year}")
        self.register.set_rows(rows, keep=str(keep) if keep else None)
        self._show_participation()

    def _show_participation(self) -> None:
        network = self.selected_record()
        if network is None or network.id is None:
            self.register.set_status(f"Deltagande {self.year}")
            return
        taken = self._taken.get(network.id, [])
        dates = ", ".join(a.when.iso() for a in taken[:4]) + (" …" if len(taken) > 4 else "")
        text = f"{network.name} {self.year}: " + (
            f"deltog vid {times(len(taken))} ({dates})" if taken else "inget deltagande"
        )
        if network.until and network.until.year <= self.year:
            text += f" · medlem till {network.until.isoformat()}"
        self.register.set_status(text)

    def on_data_table_row_highlighted(self) -> None:
        """Besides the footer (``ListScreen`` refreshes it): the network's participation."""
        self._show_participation()

    @on(Input.Changed, "#filter")
    def _filtered(self) -> None:
        """The filter may leave the cursor on row 0 with another network under it."""
        self._show_participation()

    def action_year(self, years: int) -> None:
        self.year += years
        self.reload(keep=self.selected_id())

    def describe(self, record: NetworkMembership) -> str:
        return record.name

    def form_for(self, record: NetworkMembership | None) -> NetworkForm:
        return NetworkForm(today=self.today, save=self.save_for(record), network=record)

    def refusal(self, record: NetworkMembership) -> str | None:
        """Activities that name the network keep it: said at once, not after a question."""
        assert record.id is not None
        linked = self.calendar.linked_activities(record.id)
        return str(NetworkInUse(record, linked)) if linked else None

    def delete_question(self, record: NetworkMembership) -> str:
        return f"Ta bort nätverket {record.name}? Sätt hellre ett slutdatum om ni har lämnat."

    def delete(self, record: NetworkMembership) -> None:
        assert record.id is not None
        self.calendar.delete_network(record.id)
