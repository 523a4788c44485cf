"""The report's paragraphs from made-up registers: membership figures in natural Swedish, the
membership forms, networks with counted participation, and the year's advocacy."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.date_entry import EnteredDate, Precision
from secretariat_tui.domain.fees import FeeSchedule, PayingFigures, Payment, fee_year
from secretariat_tui.domain.figures import KindForm
from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.exports.report_membership import (
    membership_forms_paragraph,
    membership_paragraph,
    membership_text,
)
from secretariat_tui.exports.report_paragraphs import (
    advocacy_paragraph,
    joined_networks_paragraph,
    networks_paragraph,
    platform_meetings_sentence,
)
from tests.factories import FULL, INDIVIDUAL, NETWORKING, ORG, PERSON, make_member


def paying(year: int = 2024, **counts: int) -> PayingFigures:
    keys: dict[str, KindForm] = {
        "org_full": (ORG, FULL),
        "org_networking": (ORG, NETWORKING),
        "person_individual": (PERSON, INDIVIDUAL),
        "person_networking": (PERSON, NETWORKING),
    }
    return PayingFigures(year, Counter({keys[name]: n for name, n in counts.items()}))


def day(iso: str) -> EnteredDate:
    return EnteredDate(date.fromisoformat(iso))


# --- membership -----------------------------------------------------------------------------


def test_one_new_member_and_one_ended_are_written_as_en() -> None:
    text = membership_text(2024, 1, 2023, 1, paying(org_full=3))
    assert text.startswith(
        "Under 2024 fick Plattformen en ny medlem. "
        "Under år 2023 avslutade en medlem sitt medlemskap. "
    )


def test_none_is_inga_and_many_are_digits() -> None:
    text = membership_text(2024, 0, 2023, 3, paying(org_full=3))
    assert text.startswith(
        "Under 2024 fick Plattformen inga nya medlemmar. "
        "Under år 2023 avslutade 3 medlemmar sitt medlemskap. "
    )


def test_the_split_names_only_the_forms_someone_paid_for() -> None:
    text = membership_text(2024, 2, 2023, 0, paying(org_full=1, person_networking=2))
    assert text.endswith(
        "Totalt hade Plattformen 3 betalande medlemmar år 2024, varav en var en organisation. "
        "En organisation hade fullt medlemskap och 2 enskilda personer var nätverkande "
        "medlemmar."
    )


def test_one_organisation_networking_and_one_individual_read_in_the_singular() -> None:
    text = membership_text(2024, 2, 2023, 0, paying(org_networking=1, person_individual=1))
    assert text.endswith(
        "varav en var en organisation. En organisation var nätverkande medlem och en var "
        "enskild medlem."
    )


def test_all_organisations_is_said_once() -> None:
    text = membership_text(2024, 0, 2023, 0, paying(org_full=5, org_networking=2))
    assert "Totalt hade Plattformen 7 betalande medlemmar år 2024, samtliga organisationer." in (
        text
    )


def test_no_paying_members_is_one_plain_sentence() -> None:
    text = membership_text(2024, 0, 2023, 0, paying())
    assert text.endswith("Under 2024 hade Plattformen inga betalande medlemmar.")
    assert "varav" not in text


def test_ended_members_are_counted_in_the_year_before_unless_told() -> None:
    members = [
        make_member("Slutade 2023", id=1, ended=date(2023, 12, 31), end_reason="Avvecklad"),
        make_member("Slutade 2024", id=2, ended=date(2024, 6, 30), end_reason="Avvecklad"),
        make_member("Slutade också 2024", id=3, ended=date(2024, 9, 1), end_reason="Avvecklad"),
        make_member("Ny 2024", id=4, joined=date(2024, 3, 1)),
    ]
    schedule = FeeSchedule(2024, {FULL: Decimal("1000")})
    payments = [Payment(4, 2024, Decimal("1000"), date(2024, 3, 10))]
    rows = fee_year(members, 2024, schedule, [], payments)

    default = membership_paragraph(2024, members, rows)
    assert "Under 2024 fick Plattformen en ny medlem." in default
    assert "Under år 2023 avslutade en medlem sitt medlemskap." in default
    assert "Totalt hade Plattformen en betalande medlem år 2024" in default
    same_year = membership_paragraph(2024, members, rows, ended_year=2024)
    assert "Under år 2024 avslutade 2 medlemmar sitt medlemskap." in same_year


def test_the_forms_and_their_rights_follow_the_rules() -> None:
    lines = membership_forms_paragraph(2024).splitlines()
    assert lines == [
        "I Plattformen 2024 förekom tre former av medlemskap:",
        "1. Fullt medlemskap – för organisationer; ger motions-, yttrande-, förslags- och "
        "rösträtt vid årsmötet.",
        "2. Individuellt medlemskap – för enskilda personer; ger motions- och yttranderätt vid "
        "årsmötet, men inte förslags- eller rösträtt.",
        "3. Nätverkande medlemskap – för organisationer och enskilda personer; ger rätt att "
        "delta som observatör med yttranderätt vid årsmötet, men inte motions-, förslags- "
        "eller rösträtt.",
    ]
    assert len(lines) - 1 == len(MembershipForm)


# --- networks -------------------------------------------------------------------------------

EU = NetworkMembership("EU-plattformen", organiser="Europeiska kommissionen", id=1)
GRETA = NetworkMembership("GRETA:s nätverk", role="medlem", id=2)
FRAUD = NetworkMembership("Project FRAUD", role="partner", until=date(2024, 10, 31), id=3)
NEW = NetworkMembership("Regionalt nätverk", since=date(2024, 11, 5), id=4)
OLD = NetworkMembership("Nedlagt nätverk", until=date(2023, 6, 30), id=5)
NETWORKS = [EU, GRETA, FRAUD, NEW, OLD]


def taken_part(network: NetworkMembership, iso: str, title: str = "Möte") -> Activity:
    return Activity(title, day(iso), Category.NETWORK, network_id=network.id)


def test_participation_is_counted_and_placed_in_its_half_year() -> None:
    activities = [
        taken_part(EU, "2024-03-12"),
        taken_part(EU, "2024-05-20"),
        taken_part(EU, "2023-10-01"),
        taken_part(GRETA, "2024-10-16"),
        taken_part(FRAUD, "2024-04-02"),
        taken_part(FRAUD, "2024-09-02"),
    ]
    lines = networks_paragraph(NETWORKS, activities, 2024).splitlines()
    assert lines == [
        "Plattformen är medlem i EU-plattformen, som drivs av Europeiska kommissionen. "
        "Plattformen deltog vid två tillfällen under våren.",
        "Plattformen är även medlem i GRETA:s nätverk. "
        "Plattformen deltog vid ett tillfälle under hösten.",
        "Plattformen var även partner i Project FRAUD till och med oktober. "
        "Plattformen deltog vid två tillfällen under året.",
    ]


def test_without_recorded_participation_nothing_is_claimed() -> None:
    text = networks_paragraph([EU], [], 2024)
    assert text == "Plattformen är medlem i EU-plattformen, som drivs av Europeiska kommissionen."


def test_networks_joined_in_the_year_have_the_reports_sentences() -> None:
    second = NetworkMembership("Digitalt nätverk", since=date(2024, 9, 2), id=6)
    activities = [taken_part(NEW, "2024-11-20")]
    text = joined_networks_paragraph([*NETWORKS, second], activities, 2024)
    assert text == (
        "Under året har vi också gått med i Digitalt nätverk. "
        "Vi har även gått med i Regionalt nätverk. "
        "Plattformen deltog vid ett tillfälle under hösten."
    )
    assert "Regionalt nätverk" not in networks_paragraph(NETWORKS, activities, 2024)
    assert joined_networks_paragraph(NETWORKS, activities, 2025) == ""


def test_platform_meetings_of_the_year_are_counted() -> None:
    def meeting(iso: str) -> Activity:
        return Activity("Plattformsmöte", day(iso), Category.PLATFORM_MEETING, in_report=False)

    activities = [meeting("2024-05-23"), meeting("2024-11-14"), meeting("2025-05-20")]
    assert platform_meetings_sentence(activities, 2024) == (
        "Plattformen har under året anordnat två plattformsmöten."
    )
    assert platform_meetings_sentence(activities, 2025) == (
        "Plattformen har under året anordnat ett plattformsmöte."
    )
    assert platform_meetings_sentence(activities, 2026) == ""


# --- advocacy -------------------------------------------------------------------------------


def submission(
    kind: SubmissionKind,
    title: str,
    when: EnteredDate,
    status: SubmissionStatus = SubmissionStatus.SUBMITTED,
    **kw: object,
) -> Submission:
    return Submission(kind=kind, title=title, when=when, status=status, **kw)  # type: ignore[arg-type]


def test_advocacy_counts_by_kind_and_lists_each_kind_in_date_order() -> None:
    members = {7: make_member("Terrafem", id=7), 8: make_member("Roks", id=8)}
    submissions = [
        submission(
            SubmissionKind.DEBATE_ARTICLE,
            "Om straffriheten",
            EnteredDate(date(2024, 6, 1), Precision.MONTH),
            SubmissionStatus.PUBLISHED,
            recipient="Dagens Nyheter",
        ),
        submission(
            SubmissionKind.DEBATE_ARTICLE,
            "Debattartikel i Göteborgsposten.",
            day("2024-06-20"),
            SubmissionStatus.PUBLISHED,
            recipient="Göteborgsposten",
            co_signers=(7, 8, 99),
        ),
        submission(SubmissionKind.CONSULTATION, "Remissvar A", day("2024-03-01")),
        submission(
            SubmissionKind.CONSULTATION,
            "Remissvar B",
            day("2024-02-01"),
            SubmissionStatus.ANSWERED,
            recipient="Justitiedepartementet",
        ),
        submission(SubmissionKind.REPORT, "Utkastet", day("2024-04-01"), SubmissionStatus.DRAFT),
        submission(SubmissionKind.REPORT, "Förra året", day("2023-04-01")),
        submission(SubmissionKind.TIP, "Till TIP", day("2024-12-10"), in_report=False),
    ]
    lines = advocacy_paragraph(submissions, 2024, members).splitlines()
    assert lines == [
        "Plattformens påverkansarbete under 2024 omfattade två debattartiklar, två remissvar "
        "och en TIP-rapportering.",
        "Debattartiklar:",
        "- 20 juni: Debattartikel i Göteborgsposten (tillsammans med Terrafem och Roks)",
        "- Juni: Om straffriheten (i Dagens Nyheter)",
        "Remissvar:",
        "- 1 februari: Remissvar B (till Justitiedepartementet; besvarad)",
        "- 1 mars: Remissvar A",
        "TIP-rapportering:",
        "- 10 december: Till TIP",
    ]


def test_one_of_a_neuter_kind_reads_ett() -> None:
    text = advocacy_paragraph(
        [submission(SubmissionKind.INPUT, "Sakråd om Pekingplattformen", day("2024-04-11"))],
        2024,
    )
    assert text.splitlines()[:2] == [
        "Plattformens påverkansarbete under 2024 omfattade ett inspel vid sakråd.",
        "Inspel vid sakråd:",
    ]


def test_a_year_without_submissions_sent_is_empty() -> None:
    draft = submission(SubmissionKind.REPORT, "Utkast", day("2024-04-01"), SubmissionStatus.DRAFT)
    assert advocacy_paragraph([draft], 2024) == ""


def test_a_membership_ended_in_the_year_keeps_its_organiser_clause() -> None:
    ended = NetworkMembership(
        "Project FRAUD", organiser="Östersjöstaternas råd", role="partner", until=date(2024, 5, 31)
    )
    assert networks_paragraph([ended], [], 2024) == (
        "Plattformen var partner i Project FRAUD, som drivs av Östersjöstaternas råd, "
        "till och med maj."
    )
