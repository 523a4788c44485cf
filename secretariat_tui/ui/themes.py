"""The colour themes the palette offers, by Swedish names.

Textual's own theme picker lists its twenty themes by their English names ("textual-dark",
"rose-pine-dawn") under "Search for themes…". A coordinator needs a dark and a light one and
perhaps a calmer pair: these, named in Swedish, are what "Tema" offers.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

THEMES = {
    "Mörkt": "textual-dark",
    "Ljust": "textual-light",
    "Mörkt, blått": "nord",
    "Mörkt, varmt": "gruvbox",
    "Ljust, varmt": "solarized-light",
    "Ljust, mjukt": "catppuccin-latte",
}
"""Swedish name → Textual's theme."""

PLACEHOLDER = "Sök färgtema…"


class ThemeChoices(Provider):
    """The themes of ``THEMES``; the one in use says so."""

    def _choices(self) -> list[tuple[str, str]]:
        return [
            (name + (" (nu)" if theme == self.app.theme else ""), theme)
            for name, theme in THEMES.items()
        ]

    def _use(self, theme: str) -> None:
        self.app.theme = theme

    async def discover(self) -> Hits:
        for name, theme in self._choices():
            yield DiscoveryHit(name, partial(self._use, theme))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, theme in self._choices():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), partial(self._use, theme))
