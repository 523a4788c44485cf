"""Typed member fields → draft → Member, and edits that keep the form history right."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.member_fields import (
    MEMBER_FIELDS,
    MemberDraft,
    apply_edit,
    create_member,
    parse_member_fields,
    raw_fields,
)
from secretariat_tui.domain.members import Contact, FormChange, Member
from tests.factories import FULL, INDIVIDUAL, NETWORKING, ORG, PERSON, member_fields

TODAY = date(2024, 9, 1)
# The member these tests parse and edit: a networking organisation with every field filled in.
EXAMPLE = {
    "name": "Exempelföreningen",
    "form": "networking",
    "org_number": "556012-5790",
    "contact_person": "Anna Andersson",
    "email": "anna@exempel.se",
    "phone": "+46 8-123 456",
    "address": "Box 1, 111 11 Stockholm",
}
# Networking from joining (2020-03-01), full membership from 2023-07-01.
NETWORKING_THEN_FULL = (
    FormChange(date(2020, 3, 1), NETWORKING),
    FormChange(date(2023, 7, 1), FULL),
)


def fields(**overrides: str) -> dict[str, str]:
    return member_fields(**(EXAMPLE | overrides))


def draft(**overrides: str) -> MemberDraft:
    return parse_member_fields(fields(**overrides), TODAY)


def stored(forms: tuple[FormChange, ...] | None = None, ended: date | None = None) -> Member:
    """The example as the register holds it (id 7), with ``forms`` and ``ended`` if given."""
    base = create_member(draft())
    return replace(base, forms=forms or base.forms, ended=ended, id=7)


# --- parse_member_fields --------------------------------------------------------------------


def test_good_fields_give_a_trimmed_draft() -> None:
    result = parse_member_fields(
        fields(name="  Exempelföreningen  ", org_number="5560125790"), TODAY
    )
    assert result == MemberDraft(
        name="Exempelföreningen",
        kind=ORG,
        form=NETWORKING,
        org_number="556012-5790",
        contact=Contact(
            "Anna Andersson", "anna@exempel.se", "+46 8-123 456", "Box 1, 111 11 Stockholm"
        ),
        joined=date(2020, 3, 1),
        form_from=None,
    )


def test_all_field_errors_are_reported_at_once() -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_member_fields(
            fields(
                name="   ",
                org_number="556012-5791",
                email="anna.exempel.se",
                phone="ring mig",
                joined="2024-02-30",
                form_from="snart",
            ),
            TODAY,
        )
    errors = caught.value.errors
    assert set(errors) == {"name", "org_number", "email", "phone", "joined", "form_from"}
    assert errors["name"] == "Namn måste fyllas i."
    assert "ska den vara 0" in errors["org_number"]
    assert "E-postadressen" in errors["email"]
    assert "Telefonnumret" in errors["phone"]
    assert errors["joined"] == "”2024-02-30”: 30 februari 2024 finns inte i kalendern."
    assert "förstods inte som ett datum" in errors["form_from"]
    for message in errors.values():
        assert message in str(caught.value)


def test_missing_fields_are_reported_not_crashed_on() -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_member_fields({}, TODAY)
    assert set(caught.value.errors) == {"name", "kind", "form", "joined"}
    assert caught.value.errors["kind"] == "Välj typ."
    assert caught.value.errors["form"] == "Välj medlemsform."


def test_field_rules_and_cross_field_rules_are_reported_together() -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_member_fields(
            fields(name="", kind="individual", form="full", org_number="556012-5790"), TODAY
        )
    assert set(caught.value.errors) == {"name", "form", "org_number"}


def test_a_too_long_name_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_member_fields(fields(name="x" * 201), TODAY)
    assert "för långt" in caught.value.errors["name"]
    assert parse_member_fields(fields(name="x" * 200), TODAY).name == "x" * 200


@pytest.mark.parametrize("phone", ["12345", "08-12 34 5a", "+46 (8) 12"])
def test_bad_phone_numbers_are_refused(phone: str) -> None:
    with pytest.raises(FieldErrors) as caught:
        parse_member_fields(fields(phone=phone), TODAY)
    assert set(caught.value.errors) == {"phone"}


def test_every_field_has_a_swedish_label_and_a_flag() -> None:
    assert all(f.label and f.option.startswith("--") for f in MEMBER_FIELDS)


def test_raw_fields_round_trip_through_parse() -> None:
    member = create_member(draft())
    assert parse_member_fields(raw_fields(member), TODAY) == draft()


def test_a_new_member_starts_with_its_form_from_the_joining_day() -> None:
    member = create_member(draft(form="full"))
    assert member.forms == (FormChange(date(2020, 3, 1), FULL),)
    assert member.id is None and member.ended is None


# --- apply_edit -----------------------------------------------------------------------------


def test_a_form_change_is_appended_with_its_date() -> None:
    edited = apply_edit(stored(), draft(form="full", form_from="2023-07-01"), TODAY)
    assert edited.forms == (
        FormChange(date(2020, 3, 1), NETWORKING),
        FormChange(date(2023, 7, 1), FULL),
    )
    assert edited.form_on(date(2023, 6, 30)) is NETWORKING
    assert edited.form_on(date(2023, 7, 1)) is FULL


def test_a_form_change_without_a_date_takes_effect_today() -> None:
    edited = apply_edit(stored(), draft(form="full"), TODAY)
    assert edited.forms[-1] == FormChange(TODAY, FULL)
    assert len(edited.forms) == 2


def test_a_second_change_on_the_same_day_replaces_the_first() -> None:
    edited = apply_edit(
        stored(forms=NETWORKING_THEN_FULL),
        draft(form="networking", form_from="2023-07-01"),
        TODAY,
    )
    assert edited.forms == (
        FormChange(date(2020, 3, 1), NETWORKING),
        FormChange(date(2023, 7, 1), NETWORKING),
    )


def test_a_change_dated_before_the_last_change_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        apply_edit(
            stored(forms=NETWORKING_THEN_FULL),
            draft(form="networking", form_from="2023-06-30"),
            TODAY,
        )
    assert caught.value.errors == {
        "form_from": "Formbytet måste ligga efter förra bytet 2023-07-01."
    }


def test_a_change_dated_before_joining_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        apply_edit(stored(), draft(form="full", form_from="2020-02-01"), TODAY)
    assert set(caught.value.errors) == {"form_from"}


def test_a_change_dated_after_the_end_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        apply_edit(
            stored(ended=date(2023, 12, 31)), draft(form="full", form_from="2024-01-01"), TODAY
        )
    assert "efter slutdatum" in caught.value.errors["form_from"]


def test_moving_joined_after_a_later_form_change_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        apply_edit(
            stored(forms=NETWORKING_THEN_FULL), draft(form="full", joined="2023-08-01"), TODAY
        )
    assert caught.value.errors == {"joined": "Inträdet måste ligga före formbytet 2023-07-01."}


def test_moving_joined_onto_the_day_of_a_later_form_change_is_refused() -> None:
    with pytest.raises(FieldErrors):
        apply_edit(
            stored(forms=NETWORKING_THEN_FULL), draft(form="full", joined="2023-07-01"), TODAY
        )


def test_moving_joined_moves_the_first_form_with_it() -> None:
    edited = apply_edit(
        stored(forms=NETWORKING_THEN_FULL), draft(form="full", joined="2019-01-15"), TODAY
    )
    assert edited.joined == date(2019, 1, 15)
    assert edited.forms == (
        FormChange(date(2019, 1, 15), NETWORKING),
        FormChange(date(2023, 7, 1), FULL),
    )


def test_moving_joined_after_the_end_is_refused() -> None:
    with pytest.raises(FieldErrors) as caught:
        apply_edit(stored(ended=date(2021, 1, 1)), draft(joined="2021-01-02"), TODAY)
    assert set(caught.value.errors) == {"joined"}


def test_an_edit_without_a_form_change_keeps_history_and_identity() -> None:
    original = stored(forms=NETWORKING_THEN_FULL, ended=date(2024, 6, 30))
    edited = apply_edit(original, draft(form="full", name="Nytt namn", email=""), TODAY)
    assert edited.forms == NETWORKING_THEN_FULL
    assert (edited.id, edited.ended) == (7, date(2024, 6, 30))
    assert edited.name == "Nytt namn"
    assert edited.contact.email == ""


# --- kind corrections -----------------------------------------------------------------------


def test_a_kind_correction_that_contradicts_the_form_history_is_refused() -> None:
    """An organisation that held full membership cannot become an individual after the fact."""
    forms = (FormChange(date(2020, 3, 1), FULL), FormChange(date(2023, 7, 1), NETWORKING))
    with pytest.raises(FieldErrors) as caught:
        apply_edit(
            stored(forms=forms),
            draft(kind="individual", form="networking", org_number=""),
            TODAY,
        )
    assert set(caught.value.errors) == {"kind"}
    assert "2020-03-01" in caught.value.errors["kind"]


def test_a_kind_correction_that_fits_the_form_history_is_accepted() -> None:
    edited = apply_edit(stored(), draft(kind="individual", form="networking", org_number=""), TODAY)
    assert edited.kind is PERSON
    assert edited.forms == (FormChange(date(2020, 3, 1), NETWORKING),)


def test_a_wrong_kind_and_form_can_be_corrected_together_from_the_joining_day() -> None:
    """Entered as an organisation with full membership by mistake: the same-day form change
    replaces the wrong form, so the corrected history fits the corrected kind."""
    wrong = stored(forms=(FormChange(date(2020, 3, 1), FULL),))
    edited = apply_edit(
        wrong,
        draft(kind="individual", form="individual", org_number="", form_from="2020-03-01"),
        TODAY,
    )
    assert edited.kind is PERSON
    assert edited.forms == (FormChange(date(2020, 3, 1), INDIVIDUAL),)
