"""Payments from a CSV file or an Excel workbook → a checked plan of new payments for
members already stored.

The member of a row is found by organisation number, else by exact name; a row whose member
is not in the register, or was not a member in the row's fee year (the payment would belong
to no fee), is an error on that line (import the members first). A payment already stored —
same member, fee year, date, amount and reference — is skipped, so a file imported twice adds
nothing. Payments are counted, not just looked up: two identical instalments in the file are
two payments unless the register already holds two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import MINYEAR, date
from decimal import Decimal
from typing import TypeVar

from secretariat_tui.domain.dates import parse_date
from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fees import Payment, first_day_in_year
from secretariat_tui.domain.fields import parse_year
from secretariat_tui.domain.members import Member
from secretariat_tui.domain.money import parse_amount
from secretariat_tui.domain.orgnr import normalise_org_number
from secretariat_tui.domain.payment_fields import check_amount
from secretariat_tui.exports.csv_files import (
    PAY_AMOUNT,
    PAY_DATE,
    PAY_MEMBER,
    PAY_NOTE,
    PAY_ORG_NUMBER,
    PAY_REFERENCE,
    PAY_YEAR,
    PAYMENT_COLUMNS,
)
from secretariat_tui.imports.csv_dialect import (
    CsvRow,
    CsvTable,
    ImportPlan,
    PlanBuilder,
    Planned,
    RowFaults,
    Skipped,
    read_table,
)

REQUIRED = frozenset({PAY_MEMBER, PAY_YEAR, PAY_AMOUNT, PAY_DATE})

# Payment field (domain) -> column, for the rules Payment itself checks.
FIELD_COLUMNS = {"amount": PAY_AMOUNT, "fee_year": PAY_YEAR}


PaymentKey = tuple[int, int, date, Decimal, str]
V = TypeVar("V")


def payment_key(payment: Payment) -> PaymentKey:
    """What makes two payments the same one: member, fee year, date, amount, reference."""
    return (payment.member_id, payment.fee_year, payment.paid_on, payment.amount, payment.reference)


def plan_payments_import(
    data: bytes,
    members: Sequence[Member],
    existing: Sequence[Payment],
    *,
    chosen: Mapping[str, str | None] | None = None,
) -> ImportPlan[Payment]:
    """Read ``data`` (CSV or .xlsx) and decide, row by row, what is new, stored, or wrong.

    ``members`` are the stored members (with ids) that rows may name; ``chosen`` maps the
    file's headings to columns where the user said so. Raises CsvFormatError when the file as
    a whole cannot be read (encoding, empty, columns).
    """
    table = read_table(data, columns=PAYMENT_COLUMNS, required=REQUIRED, chosen=chosen)
    return plan_payments(table, members, existing)


def plan_payments(
    table: CsvTable, members: Sequence[Member], existing: Sequence[Payment]
) -> ImportPlan[Payment]:
    plan: PlanBuilder[Payment] = PlanBuilder(table.dialect, table.headings)
    unmatched = Counter(payment_key(p) for p in existing)
    first_line: dict[PaymentKey, int] = {}
    for row, payment in plan.checked(
        table.rows, lambda row: payment_from_row(row, members), PAYMENT_COLUMNS
    ):
        key = payment_key(payment)
        earlier = first_line.setdefault(key, row.line)
        if unmatched[key]:
            unmatched[key] -= 1
            plan.skipped.append(Skipped(row.line, "finns redan i registret"))
        elif earlier != row.line:
            note = f"likadan som rad {earlier}, blir en betalning till"
            plan.new.append(Planned(row.line, payment, note))
        else:
            plan.new.append(Planned(row.line, payment))
    return plan.build()


def payment_from_row(row: CsvRow, members: Sequence[Member]) -> Payment:
    """The row as a new Payment, or RowFaults naming every faulty column."""
    faults: dict[str, str] = {}
    member = _resolve_member(row.value(PAY_MEMBER), row.value(PAY_ORG_NUMBER), members, faults)
    year = _parse_year(row.value(PAY_YEAR), faults)
    amount = _parse_amount(row.value(PAY_AMOUNT), faults)
    paid_on = _parse(parse_date, row.value(PAY_DATE), PAY_DATE, faults)
    if faults or member is None or year is None or amount is None or paid_on is None:
        _check_membership(member, year, faults)
        raise RowFaults(faults)
    assert member.id is not None, "payments are imported for stored members"
    try:
        payment = Payment(
            member_id=member.id,
            fee_year=year,
            amount=amount,
            paid_on=paid_on,
            reference=row.value(PAY_REFERENCE),
            note=row.value(PAY_NOTE),
        )
    except FieldErrors as err:
        faults = {FIELD_COLUMNS.get(field, field): msg for field, msg in err.errors.items()}
        _check_membership(member, year, faults)
        raise RowFaults(faults) from None
    _check_membership(member, year, faults)
    if faults:
        raise RowFaults(faults)
    return payment


def _check_membership(member: Member | None, year: int | None, faults: dict[str, str]) -> None:
    """A payment for a year the member was not a member in belongs to no fee: the fees
    screen would never show it, so it is an error, not a silent import. A year already
    faulted (unreadable, or implausible as a fee year) keeps that message."""
    if member is None or year is None or PAY_YEAR in faults or year < MINYEAR:
        return  # year 0000 has no calendar; the Payment's own rule names it once it is built
    if first_day_in_year(member, year) is not None:
        return
    span = f"medlem från {member.joined.isoformat()}"
    if member.ended is not None:
        span += f" till {member.ended.isoformat()}"
    faults[PAY_YEAR] = f"{member.name} var inte medlem {year} ({span}): kontrollera avgiftsåret."


def _parse_year(text: str, faults: dict[str, str]) -> int | None:
    if not text:
        faults[PAY_YEAR] = "Fyll i avgiftsåret (ÅÅÅÅ), t.ex. 2024."
        return None
    try:
        return parse_year(text)
    except ValueError as err:
        faults[PAY_YEAR] = str(err)
        return None


def _parse_amount(text: str, faults: dict[str, str]) -> Decimal | None:
    """Decimal comma or point, ``1 500``, ``1500 kr``; the form's rule (and message) for > 0."""
    message = check_amount(text)
    if message is not None:
        faults[PAY_AMOUNT] = message
        return None
    return parse_amount(text)


