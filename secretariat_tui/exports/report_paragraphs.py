"""The annual report's paragraphs that the registers can write, in the 2024 report's words:
the networks (each from its own fields), the meetings held (counted by category) and the
advocacy here, the membership in ``report_membership``.

Each function returns plain text: one line per paragraph (or list item: ``- `` for a bullet,
``1. `` for a numbered item), so the same text can become Markdown, plain text or Word
paragraphs (see ``annual_report``). A paragraph with nothing to say returns ``""``, and the
caller decides what stands in its place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
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


def _described(network: NetworkMembership) -> str:
    """The network's name and what the register says of it: "EU-plattformen, ett forum för …,
    som drivs av Europeiska kommissionen och träffas två gånger per år i Bryssel"."""
    text = network.name
    about = network.about.strip().rstrip(".")
    if about:
        text += f", {about}"
    clauses = []
    if network.organiser.strip():
        clauses.append(f"drivs av {network.organiser.strip()}")
    if network.meets.strip():
        clauses.append(f"träffas {network.meets.strip().rstrip('.')}")
    if clauses:
        text += f", som {' och '.join(clauses)}"
    return text


def membership_sentence(network: NetworkMembership, year: int, *, also: bool = False) -> str:
    """ "Plattformen är (även) medlem i …, som …." — in the past tense, with the month it
    ended, for a membership that ended in ``year``. The role is the network's ("partner")."""
    role = network.role.strip() or "medlem"
    also_word = " även" if also else ""
    described = _described(network)
    if network.until is not None and network.until < date(year, 12, 31):
        comma = "," if described != network.name else ""
        until = f"{comma} till och med {month_name(network.until)}"
        return f"{ORGANISATION} var{also_word} {role} i {described}{until}."
    return f"{ORGANISATION} är{also_word} {role} i {described}."


def networks_paragraph(
    networks: Sequence[NetworkMembership], activities: Sequence[Activity], year: int
) -> str:
    """A paragraph per network held in ``year`` from before it, in register order: what the
    network is and how often it meets (its own fields), then how often we took part.

    "Plattformen är medlem i …, som drivs av … och träffas två gånger per år. Plattformen
    deltog vid ett tillfälle under hösten." Networks joined in the year are in
    ``joined_networks_paragraph``.
    """
    held = [n for n in networks if n.is_active_in(year) and not _joined_in(n, year)]
    by_network = participations_by_network(activities, year)
    lines = []
    for index, network in enumerate(held):
        opening = membership_sentence(network, year, also=index > 0)
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
        sentences.append(f"{opening} {_described(network)}.")
        participation = _taken_part(network, by_network)
        sentences += [participation] if participation else []
    return " ".join(sentences)


def _own_network_meeting(activity: Activity) -> bool:
    """A network meeting the platform held: one in another's network is linked to that
    network and told as participation in the networks paragraph, so it is not counted here."""
    return activity.category is Category.NETWORK and activity.network_id is None


# (is of the kind, singular, plural, neuter?) — in the order the 2024 report names them
HELD_MEETINGS: tuple[tuple[Callable[[Activity], bool], str, str, bool], ...] = (
    (lambda a: a.category is Category.PLATFORM_MEETING, "plattformsmöte", "plattformsmöten", True),
    (lambda a: a.category is Category.MEMBER_COFFEE, "medlemsfika", "medlemsfikor", False),
    (_own_network_meeting, "nätverksmöte", "nätverksmöten", True),
)


def held_meetings_sentence(activities: Iterable[Activity], year: int) -> str:
    """ "Under året har Plattformen anordnat två plattformsmöten, två medlemsfikor och ett
    nätverksmöte.", counted from the calendar's categories; a kind with none is left out, and
    without any meeting the sentence is ""."""
    of_year = [a for a in activities if a.day.year == year]
    counts = []
    for is_kind, singular, plural, neuter in HELD_MEETINGS:
        count = sum(1 for a in of_year if is_kind(a))
        if count:
            counts.append(counted(count, singular, plural, neuter=neuter, spelled_to=PROSE_STYLE))
    if not counts:
        return ""
    return f"Under året har {ORGANISATION} anordnat {and_join(counts)}."


