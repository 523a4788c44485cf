"""The membership register: the table of members, and add / edit / show / end from it."""

from __future__ import annotations

from datetime import date

from rich.markup import escape
from rich.text import Text
from textual import work

from secretariat_tui.domain.members import Member, MemberKind, MembershipForm
from secretariat_tui.exports.csv_files import MEMBER_COLUMNS, members_csv_bytes
from secretariat_tui.imports.members_csv import plan_members_import
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.import_headings import HeadingMemory
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.confirm import ConfirmScreen
from secretariat_tui.ui.screens.end_membership import EndMembershipForm
from secretariat_tui.ui.screens.member_detail import MemberDetailScreen
from secretariat_tui.ui.screens.member_form import MemberForm
from secretariat_tui.ui.screens.personal_data import erase_asking, show_extract
from secretariat_tui.ui.screens.record_screen import RecordScreen
from secretariat_tui.ui.screens.register_screen import RegisterScreen
from secretariat_tui.ui.screens.transfer import CsvTransfer
from secretariat_tui.ui.widgets.register_table import Column, Row

KIND_SHORT = {MemberKind.ORGANISATION: "Org.", MemberKind.INDIVIDUAL: "Person"}
FORM_SHORT = {
    MembershipForm.FULL: "Fullt",
    MembershipForm.INDIVIDUAL: "Individ.",
    MembershipForm.NETWORKING: "Nätverk.",
}
COLUMNS = (
    Column("name", "Namn"),
    Column("kind", "Typ", 6, hide_when_same=True),
    Column("form", "Form", 8, hide_when_same=True),
    Column("org_number", "Org.nr", 11, hide_when_same=True),
    Column("joined", "Sedan", 10),
    Column("status", "Status", 8, hide_when_same=True),
)


def member_row(member: Member, today: date) -> Row:
    """A member whose personal data was erased and who has left reads "Raderad"; one still a
    member keeps its membership status (the erasure shows in its details)."""
    if member.erased_on is not None and member.has_left(today):
        status = Text("Raderad", style="dim")
    elif member.has_left(today):
        status = Text("Avslutad", style="dim")
    elif member.joined > today:
        status = Text("Kommande", style="italic")
    elif member.ended is not None:
        status = Text("Slutar", style="italic")
    else:
        status = Text("Aktiv")
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
            member.status_text(today),
            member.erasure_text,
            cells[-1].plain,
        ]
    )
    return Row(key=str(member.id), cells=cells, search_text=searchable)


