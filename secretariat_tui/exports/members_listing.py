"""Members for the command line: the list as a ``Table``, a detail view, figures.

Pure functions from domain objects to values and strings, so the CLI only chooses and prints,
and the same renderings can be reused by an export screen without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.figures import YearFigures
from secretariat_tui.domain.member_fields import FIELD_LABELS
from secretariat_tui.domain.members import KIND_FORMS, Member, MemberKind, MembershipForm
from secretariat_tui.exports.table import Table
from secretariat_tui.exports.tabular import to_json

LIST_HEADERS = (
    "Id",
    FIELD_LABELS["name"],
    FIELD_LABELS["kind"],
    FIELD_LABELS["form"],
    FIELD_LABELS["org_number"],
    FIELD_LABELS["joined"],
    "Status",
)

EMPTY = "–"


def sorted_members(members: Iterable[Member]) -> list[Member]:
    """By name as a Swedish reader expects (the same key as the TUI's tables); id breaks ties."""
    return sorted(members, key=lambda m: (swedish_key(m.name), m.id or 0))


def status_text(member: Member, today: date | None = None) -> str:
    """ "Avslutad 2024-06-30", and when the person's data is erased, that too with its date."""
    if member.erased_on is None:
        return member.status_text(today)
    return f"{member.status_text(today)}; {member.erasure_text.lower()}"


def list_row(member: Member, today: date | None = None) -> tuple[str, ...]:
    return (
        str(member.id or ""),
        member.name,
        member.kind.label,
        member.form.label,
        member.org_number,
        member.joined.isoformat(),
        status_text(member, today),
    )


def members_table(members: Sequence[Member], today: date | None = None) -> Table:
    """The list; its JSON is each member whole (``member_object``), as scripts read it."""
    return Table(
        LIST_HEADERS,
        [list_row(m, today) for m in members],
        empty="Inga medlemmar.",
        records=[member_object(m) for m in members],
    )


def member_object(member: Member) -> dict[str, Any]:
    """English keys and ISO dates: the stable shape scripts depend on."""
    return {
        "id": member.id,
        "name": member.name,
        "kind": member.kind.value,
        "form": member.form.value,
        "org_number": member.org_number,
        "contact": asdict(member.contact),
        "joined": member.joined.isoformat(),
        "ended": _iso(member.ended),
        "end_reason": member.end_reason,
        "erased_on": _iso(member.erased_on),
        "forms": [{"from": c.effective.isoformat(), "form": c.form.value} for c in member.forms],
        "rights": asdict(member.rights),
    }


def member_json(member: Member) -> str:
    return to_json(member_object(member))


def member_facts(member: Member, today: date | None = None) -> list[tuple[str, str]]:
    """The detail view's label/value pairs in Swedish, shared by the CLI and the TUI."""
    contact = member.contact
    facts = [
        (FIELD_LABELS["kind"], member.kind.label),
        (FIELD_LABELS["form"], member.form.label),
        (FIELD_LABELS["org_number"], member.org_number),
        (FIELD_LABELS["contact_person"], contact.person),
        (FIELD_LABELS["email"], contact.email),
        (FIELD_LABELS["phone"], contact.phone),
        (FIELD_LABELS["address"], contact.address),
        (FIELD_LABELS["joined"], member.joined.isoformat()),
        ("Status", member.status_text(today)),
    ]
    if member.ended:
        facts.append(("Orsak", member.end_reason))
    if member.erased_on:
        facts.append(("Personuppgifter", f"raderade {member.erased_on.isoformat()} (GDPR)"))
    return facts


def form_history_lines(member: Member) -> list[str]:
    return [f"från {c.effective.isoformat()}: {c.form.label}" for c in member.forms]


def member_detail(member: Member) -> str:
    """Every field, the dated form history and the rights of the current form, in Swedish."""
    facts = member_facts(member)
    width = max(len(label) for label, _ in facts) + 1
    lines = [f"Medlem {member.id}: {member.name}", ""]
    lines += [f"{label + ':':<{width}} {value or EMPTY}" for label, value in facts]
    lines += ["", "Medlemsform över tid:"]
    lines += [f"  {line}" for line in form_history_lines(member)]
    lines += ["", f"Rättigheter på årsmötet ({member.form.label}):"]
    lines += [f"  {line}" for line in member.rights.describe()]
    return "\n".join(lines)


KIND_PLURAL = {
    MemberKind.ORGANISATION: "organisationer",
    MemberKind.INDIVIDUAL: "enskilda personer",
}


def kind_form_lines(count: Callable[..., int], kind_prefix: str = "") -> list[str]:
    """Indented lines per kind, then per form within it; ``count(kind=, form=)`` gives each."""
    lines = []
    for kind in MemberKind:
        lines.append(f"  {kind_prefix}{KIND_PLURAL[kind]}: {count(kind=kind)}")
        lines += [f"    {f.label}: {count(kind=kind, form=f)}" for k, f in KIND_FORMS if k is kind]
    lines += ["", "Per medlemsform:"]
    lines += [f"  {form.label}: {count(form=form)}" for form in MembershipForm]
    return lines


def kind_form_object(count: Callable[..., int]) -> dict[str, Any]:
    """The same breakdown for JSON: by kind, by form, and by kind and form."""
    by_kind_and_form: dict[str, dict[str, int]] = {kind.value: {} for kind in MemberKind}
    for kind, form in KIND_FORMS:
        by_kind_and_form[kind.value][form.value] = count(kind=kind, form=form)
    return {
        "by_kind": {kind.value: count(kind=kind) for kind in MemberKind},
        "by_form": {form.value: count(form=form) for form in MembershipForm},
        "by_kind_and_form": by_kind_and_form,
    }


def figures_text(figures: YearFigures) -> str:
    year_end = date(figures.year, 12, 31).isoformat()
    lines = [
        f"Medlemmar {figures.year}",
        "",
        f"Nya medlemmar under året: {figures.new}",
        f"Avslutade under året: {figures.ended}",
        f"Medlemmar vid årets slut ({year_end}): {figures.total_at_year_end}",
    ]
    lines += kind_form_lines(figures.count)
    return "\n".join(lines)


def figures_json(figures: YearFigures) -> str:
    return to_json(
        {
            "year": figures.year,
            "new": figures.new,
            "ended": figures.ended,
            "at_year_end": {"total": figures.total_at_year_end, **kind_form_object(figures.count)},
        }
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
