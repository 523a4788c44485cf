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
    held_meetings_sentence,
    joined_networks_paragraph,
    networks_paragraph,
    submission_line,
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


def test_a_network_is_written_from_what_it_is_and_how_often_it_meets() -> None:
    eu = NetworkMembership(
        "EU-plattformen",
        about="ett forum för civilsamhället i EU.",
        organiser="Europeiska kommissionen",
        role="medlemsorganisation",
        meets="två gånger per år i Bryssel eller online",
        id=1,
    )
    osce = NetworkMembership("OSCE-nätverket", meets="digitalt några gånger per år", id=2)
    lines = networks_paragraph([eu, osce], [taken_part(eu, "2024-10-29")], 2024).splitlines()
    assert lines == [
        "Plattformen är medlemsorganisation i EU-plattformen, ett forum för civilsamhället i EU, "
        "som drivs av Europeiska kommissionen och träffas två gånger per år i Bryssel eller "
        "online. Plattformen deltog vid ett tillfälle under hösten.",
        "Plattformen är även medlem i OSCE-nätverket, som träffas digitalt några gånger per år.",
    ]


def test_a_joined_network_is_described_by_its_own_fields_too() -> None:
    joined = NetworkMembership(
        "Digitalt nätverk", since=date(2024, 9, 2), about="ett nationellt nätverk", id=6
    )
    assert joined_networks_paragraph([joined], [], 2024) == (
        "Under året har vi också gått med i Digitalt nätverk, ett nationellt nätverk."
    )


def meeting(category: Category, iso: str, network_id: int | None = None) -> Activity:
    return Activity("Möte", day(iso), category, in_report=False, network_id=network_id)


def test_each_kind_of_meeting_held_is_counted_from_its_category() -> None:
    activities = [
        meeting(Category.PLATFORM_MEETING, "2024-05-23"),
        meeting(Category.PLATFORM_MEETING, "2024-11-14"),
        meeting(Category.MEMBER_COFFEE, "2024-02-20"),
        meeting(Category.MEMBER_COFFEE, "2024-09-17"),
        meeting(Category.NETWORK, "2024-11-27"),
        meeting(Category.PLATFORM_MEETING, "2025-05-20"),
        meeting(Category.INTERNAL, "2024-03-01"),
    ]
    assert held_meetings_sentence(activities, 2024) == (
        "Under året har Plattformen anordnat två plattformsmöten, två medlemsfikor och "
        "ett nätverksmöte."
    )
    assert held_meetings_sentence(activities, 2025) == (
        "Under året har Plattformen anordnat ett plattformsmöte."
    )


def test_a_kind_of_meeting_with_none_is_left_out_and_no_meeting_says_nothing() -> None:
    coffees = [meeting(Category.MEMBER_COFFEE, "2024-02-20")]
    assert (
        held_meetings_sentence(coffees, 2024)
        == "Under året har Plattformen anordnat en medlemsfika."
    )
    assert held_meetings_sentence(coffees, 2026) == ""


def test_a_meeting_in_another_network_is_participation_not_a_meeting_held() -> None:
    theirs = meeting(Category.NETWORK, "2024-08-27", network_id=EU.id)
    assert held_meetings_sentence([theirs], 2024) == ""
    assert "deltog vid ett tillfälle" in networks_paragraph([EU], [theirs], 2024)


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
        "Under 2024 har Plattformen publicerat två debattartiklar:",
        "- 20 juni: Debattartikel i Göteborgsposten (tillsammans med Terrafem och Roks)",
        "- Juni: Om straffriheten (i Dagens Nyheter)",
        "Plattformen har även lämnat två remissvar:",
        "- 1 februari: Remissvar B (till Justitiedepartementet; besvarad)",
        "- 1 mars: Remissvar A",
        "Plattformen har även lämnat en rapport till Trafficking in Persons Report:",
        "- 10 december: Till TIP",
    ]


def test_one_of_a_neuter_kind_reads_ett() -> None:
    text = advocacy_paragraph(
        [submission(SubmissionKind.INPUT, "Sakråd om Pekingplattformen", day("2024-04-11"))],
        2024,
    )
    assert text.splitlines()[0] == "Under 2024 har Plattformen lämnat ett inspel vid sakråd:"


def test_a_kind_reads_as_a_sentence_not_as_a_forms_label() -> None:
    sent = [
        submission(SubmissionKind.PETITION, "Framställan om handlingsplanen", day("2024-09-20")),
        submission(SubmissionKind.OTHER, "Brev till kommunen", day("2024-10-01")),
    ]
    lines = advocacy_paragraph(sent, 2024).splitlines()
    assert [line for line in lines if not line.startswith("- ")] == [
        "Under 2024 har Plattformen lämnat en skrivelse:",
        "Plattformen har även lämnat en inlaga:",
    ]


def test_a_recipient_the_title_names_is_not_named_again() -> None:
    tip = submission(
        SubmissionKind.TIP,
        "Rapportering till US Department of State inför Trafficking in Persons Report",
        day("2024-12-10"),
        recipient="US Department of State, via amerikanska ambassaden i Stockholm",
    )
    handed = submission(
        SubmissionKind.REPORT,
        "Rapporten överlämnades till Justitiedepartementet",
        day("2024-04-25"),
        recipient="Justitiedepartementet",
    )
    assert submission_line(tip, {}) == (
        "10 december: Rapportering till US Department of State inför Trafficking in Persons "
        "Report (via amerikanska ambassaden i Stockholm)"
    )
    assert submission_line(handed, {}) == (
        "25 april: Rapporten överlämnades till Justitiedepartementet"
    )


def test_a_recipient_the_title_does_not_name_gets_its_preposition() -> None:
    article = submission(
        SubmissionKind.DEBATE_ARTICLE, "Om straffriheten", day("2024-01-16"), recipient="GP"
    )
    petition = submission(
        SubmissionKind.PETITION, "Framställan", day("2024-09-20"), recipient="Regeringen, via A-dep"
    )
    assert submission_line(article, {}) == "16 januari: Om straffriheten (i GP)"
    assert submission_line(petition, {}) == (
        "20 september: Framställan (till Regeringen, via A-dep)"
    )


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
