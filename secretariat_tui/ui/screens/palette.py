"""The command palette: Textual's, closing once however fast ⏎ is typed, and its search.

Textual's own provider matches the title only, so "påminn" found nothing although the
reminder list says "påminnelse" in its description. A title is matched as Textual does
(fuzzy, highlighted); a description by its words, so that a short query does not match
every long text that happens to hold its letters in order.
"""

from __future__ import annotations

from textual import on
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets import Input, OptionList


class Palette(CommandPalette):
    """A second ⏎ typed before the first had closed the palette reached it closed; Textual's
    palette then chose again, closed again and popped a screen that was not there (a crash).
    What reaches it after it closed is dropped here, before Textual's own handlers."""

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
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
