"""The command line: ``secretariat`` opens the TUI; subcommands script the registers.

Errors never show a traceback: a bad flag, a bad value or a store problem is one line on
stderr and a non-zero exit code (2 for usage, 1 for everything else).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from secretariat_tui.cli_messages import swedish
from secretariat_tui.commands import (
    personal_data,  # noqa: F401 (members extract/erase/retention)
    transfer,  # noqa: F401 (adds import/export to the groups)
)
from secretariat_tui.commands.activities import activities
from secretariat_tui.commands.board import board, meeting
from secretariat_tui.commands.calendar_files import export_group, import_group
from secretariat_tui.commands.common import CliContext, FieldErrorsForCli
from secretariat_tui.commands.fees import fees
from secretariat_tui.commands.members import members
from secretariat_tui.commands.networks import networks
from secretariat_tui.commands.payments import payments
from secretariat_tui.commands.settings import settings
from secretariat_tui.commands.submissions import submissions
from secretariat_tui.config import ENV_VAR, resolve_db_path
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.store.errors import StoreError

PROG = "secretariat"


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"Databasfil (annars ${ENV_VAR}, annars användarens datamapp).",
)
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Kansliets register: utan underkommando öppnas terminalgränssnittet."""
    ctx.obj = CliContext(db_path=resolve_db_path(db))
    if ctx.invoked_subcommand is None:
        from secretariat_tui.ui.app import run_app

        with ctx.obj.database() as database:
            run_app(database)


cli.add_command(members)
cli.add_command(fees)
cli.add_command(payments)
cli.add_command(meeting)
cli.add_command(board)
cli.add_command(export_group)
cli.add_command(import_group)
cli.add_command(activities)
cli.add_command(networks)
cli.add_command(submissions)
cli.add_command(settings)

# --- entry point ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``secretariat`` script."""
    try:
        result = cli.main(args=argv, prog_name=PROG, standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(f"{PROG}: avbrutet.", err=True)
        sys.exit(130)
    except click.UsageError as err:
        hint = f" (se {err.ctx.command_path} --help)" if err.ctx else ""
        click.echo(f"{PROG}: {swedish(one_line(err.format_message()))}{hint}", err=True)
        sys.exit(2)
    except click.ClickException as err:
        click.echo(f"{PROG}: {one_line(err.format_message())}", err=True)
        sys.exit(err.exit_code)
    except FieldErrors as err:
        click.echo(f"{PROG}: {FieldErrorsForCli(err).format_message()}", err=True)
        sys.exit(1)
    except StoreError as err:
        click.echo(f"{PROG}: {one_line(str(err))}", err=True)
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)


def one_line(message: str) -> str:
    """Join a multi-line message (click 8.2 lists choices on separate lines) into one line."""
    return " ".join(line.strip() for line in message.splitlines() if line.strip())
