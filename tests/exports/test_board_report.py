"""The annual report's board paragraph (the 2024 report's shape) and the voting roll exports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from secretariat_tui.domain.board import AnnualMeeting, BoardSeat, Role
from secretariat_tui.domain.voting import RollEntry, VotingRoll, VotingRule
from secretariat_tui.exports.board_report import (
    board_paragraph,
    voting_roll_markdown,
    voting_roll_table,
    voting_roll_text,
)
from tests.factories import NETWORKING, make_member

M2023 = AnnualMeeting(date(2023, 4, 20), id=1)
M2024 = AnnualMeeting(date(2024, 4, 18), id=2)
MEETINGS = [M2023, M2024]

ORGANISATIONS = [
    "Childx",
    "Frälsningsarmén",
    "Terrafem",
    "Stockholms Stadsmission",
    "Roks",
    "Göteborgs Räddningsmission",
]
MEMBERS = {i: make_member(name, id=i) for i, name in enumerate(ORGANISATIONS, 1)}
PEOPLE = [
    "Vera Lindqvist",
    "Hugo Sandberg",
    "Ines Wallin",
    "Oskar Nyström",
    "Tilda Rask",
    "Elis Hammar",
]


def board_2024() -> list[BoardSeat]:
    """Listed out of order on purpose: the paragraph puts the chair first."""
    seats = [
        BoardSeat(person, Role.MEMBER, org_id, elected_at=2, id=org_id)
        for org_id, person in enumerate(PEOPLE, 1)
    ]
    seats[0] = replace(seats[0], role=Role.CHAIR)
    return seats[1:] + seats[:1]


def test_the_2024_paragraph_has_the_reports_shape() -> None:
    # The 2023 board is over by the 2024 meeting and must not appear.
    old = BoardSeat("Gammal Ledamot", Role.CHAIR, 1, elected_at=1, id=99)

    text = board_paragraph(2024, [old, *board_2024()], MEETINGS, MEMBERS)

    assert text == (
        "Plattformens styrelse har sedan årsmötet i april 2024 bestått av 6 ledamöter:\n"
        "\n"
        "Ordförande: Vera Lindqvist (Childx)\n"
        "Ledamot: Elis Hammar (Göteborgs Räddningsmission)\n"
        "Ledamot: Hugo Sandberg (Frälsningsarmén)\n"
        "Ledamot: Ines Wallin (Terrafem)\n"
        "Ledamot: Oskar Nyström (Stockholms Stadsmission)\n"
        "Ledamot: Tilda Rask (Roks)"
    )


def test_a_seat_left_mid_year_with_a_replacement_is_told_after_the_list() -> None:
    seats = board_2024()
    roks = next(s for s in seats if s.organisation_id == 5)
    seats[seats.index(roks)] = replace(roks, left_on=date(2024, 9, 12))
    seats.append(BoardSeat("Eva Lind", Role.MEMBER, 3, elected_at=2, starts_on=date(2024, 10, 1)))

    text = board_paragraph(2024, seats, MEETINGS, MEMBERS)

    assert "bestått av 6 ledamöter:" in text, "the board as elected, the replacement told after"
    assert text.endswith(
        "Ledamot: Tilda Rask (Roks)\n\nTilda Rask (Roks) avgick i september och ersattes av "
        "Eva Lind (Terrafem)."
    )


def test_a_leaver_without_replacement_and_a_single_member() -> None:
    seat = BoardSeat("Vera Lindqvist", Role.CHAIR, 1, elected_at=2, left_on=date(2024, 11, 3))

    assert board_paragraph(2024, [seat], MEETINGS, MEMBERS) == (
        "Plattformens styrelse har sedan årsmötet i april 2024 bestått av 1 ledamot:\n"
        "\n"
        "Ordförande: Vera Lindqvist (Childx)\n"
        "\n"
        "Vera Lindqvist (Childx) avgick i november."
    )


def test_a_year_without_meeting_describes_the_board_as_of_new_year() -> None:
    seat = BoardSeat("Vera Lindqvist", Role.CHAIR, 1, elected_at=2, term_years=2)

    text = board_paragraph(2025, [seat], MEETINGS, MEMBERS)

    assert text.startswith(
        "Plattformens styrelse har sedan årsmötet i april 2024 bestått av 1 ledamot:"
    )


# --- voting roll -------------------------------------------------------------------------------

RULE = VotingRule(2024, date(2024, 3, 31))
ROLL = VotingRoll(
    voters=(
        RollEntry(make_member("Childx", id=1), "Anna Ombud", True),
        RollEntry(make_member("Roks", id=2)),
    ),
    not_entitled=(
        RollEntry(
            make_member("Nätverket", form=NETWORKING, id=3),
            reason="nätverkande medlem: yttranderätt, ingen rösträtt",
        ),
    ),
)


def test_roll_as_text_has_the_columns_the_reasons_and_the_totals() -> None:
    text = voting_roll_text(ROLL, M2024, RULE)

    assert text.splitlines()[0] == "Röstlängd, årsmöte 2024-04-18"
    assert RULE.describe() in text
    assert "Medlem  Ombud                 Närvarande" in text
    assert "Childx  Anna Ombud            ja" in text
    assert "Roks    ____________________  nej" in text
    assert "Nätverket  nätverkande medlem: yttranderätt, ingen rösträtt" in text
    assert text.endswith("Medlemmar med rösträtt: 2\nNärvarande röster: 1\n")


def test_roll_as_markdown_has_a_table_and_the_not_entitled_list() -> None:
    text = voting_roll_markdown(ROLL, M2024, RULE)

    assert "| Childx | Anna Ombud | ja |" in text
    assert "| Roks |   | nej |" in text
    assert "- Nätverket: nätverkande medlem: yttranderätt, ingen rösträtt" in text
    assert "- Närvarande röster: 1" in text


def test_roll_as_csv_lists_every_member_with_vote_and_reason() -> None:
    assert voting_roll_table(ROLL).render("csv") == (
        "Medlem;Ombud;Närvarande;Rösträtt;Anmärkning\n"
        "Childx;Anna Ombud;ja;ja;\n"
        "Roks;;nej;ja;\n"
        "Nätverket;;nej;nej;nätverkande medlem: yttranderätt, ingen rösträtt\n"
    )
