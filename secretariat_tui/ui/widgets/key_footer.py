"""The footer of every screen: Textual's, rebuilt only when the keys it shows have changed.

Textual's Footer takes down and builds again every key on each change of the screen's
bindings, and a screen announces several as it opens (mounted, focused, its table filled):
seven rebuilds of the members screen's footer before its first frame, a fifth of that frame
(issue 18). What a rebuild would show is known from the bindings alone, so a rebuild that
would show the same keys is skipped. ``ui/keys.refresh_keys`` does the same for our own
calls; this covers Textual's.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._keys_composed: Hashable = None

    def keys_shown(self) -> Hashable:
        """Everything ``Footer.compose`` reads: the shown bindings, whether each is enabled,
        their tooltips, and the palette key."""
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (key, binding.action, binding.description, binding.group, enabled, tooltip)
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == self.app.COMMAND_PALETTE_BINDING
            ),
        )

    async def recompose(self) -> None:
        """Built again only when it would show other keys. A footer with no keys yet (Textual
        composes it empty until the bindings are known) is always built."""
        if not self.is_attached:
            return
        shown = self.keys_shown()
        if shown == self._keys_composed and self.children:
            return
        self._keys_composed = shown
        await super().recompose()
