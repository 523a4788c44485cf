"""Fees and payments for the command line: listings as ``Table`` values, the reminder list.

Pure functions from domain objects to values and strings (like ``members_listing``), so the
CLI only loads, chooses and prints, and the TUI saves the same tables.

Amounts are ``Decimal`` cells, so each format writes them its way (``exports.table``):
``1 500 kr`` for people, ``1500,50`` for Swedish Excel, ``"1500.50"`` for JSON, never a float.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.fees import (
    ZERO,
    FeeSchedule,
    FeeStatus,
    MemberYear,
    PayingFigures,
    Payment,
)
from secretariat_tui.domain.members import MembershipForm
from secretariat_tui.domain.money import format_kronor, plain_amount
from secretariat_tui.exports.members_listing import kind_form_lines, kind_form_object
from secretariat_tui.exports.table import Table
from secretariat_tui.exports.tabular import to_json

EMPTY = "–"
NOT_SET = "ej fastställd"
NO_EMAIL = "saknar e-post"


# --- shared ------------------------------------------------------------------------------------


def members_word(count: int) -> str:
    return f"{count} medlem" if count == 1 else f"{count} medlemmar"


# --- fee schedules -----------------------------------------------------------------------------

SCHEDULE_HEADERS = ("År", *(form.label for form in MembershipForm))


def no_schedule_note(year: int) -> str:
    return f"Ingen avgift fastställd för {year}."


def schedule_cell(schedule: FeeSchedule, form: MembershipForm) -> Decimal | str:
    amount = schedule.amounts.get(form)
    return NOT_SET if amount is None else amount


def schedules_table(schedules: Sequence[FeeSchedule], year: int | None = None) -> Table:
    """One row per year, one column per form; a form never set reads "ej fastställd".

    ``year``: the one year asked for, which an empty table then names.
    """
    ordered = sorted(schedules, key=lambda s: s.year)
    return Table(
        SCHEDULE_HEADERS,
        [(str(s.year), *(schedule_cell(s, form) for form in MembershipForm)) for s in ordered],
        right=range(1, len(SCHEDULE_HEADERS)),
        empty="Inga avgifter fastställda." if year is None else no_schedule_note(year),
        records=[schedule_object(s) for s in ordered],
    )


def schedule_object(schedule: FeeSchedule) -> dict[str, Any]:
    amounts = {
        form.value: plain_amount(schedule.amounts[form]) if form in schedule.amounts else None
        for form in MembershipForm
    }
    return {"year": schedule.year, "amounts": amounts}


# --- status per member and year ----------------------------------------------------------------

STATUS_HEADERS = ("Id", "Namn", "Medlemsform", "Avgift", "Betalt", "Kvar", "Status")


def sorted_rows(rows: Iterable[MemberYear]) -> list[MemberYear]:
    """By name in Swedish order (å, ä, ö after z); id breaks ties."""
    return sorted(rows, key=lambda r: (swedish_key(r.member.name), r.member.id or 0))


def _form_label(row: MemberYear) -> str:
    return row.form.label if row.form else EMPTY


def status_table(rows: Sequence[MemberYear]) -> Table:
    """Each member's fee for the year, with who owes and how much under the rows."""
    body = [
        (
            str(r.member.id or ""),
            r.member.name,
            _form_label(r),
            r.due,
            r.paid,
            r.outstanding,
            r.status.label,
        )
        for r in rows
    ]
    owing = [r for r in rows if r.owes]
    outstanding = sum((r.outstanding for r in owing), ZERO)
    summary = (
        f"{members_word(len(rows))}; {len(owing)} med obetald avgift, "
        f"kvar att betala {format_kronor(outstanding)}."
    )
    return Table(
        STATUS_HEADERS,
        body,
        right=(3, 4, 5),
        empty="Inga medlemmar det året.",
        summary=summary,
        records=[status_object(r) for r in rows],
    )


