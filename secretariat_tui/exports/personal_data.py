"""The register extract (GDPR Art. 15) as Swedish text and as JSON, and the retention list.

Pure functions from the domain's ``Extract`` and ``Retention``: the CLI prints or writes
them, the TUI shows the text and saves either. The text has one section per kind of record,
each shown even when empty (``(inget)``), so the reader sees that it was looked for.
Dates are ISO, money as Swedish kronor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.board import AnnualMeeting
from secretariat_tui.domain.erasure import FIELD_LABELS
from secretariat_tui.domain.fees import FeeOverride, Payment
from secretariat_tui.domain.money import format_kronor, plain_amount
from secretariat_tui.domain.networks import NetworkMembership
from secretariat_tui.domain.personal_data import DelegateEntry, Extract, Mentioned, SeatEntry
from secretariat_tui.domain.retention import Retention, erase_from, payment_kept_until
from secretariat_tui.domain.submissions import Submission
from secretariat_tui.exports.members_listing import (
    EMPTY,
    form_history_lines,
    member_facts,
    member_object,
)
from secretariat_tui.exports.tabular import aligned, to_json

NOTHING = "  (inget)"


def _names(extract: Extract) -> str:
    return " eller ".join(extract.names) or f"medlem {extract.member.id}"


def _payment_line(payment: Payment) -> str:
    line = (
        f"  Avgiftsår {payment.fee_year}: {format_kronor(payment.amount)}, "
        f"betald {payment.paid_on.isoformat()}"
    )
    if payment.reference:
        line += f", referens {payment.reference}"
    if payment.note:
        line += f", anteckning: {payment.note}"
    return line


def _agreement_line(agreement: FeeOverride) -> str:
    what = "befriad" if agreement.amount is None else format_kronor(agreement.amount)
    note = f" ({agreement.note})" if agreement.note else ""
    return f"  {agreement.year}: {what}{note}"


def _period_text(entry: SeatEntry) -> str:
    if entry.period is None:
        return "period okänd"
    start, end = entry.period
    if end is None:
        return f"från {start.isoformat()}"
    return f"{start.isoformat()}–{(end - timedelta(days=1)).isoformat()}"


def _seat_lines(entry: SeatEntry) -> list[str]:
    seat = entry.seat
    organisation = entry.organisation.name if entry.organisation else EMPTY
    elected = entry.elected_at.held_on.isoformat() if entry.elected_at else f"id {seat.elected_at}"
    lines = [f"  {seat.role.label}: {seat.person}, {_period_text(entry)}"]
    lines.append(f"    vald vid årsmötet {elected}, mandattid {seat.term_years} år")
    lines.append(f"    organisation: {organisation}")
    if seat.left_on:
        reason = f" ({seat.left_reason})" if seat.left_reason else ""
        lines.append(f"    avgick {seat.left_on.isoformat()}{reason}")
    return lines


def _delegate_line(entry: DelegateEntry) -> str:
    held = entry.meeting.held_on.isoformat() if entry.meeting else f"id {entry.meeting_id}"
    presence = "närvarande" if entry.attendance.present else "inte närvarande"
    return f"  Årsmötet {held}: {entry.attendance.delegate or EMPTY} ({presence})"


def _submission_line(submission: Submission) -> str:
    to = f" (till {submission.recipient})" if submission.recipient else ""
    return (
        f"  {submission.when.iso()} {submission.kind.label}: {submission.title}{to}, "
        f"{submission.status.label.lower()}"
    )


def _field_lines(record: object, fields: Iterable[str]) -> list[str]:
    return [f"    {FIELD_LABELS.get(f, f)}: {getattr(record, f)}" for f in fields]


def _activity_lines(found: Mentioned[Activity]) -> list[str]:
    activity = found.record
    head = f"  {activity.when.iso()} {activity.category.label}: {activity.title}"
    return [head, *_field_lines(activity, (f for f in found.fields if f != "title"))]


def _other_lines(found: Mentioned[Any]) -> list[str]:
    record = found.record
    if isinstance(record, Submission):
        head = f"  Inlaga {record.when.iso()} ({record.kind.label}): {record.title}"
        shown = [f for f in found.fields if f != "title"]
    elif isinstance(record, NetworkMembership):
        head = f"  Nätverk: {record.name}"
        shown = [f for f in found.fields if f != "name"]
    elif isinstance(record, AnnualMeeting):
        head = f"  Årsmöte {record.held_on.isoformat()}"
        shown = list(found.fields)
    else:
        head, shown = f"  {record}", []
    return [head, *_field_lines(record, shown)]


def _section(title: str, lines: Sequence[str]) -> list[str]:
    return ["", title, *(lines or [NOTHING])]


def extract_text(extract: Extract, today: date) -> str:
    """Everything in the register about the member, in Swedish, section by section."""
    member = extract.member
    facts = member_facts(member, today)
    width = max(len(label) for label, _ in facts) + 1
    fact_lines = [f"  {label + ':':<{width}} {value or EMPTY}" for label, value in facts]
    named: list[Mentioned[Any]] = [*extract.submissions, *extract.networks, *extract.meetings]
    others = [line for found in named for line in _other_lines(found)]
    lines = [
        f"Registerutdrag för medlem {member.id}: {member.name}",
        f"Gjort {today.isoformat()}: allt registret innehåller om medlemmen och dess "
        "kontaktpersoner.",
        *_section("Medlem", fact_lines),
        *_section("Formhistorik", [f"  {line}" for line in form_history_lines(member)]),
        *_section("Betalningar", [_payment_line(p) for p in extract.payments]),
        *_section("Avtalade avgifter", [_agreement_line(a) for a in extract.agreements]),
        *_section("Styrelseuppdrag", [line for e in extract.seats for line in _seat_lines(e)]),
        *_section("Ombud vid årsmöten", [_delegate_line(d) for d in extract.delegates]),
        *_section("Medundertecknade inlagor", [_submission_line(s) for s in extract.co_signed]),
        *_section(
            f"Aktiviteter som nämner {_names(extract)}",
            [line for found in extract.activities for line in _activity_lines(found)],
        ),
        *_section(f"Andra poster som nämner {_names(extract)}", others),
    ]
    return "\n".join(lines) + "\n"


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _last_day(entry: SeatEntry) -> date | None:
    """The seat's last day on the board (the period's end is the first day off it)."""
    if entry.period is None or entry.period[1] is None:
        return None
    return entry.period[1] - timedelta(days=1)


def _mentioned_object(found: Mentioned[Any]) -> dict[str, Any]:
    record = found.record
    texts = {
        name: value for name, value in vars(record).items() if type(value) is str and name != "uid"
    }
    return {"id": record.id, **texts, "named_in": list(found.fields)}


def extract_object(extract: Extract, today: date) -> dict[str, Any]:
    """The extract for machines: English keys, ISO dates, amounts as text with a point."""
    return {
        "extracted_on": today.isoformat(),
        "member": member_object(extract.member),
        "payments": [
            {
                "id": p.id,
                "fee_year": p.fee_year,
                "amount": plain_amount(p.amount),
                "paid_on": p.paid_on.isoformat(),
                "reference": p.reference,
                "note": p.note,
            }
            for p in extract.payments
        ],
        "agreed_fees": [
            {
                "year": a.year,
                "amount": None if a.amount is None else plain_amount(a.amount),
                "exempt": a.exempt,
                "note": a.note,
            }
            for a in extract.agreements
        ],
        "board_seats": [
            {
                "id": e.seat.id,
                "person": e.seat.person,
                "role": e.seat.role.value,
                "organisation_id": e.seat.organisation_id,
                "elected_at": e.seat.elected_at,
                "elected_on": _iso(e.elected_at.held_on if e.elected_at else None),
                "term_years": e.seat.term_years,
                "from": _iso(e.period[0] if e.period else None),
                "until": _iso(
                    e.period[1] - timedelta(days=1) if e.period and e.period[1] else None
                ),
                "left_on": _iso(e.seat.left_on),
                "left_reason": e.seat.left_reason,
            }
            for e in extract.seats
        ],
        "delegates": [
            {
                "meeting_id": d.meeting_id,
                "held_on": _iso(d.meeting.held_on if d.meeting else None),
                "delegate": d.attendance.delegate,
                "present": d.attendance.present,
            }
            for d in extract.delegates
        ],
        "co_signed_submissions": [
            {
                "id": s.id,
                "when": s.when.iso(),
                "kind": s.kind.value,
                "title": s.title,
                "status": s.status.value,
                "recipient": s.recipient,
            }
            for s in extract.co_signed
        ],
        "activities_naming": [
            {
                **_mentioned_object(m),
                "when": m.record.when.iso(),
                "category": m.record.category.value,
            }
            for m in extract.activities
        ],
        "submissions_naming": [
            {**_mentioned_object(m), "when": m.record.when.iso()} for m in extract.submissions
        ],
        "networks_naming": [_mentioned_object(m) for m in extract.networks],
        "meetings_naming": [
            {**_mentioned_object(m), "held_on": m.record.held_on.isoformat()}
            for m in extract.meetings
        ],
    }


def extract_json(extract: Extract, today: date) -> str:
    return to_json(extract_object(extract, today)) + "\n"


# --- retention ------------------------------------------------------------------------------

ERASE_HINT = "Radera en medlems personuppgifter med: secretariat members erase ID"
PAYMENT_HINT = (
    "Ta bort en betalning med: secretariat payments delete ID (det årets siffror för "
    "betalande medlemmar ändras då)."
)


def retention_text(retention: Retention, names: Mapping[int, str]) -> str:
    """Both lists with what to do about them; says that nothing was erased."""
    lines = [
        f"Lagringstid: {retention.years} år efter medlemskapets slut "
        "(ändras med secretariat settings set retention-years N).",
        "",
    ]
    if retention.members:
        lines.append(
            f"Avslutade medlemmar vars personuppgifter bör raderas ({len(retention.members)}):"
        )
        rows = [("Id", "Namn", "Avslutad", "Bör raderas från")]
        rows += [
            (
                str(m.id),
                m.name,
                _iso(m.ended) or EMPTY,
                _iso(erase_from(m, retention.years)) or EMPTY,
            )
            for m in retention.members
        ]
        lines += [f"  {line}" for line in aligned(rows).splitlines()]
        lines.append(ERASE_HINT)
    else:
        lines.append("Inga avslutade medlemmar har personuppgifter kvar som bör raderas.")
    lines.append("")
    if retention.payments:
        lines.append(
            f"Betalningar som bokföringslagen inte längre kräver ({len(retention.payments)}):"
        )
        payment_rows = [("Id", "Medlem", "Avgiftsår", "Belopp", "Betald", "Sparas till")]
        payment_rows += [
            (
                str(p.id),
                names.get(p.member_id, f"medlem {p.member_id}"),
                str(p.fee_year),
                format_kronor(p.amount),
                p.paid_on.isoformat(),
                payment_kept_until(p).isoformat(),
            )
            for p in retention.payments
        ]
        lines += [f"  {line}" for line in aligned(payment_rows, right=(3,)).splitlines()]
        lines.append(PAYMENT_HINT)
    else:
        lines.append("Inga betalningar är äldre än bokföringslagens sju år.")
    lines += ["", "Inget har raderats."]
    return "\n".join(lines)


def retention_json(retention: Retention) -> str:
    return to_json(
        {
            "today": retention.today.isoformat(),
            "retention_years": retention.years,
            "members": [
                {
                    "id": m.id,
                    "name": m.name,
                    "kind": m.kind.value,
                    "ended": _iso(m.ended),
                    "erase_from": _iso(erase_from(m, retention.years)),
                }
                for m in retention.members
            ],
            "payments": [
                {
                    "id": p.id,
                    "member_id": p.member_id,
                    "fee_year": p.fee_year,
                    "amount": plain_amount(p.amount),
                    "paid_on": p.paid_on.isoformat(),
                    "kept_until": payment_kept_until(p).isoformat(),
                }
                for p in retention.payments
            ],
        }
    )
