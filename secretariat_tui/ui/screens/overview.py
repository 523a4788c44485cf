"""The overview: this year at a glance, each card a key away from its register."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from textual.app import ComposeResult
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer, Static

from secretariat_tui.domain.fees import FeeStatus
from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.members import FORM_LABELS, Member, MembershipForm
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.ui.widgets.nav_bar import NavBar


class OverviewScreen(Screen[None]):
    TITLE = "Översikt"
    HELP = (
        "Översikten visar årets läge: medlemmar och avgifter. Siffrorna räknas fram ur "
        "registren varje gång du kommer hit. Tryck 1 för medlemmar, 2 för avgifter."
    )

    def __init__(self, ledger: FeeLedger, *, today: date | None = None) -> None:
        super().__init__()
        self.ledger = ledger
        self._today = today

    @property
    def today(self) -> date:
        return self._today or date.today()

    def compose(self) -> ComposeResult:
        yield NavBar("overview")
        with Grid(id="cards"):
            yield Static(id="members-card", classes="card")
            yield Static(id="fees-card", classes="card")
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        """Figures are derived anew each time: the registers may have changed meanwhile."""
        self.refresh_cards()

    def on_mount(self) -> None:
        self.refresh_cards()

    def refresh_cards(self) -> None:
        members = self.ledger.members.all()
        self.query_one("#members-card", Static).update(self.members_text(members))
        self.query_one("#fees-card", Static).update(self.fees_text())
        year = self.today.year
        self.query_one("#members-card").border_title = f"Medlemmar {year} (1)"
        self.query_one("#fees-card").border_title = f"Avgifter {year} (2)"

    def members_text(self, members: list[Member]) -> str:
        today, year = self.today, self.today.year
        current = [m for m in members if m.is_member_on(today)]
        by_form = {form: sum(m.form_on(today) is form for m in current) for form in MembershipForm}
        figures = year_figures(members, year)
        lines = [f"[b]{len(current)}[/b] medlemmar i dag"]
        lines += [f"  {FORM_LABELS[form]}: {by_form[form]}" for form in MembershipForm]
        lines += ["", f"Nya {year}: {figures.new}", f"Avslutade {year}: {figures.ended}"]
        return "\n".join(lines)

    def fees_text(self) -> str:
        year = self.today.year
        schedule = self.ledger.fees.schedule(year)
        if schedule is None:
            return f"Ingen taxa för {year} ännu.\n\nTryck 2 och sedan t för att sätta den."
        rows = self.ledger.year_rows(year)
        paid = sum(r.status is FeeStatus.PAID for r in rows)
        owing = [r for r in rows if r.owes]
        left = sum((r.outstanding for r in owing), Decimal(0))
        lines = [
            f"[b]{paid}[/b] av {len(rows)} har betalat",
            f"[b]{len(owing)}[/b] har inte betalat allt",
            f"[b]{format_kronor(left)}[/b] kvar att få in",
            "",
            "2 och sedan r: påminnelselistan" if owing else "Alla har betalat.",
        ]
        return "\n".join(lines)
