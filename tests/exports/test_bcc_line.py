"""The Bcc line of the reminder list: only addresses, each once, and who it leaves out."""

from __future__ import annotations

from decimal import Decimal

from secretariat_tui.domain.fees import FeeStatus, MemberYear
from secretariat_tui.domain.members import Contact
from secretariat_tui.exports.fees_listing import bcc_line, bcc_text, without_email
from tests.factories import FULL, make_member


def owing(name: str, email: str = "") -> MemberYear:
    member = make_member(name, contact=Contact(email=email))
    return MemberYear(member, 2026, FULL, Decimal(1500), Decimal(0), FeeStatus.UNPAID)


ROWS = [
    owing("Alfa", "kansli@alfa.se"),
    owing("Beta", " info@beta.se "),
    owing("Gamma"),
    owing("Delta", "KANSLI@alfa.se"),  # the same contact serves two members
    owing("Östra", "ostra@exempel.se"),
]


def test_the_line_is_addresses_separated_by_semicolons_each_once_in_list_order() -> None:
    assert bcc_line(ROWS) == "kansli@alfa.se; info@beta.se; ostra@exempel.se"


def test_members_without_an_address_are_named_under_the_line_not_in_it() -> None:
    assert without_email(ROWS) == ["Gamma"]
    text = bcc_text(ROWS, 2026)
    line, blank, missing = text.split("\n")
    assert line == bcc_line(ROWS)
    assert blank == ""
    assert missing == "utan e-post: Gamma"
    assert "Gamma" not in line


def test_everyone_with_an_address_gives_the_line_alone() -> None:
    assert bcc_text(ROWS[:2], 2026) == "kansli@alfa.se; info@beta.se"


def test_no_addresses_and_no_one_owing_say_so() -> None:
    assert bcc_line([owing("Gamma")]) == ""
    assert bcc_text([owing("Gamma")], 2026).startswith("Ingen av dem har en e-postadress.")
    assert bcc_text([], 2026) == "Inga obetalda medlemsavgifter för 2026."
