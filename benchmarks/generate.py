"""A deterministic ten-year register for the benchmarks, written through the store.

    python -m benchmarks.generate [--scale 3] [--seed N] [--out PATH]

At scale 1 (``benchmarks/data/register-1x.json``) the register holds about 300 members (full,
networking and individual, some with a dated form change, a quarter of them ended), fees for
2016–2026 with a few agreed amounts and exemptions, 3,000 payments (some in instalments, some
years partly paid or unpaid), ten annual meetings (2016–2025) electing 60 board seats, 12
network memberships, 5,000 activities over 2016–2025 (every category; some month-only, some
over several days, half with times, some linked to a network) and 200 submissions. Scale 3
(``register-3x.json``) has three times as many of each over the same ten years, so a year's
views grow too; the meetings stay ten.

Every name is invented ("Förening 0123 Norrland", "Person Efternamn 17"), e-mail addresses
are at example.org, phone numbers from the range set aside for fiction. The records go through
the domain types and the repositories in a few large writes (``add_many``), in a fresh
temporary folder whose bytes are then copied to the target, as ``data/build_demo.py`` does.
The same seed and scale give the same bytes, apart from the ``_meta`` record's "created".
"""

from __future__ import annotations

import argparse
import random
import tempfile
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from benchmarks import TODAY
from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.fees import FeeOverride, FeeSchedule, Payment, first_day_in_year
from secretariat_tui.domain.members import Contact, FormChange, Member, MemberKind, MembershipForm
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.orgnr import luhn_check_digit
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.store.atomic import atomic_write_bytes
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.fees import FeeRepository
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.payments import PaymentRepository

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 2016
FIRST_YEAR, LAST_YEAR = 2016, 2025
LAST_END = date(2026, 6, 30)

AT_SCALE_1 = {
    "members": 300,
    "payments": 3000,
    "activities": 5000,
    "seats": 60,
    "submissions": 200,
    "networks": 12,
}

REGIONS = ("Norrland", "Svealand", "Götaland", "Skåne", "Västkusten", "Mälardalen", "Gotland")
TOPICS = (
    "människohandel för sexuella ändamål",
    "arbetskraftsexploatering",
    "stöd till utsatta",
    "det nationella stödprogrammet",
    "tvångsäktenskap",
    "barn som utnyttjas",
    "EU:s direktiv mot människohandel",
    "tiggeri och tvångsarbete",
)
RECIPIENTS = (
    "Justitiedepartementet",
    "Jämställdhetsmyndigheten",
    "Riksdagens justitieutskott",
    "Länsstyrelsen",
    "EU-kommissionen",
)
LOCATIONS = ("Stockholm", "Göteborg", "Malmö", "Uppsala", "Digitalt", "Kansliet")
MEDIA = ("Sveriges Radio", "lokaltidningen", "en podd", "SVT", "en facktidning")
AUDIENCES = ("socialtjänsten", "polisen", "vården", "skolan", "migrationsverket")
INTERNAL_TITLES = ("Medlemsfika", "Planeringsdag", "Kansliets veckomöte", "Verksamhetsplanering")
CATEGORY_WEIGHTS = {
    Category.PLATFORM_MEETING: 4,
    Category.BOARD: 8,
    Category.MEETING: 25,
    Category.ADVOCACY: 10,
    Category.MEDIA: 8,
    Category.EVENT: 12,
    Category.CERTIFICATION: 5,
    Category.NETWORK: 12,
    Category.CAMPAIGN: 6,
    Category.INTERNAL: 10,
}
END_REASONS = ("Verksamheten avvecklad", "Egen begäran", "Sammanslagen med annan förening", "")
# Swedish phone numbers set aside for fiction (PTS): 070-174 06 05 up to 070-174 06 99.
FICTION_PHONES = tuple(f"070-174 06 {n:02d}" for n in range(5, 100))


