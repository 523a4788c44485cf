"""The annual report's paragraphs that the registers can write, in the 2024 report's words:
the networks and the advocacy here, the membership in ``report_membership``.

Each function returns plain text: one line per paragraph (or list item: ``- `` for a bullet,
``1. `` for a numbered item), so the same text can become Markdown, plain text or Word
paragraphs (see ``annual_report``). A paragraph with nothing to say returns ``""``, and the
caller decides what stands in its place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.date_entry import Precision
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.networks import NetworkMembership, participations_by_network
from secretariat_tui.domain.submissions import Submission, SubmissionKind, SubmissionStatus
from secretariat_tui.exports.report_words import (
    ORGANISATION,
    PROSE_STYLE,
    and_join,
    counted,
    day_text,
    month_name,
    season,
    sentence,
)

# --- networks -------------------------------------------------------------------------------


def _joined_in(network: NetworkMembership, year: int) -> bool:
    return network.since is not None and network.since.year == year


def participation_sentence(taken: Sequence[Activity]) -> str:
    """ "Plattformen deltog vid ett tillfälle under hösten.", counted from the year's activities
    that name the network (``participations``); "" without any (an absence of records is not
    an absence of meetings)."""
    if not taken:
        return ""
    times = counted(len(taken), "tillfälle", "tillfällen", neuter=True, spelled_to=PROSE_STYLE)
    return f"{ORGANISATION} deltog vid {times} {season(a.day.month for a in taken)}."


def _taken_part(network: NetworkMembership, by_network: Mapping[int, list[Activity]]) -> str:
    """The network's participation sentence, from ``participations_by_network``."""
    return participation_sentence(by_network.get(network.id, []) if network.id is not None else [])


def _organiser(network: NetworkMembership) -> str:
    return f", som drivs av {network.organiser}" if network.organiser.strip() else ""


def networks_paragraph(
    networks: Sequence[NetworkMembership], activities: Sequence[Activity], year: int
) -> str:
    """A paragraph per network held in ``year`` from before it, in register order.

    "Plattformen är medlem i …, som drivs av …. Plattformen deltog vid ett tillfälle under
    hösten." The role is the network's ("partner i Project FRAUD"); a membership that ended in
    the year says until when. Networks joined in the year are in ``joined_networks_paragraph``.
    """
    year_end = date(year, 12, 31)
    held = [n for n in networks if n.is_active_in(year) and not _joined_in(n, year)]
    by_network = participations_by_network(activities, year)
    lines = []
    for index, network in enumerate(held):
        also = " även" if index else ""
        role = network.role.strip() or "medlem"
        if network.until is not None and network.until < year_end:
            organiser = _organiser(network)
            opening = f"{ORGANISATION} var{also} {role} i {network.name}{organiser}"
            opening += f"{',' if organiser else ''} till och med {month_name(network.until)}."
        else:
            opening = f"{ORGANISATION} är{also} {role} i {network.name}{_organiser(network)}."
        lines.append(f"{opening} {_taken_part(network, by_network)}".strip())
    return "\n".join(lines)


def joined_networks_paragraph(
    networks: Sequence[NetworkMembership], activities: Sequence[Activity], year: int
) -> str:
    """ "Under året har vi också gått med i …. Vi har även gått med i …." — the 2024 report's
    sentences (under "Kunskapsutbyte"), one per network joined in ``year``, by joining day."""
    joined = sorted(
        (n for n in networks if _joined_in(n, year) and n.is_active_in(year)),
        key=lambda n: (n.since, swedish_key(n.name)),
    )
    by_network = participations_by_network(activities, year)
    sentences = []
    for index, network in enumerate(joined):
        opening = "Vi har även gått med i" if index else "Under året har vi också gått med i"
        sentences.append(f"{opening} {network.name}{_organiser(network)}.")
        participation = _taken_part(network, by_network)
        sentences += [participation] if participation else []
    return " ".join(sentences)