def status_object(row: MemberYear) -> dict[str, Any]:
    return {
        "member_id": row.member.id,
        "name": row.member.name,
        "kind": row.member.kind.value,
        "year": row.year,
        "form": row.form.value if row.form else None,
        "due": plain_amount(row.due),
        "paid": plain_amount(row.paid),
        "outstanding": plain_amount(row.outstanding),
        "status": row.status.value,
        "status_label": row.status.label,
    }


# --- the reminder list -------------------------------------------------------------------------

REMINDER_HEADERS = (
    "Namn",
    "Kontaktperson",
    "E-post",
    "Telefon",
    "Att betala",
    "Status",
    "Saknar e-post",
)


def owing(rows: Iterable[MemberYear]) -> list[MemberYear]:
    """Unpaid and partly paid members, in name order."""
    return sorted_rows(r for r in rows if r.owes)


def _amount_line(row: MemberYear) -> str:
    if row.status is FeeStatus.PARTLY:
        detail = f"delvis betald, {format_kronor(row.paid)} av {format_kronor(row.due)} betalt"
    else:
        detail = row.status.label.lower()
    return f"Att betala: {format_kronor(row.outstanding)} ({detail})"


def reminder_text(rows: Sequence[MemberYear], year: int) -> str:
    """One block per member, ready to paste into an e-mail, and a total at the end."""
    if not rows:
        return f"Inga obetalda medlemsavgifter för {year}."
    lines = [f"Obetalda medlemsavgifter {year}", ""]
    for row in rows:
        contact = row.member.contact
        email = contact.email.strip()
        lines += [
            row.member.name,
            f"  Kontaktperson: {contact.person or EMPTY}",
            f"  E-post: {email}" if email else f"  E-post: {EMPTY} ({NO_EMAIL})",
            f"  Telefon: {contact.phone or EMPTY}",
            f"  {_amount_line(row)}",
            "",
        ]
    total = sum((r.outstanding for r in rows), ZERO)
    lines.append(f"Totalt att betala: {format_kronor(total)} från {members_word(len(rows))}.")
    missing = [r.member.name for r in rows if not r.member.contact.email.strip()]
    if missing:
        lines.append(f"Saknar e-post: {len(missing)} ({', '.join(missing)}).")
    return "\n".join(lines)


def bcc_addresses(rows: Sequence[MemberYear]) -> list[str]:
    """The e-mail addresses alone, each once (a contact for two members, in any letter case),
    in the list's order."""
    seen: dict[str, str] = {}
    for row in rows:
        email = row.member.contact.email.strip()
        if email:
            seen.setdefault(email.casefold(), email)
    return list(seen.values())


def bcc_line(rows: Sequence[MemberYear]) -> str:
    """``a@x.se; b@y.se``: the addresses to paste into an e-mail's Bcc field."""
    return "; ".join(bcc_addresses(rows))


def addresses_word(count: int) -> str:
    return f"{count} adress" if count == 1 else f"{count} adresser"


def without_email(rows: Sequence[MemberYear]) -> list[str]:
    """The names of the members the Bcc line cannot reach."""
    return [r.member.name for r in rows if not r.member.contact.email.strip()]


def without_email_line(rows: Sequence[MemberYear]) -> str:
    """``utan e-post: A, B``: who needs a letter or a call instead; empty when nobody."""
    missing = without_email(rows)
    return f"utan e-post: {', '.join(missing)}" if missing else ""


def bcc_text(rows: Sequence[MemberYear], year: int) -> str:
    """The Bcc line, then who it leaves out: what the reminder screen shows (it copies the line
    alone, ``bcc_line``)."""
    if not rows:
        return f"Inga obetalda medlemsavgifter för {year}."
    lines = [bcc_line(rows) or "Ingen av dem har en e-postadress."]
    if missing := without_email_line(rows):
        lines += ["", missing]
    return "\n".join(lines)


