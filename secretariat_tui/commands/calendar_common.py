"""What the calendar registers' commands share (`activities`, `networks`, `submissions`).

Ids that may be calendar keys, a refusal for an unknown id, and the Swedish delete question.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import click

from secretariat_tui.domain.calendar import Source
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.store.records import HasId, RecordNotFound, RecordTable

R = TypeVar("R", bound=HasId)

_SOURCES = {
    Source.ACTIVITY: ("en aktivitet", "activities"),
    Source.SUBMISSION: ("en inlaga", "submissions"),
    Source.MEETING: ("ett årsmöte", "meeting"),
}


class RecordId(click.ParamType):
    """A record's number, or its calendar key (``aktivitet-12``) as `activities list` shows it."""

    name = "id"

    def __init__(self, source: Source) -> None:
        self.source = source

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        text = str(value).strip()
        if text.isdigit():
            return int(text)
        prefix, _, number = text.rpartition("-")
        owner = next((s for s in Source if s.value == prefix.casefold()), None)
        if owner is self.source and number.isdigit():
            return int(number)
        if owner is not None and number.isdigit():
            what, group = _SOURCES[owner]
            where = (
                f"ändra det under secretariat {group}"
                if owner is Source.MEETING
                else f"använd secretariat {group} {ctx.info_name if ctx else 'edit'} {number}"
            )
            self.fail(f"{text} är {what}, inte {_SOURCES[self.source][0]}; {where}.", param, ctx)
        self.fail(f"”{text}” är inget id; skriv numret, t.ex. 12.", param, ctx)


def fetch(table: RecordTable[R], record_id: int) -> R:
    """The record, or its "not found" as one error line (also when called in-process)."""
    try:
        return table.get(record_id)
    except RecordNotFound as err:
        raise click.ClickException(str(err)) from None


def nothing_to_change(values: Mapping[str, object], example: str) -> None:
    """An edit without a single flag is a usage error, not a silent save."""
    if all(value is None for value in values.values()):
        raise click.UsageError(f"Inget att ändra: ange minst en flagga, t.ex. {example}.")


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def confirmed(
    question: str, yes: bool, *, nothing: str = "Inget togs bort", act: str = "ta bort"
) -> bool:
    """``--yes``, or the user's own "j" at a terminal; a script without ``--yes`` is refused.
    ``nothing`` says what did not happen ("Inget skickades"), ``act`` what --yes would do."""
    if yes:
        return True
    if not stdin_is_terminal():
        raise click.ClickException(
            f"{nothing}: ingen terminal att fråga i; ange --yes för att {act} utan fråga."
        )
    answer = click.prompt(question, default="", show_default=False, prompt_suffix=" [j/N]: ")
    if answer.strip().casefold() in {"j", "ja", "y", "yes"}:
        return True
    click.echo(f"{nothing}.")
    return False


def delete_asked(
    table: RecordTable[R], record_id: int, what: str, describe: Callable[[R], str], yes: bool
) -> None:
    """Delete ``what`` ``record_id`` after asking (``confirmed``), and say what went."""
    record = fetch(table, record_id)
    line = f"{what} {record_id}: {describe(record)}"
    if confirmed(f"Ta bort {line}?", yes):
        table.delete(record_id)
        click.echo(f"Tog bort {line}")


def find_network(text: str, networks: Sequence[NetworkMembership]) -> NetworkMembership:
    """The one network ``text`` names: an id, a full name or the start of just one name."""
    wanted = " ".join(text.split())
    if wanted.isdigit():
        found = [n for n in networks if n.id == int(wanted)]
        if not found:
            raise click.ClickException(f"--network: Det finns inget nätverk med id {wanted}.")
        return found[0]
    key = swedish_key(wanted)
    exact = [n for n in networks if swedish_key(n.name) == key]
    found = exact or [n for n in networks if swedish_key(n.name).startswith(key)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise click.ClickException(f"--network: Inget nätverk heter ”{wanted}”.")
    names = ", ".join(sorted((n.name for n in found), key=swedish_key)[:3])
    raise click.ClickException(f"--network: ”{wanted}” passar flera nätverk ({names}).")
