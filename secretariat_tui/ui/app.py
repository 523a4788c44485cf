"""The App: the theme, its keys, one mode per register (switched with 0, 1, …), the palette."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date

import click
from rich.markup import escape
from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen

from secretariat_tui.store.database import Database
from secretariat_tui.ui.app_commands import APP_COMMANDS, PALETTE, QUIT, THEME
from secretariat_tui.ui.commands import bindings, palette
from secretariat_tui.ui.modes import register_modes
from secretariat_tui.ui.quit_guard import end_on_hangup, quit_unless_typing
from secretariat_tui.ui.registers import REGISTERS
from secretariat_tui.ui.screens.crash import Crash, tell_crash
from secretariat_tui.ui.screens.help import HelpScreen
from secretariat_tui.ui.screens.palette import Palette, ScreenCommands
from secretariat_tui.ui.textual_compat import (
    GuardedApp,
    show_unsafe_text_escaped,
    swedish_select_list,
)
from secretariat_tui.ui.themes import PLACEHOLDER, ThemeChoices


def keep_for_the_session() -> None:
    """Leave what the first screen was built from out of every later garbage collection.

    The register's file, Textual and the first screen's records live as long as the session,
    yet each full collection walked them all: 70-90 ms at the ten-year register's 3x size,
    which fell on whatever key was being typed (issue 18: no key slower than a frame). Frozen
    (``gc.freeze``), a full collection walks only what came after: about 1.5 ms. Young garbage
    is collected first, so none is kept; what is frozen is still freed when no longer used,
    as the records and documents hold no reference cycles.
    """
    gc.collect(1)
    gc.freeze()


class SecretariatApp(GuardedApp[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Kansliet"
    COMMANDS = {ScreenCommands}
    BINDINGS = bindings(*APP_COMMANDS, Binding("ctrl+c", "help_quit", show=False, system=True))

    crashed: Crash | None = None
    """Set by the first unexpected error: what it was and where its report is."""

    def __init__(
        self, database: Database, *, today: date | None = None, start: str = "overview"
    ) -> None:
        self.DEFAULT_MODE = start  # read by App.__init__: the register shown first
        show_unsafe_text_escaped()
        swedish_select_list()
        super().__init__()
        self.database = database
        self.today = today
        self.sub_title = database.label
        modes = register_modes(database, today)
        for tab in REGISTERS:
            self.add_mode(tab.mode, modes[tab.mode])

    def on_mount(self) -> None:
        end_on_hangup(self)
        self.call_after_refresh(keep_for_the_session)
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
        self.crashed = tell_crash(self, error, self.crashed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No register switch from inside a dialog: the dialog belongs to this register."""
        if action == "switch_register":
            return not isinstance(self.screen, ModalScreen)
        return True

    def action_switch_register(self, mode: str) -> None:
        self.switch_mode(mode)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        quit_unless_typing(self)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(placeholder="Sök kommando…", id="--command-palette"))

    def action_change_theme(self) -> None:
        """The themes by Swedish names, where Textual's picker lists its own in English."""
        self.push_screen(Palette(providers=[ThemeChoices], placeholder=PLACEHOLDER))

    def action_help_quit(self) -> None:
        self.notify("Tryck q eller ctrl+q för att avsluta.", title="Avsluta?")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """What the screen offers now, then the theme and quit, which even a dialog has."""
        return palette(screen, always=(THEME, QUIT), leave_out=(PALETTE,))


def run_app(database: Database) -> int:
    """Run the TUI; its exit code (1 after an unexpected error, told once more on stderr)."""
    app = SecretariatApp(database)
    app.run()
    if app.crashed is not None:
        click.echo(app.crashed.line(), err=True)
    return app.return_code or 0
