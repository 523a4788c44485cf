"""The membership register: the table of members, and add / edit / show / end from it."""

from __future__ import annotations

from datetime import date

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from secretariat_tui.domain.member_fields import raw_fields
from secretariat_tui.domain.members import Member, MemberKind, MembershipForm
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.ui.screens.end_membership import EndMembershipForm
from secretariat_tui.ui.screens.member_detail import MemberDetailScreen
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.widgets.register_table import Column, RegisterTable, Row

KIND_SHORT = {MemberKind.ORGANISATION: "Org.", MemberKind.INDIVIDUAL: "Person"}
FORM_SHORT = {
    MembershipForm.FULL: "Fullt",
    MembershipForm.INDIVIDUAL: "Individ.",
    MembershipForm.NETWORKING: "Nätverk.",
}
COLUMNS = (
    Column("name", "Namn"),
    Column("kind", "Typ", 6),
    Column("form", "Form", 8),
    Column("org_number", "Org.nr", 11),
    Column("joined", "Sedan", 10),
    Column("status", "Status", 8),
)


def member_row(member: Member) -> Row:
    status = Text("Aktiv") if member.is_active else Text("Avslutad", style="dim")
    cells = (
        member.name,
        KIND_SHORT[member.kind],
        FORM_SHORT[member.form],
        member.org_number,
        member.joined.isoformat(),
        status,
    )
    searchable = " ".join(
        [
            member.name,
            member.kind.label,
            member.form.label,
            member.org_number,
            member.contact.person,
            member.contact.email,
            member.joined.isoformat(),
            member.status_text(),
        ]
    )
    return Row(key=str(member.id), cells=cells, search_text=searchable)


class MembersScreen(Screen[None]):
    TITLE = "Medlemmar"
    HELP = (
        "Medlemsregistret: organisationer och enskilda personer med fullt, individuellt eller "
        "nätverkande medlemskap. Skriv i filterfältet för att söka på namn, form, "
        "organisationsnummer eller kontaktperson. En medlem som slutar avslutas med datum och "
        "anledning och finns kvar i registret, så att tidigare års siffror stämmer."
    )
    BINDINGS = [
        Binding("n", "new", "Ny", id="new", tooltip="Lägg till en medlem"),
        Binding("enter", "show", "Visa", id="show", tooltip="Visa medlemmen med rättigheter"),
        Binding("e", "edit", "Ändra", id="edit", tooltip="Ändra markerad medlem"),
        Binding("x", "end", "Utträde", id="end", tooltip="Avsluta markerad medlems medlemskap"),
        Binding(
            "v",
            "toggle_ended",
            "Avslutade",
            id="toggle-ended",
            tooltip="Visa eller dölj avslutade medlemmar",
        ),
    ]

    def __init__(self, members: MemberRepository, *, today: date | None = None) -> None:
        super().__init__()
        self.members = members
        self.today = today
        self.show_ended = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield RegisterTable(COLUMNS, placeholder="/ Filtrera medlemmar…", id="members")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.reload()
        self.register.table.focus()

    @property
    def register(self) -> RegisterTable:
        return self.query_one("#members", RegisterTable)

    def reload(self, keep: int | None = None) -> None:
        everyone = self.members.all()
        shown = [m for m in everyone if self.show_ended or m.is_active]
        self.register.set_rows([member_row(m) for m in shown], keep=str(keep) if keep else None)
        active = sum(m.is_active for m in everyone)
        ended = len(everyone) - active
        status = f"{active} aktiva medlemmar"
        if ended:
            status += f" · {ended} avslutade " + (
                "visas (v döljer)" if self.show_ended else "dolda (v visar)"
            )
        self.register.set_status(status)
        self.refresh_bindings()

    def selected(self) -> Member | None:
        key = self.register.highlighted_key
        return self.members.get(int(key)) if key else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"show", "edit", "end"}:
            member = self.selected()
            if member is None:
                return False
            if action == "end" and not member.is_active:
                return False
        return True

    @on(RegisterTable.Chosen)
    def _chosen(self) -> None:
        self.action_show()

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()

    # --- actions ------------------------------------------------------------------------------
    def action_new(self) -> None:
        self.app.push_screen(MemberForm(today=self.today), self._save_new)

    def action_edit(self, member: Member | None = None) -> None:
        member = member or self.selected()
        if member:
            self.app.push_screen(MemberForm(member, today=self.today), self._save_edit)

    def action_end(self, member: Member | None = None) -> None:
        member = member or self.selected()
        if member and member.is_active:
            self.app.push_screen(EndMembershipForm(member, today=self.today), self._save_edit)

    def action_show(self) -> None:
        member = self.selected()
        if member is None:
            return

        def then(choice: str | None) -> None:
            if choice == "edit":
                self.action_edit(member)
            elif choice == "end":
                self.action_end(member)

        self.app.push_screen(MemberDetailScreen(member), then)

    def action_toggle_ended(self) -> None:
        self.show_ended = not self.show_ended
        self.reload(keep=self._selected_id())

    def _selected_id(self) -> int | None:
        key = self.register.highlighted_key
        return int(key) if key else None

    # --- saving -------------------------------------------------------------------------------
    def _save_new(self, member: Member | None) -> None:
        if member is None:
            return
        try:
            stored = self.members.add(member)
        except (StoreError, OSError) as err:
            self._save_failed(err, MemberForm(initial=raw_fields(member), today=self.today))
            return
        self.notify(f"Lade till {escape(stored.name)}.")
        self.reload(keep=stored.id)

    def _save_edit(self, member: Member | None) -> None:
        if member is None:
            return
        try:
            self.members.update(member)
        except (StoreError, OSError) as err:
            retry = None
            if member.is_active and member.id is not None:
                original = self.members.get(member.id)
                retry = MemberForm(original, initial=raw_fields(member), today=self.today)
            self._save_failed(err, retry)
            return
        self.notify(f"Sparade {escape(member.name)}.")
        self.reload(keep=member.id)

    def _save_failed(self, err: Exception, retry: MemberForm | None) -> None:
        """Say why, and give the typed values back in the form so nothing is lost."""
        self.notify(escape(f"Kunde inte spara: {err}"), severity="error", timeout=10)
        if retry is not None:
            self.app.push_screen(retry, self._save_edit if retry.member else self._save_new)
