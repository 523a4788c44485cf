"""One member in full: contacts, the form history with its dates, the rights the form gives."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from secretariat_tui.domain.members import Member
from secretariat_tui.exports.members_listing import form_history_lines, member_facts
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.widgets.key_footer import KeyFooter


def describe_member(member: Member) -> str:
    """Rich markup for the detail view (the CLI's facts); every user value is escaped."""
    lines = [f"[b]{escape(member.name)}[/b]", ""]
    lines += [f"{label}: {escape(value) or '–'}" for label, value in member_facts(member)]
    lines += ["", f"[b]Rättigheter vid årsmötet[/b] ({member.form.label}, följer av formen)"]
    lines += [f"  {line}" for line in member.rights.describe()]
    lines += ["", "[b]Medlemsform över tid[/b]"]
    lines += [f"  {line}" for line in form_history_lines(member)]
    return "\n".join(lines)


class MemberDetailScreen(ModalScreen[str | None]):
    """Dismisses with the action the user picked here ("edit" or "end"), or None."""

    BINDINGS = bindings(
        Command("e", "choose('edit')", "Ändra", "Ändra medlemmen", id="edit"),
        Command("x", "choose('end')", "Utträde", "Avsluta medlemskapet", id="end"),
        Command("escape,q", "choose('')", "Stäng", "Tillbaka till listan", id="close"),
    )

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog detail"):
            with VerticalScroll():
                yield Static(describe_member(self.member), id="detail")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("end",):
            return self.member.ended is None
        return True

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
