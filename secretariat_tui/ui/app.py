"""The App: global keys, one mode per register (switched with 1, 2, …), the palette. No more."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import click
from rich.markup import escape
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen

from secretariat_tui.crash import write_crash_report
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import Database
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.keys import screen_actions
from secretariat_tui.ui.screens.board import BoardScreen
from secretariat_tui.ui.screens.calendar import CalendarScreen
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.crash import Crash, CrashScreen
from secretariat_tui.ui.screens.fees import FeesScreen
from secretariat_tui.ui.screens.help import HelpScreen
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.networks import NetworksScreen
from secretariat_tui.ui.screens.overview import OverviewScreen
from secretariat_tui.ui.screens.submissions import SubmissionsScreen
from secretariat_tui.ui.textual_compat import GuardedApp, show_unsafe_text_escaped
from secretariat_tui.ui.widgets.nav_bar import RegisterTab
from secretariat_tui.ui.widgets.record_form import RecordForm

# One mode per register, in the order of the top bar; the key switches to it.
REGISTERS = (
    RegisterTab("overview", "0", "Översikt"),
    RegisterTab("members", "1", "Medlemmar"),
    RegisterTab("fees", "2", "Avgifter"),
    RegisterTab("board", "3", "Styrelse"),
    RegisterTab("calendar", "4", "Kalender"),
    RegisterTab("networks", "5", "Nätverk"),
    RegisterTab("submissions", "6", "Påverkan"),
)


class SecretariatApp(GuardedApp[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Kansliet"
    BINDINGS = [
        Binding("q", "quit", "Avsluta", id="quit", tooltip="Avsluta programmet"),
        Binding(
            "ctrl+q", "quit", "Avsluta", show=False, priority=True, id="quit", tooltip="Avsluta"
        ),
        Binding("question_mark", "help", "Hjälp", id="help", tooltip="Visa hjälp och tangenter"),
        # f1 is a priority binding so it also reaches through a form, where ? is typed text.
        Binding("f1", "help", "Hjälp", id="help", show=False, priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        Binding(
            "ctrl+p",
            "command_palette",
            "Kommandon",
            show=False,
            priority=True,
            id="palette",
            tooltip="Sök bland alla kommandon",
        ),
        *(
            Binding(
                tab.key,
                f"switch_register('{tab.mode}')",
                tab.title,
                show=False,
                id=f"goto-{tab.mode}",
                tooltip=f"Gå till {tab.title.lower()} ({tab.key})",
            )
            for tab in REGISTERS
        ),
    ]

    DEFAULT_MODE = "overview"
    REGISTERS = REGISTERS
    crashed: Crash | None = None
    """Set by the first unexpected error: what it was and where its report is."""

    def __init__(
        self, database: Database, *, today: date | None = None, start: str = "overview"
    ) -> None:
        self.DEFAULT_MODE = start  # read by App.__init__: the register shown first
        show_unsafe_text_escaped()
        super().__init__()
        self.database = database
        self.today = today
        self.sub_title = database.label
        ledger = FeeLedger.of(database)
        calendar = CalendarRepository(database)
        self.add_mode("overview", lambda: OverviewScreen(ledger, calendar, today=today))
        self.add_mode("members", lambda: MembersScreen(ledger.members, today=today))
        self.add_mode("fees", lambda: FeesScreen(ledger, today=today))
        self.add_mode("board", lambda: BoardScreen(BoardRepository(database), ledger, today=today))
        self.add_mode("calendar", lambda: CalendarScreen(calendar, ledger.members, today=today))
        self.add_mode("networks", lambda: NetworksScreen(calendar, today=today))
        self.add_mode(
            "submissions", lambda: SubmissionsScreen(calendar, ledger.members, today=today)
        )

    def on_mount(self) -> None:
        if self.database.created:
            self.notify(
                f"Det här är en ny, tom databas: {escape(self.database.label)}. "
                "Var det fel fil? Avsluta med q och ange rätt fil med --db.",
                title="Ny databas",
                timeout=15,
            )
        for warning in self.database.warnings:
            self.notify(escape(warning), title="Obs", severity="warning", timeout=15)

    def unexpected_error(self, error: BaseException) -> None:
        """Write the crash report and tell the user in a message; a second error, or one while
        the app cannot show anything any more, ends the session at once."""
        if self.crashed is not None:
            self.end_after_crash()
            return
        report = write_crash_report(error, where="tui", command=type(self.screen).__name__)
        self.crashed = Crash(error, report)
        try:
            self.push_screen(CrashScreen(self.crashed))
        except Exception:  # noqa: BLE001  (no screen can be shown: end, the line says why)
            self.end_after_crash()

    def action_switch_register(self, mode: str) -> None:
        self.switch_mode(mode)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No register switch from inside a dialog: the dialog belongs to this register."""
        if action == "switch_register":
            return not isinstance(self.screen, ModalScreen)
        return True

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Quit, but never silently drop what is typed in an open form."""
        form = next(
            (s for s in self.screen_stack if isinstance(s, RecordForm) and s.is_dirty), None
        )
        if form is None:
            self.exit()
            return

        def answered(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit()

        self.push_screen(
            ConfirmScreen(
                "Formuläret har ändringar som inte är sparade. Avsluta ändå?",
                yes="Avsluta utan att spara",
                no="Tillbaka till formuläret",
            ),
            answered,
        )

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="Sök kommando…", id="--command-palette"))

    def action_help_quit(self) -> None:
        self.notify("Tryck q eller ctrl+q för att avsluta.", title="Avsluta?")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action of the current screen is also a palette command, in Swedish."""
        for action in screen_actions(screen):
            if action.binding.action not in {"quit", "command_palette"}:
                keys = ", ".join(action.keys)
                yield SystemCommand(action.title, f"{action.explanation} ({keys})", action.run)
        yield SystemCommand("Tema", "Byt färgtema", self.action_change_theme)
        yield SystemCommand("Avsluta", "Avsluta programmet (q)", self.action_quit)


def run_app(database: Database) -> int:
    """Run the TUI; its exit code (1 after an unexpected error, told once more on stderr)."""
    app = SecretariatApp(database)
    app.run()
    if app.crashed is not None:
        click.echo(app.crashed.line(), err=True)
    return app.return_code or 0
