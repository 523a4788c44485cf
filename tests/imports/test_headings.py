"""A file's own headings and words read as ours: exact names first, the user's choice next,
Swedish and English synonyms last; anything else ignored and said so."""

from __future__ import annotations

import pytest

from secretariat_tui.domain.members import MemberKind, MembershipForm
from secretariat_tui.exports.csv_files import MEMBER_COLUMNS, PAYMENT_COLUMNS
from secretariat_tui.imports.headings import (
    SYNONYMS,
    HeadingError,
    heading_key,
    map_headings,
    parse_choices,
)
from secretariat_tui.imports.value_words import choice_words, word_key


def mapped(found: list[str], chosen: dict[str, str | None] | None = None) -> list[str]:
    return [h.describe() for h in map_headings(found, MEMBER_COLUMNS, chosen or {})]


def test_a_coordinators_headings_are_guessed_from_synonyms() -> None:
    assert mapped(["Organisation", "Kontaktperson", "E-post", "Medlemstyp", "Övrigt"]) == [
        "Organisation → Namn",
        "Kontaktperson → Kontaktperson",
        "E-post → E-post",
        "Medlemstyp → Medlemsform",
        "Övrigt → ignoreras",
    ]


@pytest.mark.parametrize(
    ("found", "column"),
    [
        ("Förening", "Namn"),
        ("Name", "Namn"),
        ("Mail", "E-post"),
        ("E-mail", "E-post"),
        ("Epost", "E-post"),
        (" e post ", "E-post"),
        ("Form", "Medlemsform"),
        ("Org.nr", "Organisationsnummer"),
        ("Tel", "Telefon"),
        ("Adress", "Postadress"),
        ("Inträdesdatum", "Medlem sedan"),
    ],
)
def test_each_synonym_and_spelling_finds_its_column(found: str, column: str) -> None:
    [heading] = map_headings([found], MEMBER_COLUMNS, {})
    assert heading.column == column


def test_an_exact_name_wins_over_a_synonym_and_a_column_is_given_once() -> None:
    assert mapped(["Organisation", "Namn", "Förening"]) == [
        "Organisation → ignoreras",
        "Namn → Namn",
        "Förening → ignoreras",
    ]


def test_the_users_choice_wins_over_the_guess_and_may_ignore_a_column() -> None:
    chosen = parse_choices(["Organisation=", "Kontakt=namn"], MEMBER_COLUMNS)
    assert chosen == {"Organisation": None, "Kontakt": "Namn"}
    assert mapped(["Organisation", "Kontakt"], chosen) == [
        "Organisation → ignoreras",
        "Kontakt → Namn",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [("Organisation", "går inte att läsa"), ("Organisation=Färg", "”Färg” är ingen kolumn")],
)
def test_a_choice_that_cannot_be_read_is_refused_in_swedish(text: str, message: str) -> None:
    with pytest.raises(HeadingError, match=message):
        parse_choices([text], MEMBER_COLUMNS)


def test_every_synonym_is_for_a_column_of_a_file_and_no_word_means_two_columns() -> None:
    columns = set(MEMBER_COLUMNS) | set(PAYMENT_COLUMNS)
    assert set(SYNONYMS) <= columns
    for register in (MEMBER_COLUMNS, PAYMENT_COLUMNS):
        seen: dict[str, str] = {heading_key(c): c for c in register}
        for column in register:
            for word in SYNONYMS.get(column, ()):
                assert seen.setdefault(heading_key(word), column) == column, word


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("Fullt", MembershipForm.FULL),
        ("full", MembershipForm.FULL),
        ("Ordinarie", MembershipForm.FULL),
        ("Fullt  medlemskap", MembershipForm.FULL),
        ("individuellt", MembershipForm.INDIVIDUAL),
        ("Nätverk", MembershipForm.NETWORKING),
        ("networking", MembershipForm.NETWORKING),
    ],
)
def test_a_sheets_words_for_the_membership_form_are_read(word: str, form: MembershipForm) -> None:
    assert choice_words(MembershipForm)[word_key(word)] is form


def test_kind_words_and_every_label_and_value_are_read() -> None:
    words = choice_words(MemberKind)
    assert words["förening"] is MemberKind.ORGANISATION
    assert words["privatperson"] is MemberKind.INDIVIDUAL
    for kind in MemberKind:
        assert words[kind.label.casefold()] is kind
        assert words[kind.value] is kind
