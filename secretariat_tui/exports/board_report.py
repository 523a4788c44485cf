"""The board paragraph of the annual report, and the voting roll as Markdown, text and CSV.

Pure functions from domain objects to strings. The paragraph follows the 2024 report:

    Plattformens styrelse har sedan årsmötet i april 2024 bestått av 6 ledamöter:

    Ordförande: Förnamn Efternamn (Organisation)
    Ledamot: …
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from secretariat_tui.domain.board import (
    AnnualMeeting,
    BoardSeat,
    board_on,
    person_text,
    seat_line,
    seat_period,
)
from secretariat_tui.domain.date_entry import MONTH_NAMES
from secretariat_tui.domain.fields import yes_no
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.voting import RollEntry, VotingRoll, VotingRule
from secretariat_tui.exports.table import Table, markdown_text
from secretariat_tui.exports.tabular import aligned


def month_name(day: date) -> str:
    return MONTH_NAMES[day.month - 1]


def members_count(count: int) -> str:
    """ "1 ledamot", "6 ledamöter": digits, as the report writes it."""
    return f"{count} ledamot" if count == 1 else f"{count} ledamöter"


def year_meeting(year: int, meetings: Sequence[AnnualMeeting]) -> AnnualMeeting | None:
    """The first annual meeting held in ``year``."""
    held = sorted((m for m in meetings if m.held_on.year == year), key=lambda m: m.held_on)
    return held[0] if held else None


def _changes(
    year: int,
    since: date,
    seats: Sequence[BoardSeat],
    meetings: Sequence[AnnualMeeting],
    members_by_id: Mapping[int, Member],
) -> list[str]:
    """A sentence per change after ``since`` in ``year``: a leaver, with the seat that replaced
    it (same role first, then any) if one started on or after the leaving; a newcomer alone."""
    year_end = date(year, 12, 31)
    leavers = sorted(
        (s for s in seats if s.left_on and since <= s.left_on <= year_end),
        key=lambda s: (s.left_on, s.role.order),
    )
    starters = sorted(
        (s for s in seats if since < seat_period(s, meetings)[0] <= year_end),
        key=lambda s: (seat_period(s, meetings)[0], s.role.order),
    )
    sentences = []
    for leaver in leavers:
        assert leaver.left_on is not None
        candidates = [s for s in starters if seat_period(s, meetings)[0] >= leaver.left_on]
        replacement = next((s for s in candidates if s.role is leaver.role), None)
        replacement = replacement or next(iter(candidates), None)
        text = f"{person_text(leaver, members_by_id)} avgick i {month_name(leaver.left_on)}"
        if replacement is None:
            sentences.append(f"{text}.")
            continue
        starters.remove(replacement)
        sentences.append(f"{text} och ersattes av {person_text(replacement, members_by_id)}.")
    for newcomer in starters:
        start = seat_period(newcomer, meetings)[0]
        sentences.append(
            f"{person_text(newcomer, members_by_id)} valdes in som "
            f"{newcomer.role.value} i {month_name(start)}."
        )
    return sentences


def board_paragraph(
    year: int,
    seats: Sequence[BoardSeat],
    meetings: Sequence[AnnualMeeting],
    members_by_id: Mapping[int, Member],
) -> str:
    """The board as elected at the year's annual meeting (or as of 1 January without one),
    chair first, then the changes during the rest of the year."""
    meeting = year_meeting(year, meetings)
    since = meeting.held_on if meeting else date(year, 1, 1)
    board = board_on(since, seats, meetings)
    if meeting is not None:
        opening = f"sedan årsmötet i {month_name(meeting.held_on)} {year}"
    else:
        earlier = [m for m in meetings if m.held_on < since]
        last = max(earlier, key=lambda m: m.held_on) if earlier else None
        opening = (
            f"sedan årsmötet i {month_name(last.held_on)} {last.held_on.year}"
            if last
            else f"under {year}"
        )
    lines = [f"Plattformens styrelse har {opening} bestått av {members_count(len(board))}:", ""]
    lines += [seat_line(seat, members_by_id) for seat in board]
    changes = _changes(year, since, seats, meetings, members_by_id)
    if changes:
        lines += ["", " ".join(changes)]
    return "\n".join(lines)


# --- the voting roll -----------------------------------------------------------------------------

ROLL_HEADERS = ("Medlem", "Ombud", "Närvarande")
CSV_HEADERS = ("Medlem", "Ombud", "Närvarande", "Rösträtt", "Anmärkning")
EMPTY = "–"


def roll_title(meeting: AnnualMeeting) -> str:
    return f"Röstlängd, årsmöte {meeting.held_on.isoformat()}"


def totals_lines(roll: VotingRoll) -> list[str]:
    return [
        f"Medlemmar med rösträtt: {roll.entitled_count}",
        f"Närvarande röster: {roll.present_votes}",
    ]


def _roll_row(entry: RollEntry) -> tuple[str, str, str]:
    return (entry.member.name, entry.delegate, yes_no(entry.present))


def voting_roll_markdown(roll: VotingRoll, meeting: AnnualMeeting, rule: VotingRule) -> str:
    voters = Table(
        ROLL_HEADERS, [_roll_row(e) for e in roll.voters], empty="Inga medlemmar har rösträtt."
    )
    lines = [f"# {roll_title(meeting)}", "", rule.describe(), "", "## Röstberättigade", ""]
    lines += [voters.render("md").removesuffix("\n"), "", "## Utan rösträtt", ""]
    if roll.not_entitled:
        lines += [f"- {markdown_text(e.member.name)}: {e.reason}" for e in roll.not_entitled]
    else:
        lines.append("Inga.")
    lines += ["", "## Summa", ""]
    lines += [f"- {line}" for line in totals_lines(roll)]
    return "\n".join(lines) + "\n"


def voting_roll_text(roll: VotingRoll, meeting: AnnualMeeting, rule: VotingRule) -> str:
    """For printing: aligned columns, with a blank delegate shown as a line to write on."""
    title = roll_title(meeting)
    lines = [title, "=" * len(title), "", rule.describe(), "", "Röstberättigade:", ""]
    if roll.voters:
        rows = [ROLL_HEADERS]
        rows += [(e.member.name, e.delegate or "_" * 20, yes_no(e.present)) for e in roll.voters]
        lines.append(aligned(rows))
    else:
        lines.append("Inga medlemmar har rösträtt.")
    lines += ["", "Utan rösträtt:", ""]
    if roll.not_entitled:
        lines.append(aligned([(e.member.name, e.reason) for e in roll.not_entitled]))
    else:
        lines.append(EMPTY)
    lines += ["", *totals_lines(roll)]
    return "\n".join(lines) + "\n"


def voting_roll_rows(roll: VotingRoll) -> list[tuple[str, ...]]:
    """Every member on the meeting day, voters first, with the reason of those without a vote."""
    rows: list[tuple[str, ...]] = [(*_roll_row(e), "ja", "") for e in roll.voters]
    rows += [(*_roll_row(e), "nej", e.reason) for e in roll.not_entitled]
    return rows


def voting_roll_table(roll: VotingRoll) -> Table:
    """The roll as rows for CSV: the command prints it, the TUI saves it for Excel."""
    return Table(CSV_HEADERS, voting_roll_rows(roll))