@dataclass(frozen=True)
class Counts:
    members: int
    schedules: int
    overrides: int
    payments: int
    meetings: int
    seats: int
    networks: int
    activities: int
    submissions: int

    def describe(self) -> str:
        return (
            f"{self.members} medlemmar, {self.schedules} avgiftsår, {self.overrides} avtal, "
            f"{self.payments} betalningar, {self.meetings} årsmöten, {self.seats} "
            f"styrelseposter, {self.networks} nätverk, {self.activities} aktiviteter, "
            f"{self.submissions} inlagor"
        )


def scaled(name: str, scale: float) -> int:
    return max(1, round(AT_SCALE_1[name] * scale))


def data_path(scale: float) -> Path:
    """``benchmarks/data/register-1x.json`` for scale 1, ``register-0.02x.json`` for 0.02."""
    return DATA_DIR / f"register-{scale:g}x.json"


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


# --- members ----------------------------------------------------------------------------------
def org_number(index: int) -> str:
    nine = f"80{2000000 + index:07d}"
    return f"{nine[:6]}-{nine[6:]}{luhn_check_digit(nine)}"


def make_members(rng: random.Random, count: int) -> list[Member]:
    """Members in order of joining; member n is named with n (its id once stored)."""
    joined = sorted(
        random_day(rng, date(2016, 1, 1), date(2016, 12, 31))
        if rng.random() < 0.3
        else random_day(rng, date(2016, 1, 1), date(2025, 10, 31))
        for _ in range(count)
    )
    members = []
    for index, day in enumerate(joined, start=1):
        individual = rng.random() < 0.15
        if individual:
            kind, first_form, other = (
                MemberKind.INDIVIDUAL,
                MembershipForm.INDIVIDUAL,
                MembershipForm.NETWORKING,
            )
            name = f"Person Efternamn {index}"
        else:
            kind, first_form, other = (
                MemberKind.ORGANISATION,
                MembershipForm.FULL,
                MembershipForm.NETWORKING,
            )
            name = f"Förening {index:04d} {REGIONS[index % len(REGIONS)]}"
        if rng.random() < 0.3:
            first_form, other = other, first_form
        forms = [FormChange(day, first_form)]
        if rng.random() < 0.2 and day < date(2024, 1, 1):
            forms.append(FormChange(random_day(rng, day + timedelta(365), TODAY), other))
        ended, reason = None, ""
        if rng.random() < 0.25:
            ended = random_day(rng, forms[-1].effective + timedelta(180), LAST_END)
            reason = rng.choice(END_REASONS)
        members.append(
            Member(
                name=name,
                kind=kind,
                joined=day,
                forms=tuple(forms),
                org_number="" if individual else org_number(index),
                contact=Contact(
                    person=f"Kontakt Efternamn {index}",
                    email=f"kontakt{index:04d}@example.org",
                    phone=FICTION_PHONES[index % len(FICTION_PHONES)],
                    address=f"Exempelgatan {index % 97 + 1}, 111 {index % 90 + 10} Exempelstad",
                ),
                ended=ended,
                end_reason=reason,
            )
        )
    return members


