"""What erasing a person changes: the person goes everywhere, the history and the money stay."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from secretariat_tui.domain.board import board_on
from secretariat_tui.domain.erasure import ERASED_MENTION, Erasure, plan_erasure
from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.members import Contact
from secretariat_tui.domain.personal_data import Register, mention_pattern
from tests.domain.gdpr_register import (
    ANNA_STRINGS,
    BO_STRINGS,
    BYSTANDER,
    MEMBERS,
    PAYMENTS,
    register,
)

DAY = date(2026, 6, 1)


def applied(register: Register, erasure: Erasure) -> Register:
    """The register with the erasure's new versions in place (what the store does)."""

    def merged(old: tuple[object, ...], new: tuple[object, ...], key: object = "id") -> tuple:
        by_key = {getattr(r, str(key)): r for r in new}
        return tuple(by_key.get(getattr(r, str(key)), r) for r in old)

    delegations = {(d.meeting_id, d.attendance.member_id): d for d in erasure.delegations}
    agreements = {(a.member_id, a.year): a for a in erasure.agreements}
    return Register(
        members=tuple(erasure.member if m.id == erasure.member_id else m for m in register.members),
        payments=merged(tuple(register.payments), erasure.payments),  # type: ignore[arg-type]
        agreements=tuple(agreements.get((a.member_id, a.year), a) for a in register.agreements),
        meetings=merged(tuple(register.meetings), erasure.meetings),  # type: ignore[arg-type]
        seats=merged(tuple(register.seats), erasure.seats),  # type: ignore[arg-type]
        delegations=tuple(
            delegations.get((d.meeting_id, d.attendance.member_id), d) for d in register.delegations
        ),
        activities=merged(tuple(register.activities), erasure.activities),  # type: ignore[arg-type]
        submissions=merged(tuple(register.submissions), erasure.submissions),  # type: ignore[arg-type]
        networks=merged(tuple(register.networks), erasure.networks),  # type: ignore[arg-type]
    )


def every_text(register: Register) -> str:
    return repr(register)


def test_an_individual_is_renamed_and_loses_contacts_and_reason() -> None:
    erasure = plan_erasure(register(), 1, DAY)
    assert erasure.member == replace(
        MEMBERS[0],
        name="Raderad person (id 1)",
        contact=Contact(),
        end_reason="",
        erased_on=DAY,
    )


def test_an_organisation_keeps_name_and_number_and_loses_the_rest() -> None:
    erasure = plan_erasure(register(), 2, DAY)
    assert erasure.member.name == "Föreningen Ljuset"
    assert erasure.member.org_number == "802001-6015"
    assert erasure.member.contact == Contact()
    assert erasure.member.erased_on == DAY


def test_no_string_of_the_person_is_left_anywhere_in_the_register() -> None:
    for member_id, strings in ((1, ANNA_STRINGS), (2, BO_STRINGS)):
        after = applied(register(), plan_erasure(register(), member_id, DAY))
        pattern = mention_pattern(strings)
        assert pattern is not None
        assert not pattern.search(every_text(after)), member_id


def test_the_bystanders_own_record_and_mentions_stay() -> None:
    after = applied(register(), plan_erasure(register(), 2, DAY))
    assert after.members[2] == MEMBERS[2]
    assert after.members[2].contact == BYSTANDER
    assert after.seats[2].person == "Cecilia Berg"
    assert "Cecilia Berg" in after.activities[1].participants
    assert after.activities[2].title == "Möte med Bo Ekström"  # someone else


def test_mentions_become_raderad_and_the_rest_of_the_text_stays() -> None:
    after = applied(register(), plan_erasure(register(), 2, DAY))
    assert after.activities[1].participants == f"{ERASED_MENTION} (Föreningen Ljuset), Cecilia Berg"
    assert after.activities[1].notes == f"Skicka protokollet till {ERASED_MENTION}"
    assert after.submissions[0].notes == f"{ERASED_MENTION} skrev utkastet"
    assert after.submissions[0].co_signers == (2, 3)