class MembersScreen(RegisterScreen, RecordScreen[Member]):
    RECORD = ("en medlem", "markerad medlem")
    """n and e are the shared ones; x ends a membership here, since a member is never deleted
    (the register keeps the history that earlier years' figures are counted from)."""

    TITLE = "Medlemmar"
    MODE = "members"
    COLUMNS = COLUMNS
    PLACEHOLDER = "/ Filtrera medlemmar…"
    HELP = (
        "Medlemsregistret: organisationer och enskilda personer med fullt, individuellt eller "
        "nätverkande medlemskap. Skriv i filterfältet för att söka på namn, form, "
        "organisationsnummer eller kontaktperson. En medlem som slutar avslutas med datum och "
        "anledning och finns kvar i registret, så att tidigare års siffror stämmer. "
        "GDPR: r visar registerutdraget (allt om medlemmen och dess kontaktpersoner), d raderar "
        "personuppgifterna i registret och i säkerhetskopiorna; medlemmen och betalningarna "
        "finns kvar, utan namn och kontakter."
    )
    ADDED = "Lade till {}."
    SAVED = "Sparade {}."
    DELETES = False
    BINDINGS = bindings(
        Command("enter", "show", "Visa", "Visa medlemmen med rättigheter", id="show"),
        Command("x", "end", "Utträde", "Avsluta markerad medlems medlemskap", id="end"),
        Command(
            "a",
            "reopen",
            "Ångra utträde",
            "Ta bort ett slutdatum som blev fel; medlemmen blir aktiv igen",
            id="reopen",
        ),
        Command(
            "r",
            "extract",
            "Utdrag",
            "Registerutdrag (GDPR): allt registret har om medlemmen och dess kontakter",
            id="extract",
        ),
        # Not in the footer: at 80 columns it would push "? Hjälp" out of it, and an erasure
        # is rare and cannot be undone; help and the palette list it.
        Command(
            "d",
            "erase",
            "Radera personuppgifter",
            "GDPR: namn och kontakter bort, även ur säkerhetskopiorna; frågar först",
            id="erase",
            footer=False,
        ),
        Command(
            "v",
            "toggle_ended",
            "Avslutade",
            "Visa eller dölj avslutade medlemmar",
            id="toggle-ended",
        ),
    )

    def __init__(self, members: MemberRepository, *, today: date | None = None) -> None:
        super().__init__(today=today, database_path=members.path)
        self.members = self.records = members
        self.show_ended = False

    def reload(self, keep: int | None = None) -> None:
        """Show the register again, the cursor on ``keep`` (revealed even if filtered out)."""
        everyone = self.members.all()
        current = [m for m in everyone if not m.has_left(self.today)]
        shown = everyone if self.show_ended else current
        rows = [member_row(m, self.today) for m in shown]
        self.register.set_rows(rows, keep=str(keep) if keep else None)
        status = f"{sum(m.is_member_on(self.today) for m in current)} aktiva medlemmar"
        if upcoming := sum(m.joined > self.today for m in current):
            status += f" · {upcoming} kommande"
        if left := len(everyone) - len(current):
            shown_or_hidden = "visas (v döljer)" if self.show_ended else "dolda (v visar)"
            status += f" · {left} avslutade {shown_or_hidden}"
        self.register.set_status(status)
        self.refresh_bindings()

    def describe(self, record: Member) -> str:
        return record.name

    def form_for(self, record: Member | None) -> MemberForm:
        return MemberForm(record, today=self.today, save=self.save_for(record))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"show", "end", "reopen", "extract", "erase"}:
            member = self.selected_record()
            if member is None:
                return False
            if action == "end":
                return member.is_active
            if action == "reopen":
                return not member.is_active
            return True
        return super().check_action(action, parameters)

    def chosen(self) -> None:
        self.action_show()

    # --- actions: each form saves through the repository and closes only once it is stored -----
    def action_show(self) -> None:
        if (member := self.selected_record()) is not None:
            self._show(member)

    @work(exclusive=True, group="dialog")
    async def _show(self, member: Member) -> None:
        """The details; e or x there opens the edit or end form for the member shown."""
        choice = await self.ask(MemberDetailScreen(member))
        if choice == "edit":
            await self.open_form(member)
        elif choice == "end" and member.is_active:
            await self._end_form(member)

    def action_end(self) -> None:
        member = self.selected_record()
        if member is not None and member.is_active:
            self._end(member)

    @work(exclusive=True, group="dialog")
    async def _end(self, member: Member) -> None:
        await self._end_form(member)

    async def _end_form(self, member: Member) -> None:
        form = EndMembershipForm(member, today=self.today, save=self.members.update)
        self._stored("Avslutade medlemskapet för", await self.ask(form))

    def action_reopen(self) -> None:
        member = self.selected_record()
        if member is not None and member.ended is not None:
            self._reopen(member, member.ended)

    @work(exclusive=True, group="dialog")
    async def _reopen(self, member: Member, ended: date) -> None:
        question = (
            f"Ångra utträdet för {member.name}? Slutdatumet {ended.isoformat()} tas bort "
            "och medlemmen blir aktiv igen."
        )
        if not await self.ask(ConfirmScreen(question, yes="Ångra utträdet", no="Behåll")):
            return
        try:
            reopened = self.members.update(member.reopen())
        except StoreError as err:
            self.notify(escape(str(err)), severity="error", timeout=10)
            return
        self._stored("Ångrade utträdet för", reopened)

    def action_extract(self) -> None:
        if member := self.selected_record():
            assert member.id is not None
            show_extract(self, self.members.database, member.id, self.today)

    def action_erase(self) -> None:
        if member := self.selected_record():
            assert member.id is not None
            self._erase(member.id)

    @work(exclusive=True, group="dialog")
    async def _erase(self, member_id: int) -> None:
        if await erase_asking(self, self.members.database, member_id, self.today):
            self.reload(keep=member_id)

    def action_toggle_ended(self) -> None:
        self.show_ended = not self.show_ended
        self.reload(keep=self.selected_id())

    def csv_transfer(self) -> CsvTransfer[Member]:
        return CsvTransfer(
            what="medlemmar",
            stem="medlemmar",
            export_bytes=lambda fmt: members_csv_bytes(self.members.all(), fmt),
            plan=lambda data, chosen: plan_members_import(
                data, self.members.all(), chosen=chosen, today=self.today
            ),
            describe=lambda member: member.name,
            write=self.members.add_many,
            columns=MEMBER_COLUMNS,
            memory=HeadingMemory(self.members.database, "members"),
        )

    def _stored(self, verb: str, member: Member | None) -> None:
        if member is not None:
            self.notify(f"{verb} {escape(member.name)}.", timeout=3)
            self.reload(keep=member.id)
