"""Members and payments as CSV files that Swedish Excel opens directly by double-click.

The dialect is Excel's own for a Swedish locale: UTF-8 with a BOM (without it Excel reads
åäö as latin-1), ``;`` as separator (``,`` is the decimal comma), CRLF line ends, ISO dates,
amounts with a decimal comma. The column names here are also what ``imports/`` reads back.

A cell Excel would run as a formula (one starting with ``=``, ``+``, ``-``, ``@`` or tab
— a name, a phone number ``+46 …``) is written with a leading ``'``, as OWASP advises
against CSV injection; the import takes one leading ``'`` off every cell, so the file reads
back exactly. Dates, amounts and organisation numbers never start with any of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from secretariat_tui.domain.collation import swedish_key
from secretariat_tui.domain.fees import Payment
from secretariat_tui.domain.member_fields import FIELD_LABELS
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.payment_fields import PAYMENT_LABELS
from secretariat_tui.exports.members_listing import sorted_members
from secretariat_tui.exports.table import Table

ENDED = "Slutdatum"
END_REASON = "Anledning"
FORM_HISTORY = "Formhistorik"

# The register's columns, in file order; the names are the fields' declared labels.
MEMBER_COLUMNS: tuple[str, ...] = (
    FIELD_LABELS["name"],
    FIELD_LABELS["kind"],
    FIELD_LABELS["form"],
    FIELD_LABELS["org_number"],
    FIELD_LABELS["contact_person"],
    FIELD_LABELS["email"],
    FIELD_LABELS["phone"],
    FIELD_LABELS["address"],
    FIELD_LABELS["joined"],
    ENDED,
    END_REASON,
    # Filled only for a member whose form has changed, so the figures of past years survive
    # a round trip through Excel; otherwise the form is held from "Medlem sedan".
    FORM_HISTORY,
)

PAY_MEMBER = "Medlem"
PAY_ORG_NUMBER = FIELD_LABELS["org_number"]
PAY_YEAR = "Avgiftsår"
PAY_AMOUNT = PAYMENT_LABELS["amount"]
PAY_DATE = PAYMENT_LABELS["paid_on"]
PAY_REFERENCE = PAYMENT_LABELS["reference"]
PAY_NOTE = PAYMENT_LABELS["note"]

PAYMENT_COLUMNS: tuple[str, ...] = (
    PAY_MEMBER,
    PAY_ORG_NUMBER,
    PAY_YEAR,
    PAY_AMOUNT,
    PAY_DATE,
    PAY_REFERENCE,
    PAY_NOTE,
)

HISTORY_SEPARATOR = "; "


def form_history_text(member: Member) -> str:
    """``2019-01-21 Nätverkande medlemskap; 2022-04-26 Fullt medlemskap``, or "" for one form."""
    if len(member.forms) < 2:
        return ""
    return HISTORY_SEPARATOR.join(f"{c.effective.isoformat()} {c.form.label}" for c in member.forms)


def member_row(member: Member) -> tuple[str, ...]:
    contact = member.contact
    return (
        member.name,
        member.kind.label,
        member.form.label,
        member.org_number,
        contact.person,
        contact.email,
        contact.phone,
        contact.address,
        member.joined.isoformat(),
        member.ended.isoformat() if member.ended else "",
        member.end_reason,
        form_history_text(member),
    )


def members_csv_bytes(members: Iterable[Member]) -> bytes:
    """Every member given (ended ones too: the file is the register), sorted by name."""
    rows = [member_row(m) for m in sorted_members(members)]
    return Table(MEMBER_COLUMNS, rows).file_bytes("csv")


def payments_csv_bytes(payments: Iterable[Payment], members: Iterable[Member]) -> bytes:
    """Payments by fee year, date and member, each naming its member by name and org number."""
    by_id = {m.id: m for m in members}
    rows = []
    for payment in payments:
        member = by_id.get(payment.member_id)
        name = member.name if member else f"(okänd medlem {payment.member_id})"
        rows.append(
            (
                name,
                member.org_number if member else "",
                payment.fee_year,
                payment.amount,
                payment.paid_on,
                payment.reference,
                payment.note,
            )
        )
    rows.sort(key=lambda r: (r[2], r[4], swedish_key(r[0]), r[5]))
    return Table(PAYMENT_COLUMNS, rows).file_bytes("csv")
