"""Whose data is where: the person's strings, how they are found, and the register extract."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat_tui.domain.personal_data import (
    extract_for,
    held_elsewhere,
    mention_pattern,
    person_strings,
    raw_pattern,
)
from tests.domain.gdpr_register import ANNA_STRINGS, BO_STRINGS, MEMBERS, register
from tests.factories import make_member


def test_an_individuals_strings_are_the_name_contacts_and_delegate() -> None:
    assert person_strings(register(), 1) == ANNA_STRINGS


def test_an_organisations_strings_are_its_contact_persons_not_its_name() -> None:
    strings = person_strings(register(), 2)
    assert strings == (*BO_STRINGS, "Dan Ljus")  # Dan Ljus: a delegate the organisation sent
    assert "Föreningen Ljuset" not in strings
    assert "802001-6015" not in strings


@pytest.mark.parametrize(
    "text",
    ["ANNA EK", "anna   ek", "Anna\nEk", "Anna Eks förslag", "(Anna Ek)", "Anna Ek, redaktionen"],
)
def test_a_name_is_found_in_any_case_spacing_and_in_the_genitive(text: str) -> None:
    pattern = mention_pattern(["Anna Ek"])
    assert pattern is not None and pattern.search(text)


@pytest.mark.parametrize("text", ["Anna Ekström", "Johanna Ek", "Anna Ekorre"])
def test_a_name_is_found_only_as_whole_words(text: str) -> None:
    pattern = mention_pattern(["Anna Ek"])
    assert pattern is not None and not pattern.search(text)


def test_the_raw_pattern_finds_json_escaped_forms() -> None:
    pattern = raw_pattern(["Åsa Öberg", "Gatan 1\n111 22 Ort"])
    assert pattern is not None
    assert pattern.search(r'{"name":"\u00c5sa \u00d6berg"}')
    assert pattern.search(r'{"address":"Gatan 1\n111 22 Ort"}')


def test_short_strings_are_never_searched() -> None:
    assert mention_pattern(["", "  ", "Ab"]) is None


def test_a_string_another_member_holds_too_is_kept() -> None:
    shared = replace(MEMBERS[2], contact=replace(MEMBERS[2].contact, person="Bo Lind"))
    with_shared = replace(register(), members=(MEMBERS[0], MEMBERS[1], shared))
    assert held_elsewhere(with_shared, 2, BO_STRINGS) == {"Bo Lind": 3}


def test_an_organisation_named_after_its_contact_keeps_the_name() -> None:
    named = make_member("Stiftelsen Bo Linds minne", contact=MEMBERS[1].contact, id=2)
    with_name = replace(register(), members=(MEMBERS[0], named, MEMBERS[2]))
    assert held_elsewhere(with_name, 2, BO_STRINGS) == {"Bo Lind": None}


def test_the_extract_of_an_individual_holds_every_place_it_is_named() -> None:
    extract = extract_for(register(), 1)

    assert extract.member.name == "Anna Ek"
    assert [p.id for p in extract.payments] == [1]
    assert [(a.year, a.amount) for a in extract.agreements] == [(2023, None)]
    assert [e.seat.id for e in extract.seats] == [1]
    assert extract.seats[0].period is not None
    assert [(d.meeting_id, d.attendance.delegate) for d in extract.delegates] == [(1, "Anna Ek")]
    assert extract.co_signed == ()
    assert [(m.record.id, m.fields) for m in extract.activities] == [(1, ("title", "location"))]
    assert [(m.record.id, m.fields) for m in extract.submissions] == [(2, ("recipient",))]
    assert [(m.record.id, m.fields) for m in extract.networks] == [(1, ("contact",))]
    assert [(m.record.id, m.fields) for m in extract.meetings] == [(1, ("notes",))]


def test_the_extract_of_an_organisation_holds_its_seats_and_what_names_it() -> None:
    extract = extract_for(register(), 2)

    assert extract.names == ("Föreningen Ljuset", "Bo Lind")
    assert [e.seat.id for e in extract.seats] == [2]
    assert [d.attendance.delegate for d in extract.delegates] == ["Dan Ljus", "Bo Lind"]
    assert [s.id for s in extract.co_signed] == [1]
    # Activity 4 names the organisation only; activity 3 names "Bo Ekström", someone else.
    assert [m.record.id for m in extract.activities] == [2, 4]
    assert [m.record.id for m in extract.submissions] == [1]


def test_an_unknown_member_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="ingen medlem med id 9"):
        extract_for(register(), 9)


PIECES = (
    *("Anna", "Ek", "anna ek", "ANNA  EK", "Eks", "Ekström", "Jo", "s", " ", "\n", ",", "å"),
    *("İ", "\\u00c5", "070-111 22 33", "0701112233", "x", "@", "anna.ek@example.se"),
)


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_the_quick_search_finds_exactly_what_the_pattern_finds(text: str) -> None:
    """The search looks only where a form's first word stands; it must never miss a match
    (nor find one) that trying the pattern everywhere would find."""
    mentions = mention_pattern(["Anna Ek", "070-111 22 33", "anna.ek@example.se"])
    raw = raw_pattern(["Anna Ek", "Åsa Öberg", "070-111 22 33"])
    for matcher in (mentions, raw):
        assert matcher is not None
        assert (matcher.search(text) is None) == (matcher.pattern.search(text) is None), text
