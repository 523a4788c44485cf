"""The calendar registers in the shipped demo database: the 2024 report's month list
("Löpande verksamhet (månadsvis)"), its networks and its advocacy submissions.

Every test reads a copy of ``data/demo.json`` in a temporary folder; the shipped file itself is
never opened, only hashed before and after this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import pytest

from secretariat_tui.domain.activities import Activity, Category, check_activity
from secretariat_tui.domain.calendar import (
    ANNUAL_MEETING_TITLE,
    CalendarItem,
    MonthGroup,
    Source,
    month_groups,
    next_item,
)
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.networks import NetworkMembership, participations
from secretariat_tui.domain.submissions import (
    Submission,
    SubmissionKind,
    SubmissionStatus,
    check_submission,
)
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.members import MemberRepository
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)
from tests.test_demo_data import REPORT_PEOPLE

# Report lines per month in the 2024 report's month list (December's one line, two things,
# is two activities in the demo).
REPORT_LINES_2024 = [3, 2, 0, 4, 2, 3, 1, 2, 1, 2, 2, 2]
EU_PLATFORM = "EU Civil Society Platform Against Human Trafficking"
GRETA = "GRETA:s nätverk för specialiserade jurister och civilsamhällesorganisationer"
OSCE = "CSO-nätverket för OSCE/ODIHR"
TODAY = date(2026, 6, 1)


@dataclass(frozen=True)
class Calendar:
    items: list[CalendarItem]
    activities: list[Activity]
    submissions: list[Submission]
    networks: list[NetworkMembership]
    members: list[Member]

    def months(self, year: int) -> list[MonthGroup]:
        return month_groups(self.items, year)

    def report_lines(self, year: int, month: int) -> list[CalendarItem]:
        return [i for i in self.months(year)[month - 1].items if i.in_report]

    def network(self, name: str) -> NetworkMembership:
        (network,) = [n for n in self.networks if n.name == name]
        return network


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory) -> Calendar:
    copy = copy_of_demo(tmp_path_factory.mktemp("demo-calendar"))
    with open_database(copy) as db:
        repo = CalendarRepository(db)
        return Calendar(
            items=repo.items(),
            activities=repo.activities.all(),
            submissions=repo.submissions.all(),
            networks=repo.networks.all(),
            members=MemberRepository(db).all(),
        )


def test_2024_has_twelve_months_and_march_is_empty(calendar: Calendar) -> None:
    months = calendar.months(2024)
    assert [g.heading for g in months][:4] == ["Januari", "Februari", "Mars", "April"]
    assert len(months) == 12
    assert months[2].items == ()
    assert all(any(i.in_report for i in g.items) for g in months if g.month != 3)


def test_2024_report_lines_per_month_are_the_reports(calendar: Calendar) -> None:
    assert [len(calendar.report_lines(2024, m)) for m in range(1, 13)] == REPORT_LINES_2024


def test_january_debate_article_once_from_the_submission_register(calendar: Calendar) -> None:
    lines = calendar.report_lines(2024, 1)
    articles = [i for i in lines if "Debattartikel i Göteborgsposten" in i.title]
    assert len(articles) == 1
    (article,) = articles
    assert article.source is Source.SUBMISSION
    assert not [a for a in calendar.activities if "Göteborgsposten" in a.title]
    submission = next(s for s in calendar.submissions if s.id == article.source_id)
    assert submission.kind is SubmissionKind.DEBATE_ARTICLE
    assert submission.status is SubmissionStatus.PUBLISHED
    assert submission.recipient == "Göteborgsposten"


def test_april_has_the_annual_meeting_from_the_meetings(calendar: Calendar) -> None:
    april = calendar.report_lines(2024, 4)
    meetings = [i for i in april if i.title == ANNUAL_MEETING_TITLE]
    assert [(i.source, i.day) for i in meetings] == [(Source.MEETING, date(2024, 4, 18))]
    assert not [a for a in calendar.activities if a.title == ANNUAL_MEETING_TITLE]


def test_april_is_in_the_reports_order_the_handover_before_the_annual_meeting(
    calendar: Calendar,
) -> None:
    """The report has the statistics report handed over before the annual meeting; the demo's
    dates (25 and 18 April) put them the other way round, so the month is placed by hand."""
    april = [i.title for i in calendar.report_lines(2024, 4)]
    assert [t.split()[0] for t in april] == ["Halvdag", "Sakråd", "Statistikrapporten", "Årsmöte"]
    days = [i.title for i in calendar.months(2024)[3].items if i.day == date(2024, 4, 18)]
    assert days == [ANNUAL_MEETING_TITLE, "Konstituerande styrelsemöte"]


def test_autumn_platform_meeting_is_in_november_with_times(calendar: Calendar) -> None:
    (meeting,) = [i for i in calendar.report_lines(2024, 11) if i.title == "Höstens plattformsmöte"]
    assert meeting.category is Category.PLATFORM_MEETING
    assert (meeting.starts_at, meeting.ends_at) == (time(13), time(16))
    assert meeting.time_text == "13:00–16:00"
    assert meeting.location


def test_two_platform_meetings_in_2024_only_the_autumn_one_a_report_line(
    calendar: Calendar,
) -> None:
    meetings = [
        i for i in calendar.items if i.category is Category.PLATFORM_MEETING and i.day.year == 2024
    ]
    assert [(i.day.month, i.in_report) for i in meetings] == [(5, False), (11, True)]


def test_month_only_and_multi_day_items(calendar: Calendar) -> None:
    (july,) = calendar.months(2024)[6].items
    assert july.month_only and july.date_text == "2024-07"
    assert july.title.startswith("Uppstart")
    (mr_days,) = [i for i in calendar.items if "MR-dagarna" in i.title]
    assert mr_days.ends_on is not None and mr_days.ends_on > mr_days.day
    assert mr_days.day.month == 11 and mr_days.in_report


def test_the_reports_networks_are_there(calendar: Calendar) -> None:
    eu = calendar.network(EU_PLATFORM)
    assert (eu.organiser, eu.role) == ("Europeiska kommissionen", "medlemsorganisation")
    assert "två gånger per år" in eu.meets and eu.about.startswith("ett forum")
    assert calendar.network(GRETA).organiser.startswith("Europarådet")
    assert calendar.network(OSCE).role == "medlem"
    fraud = calendar.network("Project FRAUD")
    assert (fraud.organiser, fraud.role) == ("Östersjöstaternas råd", "partner")
    joined_2024 = [n.name for n in calendar.networks if n.since and n.since.year == 2024]
    assert len(joined_2024) == 2
    assert any("digitalt nätverk" in name for name in joined_2024)
    assert any("Västra Götaland" in name for name in joined_2024)
    assert all(n.is_active_in(2024) for n in calendar.networks)


def test_eu_platform_one_participation_in_2024_in_the_autumn(calendar: Calendar) -> None:
    eu = calendar.network(EU_PLATFORM)
    assert eu.id is not None
    (taken_part,) = participations(eu.id, calendar.activities, 2024)
    assert taken_part.day.month in (9, 10, 11)
    assert not taken_part.in_report, "not a line of the month list"


@pytest.mark.parametrize(("name", "month"), [(OSCE, 8), (GRETA, 10)])
def test_month_list_network_lines_are_linked(calendar: Calendar, name: str, month: int) -> None:
    network = calendar.network(name)
    assert network.id is not None
    (taken_part,) = participations(network.id, calendar.activities, 2024)
    assert taken_part.day.month == month and taken_part.in_report


def test_submissions_sent_are_in_their_month_once_and_drafts_not_at_all(
    calendar: Calendar,
) -> None:
    drafts = [s for s in calendar.submissions if s.status is SubmissionStatus.DRAFT]
    assert drafts and all(s.when.day.year >= 2025 for s in drafts)
    for submission in calendar.submissions:
        found = [
            i
            for i in calendar.items
            if i.source is Source.SUBMISSION and i.source_id == submission.id
        ]
        if submission.status is SubmissionStatus.DRAFT:
            assert found == []
        else:
            assert [i.when for i in found] == [submission.when], submission.title
    activity_titles = {a.title for a in calendar.activities}
    assert not activity_titles & {s.title for s in calendar.submissions}


def test_submission_kinds_of_2024(calendar: Calendar) -> None:
    by_month = {
        s.when.day.month: s
        for s in calendar.submissions
        if s.when.day.year == 2024 and s.kind is not SubmissionKind.REPORT
    }
    assert by_month[4].kind is SubmissionKind.INPUT
    assert by_month[6].kind is SubmissionKind.DEBATE_ARTICLE
    assert by_month[9].kind is SubmissionKind.PETITION
    assert by_month[9].recipient == "Arbetsmarknadsdepartementet"
    tip = by_month[12]
    assert tip.kind is SubmissionKind.TIP and not tip.in_report
    assert "US Department of State" in tip.recipient


def test_co_signers_are_member_organisations(calendar: Calendar) -> None:
    by_id = {m.id: m.name for m in calendar.members}
    signed = [s for s in calendar.submissions if s.co_signers]
    assert signed
    names = {by_id[i] for s in signed for i in s.co_signers}
    assert {"Terrafem", "Roks"} <= names


def test_next_platform_meeting_after_the_demos_today(calendar: Calendar) -> None:
    coming = next_item(calendar.items, TODAY, Category.PLATFORM_MEETING)
    assert coming is not None
    assert coming.day > TODAY and coming.day.year == 2026
    assert coming.starts_at is not None


def test_later_years_have_spring_and_autumn_platform_meetings(calendar: Calendar) -> None:
    for year in (2025, 2026):
        months = [
            i.day.month
            for i in calendar.items
            if i.category is Category.PLATFORM_MEETING and i.day.year == year
        ]
        assert len(months) == 2 and months[0] <= 6 < months[1], year


def test_uids_are_fixed_and_unique(calendar: Calendar) -> None:
    uids = [a.uid for a in calendar.activities] + [s.uid for s in calendar.submissions]
    assert all(uid.startswith("demo-") for uid in uids)
    assert len(set(uids)) == len(uids)


def test_every_record_passes_its_rules(calendar: Calendar) -> None:
    for activity in calendar.activities:
        check_activity(activity)
    for submission in calendar.submissions:
        check_submission(submission)
    network_ids = {n.id for n in calendar.networks}
    assert {a.network_id for a in calendar.activities if a.network_id} <= network_ids


def test_no_person_from_the_report_is_named(calendar: Calendar) -> None:
    texts = [
        text
        for item in calendar.items
        for text in (item.title, item.notes, item.location, item.participants)
    ]
    texts += [s.notes for s in calendar.submissions]
    texts += [f"{n.contact} {n.notes}" for n in calendar.networks]
    surnames = {name.split()[-1] for name in REPORT_PEOPLE}
    for text in texts:
        assert not {word.strip(".,()") for word in text.split()} & surnames, text
