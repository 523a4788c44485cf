"""Add, edit and delete on a list of records: n, e and x bound once for every register.

A register says only what differs: where its records are (``records``), the Swedish name a
notice gives a record (``describe``), the form to open (``form_for``), the question before a
delete (``delete_question``), a refusal without asking (``refusal``), and a delete of its own
where it has one. Networks, submissions, members and a member's payments are built on it,
on a screen of their own (with ``RegisterScreen``) or in a dialog (``ModalListScreen``).

The dialogs are awaited in workers (``ListScreen.ask``), exclusive in one group per screen:
a second key before the first dialog is up cancels the first worker, and ``ask`` opens
nothing once another screen is on top, so keys typed fast give one dialog, never two.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from rich.markup import escape
from textual import on, work
from textual.screen import Screen

from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.records import HasId, RecordTable
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.list_screen import ListScreen
from secretariat_tui.ui.widgets.register_table import RegisterTable

R = TypeVar("R", bound=HasId)


def record_commands(a_record: str, the_record: str) -> tuple[Command, ...]:
    """n, e and x in a register's own words: "Lägg till ett nätverk", "Ändra markerat …"."""
    return (
        Command("n", "new", "Ny", f"Lägg till {a_record}", id="new"),
        Command("e", "edit", "Ändra", f"Ändra {the_record}", id="edit"),
        Command(
            "x,delete", "delete", "Ta bort", f"Ta bort {the_record} (frågar först)", id="delete"
        ),
    )


class RecordScreen(ListScreen, Generic[R]):
    RECORD: ClassVar[tuple[str, str]] = ("en post", "markerad post")
    """The record in the register's words, for the keys' descriptions in help and the palette:
    ("ett nätverk", "markerat nätverk"). A register that sets it gets n, e and x so worded."""
    BINDINGS = bindings(*record_commands(*RECORD))

    def __init_subclass__(cls, **kwargs: Any) -> None:
        if "RECORD" in cls.__dict__:  # before Textual merges the class's bindings
            own = cls.__dict__.get("BINDINGS", [])
            cls.BINDINGS = bindings(*record_commands(*cls.RECORD), *own)
        super().__init_subclass__(**kwargs)

    ADDED: ClassVar[str] = "Sparat: {}"
    """The notice after a new record is stored; ``{}`` is ``describe(record)``."""
    SAVED: ClassVar[str] = "Sparat: {}"
    DELETED: ClassVar[str] = "Borttaget: {}"
    DELETES: ClassVar[bool] = True
    """False for a register whose records are never deleted (members end instead)."""

    records: RecordTable[R]

    # --- what a register provides (and ``reload``) ---------------------------------------------
    def describe(self, record: R) -> str:
        raise NotImplementedError

    def form_for(self, record: R | None) -> Screen[R | None]:
        """The form for a new record (None) or for changing ``record``; it stores itself."""
        raise NotImplementedError

    def delete_question(self, record: R) -> str:
        raise NotImplementedError

    def refusal(self, record: R) -> str | None:
        """Why ``record`` cannot be deleted, said at once instead of asking; None: it can."""
        return None

    def delete(self, record: R) -> None:
        assert record.id is not None
        self.records.delete(record.id)

    # --- shared -------------------------------------------------------------------------------
    def save_for(self, record: R | None) -> Callable[[R], R]:
        """What a form stores with: add for a new record, update for a change."""
        return self.records.add if record is None else self.records.update

    def selected_record(self) -> R | None:
        record_id = self.selected_id()
        return self.records.get(record_id) if record_id is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and delete only on a highlighted row (so the footer shows them only there)."""
        if action == "delete" and not self.DELETES:
            return False
        if action in {"edit", "delete"}:
            return self.is_mounted and self.selected_id() is not None
        return super().check_action(action, parameters)

    @on(RegisterTable.Chosen)
    def _chosen(self) -> None:
        self.chosen()

    def chosen(self) -> None:
        """Enter on a row edits it (the members register shows the member instead)."""
        self.action_edit()

    def action_new(self) -> None:
        self._edit(None)

    def action_edit(self) -> None:
        if (record := self.selected_record()) is not None:
            self._edit(record)

    @work(exclusive=True, group="dialog")
    async def _edit(self, record: R | None) -> None:
        await self.open_form(record)

    async def open_form(self, record: R | None) -> None:
        """The form for ``record`` (None: a new one), then the notice and the row it stored."""
        stored = await self.ask(self.form_for(record))
        if stored is not None:
            self.reload(keep=stored.id)
            notice = self.ADDED if record is None else self.SAVED
            self.notify(notice.format(escape(self.describe(stored))), timeout=3)

    def action_delete(self) -> None:
        record = self.selected_record()
        if record is None or not self.DELETES:
            return
        if refusal := self.refusal(record):
            self.notify(escape(refusal), severity="error", timeout=10)
            return
        self._delete(record)

    @work(exclusive=True, group="dialog")
    async def _delete(self, record: R) -> None:
        if not await self.ask(ConfirmScreen(self.delete_question(record), yes="Ta bort")):
            return
        try:
            self.delete(record)
        except StoreError as err:
            self.notify(escape(str(err)), severity="error", timeout=10)
            return
        self.reload()
        self.notify(self.DELETED.format(escape(self.describe(record))), timeout=3)