# --- fees and payments ------------------------------------------------------------------------
def make_schedules() -> list[FeeSchedule]:
    return [
        FeeSchedule(
            year,
            {
                MembershipForm.FULL: Decimal(1000 + 100 * ((year - 2016) // 3)),
                MembershipForm.NETWORKING: Decimal(500),
                MembershipForm.INDIVIDUAL: Decimal(200 + 50 * ((year - 2016) // 5)),
            },
        )
        for year in range(FIRST_YEAR, LAST_YEAR + 2)
    ]


def member_years(members: list[Member]) -> list[tuple[Member, int, date]]:
    """(member, year, first day that year) for every year 2016–2025 it was a member."""
    return [
        (member, year, first)
        for member in members
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
        if (first := first_day_in_year(member, year)) is not None
    ]


def make_overrides(
    rng: random.Random, years: list[tuple[Member, int, date]], schedules: list[FeeSchedule]
) -> list[FeeOverride]:
    amounts = {s.year: s for s in schedules}
    overrides = []
    for member, year, first in years:
        if rng.random() >= 0.02:
            continue
        assert member.id is not None
        form = member.form_on(first)
        assert form is not None
        if rng.random() < 0.5:
            half = amounts[year].amount_for(form) / 2
            overrides.append(FeeOverride(member.id, year, half, "Avtalat belopp"))
        else:
            overrides.append(FeeOverride(member.id, year, None, "Befriad detta år"))
    return overrides


def make_payments(
    rng: random.Random,
    years: list[tuple[Member, int, date]],
    schedules: list[FeeSchedule],
    overrides: list[FeeOverride],
    target: int,
) -> list[Payment]:
    """About ``target`` payments: most member-years paid (some in up to four instalments),
    some paid in part, some not at all; exempt years have none."""
    amounts = {s.year: s for s in schedules}
    agreed = {(o.member_id, o.year): o for o in overrides}
    due_years: list[tuple[Member, int, date, int, bool]] = []  # (…, amount to pay, in full)
    for member, year, first in years:
        override = agreed.get((member.id or 0, year))
        if override is not None and override.exempt:
            continue
        form = member.form_on(first)
        assert form is not None
        due = override.amount if override and override.amount else amounts[year].amount_for(form)
        roll = rng.random()
        if roll < 0.06:
            continue  # unpaid
        full = roll >= 0.12
        due_years.append((member, year, first, int(due if full else due / 2), full))
    if len(due_years) > target:
        due_years = sorted(rng.sample(due_years, target), key=lambda y: (y[0].id or 0, y[1]))
    instalments = [1] * len(due_years)
    pool = [i for i in range(len(due_years)) for _ in range(3)]
    rng.shuffle(pool)
    for index in pool[: max(0, target - len(due_years))]:
        instalments[index] += 1
    payments = []
    for (member, year, first, amount, _full), parts in zip(due_years, instalments, strict=True):
        assert member.id is not None
        latest = max(first, date(year, 12, 20))
        days = sorted(random_day(rng, first, latest) for _ in range(parts))
        share = amount // parts
        for number, day in enumerate(days, start=1):
            part = share if number < parts else amount - share * (parts - 1)
            payments.append(
                Payment(
                    member_id=member.id,
                    fee_year=year,
                    amount=Decimal(part),
                    paid_on=day,
                    reference=f"BG-{year}-{member.id:04d}-{number}",
                )
            )
    return payments


# --- board ------------------------------------------------------------------------------------
def make_meetings(rng: random.Random) -> list[AnnualMeeting]:
    return [
        AnnualMeeting(held_on=date(year, 4, rng.randint(10, 28)), notes=f"Ordinarie årsmöte {year}")
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
    ]


SEAT_ROLES = (Role.CHAIR, Role.TREASURER, Role.SECRETARY, Role.VICE_CHAIR)


def make_seats(
    rng: random.Random, meetings: list[AnnualMeeting], members: list[Member], total: int
) -> list[BoardSeat]:
    """``total`` seats shared out over the meetings: a chair, a treasurer, a secretary and a
    vice chair for one year, then members and deputies for one or two; a few left early."""
    seats = []
    person = 0
    for number, meeting in enumerate(meetings):
        assert meeting.id is not None
        count = total // len(meetings) + (1 if number < total % len(meetings) else 0)
        organisations = [
            m.id
            for m in members
            if m.kind is MemberKind.ORGANISATION and m.is_member_on(meeting.held_on)
        ]
        for place in range(count):
            person += 1
            if place < len(SEAT_ROLES):
                role = SEAT_ROLES[place]
            else:
                role = Role.DEPUTY if place >= count - max(1, count // 4) else Role.MEMBER
            term = 1 if role in SEAT_ROLES else rng.choice((1, 2))
            left_on, reason = None, ""
            if rng.random() < 0.05:
                left_on = meeting.held_on + timedelta(days=rng.randint(60, 300))
                reason = "Avgick i förtid"
            seats.append(
                BoardSeat(
                    person=f"Styrelseperson Efternamn {person}",
                    role=role,
                    organisation_id=(
                        rng.choice(organisations) if organisations and rng.random() < 0.8 else None
                    ),
                    elected_at=meeting.id,
                    term_years=term,
                    left_on=left_on,
                    left_reason=reason,
                )
            )
    return seats


# --- calendar ---------------------------------------------------------------------------------
def make_networks(rng: random.Random, count: int) -> list[NetworkMembership]:
    networks = []
    for index in range(1, count + 1):
        since = random_day(rng, date(2014, 1, 1), date(2022, 12, 31))
        until = random_day(rng, since + timedelta(365), TODAY) if rng.random() < 0.25 else None
        networks.append(
            NetworkMembership(
                name=f"Nätverk {index:02d} {REGIONS[index % len(REGIONS)]}",
                organiser=f"Organisatör Efternamn {index}",
                since=since,
                until=until,
                role=rng.choice(("medlem", "partner", "observatör")),
                meets=rng.choice(("två gånger per år", "varje kvartal", "varje månad")),
                contact=f"Nätverkskontakt Efternamn {index}",
            )
        )
    return networks


def activity_title(
    rng: random.Random, category: Category, members: list[Member], network: str
) -> str:
    topic = rng.choice(TOPICS)
    if category is Category.PLATFORM_MEETING:
        return f"Plattformsmöte om {topic}"
    if category is Category.BOARD:
        return "Styrelsemöte"
    if category is Category.MEETING:
        return f"Möte med {rng.choice(members).name}"
    if category is Category.ADVOCACY:
        return f"Samtal med {rng.choice(RECIPIENTS)} om {topic}"
    if category is Category.MEDIA:
        return f"Intervju i {rng.choice(MEDIA)} om {topic}"
    if category is Category.EVENT:
        return rng.choice(
            (
                f"Seminarium om {topic}",
                f"Utbildning för {rng.choice(AUDIENCES)}",
                f"Workshop om {topic}",
                f"Konferens om {topic}",
            )
        )
    if category is Category.CERTIFICATION:
        return f"Certifiering av {rng.choice(members).name}"
    if category is Category.NETWORK:
        return f"Nätverksträff: {network}"
    if category is Category.CAMPAIGN:
        return f"Kampanjdag om {topic}"
    return rng.choice(INTERNAL_TITLES)


def make_activities(
    rng: random.Random, count: int, members: list[Member], networks: list[NetworkMembership]
) -> list[Activity]:
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    days = sorted(
        random_day(rng, date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)) for _ in range(count)
    )
    activities = []
    for index, day in enumerate(days, start=1):
        category = rng.choices(categories, weights)[0]
        network = None
        if category is Category.NETWORK or rng.random() < 0.05:
            active = [n for n in networks if n.is_active_on(day)] or networks
            network = rng.choice(active)
        title = activity_title(rng, category, members, network.name if network else "")
        when, starts_at, ends_at, ends_on = EnteredDate(day), None, None, None
        roll = rng.random()
        if roll < 0.08:
            when = EnteredDate(day.replace(day=1), Precision.MONTH)
        elif roll < 0.14:
            ends_on = day + timedelta(days=rng.randint(1, 3))
            if rng.random() < 0.3:
                starts_at = time(rng.randint(8, 12), rng.choice((0, 30)))
        elif rng.random() < 0.55:
            starts_at = time(rng.randint(8, 18), rng.choice((0, 15, 30, 45)))
            if rng.random() < 0.7:
                ends_at = time(min(23, starts_at.hour + rng.randint(1, 3)), starts_at.minute)
        activities.append(
            Activity(
                title=title,
                when=when,
                category=category,
                starts_at=starts_at,
                ends_at=ends_at,
                ends_on=ends_on,
                location=rng.choice(LOCATIONS) if rng.random() < 0.6 else "",
                participants=f"{rng.randint(3, 80)} deltagare" if rng.random() < 0.4 else "",
                notes=f"Anteckning {index} om {rng.choice(TOPICS)}." if rng.random() < 0.4 else "",
                in_report=rng.random() < 0.85,
                network_id=network.id if network else None,
                uid=f"bench-activity-{index:06d}",
            )
        )
    return activities


def make_submissions(rng: random.Random, count: int, members: list[Member]) -> list[Submission]:
    statuses = (
        SubmissionStatus.DRAFT,
        SubmissionStatus.SUBMITTED,
        SubmissionStatus.PUBLISHED,
        SubmissionStatus.ANSWERED,
    )
    days = sorted(
        random_day(rng, date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)) for _ in range(count)
    )
    submissions = []
    for index, day in enumerate(days, start=1):
        kind = rng.choice(list(SubmissionKind))
        when = EnteredDate(day)
        if rng.random() < 0.05:
            when = EnteredDate(day.replace(day=1), Precision.MONTH)
        signers = [
            m.id
            for m in members
            if m.kind is MemberKind.ORGANISATION and m.is_member_on(day) and m.id is not None
        ]
        submissions.append(
            Submission(
                kind=kind,
                title=f"{kind.label} om {rng.choice(TOPICS)}",
                when=when,
                status=rng.choices(statuses, (10, 50, 25, 15))[0],
                recipient=rng.choice(RECIPIENTS),
                co_signers=tuple(sorted(rng.sample(signers, min(len(signers), rng.randint(0, 3))))),
                reference=f"Dnr {day.year}/{index:05d}",
                in_report=rng.random() < 0.9,
                uid=f"bench-submission-{index:05d}",
            )
        )
    return submissions


# --- the file ---------------------------------------------------------------------------------
def build_register(target: Path, scale: float = 1.0, seed: int = SEED) -> Counts:
    """Write the register to ``target`` (replacing it atomically); return what it holds.

    Each register has its own random stream (seeded from ``seed`` and its name), so a change
    to how one is generated does not reshuffle the others.
    """

    def rng(part: str) -> random.Random:
        return random.Random(f"{seed}-{part}")

    with tempfile.TemporaryDirectory(prefix="secretariat-bench-") as folder:
        path = Path(folder) / "register.json"
        with open_database(path) as db:
            members = MemberRepository(db).add_many(
                make_members(rng("members"), scaled("members", scale))
            )
            fees = FeeRepository(db)
            schedules = make_schedules()
            for schedule in schedules:
                fees.save_schedule(schedule)
            years = member_years(members)
            overrides = make_overrides(rng("overrides"), years, schedules)
            for override in overrides:
                fees.save_override(override)
            payments = PaymentRepository(db).add_many(
                make_payments(
                    rng("payments"), years, schedules, overrides, scaled("payments", scale)
                )
            )
            board = BoardRepository(db)
            meetings = [board.meetings.add(m) for m in make_meetings(rng("meetings"))]
            seats = board.seats.add_many(
                make_seats(rng("seats"), meetings, members, scaled("seats", scale))
            )
            calendar = CalendarRepository(db)
            networks = calendar.networks.add_many(
                make_networks(rng("networks"), max(2, scaled("networks", scale)))
            )
            activities = calendar.activities.add_many(
                make_activities(rng("activities"), scaled("activities", scale), members, networks)
            )
            submissions = calendar.submissions.add_many(
                make_submissions(rng("submissions"), scaled("submissions", scale), members)
            )
        data = path.read_bytes()
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, data)
    return Counts(
        members=len(members),
        schedules=len(schedules),
        overrides=len(overrides),
        payments=len(payments),
        meetings=len(meetings),
        seats=len(seats),
        networks=len(networks),
        activities=len(activities),
        submissions=len(submissions),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="1: ~5,000 activities")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, help="default: benchmarks/data/register-<scale>x.json")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be above 0")
    target = args.out or data_path(args.scale)
    counts = build_register(target, args.scale, args.seed)
    print(f"{counts.describe()} skrivna till {target} ({target.stat().st_size:,} byte)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
