"""Member rules: which form fits which kind, the rights each form gives, forms over time, ending."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.member_fields import parse_member_fields
from secretariat_tui.domain.members import RIGHTS, FormChange, MemberKind, MembershipForm, Rights
from tests.factories import FULL, INDIVIDUAL, NETWORKING, ORG, PERSON, make_member, member_fields

TODAY = date(2024, 9, 1)

# Networking from joining (2020-03-01), full membership from 2023-01-01.
NETWORKING_THEN_FULL = (
    FormChange(date(2020, 3, 1), NETWORKING),
    FormChange(date(2023, 1, 1), FULL),
)


# --- which form fits which kind -------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "kind", "other_kind", "refusal"),
    [
        (FULL, ORG, PERSON, "Fullt medlemskap är bara för organisationer."),
        (INDIVIDUAL, PERSON, ORG, "Individuellt medlemskap är bara för enskilda personer."),
    ],
    ids=["full-for-organisations", "individual-for-individuals"],
)
def test_full_and_individual_membership_are_each_for_one_kind_only(
    form: MembershipForm, kind: MemberKind, other_kind: MemberKind, refusal: str
) -> None:
    assert form.allowed_kinds == {kind}
    assert parse_member_fields(member_fields(kind=kind.value, form=form.value), TODAY).form is form
    with pytest.raises(FieldErrors) as caught:
        parse_member_fields(member_fields(kind=other_kind.value, form=form.value), TODAY)
    assert caught.value.errors == {"form": refusal}


@pytest.mark.parametrize("kind", ["organisation", "individual"])
def test_networking_membership_is_open_to_both_kinds(kind: str) -> None:
    assert NETWORKING.allowed_kinds == {ORG, PERSON}
    draft = parse_member_fields(member_fields(kind=kind, form="networking"), TODAY)
    assert draft.form is NETWORKING
    assert draft.kind is MemberKind(kind)


def test_an_individual_with_an_org_number_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_member_fields(
            member_fields(kind="individual", form="individual", org_number="556012-5790"), TODAY
        )
    assert caught.value.errors == {"org_number": "Bara organisationer har organisationsnummer."}


def test_an_organisation_with_a_valid_org_number_keeps_it_normalised() -> None:
    draft = parse_member_fields(member_fields(org_number="5560125790"), TODAY)
    assert draft.org_number == "556012-5790"


# --- rights per form ------------------------------------------------------------------------


def test_full_members_have_every_right_including_the_vote() -> None:
    assert RIGHTS[FULL] == Rights(
        motion=True, speech=True, proposal=True, vote=True, observer=False
    )


def test_individual_members_may_move_and_speak_but_not_propose_or_vote() -> None:
    assert RIGHTS[INDIVIDUAL] == Rights(
        motion=True, speech=True, proposal=False, vote=False, observer=False
    )


def test_networking_members_are_observers_with_speech_only() -> None:
    assert RIGHTS[NETWORKING] == Rights(
        motion=False, speech=True, proposal=False, vote=False, observer=True
    )


def test_every_form_has_its_rights_defined() -> None:
    assert set(RIGHTS) == set(MembershipForm)


def test_rights_follow_the_form_held_on_the_day() -> None:
    m = make_member(forms=NETWORKING_THEN_FULL)
    assert m.rights_on(date(2022, 12, 31)) == RIGHTS[NETWORKING]
    assert m.rights_on(date(2023, 1, 1)) == RIGHTS[FULL]
    assert m.rights == RIGHTS[FULL]
    assert m.rights_on(date(2019, 1, 1)) is None


def test_rights_are_described_in_swedish_one_per_line() -> None:
    assert RIGHTS[INDIVIDUAL].describe() == [
        "Motionsrätt: ja",
        "Yttranderätt: ja",
        "Förslagsrätt: nej",
        "Rösträtt: nej",
    ]
    assert RIGHTS[NETWORKING].describe()[-1] == "Deltar som observatör"


# --- the form over time ---------------------------------------------------------------------


def test_the_old_form_holds_before_a_dated_change_and_the_new_one_from_it() -> None:
    change = date(2023, 7, 1)
    m = make_member(forms=(FormChange(date(2020, 3, 1), NETWORKING), FormChange(change, FULL)))
    assert m.form_on(date(2020, 3, 1)) is NETWORKING
    assert m.form_on(date(2023, 6, 30)) is NETWORKING
    assert m.form_on(change) is FULL
    assert m.form_on(date(2030, 1, 1)) is FULL
    assert m.form is FULL


def test_form_on_follows_several_changes() -> None:
    m = make_member(
        forms=(
            FormChange(date(2020, 3, 1), NETWORKING),
            FormChange(date(2021, 1, 1), FULL),
            FormChange(date(2022, 1, 1), NETWORKING),
        )
    )
    assert [m.form_on(date(y, 6, 1)) for y in (2020, 2021, 2022)] == [NETWORKING, FULL, NETWORKING]


def test_no_form_before_joining() -> None:
    m = make_member(joined=date(2020, 3, 1))
    assert m.form_on(date(2020, 2, 29)) is None
    assert not m.is_member_on(date(2020, 2, 29))
    assert m.is_member_on(date(2020, 3, 1))


# --- ending ---------------------------------------------------------------------------------


def test_ending_keeps_the_record_with_its_date_and_reason() -> None:
    m = make_member()
    ended = m.end(date(2024, 6, 30), "  Verksamheten avvecklad ")
    assert ended.ended == date(2024, 6, 30)
    assert ended.end_reason == "Verksamheten avvecklad"
    assert (ended.name, ended.kind, ended.joined, ended.forms) == (
        m.name,
        m.kind,
        m.joined,
        m.forms,
    )
    assert not ended.is_active
    assert ended.status_text() == "Avslutad 2024-06-30"
    assert m.ended is None, "end() returns a new member; the original is unchanged"


def test_the_last_day_is_a_member_day_and_the_day_after_is_not() -> None:
    ended = make_member().end(date(2024, 6, 30), "")
    assert ended.is_member_on(date(2024, 6, 30))
    assert ended.form_on(date(2024, 6, 30)) is FULL
    assert not ended.is_member_on(date(2024, 7, 1))
    assert ended.form_on(date(2024, 7, 1)) is None


def test_ending_before_joining_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        make_member(joined=date(2020, 3, 1)).end(date(2020, 2, 29), "")
    assert "före inträdet (2020-03-01)" in caught.value.errors["ended"]


def test_ending_on_the_joining_day_is_allowed() -> None:
    assert make_member(joined=date(2020, 3, 1)).end(date(2020, 3, 1), "").ended == date(2020, 3, 1)


def test_ending_twice_is_refused() -> None:
    ended = make_member().end(date(2024, 6, 30), "")
    with pytest.raises(FieldErrors) as caught:
        ended.end(date(2024, 12, 31), "")
    assert "redan avslutat" in caught.value.errors["ended"]


def test_ending_before_the_latest_form_change_is_refused() -> None:
    m = make_member(forms=NETWORKING_THEN_FULL)
    with pytest.raises(FieldErrors) as caught:
        m.end(date(2022, 12, 31), "")
    assert "2023-01-01" in caught.value.errors["ended"]


def test_status_text_says_slutar_before_a_future_end_and_avslutad_after() -> None:
    ending = make_member(ended=date(2026, 12, 31))
    assert ending.status_text(date(2026, 6, 1)) == "Slutar 2026-12-31"
    assert ending.status_text(date(2026, 12, 31)) == "Slutar 2026-12-31"
    assert ending.status_text(date(2027, 1, 1)) == "Avslutad 2026-12-31"
    assert make_member().status_text(date(2026, 6, 1)) == "Aktiv"
