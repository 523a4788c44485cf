"""Which member's fee each bank line pays: certain, probable (and why), or nobody's.

The rules, in order, the first that finds a member deciding:

1. the reference is the OCR number of an invoice: matched (exact, the bank checked it);
   probable when that invoice has been credited (the payment is still that member's);
2. an organisation number of a member in the bank's payer details or the message: probable;
3. a member's name in the payer's name or the message (one member only): probable;
4. the amount is exactly what one member, and only one, still owes for the year: probable.

A line whose member has nothing left to pay, or that would pay more than is left, is listed
with that member as a suggestion but not recorded: an overpayment is the coordinator's call,
never forced. Lines are taken in file order and each one matched lowers what is left, so two
payments of the same fee in one file are not both taken as paying it in full.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

from secretariat_tui.domain.bank_lines import BankLine, Expected
from secretariat_tui.domain.fees import ZERO, MemberYear, Payment
from secretariat_tui.domain.money import format_kronor

_ORG_NUMBER = re.compile(r"(?<!\d)(\d{6})-?(\d{4})(?!\d)")
_SHORTEST_NAME = 3


class Verdict(StrEnum):
    MATCHED = "matched"
    PROBABLE = "probable"
    UNMATCHED = "unmatched"
    ALREADY = "already"
    OUTGOING = "outgoing"

    @property
    def label(self) -> str:
        return {
            "matched": "Matchade",
            "probable": "Troliga",
            "unmatched": "Ej matchade",
            "already": "Redan inlästa",
            "outgoing": "Utbetalningar och avdrag (registreras inte)",
        }[self.value]


@dataclass(frozen=True)
class Match:
    """A bank line and what matching made of it; ``member`` is a suggestion when unmatched."""

    line: BankLine
    verdict: Verdict
    why: str
    member: MemberYear | None = None

    def payment(self, member: MemberYear | None = None) -> Payment:
        """The payment to record for this line, for its member or the one the user chose."""
        chosen = member or self.member
        assert chosen is not None and chosen.member.id is not None, "a member to pay for"
        return Payment(
            member_id=chosen.member.id,
            fee_year=chosen.year,
            amount=self.line.amount,
            paid_on=self.line.paid_on,
            reference=self.line.reference,
            note=f"Bankfil: {self.why}" if self.why else "Bankfil",
        )


def digits(text: str) -> str:
    """An OCR number as compared: its digits only (banks show them with spaces)."""
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


def match_lines(
    lines: Sequence[BankLine],
    rows: Sequence[MemberYear],
    year: int,
    *,
    expected: Sequence[Expected] = (),
    imported: Collection[str] = (),
) -> list[Match]:
    """Each line of ``lines`` matched against ``rows`` (the members' fees: ``year``'s, and
    those of any invoice's year), ``expected`` (the invoices) and ``imported`` (identities of
    lines already recorded)."""
    matcher = _Matcher(rows, year, expected)
    return [matcher.match(line, imported) for line in lines]


class _Matcher:
    def __init__(self, rows: Sequence[MemberYear], year: int, expected: Sequence[Expected]):
        self.rows = {(r.member.id, r.year): r for r in rows}
        self.year_rows = [r for r in rows if r.year == year]
        self.left = {key: r.outstanding for key, r in self.rows.items()}
        self.invoices = {digits(e.ocr): e for e in expected if digits(e.ocr)}

    def match(self, line: BankLine, imported: Collection[str]) -> Match:
        if line.identity in imported:
            return Match(line, Verdict.ALREADY, "finns redan i registret")
        if line.amount <= ZERO:
            return Match(line, Verdict.OUTGOING, "utbetalning eller avdrag")
        found = self._by_ocr(line) or self._by_org_number(line) or self._by_name(line)
        found = found or self._by_amount(line)
        if found is None:
            return Match(line, Verdict.UNMATCHED, "ingen medlem hittades")
        row, verdict, why = found
        key = (row.member.id, row.year)
        left = self.left.get(key, ZERO)
        name = row.member.name
        if left <= ZERO:
            return Match(
                line, Verdict.UNMATCHED, f"{why}, men {name} har inget kvar att betala", row
            )
        if line.amount > left:
            over = format_kronor(line.amount - left)
            return Match(
                line,
                Verdict.UNMATCHED,
                f"{why}, men överbetalning: {name} har {format_kronor(left)} kvar "
                f"({over} för mycket)",
                row,
            )
        self.left[key] = left - line.amount
        return Match(line, verdict, why, row)

    def _by_ocr(self, line: BankLine) -> tuple[MemberYear, Verdict, str] | None:
        invoice = self.invoices.get(digits(line.reference))
        if invoice is None:
            return None
        row = self.rows.get((invoice.member_id, invoice.fee_year))
        if row is None:
            return None
        number = f" (faktura {invoice.number})" if invoice.number else ""
        if invoice.credited:
            number = f" (faktura {invoice.number}, krediterad)"
            return row, Verdict.PROBABLE, f"OCR {digits(line.reference)}{number}"
        return row, Verdict.MATCHED, f"OCR {digits(line.reference)}{number}"

    def _by_org_number(self, line: BankLine) -> tuple[MemberYear, Verdict, str] | None:
        numbers = {line.org_number} if line.org_number else set()
        numbers |= {f"{a}-{b}" for a, b in _ORG_NUMBER.findall(line.words)}
        found = [r for r in self.year_rows if r.member.org_number in numbers]
        if len(found) != 1:
            return None
        return found[0], Verdict.PROBABLE, f"organisationsnummer {found[0].member.org_number}"

    def _by_name(self, line: BankLine) -> tuple[MemberYear, Verdict, str] | None:
        words = line.words.casefold()
        found = [
            r
            for r in self.year_rows
            if len(r.member.name) >= _SHORTEST_NAME
            and re.search(rf"(?<!\w){re.escape(r.member.name.casefold())}(?!\w)", words)
        ]
        if len(found) != 1:
            return None
        return found[0], Verdict.PROBABLE, f"namnet ”{found[0].member.name}”"

    def _by_amount(self, line: BankLine) -> tuple[MemberYear, Verdict, str] | None:
        found = [r for r in self.year_rows if self.left.get((r.member.id, r.year)) == line.amount]
        if len(found) != 1:
            return None
        return (
            found[0],
            Verdict.PROBABLE,
            f"beloppet {format_kronor(line.amount)} är vad bara den medlemmen har kvar att betala",
        )
