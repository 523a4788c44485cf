"""What every command group shares: the context holding the database path, and errors.

Commands open the database through ``CliContext.database()`` (which holds the lock) and turn a
domain ``FieldErrors`` into ``FieldErrorsForCli``: one stderr line naming the flags, exit 1.
Listing commands take their ``--format`` from ``format_option``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.store.database import Database, open_database


@dataclass
class CliContext:
    db_path: Path

    @contextmanager
    def database(self, *, create: bool = True) -> Iterator[Database]:
        with open_database(self.db_path, create=create) as db:
            if db.created:
                click.echo(f"Obs: skapade en ny, tom databas {db.path}.", err=True)
            yield db


def format_option(
    *choices: str, default: str
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--format`` option (stored as ``fmt``) every listing command takes."""
    assert default in choices, f"{default!r} is not one of {choices}"
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Utdataformat.",
    )


# Member field name (domain) -> the flag that sets it, so a FieldErrors names what to retype.
FIELD_FLAGS = {
    "name": "--name",
    "kind": "--kind",
    "form": "--form",
    "org_number": "--org-number",
    "contact_person": "--contact",
    "email": "--email",
    "phone": "--phone",
    "address": "--address",
    "joined": "--joined",
    "form_from": "--form-from",
    "ended": "--date",
    # Fees and payments (`secretariat fees …`, `secretariat payments …`).
    "member_id": "--member",
    "fee_year": "--year",
    "amount": "--amount",
    "paid_on": "--date",
    "reference": "--reference",
    "note": "--note",
    # Annual meetings and board seats (`secretariat meeting …`, `secretariat board …`).
    "held_on": "--date",
    "elected_at": "--meeting",
    "person": "--person",
    "role": "--role",
    "organisation_id": "--member",
    "term_years": "--term",
    "starts_on": "--starts",
    "left_on": "--date",
    "left_reason": "--reason",
    # Activities, networks and submissions (`secretariat activities|networks|submissions …`).
    # The registers share "when" (--date), "title", "notes" and "in_report"; no name clashes.
    "when": "--date",
    "starts_at": "--start",
    "ends_at": "--end",
    "ends_on": "--until",
    "title": "--title",
    "category": "--category",
    "location": "--location",
    "participants": "--participants",
    "network_id": "--network",
    "organiser": "--organiser",
    "since": "--since",
    "until": "--until",
    "meets": "--meets",
    "contact": "--contact",
    "status": "--status",
    "recipient": "--recipient",
    "co_signers": "--co-signer",
    "notes": "--notes",
    "in_report": "--in-report/--not-in-report",
}


class FieldErrorsForCli(click.ClickException):
    """All faulty fields on one stderr line, each named by its flag, exit 1."""

    def __init__(self, err: FieldErrors) -> None:
        order = list(FIELD_FLAGS)
        names = sorted(err.errors, key=lambda n: order.index(n) if n in order else len(order))
        parts = [f"{FIELD_FLAGS.get(n, n)}: {err.errors[n].rstrip('.')}" for n in names]
        super().__init__("; ".join(parts) + ".")