def _parse(parse: Callable[[str], V], text: str, column: str, faults: dict[str, str]) -> V | None:
    try:
        return parse(text)
    except ValueError as err:
        faults[column] = str(err)
        return None


def _resolve_member(
    name: str, org_text: str, members: Sequence[Member], faults: dict[str, str]
) -> Member | None:
    """The stored member the row means: by organisation number, else by exact name."""
    if not name and not org_text:
        faults[PAY_MEMBER] = "Fyll i medlemmens namn (eller organisationsnummer)."
        return None
    if org_text:
        try:
            org = normalise_org_number(org_text)
        except ValueError as err:
            faults[PAY_ORG_NUMBER] = str(err)
            return None
        by_org = [m for m in members if m.org_number == org]
        if len(by_org) == 1:
            return by_org[0]
        if len(by_org) > 1:
            faults[PAY_ORG_NUMBER] = f"Flera medlemmar har organisationsnummer {org}."
            return None
        # A member stored without its number yet, named exactly as in the row.
        unnumbered = [m for m in members if m.name == name and not m.org_number]
        if name and len(unnumbered) == 1:
            return unnumbered[0]
        faults[PAY_ORG_NUMBER] = (
            f"Ingen medlem i registret har organisationsnummer {org}"
            + (f" eller heter ”{name}” utan organisationsnummer" if name else "")
            + ". Lägg in medlemmen först."
        )
        return None
    by_name = [m for m in members if m.name == name]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        faults[PAY_MEMBER] = (
            f"Flera medlemmar heter ”{name}”: fyll i organisationsnummer för att välja en."
        )
    else:
        faults[PAY_MEMBER] = f"Ingen medlem i registret heter ”{name}”. Lägg in medlemmen först."
    return None
