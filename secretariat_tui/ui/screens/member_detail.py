"""One member in full: contacts, the form history with its dates, the rights the form gives."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from secretariat_tui.domain.members import Member


def describe_member(member: Member) -> str:
    """Rich markup for the detail view; every user value is escaped."""
    contact = member.contact
    lines = [
        f"[b]{escape(member.name)}[/b]  ({member.status_text()})",
        "",
        f"Typ: {member.kind.label}",
        f"Organisationsnummer: {member.org_number or '–'}",
        f"Medlem sedan: {member.joined.isoformat()}",
        f"Medlemsform: {member.form.label}",
    ]
    if member.ended:
        reason = f" – {escape(member.end_reason)}" if member.end_reason else ""
        lines.append(f"Sista dag som medlem: {member.ended.isoformat()}{reason}")
    lines += ["", "[b]Rättigheter vid årsmötet[/b] (följer av medlemsformen)"]
    lines += [f"  {line}" for line in member.rights.describe()]
    lines += ["", "[b]Kontakt[/b]"]
    lines += [
        f"  {label}: {escape(value) if value else '–'}"
        for label, value in (
            ("Kontaktperson", contact.person),
            ("E-post", contact.email),
            ("Telefon", contact.phone),
            ("Postadress", contact.address),
        )
    ]
    lines += ["", "[b]Medlemsform över tid[/b]"]
    lines += [f"  från {c.effective.isoformat()}: {c.form.label}" for c in member.forms]
    return "\n".join(lines)


class MemberDetailScreen(ModalScreen[str | None]):
    """Dismisses with the action the user picked here ("edit" or "end"), or None."""

    BINDINGS = [
        Binding("e", "choose('edit')", "Redigera", id="edit", tooltip="Redigera medlemmen"),
        Binding(
            "x", "choose('end')", "Avsluta medlemskap", id="end", tooltip="Avsluta medlemskapet"
        ),
        Binding("escape,q", "choose('')", "Stäng", id="close", tooltip="Tillbaka till listan"),
    ]

    def __init__(self, member: Member) -> None:
        super().__init__()
        self.member = member

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog detail"):
            with VerticalScroll():
                yield Static(describe_member(self.member), id="detail")
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("end",):
            return self.member.ended is None
        return True

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice or None)
