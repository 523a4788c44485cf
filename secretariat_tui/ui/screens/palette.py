"""The command palette: Textual's, closing once however fast ⏎ is typed, and its search.

Textual's own provider matches the title only, so "påminn" found nothing although the
reminder list says "påminnelse" in its description. A title is matched as Textual does
(fuzzy, highlighted); a description by its words, so that a short query does not match
every long text that happens to hold its letters in order.

A search also finds the registers (their keys are the App's, described by what is in them)
and every other register's commands, as each register's screen class declares them:
"Medlemmar: Utdrag". Choosing one switches to that register and runs it there, as its key
would: a command on the highlighted row acts on the row highlighted there, which the form or
question it opens names, so nothing happens to a row the user has not seen. What that
register refuses now (no row, another view) is said in a message instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.screen import Screen
from textual.widgets import Input, OptionList

from secretariat_tui.ui.commands import declared, enabled
from secretariat_tui.ui.modes import SCREENS
from secretariat_tui.ui.registers import REGISTERS, RegisterTab
from secretariat_tui.ui.textual_compat import PaletteInSwedish


class Palette(PaletteInSwedish):
    """A second ⏎ typed before the first had closed the palette reached it closed; Textual's
    palette then chose again, closed again and popped a screen that was not there (a crash).
    What reaches it after it closed is dropped here, before Textual's own handlers.

    Its keys are Textual's, named in Swedish (a key of the same name replaces Textual's)."""

    BINDINGS = [
        Binding("ctrl+end,shift+end", "command_list('last')", "Sista", show=False),
        Binding("ctrl+home,shift+home", "command_list('first')", "Första", show=False),
        Binding("down", "cursor_down", "Nästa", show=False),
        Binding("escape", "escape", "Stäng"),
        Binding("pagedown", "command_list('page_down')", "Nästa sida", show=False),
        Binding("pageup", "command_list('page_up')", "Föregående sida", show=False),
        Binding("up", "command_list('cursor_up')", "Föregående", show=False),
    ]

    @on(Input.Changed)
    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(
        self, event: Input.Changed | Input.Submitted | OptionList.OptionSelected
    ) -> None:
        """A letter typed just before the palette closed started a search on a palette whose
        list was gone (``NoMatches: CommandList``, a crash under load): it is dropped too."""
        if not self.is_active:
            event.prevent_default()
            event.stop()


def in_words(query: str, text: str) -> bool:
    """Every word of ``query`` starts a word of ``text`` ("påminn" in "påminnelselista")."""
    words = text.casefold().replace("(", " ").replace(",", " ").split()
    return all(any(word.startswith(part) for word in words) for part in query.casefold().split())


class ScreenCommands(Provider):
    """What the current screen offers now (``App.get_system_commands``), found by title or
    by the words of its description."""

    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda c: c.title)
        for command in commands:
            if command.discover:
                yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.app.get_system_commands(self.screen):
            score = matcher.match(command.title)
            if score <= 0 and in_words(query, command.help):
                score = 0.5  # below a title's match, which is what the user usually means
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), command.callback, help=command.help
                )
        if not self.screen.is_modal:  # a dialog belongs to its register: finish it first
            for there in elsewhere(self.app):
                if score := there.score(matcher, query):
                    yield Hit(score, matcher.highlight(there.title), there.run, help=there.help)


@dataclass(frozen=True)
class Elsewhere:
    """A command of another register, as the palette offers it from here."""

    app: App[object]
    tab: RegisterTab
    binding: Binding

    @property
    def title(self) -> str:
        return f"{self.tab.title}: {self.binding.description}"

    @property
    def help(self) -> str:
        keys = f"{self.tab.key}, sedan {self.app.get_key_display(self.binding)}"
        return f"{self.binding.tooltip or self.binding.description} ({keys})"

    def score(self, matcher: Matcher, query: str) -> float:
        """Below a match of this screen's own commands, which is what the user usually means."""
        if matcher.match(self.binding.description) > 0:
            return 0.8 * matcher.match(self.title)
        words = f"{self.tab.title} {self.binding.description} {self.binding.tooltip}"
        return 0.4 if in_words(query, words) else 0.0

    def run(self) -> None:
        """Switch to the register; once its screen has loaded, run the command there."""
        app = self.app
        app.switch_mode(self.tab.mode)
        app.screen.call_later(self._run_on, app.screen)

    async def _run_on(self, screen: Screen[object]) -> None:
        app = screen.app
        if not screen.is_active:  # another key went elsewhere first, or the app is closing
            return
        if not enabled(screen, self.binding):
            app.notify(
                f"{self.binding.description} går inte här just nu.",
                title=self.tab.title,
                severity="warning",
            )
            return
        await app.run_action(self.binding.action, screen)


def elsewhere(app: App[object]) -> list[Elsewhere]:
    """Every other register's commands: all it declares, or, for a register already shown
    (its screen keeps its state), those it allows now."""
    found = []
    for tab in REGISTERS:
        if tab.mode == app.current_mode:
            continue
        try:
            shown: list[Screen[object]] = app.get_screen_stack(tab.mode)
        except KeyError:  # not shown yet
            shown = []
        for binding in declared(SCREENS[tab.mode]):
            if not shown or enabled(shown[0], binding):
                found.append(Elsewhere(app, tab, binding))
    return found