def test_board_seats_of_the_person_keep_role_dates_and_organisation() -> None:
    before = register()
    after = applied(before, plan_erasure(before, 2, DAY))
    seat = after.seats[1]
    assert seat == replace(before.seats[1], person="Raderad person (id 2)")
    for day in (date(2022, 6, 1), date(2023, 6, 1), date(2024, 6, 1), date(2025, 6, 1)):
        old = board_on(day, before.seats, before.meetings)
        new = board_on(day, after.seats, after.meetings)
        assert [(s.id, s.role, s.organisation_id) for s in old] == [
            (s.id, s.role, s.organisation_id) for s in new
        ]


def test_an_individuals_seat_also_loses_its_reason_for_leaving() -> None:
    after = applied(register(), plan_erasure(register(), 1, DAY))
    assert after.seats[0].person == "Raderad person (id 1)"
    assert after.seats[0].left_reason == ""


def test_delegates_are_cleared_and_presence_kept() -> None:
    erasure = plan_erasure(register(), 2, DAY)
    found = {
        (d.meeting_id, d.attendance.delegate, d.attendance.present) for d in erasure.delegations
    }
    assert found == {(1, "", True), (2, "", False)}


def test_payments_keep_amount_year_date_and_reference_and_lose_the_note() -> None:
    erasure = plan_erasure(register(), 1, DAY)
    [payment] = erasure.payments
    assert payment == replace(PAYMENTS[0], note="")
    after = applied(register(), erasure)
    assert [(p.amount, p.fee_year, p.paid_on, p.reference) for p in after.payments] == [
        (p.amount, p.fee_year, p.paid_on, p.reference) for p in PAYMENTS
    ]


def test_agreed_fees_keep_the_amount_and_lose_the_note() -> None:
    erasure = plan_erasure(register(), 2, DAY)
    assert [(a.member_id, a.year, str(a.amount), a.note) for a in erasure.agreements] == [
        (2, 2022, "750", "")
    ]


def test_year_figures_are_the_same_before_and_after() -> None:
    before = register()
    after = applied(applied(before, plan_erasure(before, 1, DAY)), plan_erasure(before, 2, DAY))
    for year in range(2018, 2027):
        assert year_figures(before.members, year) == year_figures(after.members, year)


def test_the_plan_says_what_goes_record_by_record() -> None:
    lines = plan_erasure(register(), 1, DAY).lines()
    assert lines[0] == (
        "Medlem 1: namn ”Anna Ek” blir ”Raderad person (id 1)”, "
        "kontaktperson ”Anna Ek”, e-post ”anna.ek@example.se”, telefon ”070-111 22 33”, "
        "adress ”Gränd 5, 123 45 Ort”, orsak till utträdet ”Flyttade till Anna Eks syster”"
    )
    assert "Betalning 1 (avgiftsår 2022, 200 kr, betald 2022-03-01): anteckning" in lines
    assert "Aktivitet 1 (2022-05-10): rubrik, plats" in lines
    assert "Styrelsepost 1 (Kassör, vald 2022-04-20): person, orsak till avgången" in lines


def test_a_string_held_by_another_member_is_kept_and_said() -> None:
    shared = replace(MEMBERS[2], contact=replace(BYSTANDER, person="Bo Lind"))
    with_shared = replace(register(), members=(MEMBERS[0], MEMBERS[1], shared))
    erasure = plan_erasure(with_shared, 2, DAY)
    assert "Bo Lind" not in erasure.strings
    assert erasure.seats == ()  # the seat is Bo Lind's, who is still member 3's contact
    assert "Står kvar: ”Bo Lind” finns också hos medlem 3." in erasure.lines()


def test_erasing_twice_changes_nothing_the_second_time() -> None:
    first = plan_erasure(register(), 1, DAY)
    after = applied(register(), first)
    second = plan_erasure(after, 1, date(2026, 7, 1))
    assert second.already_erased
    assert not second.changes_anything
    assert second.member.erased_on == DAY


def test_strings_from_an_older_copy_are_erased_too() -> None:
    older_email = "anna@gammal.example"
    mentioned = replace(
        register(),
        activities=(
            *register().activities,
            replace(register().activities[0], title=f"Mejl från {older_email}", id=9),
        ),
    )
    erasure = plan_erasure(mentioned, 1, DAY, also=[older_email])
    assert any(a.id == 9 and older_email not in a.title for a in erasure.activities)
