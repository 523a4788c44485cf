"""The command line: ``secretariat`` opens the TUI; subcommands script the registers.

Errors never show a traceback: a bad flag, a bad value or a store problem is one line on
stderr and a non-zero exit code (2 for usage, 1 for everything else).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

from secretariat_tui.cli_messages import swedish
from secretariat_tui.commands.common import CliContext, refuse_unsafe_text
from secretariat_tui.commands.field_options import FieldErrorsForCli
from secretariat_tui.commands.lazy import LazyGroup
from secretariat_tui.config import ENV_VAR, resolve_db_path
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.text import shown
from secretariat_tui.store.errors import StoreError

PROG = "secretariat"


COMMANDS = {
    "members": "secretariat_tui.commands.members:members",
    "fees": "secretariat_tui.commands.fees:fees",
    # The payments group as transfer.py leaves it: with its ``export`` and ``import``.
    "payments": "secretariat_tui.commands.transfer:payments",
    "meeting": "secretariat_tui.commands.board:meeting",
    "board": "secretariat_tui.commands.board:board",
    "export": "secretariat_tui.commands.calendar_files:export_group",
    "import": "secretariat_tui.commands.calendar_files:import_group",
    "activities": "secretariat_tui.commands.activities:activities",
    "networks": "secretariat_tui.commands.networks:networks",
    "submissions": "secretariat_tui.commands.submissions:submissions",
    "settings": "secretariat_tui.commands.settings:settings",
    "report": "secretariat_tui.commands.report_texts:report",
    "calendar": "secretariat_tui.commands.calendar_publish:calendar_group",
}
"""Each command group by name and where it is declared: imported only when it runs."""


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
            code = run_app(database)
        ctx.exit(code)


refuse_unsafe_text(cli)

# --- entry point ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``secretariat`` script: every outcome is one line and an exit code.

    Known errors are one line on stderr (2 for usage, 1 otherwise). Anything else is the
    last line of defence: a crash report without personal data (``crash.py``) and one line
    naming it, never a traceback.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    with shown_streams():
        sys.exit(run(args))


def run(args: list[str]) -> int:
    try:
        result = cli.main(args=args, prog_name=PROG, standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        say(f"{PROG}: avbrutet.")
        return 130
    except click.UsageError as err:
        hint = f" (se {err.ctx.command_path} --help)" if err.ctx else ""
        say(f"{PROG}: {swedish(one_line(err.format_message()))}{hint}")
        return 2
    except click.ClickException as err:
        say(f"{PROG}: {one_line(err.format_message())}")
        return err.exit_code
    except FieldErrors as err:
        say(f"{PROG}: {FieldErrorsForCli(err).format_message()}")
        return 1
    except StoreError as err:
        say(f"{PROG}: {one_line(str(err))}")
        return 1
    except BrokenPipeError:
        # The reader went away (``secretariat members list | head -1``): nothing to tell.
        quiet_stdout()
        return 1
    except Exception as err:  # noqa: BLE001  (the last line of defence)
        return crashed(err, args)
    return result if isinstance(result, int) else 0


def crashed(error: BaseException, args: list[str], where: str = "cli") -> int:
    """Write the crash report, say so in one line, and give the exit code (1).

    The crash report's module (and ``importlib.metadata`` for the version) is loaded here:
    only a crash pays for it, not every start.
    """
    from secretariat_tui.crash import command_words, write_crash_report

    command = command_words(args, command_names())
    report = write_crash_report(error, where=where, command=command)
    kept = (
        f"Felrapport (utan personuppgifter): {report}"
        if report
        else "Felrapporten kunde inte sparas."
    )
    say(
        f"{PROG}: ett oväntat fel ({type(error).__name__}) avbröt programmet. Databasen är hel: "
        f"en ändring sparas helt eller inte alls. {kept}"
    )
    return 1


def say(line: str) -> None:
    """One line on stderr, whatever the terminal can show."""
    with contextlib.suppress(OSError, ValueError):  # stderr gone: the exit code still tells
        click.echo(line, err=True)


class ShownText(io.TextIOWrapper):
    """A terminal stream that never lets stored text steer the terminal: an ESC, a C1 code or
    a bidi override in a name is written as its visible stand-in (``domain.text.shown``), and
    a character the terminal's encoding lacks becomes ``?``."""

    def write(self, text: str) -> int:
        return super().write(shown(text, keep_lines=True))


@contextlib.contextmanager
def shown_streams() -> Iterator[None]:
    """stdout and stderr as ``ShownText`` for one run, then as they were.

    Never a traceback after the work is done: a latin-1 or ASCII terminal could not print
    ”, and the save was made but its confirmation crashed, so the user ran it again.
    """
    originals = sys.stdout, sys.stderr
    wrapped = [_shown(stream) for stream in originals]
    sys.stdout, sys.stderr = (new or old for new, old in zip(wrapped, originals, strict=True))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = originals
        for stream in wrapped:
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.flush()
                    stream.detach()  # the buffer stays open for the original stream


def _shown(stream: object) -> ShownText | None:
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return None
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if codecs.lookup(encoding).name == "ascii":
        encoding = "utf-8"  # as click does: an ASCII locale is taken to be a mistake
    with contextlib.suppress(OSError, ValueError):
        getattr(stream, "flush", lambda: None)()
    line_buffering = bool(getattr(stream, "line_buffering", False))
    return ShownText(
        buffer,
        encoding=encoding,
        errors="replace",
        line_buffering=line_buffering,
        write_through=True,
    )


def quiet_stdout() -> None:
    """After a broken pipe, point stdout at nothing so the interpreter's flush is silent."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def one_line(message: str) -> str:
    """Join a multi-line message (click 8.2 lists choices on separate lines) into one line."""
    return " ".join(line.strip() for line in message.splitlines() if line.strip())


def command_names() -> set[str]:
    """Every (sub)command's name: the words of a command line a crash report may keep.

    Walking the tree loads every command group; only a crash pays for that. A group that
    cannot even be imported keeps its own name and loses its subcommands' words (``…``).
    """
    return _names(cli)


def _names(group: click.Command) -> set[str]:
    names = {group.name or ""}
    if isinstance(group, click.Group):
        ctx = click.Context(group)
        for name in group.list_commands(ctx):
            names.add(name)
            with contextlib.suppress(Exception):  # a crash report must not crash
                names |= _names(group.get_command(ctx, name) or click.Command(name))
    return names
