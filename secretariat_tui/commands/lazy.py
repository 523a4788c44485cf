"""Command groups that import a command's module only when that command is needed.

``secretariat members list`` should not pay for the calendar files, the Word report or the
CSV transfer: each start of the script imports what one command uses, and a script calling
the command line in a loop feels every import. This is click's documented ``LazyGroup``
pattern: the group knows its lazy commands by name and ``"module:attribute"``, lists them
without importing them, and imports one when it is run (or when ``--help`` shows its line).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

import click

from secretariat_tui.commands.common import refuse_unsafe_text


class LazyGroup(click.Group):
    """A click group whose ``lazy_commands`` (name -> ``"module:attribute"``) load on demand.

    Every command it hands out has its text checked (``common.refuse_unsafe_text``), as the
    eager ones are, whether it was loaded now or declared with the group.
    """

    def __init__(
        self, *args: object, lazy_commands: Mapping[str, str] | None = None, **kwargs: object
    ):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands and cmd_name not in self.commands:
            self.add_command(self._load(cmd_name), cmd_name)
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            refuse_unsafe_text(command)
        return command

    def _load(self, name: str) -> click.Command:
        module_name, attribute = self.lazy_commands[name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy_commands[name]} is not a click command")
        return command


def subcommands(group: click.Command) -> dict[str, click.Command]:
    """Every subcommand of ``group`` by name, the lazy ones loaded: the whole tree, for the
    walks that need it (the crash report's command words, the tests of every command)."""
    if not isinstance(group, click.Group):
        return {}
    ctx = click.Context(group)
    found = {}
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is not None:
            found[name] = command
    return found
