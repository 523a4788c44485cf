"""Members and payments as CSV files that Swedish Excel opens directly by double-click, or
as Excel workbooks (.xlsx) with the same columns: ``fmt`` is ``csv`` or ``xlsx``.

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
from secretariat_tui.domain.member_fields import FIELD_LABELS, NEW_MEMBER_FIELDS, raw_fields
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.payment_fields import PAYMENT_FIELDS, PAYMENT_LABELS
from secretariat_tui.exports.members_listing import sorted_members
from secretariat_tui.exports.table import Table

ENDED = "Slutdatum"
END_REASON = "Anledning"
FORM_HISTORY = "Formhistorik"

MEMBER_FILE_FIELDS = NEW_MEMBER_FIELDS
"""The member's declared fields are the file's first columns, named by their labels: a field
added to the declaration is a column of the file (and read back by the import) at once."""
MEMBER_COLUMNS: tuple[str, ...] = (
    *(f.label for f in MEMBER_FILE_FIELDS),
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

# Whose payment and for which year, then the payment's declared fields by their labels.
PAYMENT_COLUMNS: tuple[str, ...] = (
    PAY_MEMBER,
    PAY_ORG_NUMBER,
    PAY_YEAR,
    *(f.label for f in PAYMENT_FIELDS),
)

HISTORY_SEPARATOR = "; "


def form_history_text(member: Member) -> str:
    """``2019-01-21 Nätverkande medlemskap; 2022-04-26 Fullt medlemskap``, or "" for one form."""
    if len(member.forms) < 2:
        return ""
    return HISTORY_SEPARATOR.join(f"{c.effective.isoformat()} {c.form.label}" for c in member.forms)


def member_row(member: Member) -> tuple[str, ...]:
    typed = raw_fields(member)
    return (
        *(f.shown(typed[f.name]) for f in MEMBER_FILE_FIELDS),
        member.ended.isoformat() if member.ended else "",
        member.end_reason,
        form_history_text(member),
    )


def members_csv_bytes(members: Iterable[Member], fmt: str = "csv") -> bytes:
    """Every member given (ended ones too: the file is the register), sorted by name."""
    rows = [member_row(m) for m in sorted_members(members)]
    return Table(MEMBER_COLUMNS, rows).file_bytes(fmt, title="Medlemmar")


def payments_csv_bytes(
    payments: Iterable[Payment], members: Iterable[Member], fmt: str = "csv"
) -> bytes:
    """Payments by fee year, date and member, each naming its member by name and org number."""
    by_id = {m.id: m for m in members}
    rows = []
    for payment in payments:
        member = by_id.get(payment.member_id)
        name = member.name if member else f"(okänd medlem {payment.member_id})"
        fields = (getattr(payment, f.name) for f in PAYMENT_FIELDS)
        rows.append((name, member.org_number if member else "", payment.fee_year, *fields))
    rows.sort(key=lambda r: (r[2], r[4], swedish_key(r[0]), r[5]))
    return Table(PAYMENT_COLUMNS, rows).file_bytes(fmt, title="Betalningar")
