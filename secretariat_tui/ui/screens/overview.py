"""The overview: this year at a glance, each card a key away from its register.

On a register without members it starts with the first-run path instead: the association's
details (f), this year's fees (t), members from a spreadsheet (i), each with whether it is
done, so that the first day does not begin with looking for where to start.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Static

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.calendar import in_month, next_item
from secretariat_tui.domain.date_entry import MONTH_NAMES
from secretariat_tui.domain.fees import FeeStatus
from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.members import FORM_LABELS, Member, MembershipForm
from secretariat_tui.domain.money import format_kronor
from secretariat_tui.domain.settings import Settings
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.ledger import FeeLedger
from secretariat_tui.store.settings import SettingsRepository
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.screens.association_form import AssociationForm
from secretariat_tui.ui.screens.derived_screen import DerivedScreen
from secretariat_tui.ui.screens.members import MembersScreen
from secretariat_tui.ui.screens.payment_forms import FeeScheduleForm
from secretariat_tui.ui.widgets.key_footer import KeyFooter
from secretariat_tui.ui.widgets.nav_bar import NavBar


class OverviewScreen(DerivedScreen):
    TITLE = "Översikt"
    HELP = (
        "Översikten visar vad som behöver dig nu: medlemmar, obetalda avgifter, nästa "
        "plattformsmöte, månadens aktiviteter och de senaste inlagorna. Allt räknas fram ur "
        "registren varje gång du kommer hit. Siffran i varje rutas rubrik tar dig till "
        "registret: 1 medlemmar, 2 avgifter, 4 kalender, 6 påverkan. Så länge registret "
        "saknar medlemmar visar översikten i stället tre steg att börja med: f föreningens "
        "uppgifter, t årets avgifter, i medlemmar från ett kalkylark."
    )
    BINDINGS = bindings(
        Command(
            "f",
            "association",
            "Föreningen",
            "Föreningens namn och organisationsnummer",
            id="association",
        ),
        Command("t", "schedule", "Taxa", "Årets avgifter per medlemsform", id="schedule"),
        Command(
            "i",
            "import_members",
            "Importera",
            "Medlemmar från en CSV-fil från Excel (med förhandsgranskning)",
            id="import-members",
        ),
    )
    DEFAULT_CSS = """
    OverviewScreen #start-card { column-span: 2; display: none; }
    OverviewScreen.-first-run #start-card { display: block; }
    OverviewScreen.-first-run #members-card, OverviewScreen.-first-run #fees-card {
        display: none;
    }
    """
    FIRST_RUN_ONLY = frozenset({"schedule", "import_members"})
    """Keys of the start path that the overview of a register with members leaves out."""

    def __init__(
        self, ledger: FeeLedger, calendar: CalendarRepository, *, today: date | None = None
    ) -> None:
        super().__init__(today=today)
        self.ledger, self.calendar = ledger, calendar
        self.settings = SettingsRepository(ledger.members.database)
        self.first_run = False

    def compose(self) -> ComposeResult:
        yield NavBar("overview")
        with Grid(id="cards"):
            yield Static(id="start-card", classes="card")
            yield Static(id="members-card", classes="card")
            yield Static(id="fees-card", classes="card")
            yield Static(id="calendar-card", classes="card")
            yield Static(id="submissions-card", classes="card")
        yield KeyFooter()

    def load_again(self) -> None:
        self.refresh_cards()

    def on_mount(self) -> None:
        self.refresh_cards()

    def refresh_cards(self) -> None:
        members = self.ledger.members.all()
        self.first_run = not members
        self.set_class(self.first_run, "-first-run")
        if self.first_run:
            self.query_one("#start-card", Static).update(self.start_text())
        self.query_one("#members-card", Static).update(self.members_text(members))
        self.query_one("#fees-card", Static).update(self.fees_text())
        self.query_one("#calendar-card", Static).update(self.calendar_text())
        self.query_one("#submissions-card", Static).update(self.submissions_text())
        year, month = self.today.year, MONTH_NAMES[self.today.month - 1]
        self.query_one("#start-card").border_title = "Kom igång"
        self.query_one("#members-card").border_title = f"Medlemmar {year} (1)"
        self.query_one("#fees-card").border_title = f"Avgifter {year} (2)"
        self.query_one("#calendar-card").border_title = f"Kalender, {month} (4)"
        self.query_one("#submissions-card").border_title = "Påverkan (6)"
        self.refresh_bindings()

    def start_text(self) -> Text:
        """The three steps of a new register, each with its key and whether it is done."""
        year = self.today.year
        details = association_done(self.settings.get())
        fees = self.ledger.fees.schedule(year) is not None
        steps = (
            ("Föreningens namn och organisationsnummer", "f", details),
            (f"Avgifterna för {year} per medlemsform", "t", "klart" if fees else ""),
            ("Medlemmarna från ett kalkylark (CSV)", "i", ""),
        )
        text = Text()
        text.append("Registret har inga medlemmar ännu. Börja så här:", style="bold")
        text.append("\n")
        for number, (what, key, done) in enumerate(steps, start=1):
            text.append(f"\n{number}. {what:<41}")
            text.append(f" {key} ", style="reverse bold")
            text.append(f"  ✓ {done}" if done else "  att göra", style="green" if done else "")
        text.append("\n\nEn medlem i taget går också: 1 och sedan n.", style="dim")
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.FIRST_RUN_ONLY:
            return self.first_run
        return True

    # --- the start path -----------------------------------------------------------------------
    def action_association(self) -> None:
        form = AssociationForm(self.settings.get(), save=self.settings.save)
        self.app.push_screen(form, lambda _: self.refresh_cards())

    def action_schedule(self) -> None:
        year = self.today.year
        schedule = self.ledger.fees.schedule(year)
        form = FeeScheduleForm(year, schedule, save=self.ledger.fees.save_schedule)
        self.app.push_screen(form, lambda _: self.refresh_cards())

    async def action_import_members(self) -> None:
        """The members register's own import, from there: what is imported is seen at once."""
        await self.app.switch_mode("members")
        shown = self.app.screen_stack  # empty when the app closed meanwhile
        if shown and isinstance(shown[-1], MembersScreen):
            shown[-1].action_import_csv()

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

    def calendar_text(self) -> Text:
        """The next platform meeting, then this month's items (the first few)."""
        items, today = self.calendar.items(), self.today
        text = Text()
        text.append("Nästa plattformsmöte:", style="bold")
        meeting = next_item(items, today, Category.PLATFORM_MEETING)
        if meeting is None:
            text.append("\n  inget inlagt")
        else:
            text.append(f"\n  {meeting.date_text} {meeting.time_text}".rstrip())
            text.append(f"\n  {meeting.title}")
        month = in_month(items, today.year, today.month)
        text.append(f"\n\n{len(month)} i {MONTH_NAMES[today.month - 1]}:", style="bold")
        shown = month[:CARD_LINES] if len(month) <= CARD_LINES else month[: CARD_LINES - 1]
        for item in shown:
            day = "mån" if item.month_only else f"{item.day.day:>3}"
            text.append(f"\n{day} {item.title}")
        if len(month) > len(shown):
            text.append(f"\n    … och {len(month) - len(shown)} till (4)", style="dim")
        return text

    def submissions_text(self) -> Text:
        """The latest submissions, newest first; drafts dimmed."""
        submissions = sorted(self.calendar.submissions.all(), key=lambda s: s.when, reverse=True)
        drafts = sum(not s.in_calendar for s in submissions)
        text = Text()
        text.append(f"{len(submissions)} inlagor, {drafts} utkast", style="bold")
        if not submissions:
            text.append("\n6 och sedan n: lägg till den första.")
        for submission in submissions[: CARD_LINES + 2]:
            style = "dim" if not submission.in_calendar else ""
            text.append(f"\n{submission.when.iso()} {submission.title}", style=style)
        return text


CARD_LINES = 4


def association_done(settings: Settings) -> str:
    """What the first step shows once done: the name (and number); "" while no name is set."""
    if not settings.name:
        return ""
    return f"{settings.name}, {settings.org_number}" if settings.org_number else settings.name