def reminder_table(rows: Sequence[MemberYear]) -> Table:
    """The reminder list as rows, for a mail merge in Excel (``reminder_text`` is the letter)."""
    return Table(
        REMINDER_HEADERS,
        [
            (
                r.member.name,
                r.member.contact.person,
                r.member.contact.email.strip(),
                r.member.contact.phone,
                r.outstanding,
                r.status.label,
                "nej" if r.member.contact.email.strip() else "ja",
            )
            for r in rows
        ],
        right=(4,),
    )


# --- paying members (the annual report's figures) ----------------------------------------------


def fee_figures_text(figures: PayingFigures, rows: Sequence[MemberYear]) -> str:
    """Paying members by kind and form, then who owes and how much is outstanding."""
    owing_rows = [r for r in rows if r.owes]
    outstanding = sum((r.outstanding for r in owing_rows), ZERO)
    lines = [f"Betalande medlemmar {figures.year}: {figures.total}"]
    lines += kind_form_lines(figures.count, kind_prefix="varav ")
    exempt = sum(1 for r in rows if r.status is FeeStatus.EXEMPT)
    lines += [
        "",
        f"Befriade från avgiften: {exempt}",
        f"Obetald eller delvis betald avgift: {len(owing_rows)}",
        f"Kvar att betala: {format_kronor(outstanding)}",
    ]
    return "\n".join(lines)


def fee_figures_json(figures: PayingFigures, rows: Sequence[MemberYear]) -> str:
    owing_rows = [r for r in rows if r.owes]
    return to_json(
        {
            "year": figures.year,
            "paying": {"total": figures.total, **kind_form_object(figures.count)},
            "exempt": sum(1 for r in rows if r.status is FeeStatus.EXEMPT),
            "owing": {
                "count": len(owing_rows),
                "outstanding": plain_amount(sum((r.outstanding for r in owing_rows), ZERO)),
            },
        }
    )


# --- payments ----------------------------------------------------------------------------------

PAYMENT_HEADERS = ("Id", "Betald", "Medlem", "Avgiftsår", "Belopp", "Referens", "Anteckning")


def sorted_payments(payments: Iterable[Payment]) -> list[Payment]:
    """By the day paid, then id (the order they were recorded)."""
    return sorted(payments, key=lambda p: (p.paid_on, p.id or 0))


def member_name(names: Mapping[int, str], member_id: int) -> str:
    return names.get(member_id, f"okänd medlem {member_id}")


def payment_summary(payment: Payment, name: str) -> str:
    """``1 500 kr från Föreningen X för 2024 (betald 2024-03-01)``."""
    return (
        f"{format_kronor(payment.amount)} från {name} för {payment.fee_year} "
        f"(betald {payment.paid_on.isoformat()})"
    )


def payments_table(payments: Sequence[Payment], names: Mapping[int, str]) -> Table:
    """The payments as given, with their sum under the rows."""
    body = [
        (
            str(p.id or ""),
            p.paid_on.isoformat(),
            member_name(names, p.member_id),
            str(p.fee_year),
            p.amount,
            p.reference,
            p.note,
        )
        for p in payments
    ]
    total = sum((p.amount for p in payments), ZERO)
    count = f"{len(payments)} betalning" + ("" if len(payments) == 1 else "ar")
    return Table(
        PAYMENT_HEADERS,
        body,
        right=(4,),
        empty="Inga betalningar.",
        summary=f"Summa: {format_kronor(total)} ({count}).",
        records=[payment_object(p, names) for p in payments],
    )


def payment_object(payment: Payment, names: Mapping[int, str]) -> dict[str, Any]:
    return {
        "id": payment.id,
        "member_id": payment.member_id,
        "member": member_name(names, payment.member_id),
        "fee_year": payment.fee_year,
        "amount": plain_amount(payment.amount),
        "paid_on": payment.paid_on.isoformat(),
        "reference": payment.reference,
        "note": payment.note,
    }
