"""The shape every register screen shares, so a new register is a small module.

The top bar, one filterable register table (a ``ListScreen``) and the footer; "today" (fixed
in tests); a reload whenever the screen is shown again (another register may have changed
what it derives from); CSV for Excel in (i, with a preview) and out (u). Create, edit and
delete come with ``RecordScreen``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult

from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.derived_screen import DerivedScreen
from secretariat_tui.ui.screens.list_screen import ListScreen
from secretariat_tui.ui.screens.transfer import CsvTransfer, start_export, start_import
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.nav_bar import NavBar
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable

CSV_COMMANDS = (
    Command(
        "i",
        "import_csv",
        "Importera",
        "Läs in från en CSV-fil från Excel (med förhandsgranskning)",
        id="import",
        footer=False,
    ),
    Command(
        "u", "export_csv", "Exportera", "Spara som CSV-fil för Excel", id="export", footer=False
    ),
)


class RegisterScreen(ListScreen, DerivedScreen):
    MODE: ClassVar[str]
    COLUMNS: ClassVar[tuple[Column, ...]]
    PLACEHOLDER: ClassVar[str]
    NEWEST_FIRST: ClassVar[bool] = False
    """Sorted on the first column (a date) descending: what was just added is on top."""
    CSV: ClassVar[bool] = True
    """False for a register without CSV in and out: it then has no i and u."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """i and u only on a register with CSV, after its own keys: a key that can never work
        there is not declared, so neither help nor the palette of another register offers it."""
        if "MODE" in cls.__dict__ and cls.CSV:  # before Textual merges the class's bindings
            cls.BINDINGS = bindings(*cls.__dict__.get("BINDINGS", []), *CSV_COMMANDS)
        super().__init_subclass__(**kwargs)

    def __init__(self, *, today: date | None, database_path: Path) -> None:
        super().__init__(today=today)
        self.database_path = database_path

    # --- what a register provides (and ``reload``) ---------------------------------------------
    def csv_transfer(self) -> CsvTransfer[Any]:
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE)
        yield RegisterTable(
            self.COLUMNS,
            placeholder=self.PLACEHOLDER,
            newest_first=self.NEWEST_FIRST,
            id="register",
        )
        yield KeyFooter()

    def load_again(self) -> None:
        self.reload(keep=self.selected_id())

    def action_import_csv(self) -> None:
        start_import(self.app, self.csv_transfer(), done=self.reload)

    def action_export_csv(self) -> None:
        start_export(self.app, self.csv_transfer(), protected=self.database_path)
