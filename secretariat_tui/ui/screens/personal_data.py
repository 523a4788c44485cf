"""A member's register extract and the erasure of its person, from the members register.

The extract is shown in the text preview (copy it, or save it as text or JSON through the
one save dialog). The erasure asks twice: first with exactly what goes from the register,
then with which backups are rewritten and which removed; nothing happens before both yeses.
The rules and the file work are the store's and the domain's, as for the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from secretariat_tui.exports.personal_data import extract_json, extract_text
from secretariat_tui.store.database import Database
from secretariat_tui.store.erasure import erase_member, plan_member_erasure
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.personal_data import load_extract
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.save_as import Rendering
from secretariat_tui.ui.screens.text_preview import TextPreviewScreen
from secretariat_tui.ui.widgets.key_footer import KeyFooter


class ListQuestion(ConfirmScreen):
    """A yes/no question over a list that may be longer than the screen (it scrolls)."""

    DEFAULT_CSS = """
    ListQuestion .confirm {
        width: 78;
    }
    ListQuestion #question-lines {
        height: auto;
        max-height: 14;
        margin: 1 0;
    }
    """

    def __init__(self, question: str, lines: Sequence[str], *, yes: str, no: str = "Avbryt"):
        super().__init__(question, yes=yes, no=no)
        self._lines = list(lines)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(self._question, classes="title", markup=False)
            with VerticalScroll(id="question-lines"):
                yield Static("\n".join(self._lines), id="question-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"{self._yes} (j)", id="yes", variant="error", compact=True)
                yield Button(f"{self._no} (n)", id="no", compact=True)
        yield KeyFooter()


def show_extract(screen: Screen[object], database: Database, member_id: int, today: date) -> None:
    """The member's register extract in the text preview: c copies, s saves (text or JSON)."""
    try:
        extract = load_extract(database, member_id)
    except StoreError as err:
        screen.notify(escape(str(err)), severity="error", timeout=10)
        return
    text = extract_text(extract, today)
    renderings = [
        Rendering("Text (.txt)", ".txt", lambda: text.encode("utf-8")),
        Rendering("JSON (.json)", ".json", lambda: extract_json(extract, today).encode("utf-8")),
    ]
    preview = TextPreviewScreen(
        f"Registerutdrag (GDPR) för medlem {member_id}",
        text,
        f"registerutdrag-medlem-{member_id}",
        renderings,
        protected=database.path,
    )
    screen.app.push_screen(preview)


async def erase_asking(
    screen: Screen[object], database: Database, member_id: int, today: date
) -> bool:
    """Plan the erasure, ask (twice when backups change), carry it out, and say what was done.

    Call from a worker (it awaits the dialogs). True when anything was erased.
    """
    try:
        plan = plan_member_erasure(database, member_id, today)
    except StoreError as err:
        screen.notify(escape(str(err)), severity="error", timeout=10)
        return False
    if plan.nothing_to_do:
        screen.notify(
            escape(" ".join(plan.register_lines()))
            + f" Ingen av {plan.checked} säkerhetskopior innehåller dem.",
            title="Redan raderat",
        )
        return False
    app = screen.app
    backups = plan.backup_lines()
    if plan.erasure.changes_anything:
        lines = plan.register_lines() + ([] if plan.touches_backups else ["", *backups])
        question = f"Radera personuppgifterna för medlem {member_id}? Det går inte att ångra."
        if not await app.push_screen_wait(ListQuestion(question, lines, yes="Radera")):
            screen.notify("Inget raderades.")
            return False
    if plan.touches_backups:
        question = "Säkerhetskopiorna som innehåller uppgifterna: skriva om och ta bort dem?"
        lines = (
            [*plan.register_lines()[:1], *backups] if not plan.erasure.changes_anything else backups
        )
        if not await app.push_screen_wait(ListQuestion(question, lines, yes="Ja, gör det")):
            screen.notify("Inget raderades.")
            return False
    try:
        done = erase_member(database, plan)
    except StoreError as err:
        screen.notify(escape(str(err)), severity="error", timeout=10)
        return False
    message = f"Raderade personuppgifterna för medlem {member_id}. {done.summary()}"
    if done.failed:
        screen.notify(escape(f"{message} {' '.join(done.failed)}"), severity="error", timeout=20)
    else:
        screen.notify(message, title="Raderat", timeout=10)
    return True
