"""The last reading of a heading set is used again, under the user's choices of this time,
and even rescues a file whose required column only the remembered reading finds."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat_tui.domain.members import Member
from secretariat_tui.imports.csv_dialect import CsvFormatError, ImportPlan
from secretariat_tui.imports.headings import heading_set
from secretariat_tui.imports.members_csv import plan_members_import
from secretariat_tui.imports.remembered import AS_BEFORE, Choices, plan_as_before

DATA = "Vem;Ansvarig;Form\r\nÄngen;Åsa;Fullt\r\n".encode()
KEY = heading_set(["Vem", "Ansvarig", "Form"])


def make(chosen: Choices) -> ImportPlan[Member]:
    return plan_members_import(DATA, [], chosen=chosen, today=date(2026, 1, 1))


def test_without_a_remembered_reading_the_file_fails_as_before() -> None:
    with pytest.raises(CsvFormatError, match="kolumner saknas: ”Namn”"):
        plan_as_before(make, {}, lambda key: {})


def test_a_remembered_reading_finds_the_missing_column_and_says_so() -> None:
    remembered = {"Vem": "Namn", "Ansvarig": "Kontaktperson", "Form": "Medlemsform"}
    plan = plan_as_before(make, {}, lambda key: remembered if key == KEY else {})
    [member] = plan.items
    assert (member.name, member.contact.person) == ("Ängen", "Åsa")
    assert plan.notes[0] == AS_BEFORE


def test_the_users_choice_of_this_time_wins_over_the_remembered_one() -> None:
    remembered = {"Vem": "Namn", "Ansvarig": "Kontaktperson"}
    plan = plan_as_before(make, {"ansvarig": None}, lambda key: remembered)
    assert plan.items[0].contact.person == ""