# --- advocacy -------------------------------------------------------------------------------

# kind: (verb, singular, plural, neuter?) — "Plattformen har publicerat två debattartiklar:"
KIND_PHRASES: dict[SubmissionKind, tuple[str, str, str, bool]] = {
    SubmissionKind.DEBATE_ARTICLE: ("publicerat", "debattartikel", "debattartiklar", False),
    SubmissionKind.CONSULTATION: ("lämnat", "remissvar", "remissvar", True),
    SubmissionKind.PETITION: ("lämnat", "skrivelse", "skrivelser", False),
    SubmissionKind.REPORT: ("publicerat", "rapport", "rapporter", False),
    SubmissionKind.INPUT: ("lämnat", "inspel vid sakråd", "inspel vid sakråd", True),
    SubmissionKind.TIP: (
        "lämnat",
        "rapport till Trafficking in Persons Report",
        "rapporter till Trafficking in Persons Report",
        False,
    ),
    SubmissionKind.OTHER: ("lämnat", "inlaga", "inlagor", False),
}

_PREPOSITIONS = frozenset({"i", "till", "via", "genom", "hos"})


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


def unnamed_recipient(submission: Submission) -> str:
    """What the title does not already say of the recipient, with its preposition: "till
    Justitiedepartementet", or "via amerikanska ambassaden" when the title names the US
    Department of State of "US Department of State, via amerikanska ambassaden"; "" when the
    title names it all. The recipient's parts are its comma-separated pieces."""
    title = submission.title.casefold()
    parts = [p.strip() for p in submission.recipient.split(",") if p.strip()]
    left = ", ".join(p for p in parts if p.casefold() not in title)
    if not left or left.split()[0].casefold() in _PREPOSITIONS:
        return left
    word = "i" if submission.kind is SubmissionKind.DEBATE_ARTICLE else "till"
    return f"{word} {left}"


def submission_line(submission: Submission, members_by_id: Mapping[int, Member]) -> str:
    """ "16 januari: Debattartikel i … (tillsammans med Terrafem och Roks)"; the recipient only
    as far as the title does not already name it."""
    details = []
    recipient = unnamed_recipient(submission)
    if recipient:
        details.append(recipient)
    signers = [members_by_id[i].name for i in submission.co_signers if i in members_by_id]
    if signers:
        details.append(f"tillsammans med {and_join(signers)}")
    if submission.status is SubmissionStatus.ANSWERED:
        details.append("besvarad")
    title = submission.title.rstrip(".") if details else submission.title
    suffix = f" ({'; '.join(details)})" if details else ""
    return f"{sentence(day_text(submission.when))}: {title}{suffix}"


def kind_sentence(kind: SubmissionKind, count: int, year: int, *, first: bool) -> str:
    """A kind's list opens with a sentence, as the 2024 report writes: "Under 2024 har
    Plattformen publicerat två debattartiklar:", then "Plattformen har även lämnat en
    skrivelse:" — never a form's label such as "Framställan eller skrivelse:"."""
    verb, singular, plural, neuter = KIND_PHRASES[kind]
    what = counted(count, singular, plural, neuter=neuter, spelled_to=PROSE_STYLE)
    if first:
        return f"Under {year} har {ORGANISATION} {verb} {what}:"
    return f"{ORGANISATION} har även {verb} {what}:"


def advocacy_paragraph(
    submissions: Iterable[Submission],
    year: int,
    members_by_id: Mapping[int, Member] | None = None,
) -> str:
    """Per kind, a sentence that counts it and the list of them in date order.

    Every submission sent, published or answered in ``year`` is here, also those kept out of
    the month list (``in_report`` governs that list only; the TIP report is an example).
    """
    sent = sent_in(submissions, year)
    by_id = members_by_id or {}
    lines: list[str] = []
    for kind in KIND_PHRASES:
        of_kind = [s for s in sent if s.kind is kind]
        if of_kind:
            lines.append(kind_sentence(kind, len(of_kind), year, first=not lines))
            lines += [f"- {submission_line(s, by_id)}" for s in of_kind]
    return "\n".join(lines)