def platform_meetings_sentence(activities: Iterable[Activity], year: int) -> str:
    """ "Plattformen har under året anordnat två plattformsmöten." ("" without any)."""
    count = sum(
        1 for a in activities if a.category is Category.PLATFORM_MEETING and a.day.year == year
    )
    if not count:
        return ""
    meetings = counted(
        count, "plattformsmöte", "plattformsmöten", neuter=True, spelled_to=PROSE_STYLE
    )
    return f"{ORGANISATION} har under året anordnat {meetings}."


# --- advocacy -------------------------------------------------------------------------------

# kind: (singular, plural, neuter?) — the count in the lead sentence and the list's heading
KIND_NOUNS: dict[SubmissionKind, tuple[str, str, bool]] = {
    SubmissionKind.DEBATE_ARTICLE: ("debattartikel", "debattartiklar", False),
    SubmissionKind.CONSULTATION: ("remissvar", "remissvar", True),
    SubmissionKind.PETITION: (
        "framställan eller skrivelse",
        "framställningar och skrivelser",
        False,
    ),
    SubmissionKind.REPORT: ("rapport", "rapporter", False),
    SubmissionKind.INPUT: ("inspel vid sakråd", "inspel vid sakråd", True),
    SubmissionKind.TIP: ("TIP-rapportering", "TIP-rapporteringar", False),
    SubmissionKind.OTHER: ("annan inlaga", "andra inlagor", False),
}


def sent_in(submissions: Iterable[Submission], year: int) -> list[Submission]:
    """The year's submissions that left the house (not drafts), by date; month-only last."""
    found = [s for s in submissions if s.status.is_out and s.when.day.year == year]
    return sorted(
        found,
        key=lambda s: (
            s.when.day.month,
            s.when.precision is Precision.MONTH,
            s.when.day,
            swedish_key(s.title),
        ),
    )


def submission_line(submission: Submission, members_by_id: Mapping[int, Member]) -> str:
    """ "16 januari: Debattartikel i … (tillsammans med Terrafem och Roks)"; the recipient is
    added only when the title does not already name it."""
    details = []
    recipient = submission.recipient.strip()
    if recipient and recipient.casefold() not in submission.title.casefold():
        word = "i" if submission.kind is SubmissionKind.DEBATE_ARTICLE else "till"
        details.append(f"{word} {recipient}")
    signers = [members_by_id[i].name for i in submission.co_signers if i in members_by_id]
    if signers:
        details.append(f"tillsammans med {and_join(signers)}")
    if submission.status is SubmissionStatus.ANSWERED:
        details.append("besvarad")
    title = submission.title.rstrip(".") if details else submission.title
    suffix = f" ({'; '.join(details)})" if details else ""
    return f"{sentence(day_text(submission.when))}: {title}{suffix}"


def advocacy_paragraph(
    submissions: Iterable[Submission],
    year: int,
    members_by_id: Mapping[int, Member] | None = None,
) -> str:
    """What the year's påverkansarbete counted, then a list per kind in date order.

    Every submission sent, published or answered in ``year`` is here, also those kept out of
    the month list (``in_report`` governs that list only; the TIP report is an example).
    """
    sent = sent_in(submissions, year)
    if not sent:
        return ""
    by_id = members_by_id or {}
    counts = []
    for kind, (singular, plural, neuter) in KIND_NOUNS.items():
        count = sum(1 for s in sent if s.kind is kind)
        if count:
            counts.append(counted(count, singular, plural, neuter=neuter, spelled_to=PROSE_STYLE))
    lines = [f"{ORGANISATION}s påverkansarbete under {year} omfattade {and_join(counts)}."]
    for kind, (singular, plural, _) in KIND_NOUNS.items():
        of_kind = [s for s in sent if s.kind is kind]
        if of_kind:
            lines.append(sentence(singular if len(of_kind) == 1 else plural) + ":")
            lines += [f"- {submission_line(s, by_id)}" for s in of_kind]
    return "\n".join(lines)
