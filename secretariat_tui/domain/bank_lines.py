"""What a bank reports of one incoming (or outgoing) amount, whichever file it came in.

BgMax and a bank's CSV export are read into the same ``BankLine`` so that matching and
recording know nothing of file formats. ``identity`` is stable for the same line of the same
file read again (the bank's own serial number, or a hash of the row), which is how a file
imported twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class BankLine:
    identity: str
    line: int
    """Where it is in the file, for the preview and its messages."""
    paid_on: date
    amount: Decimal
    """Kronor; negative for a deduction or money going out."""
    reference: str = ""
    """The payer's reference: an OCR number when the bank checked one."""
    message: str = ""
    payer: str = ""
    org_number: str = ""
    """``NNNNNN-NNNN`` when the bank gave the payer's organisation number."""

    @property
    def words(self) -> str:
        """Everything the payer wrote or the bank said of them, to search for a member in."""
        return " ".join(p for p in (self.reference, self.message, self.payer) if p)


@dataclass(frozen=True)
class Expected:
    """An invoice as matching needs it: the OCR number that points at one member's fee."""

    ocr: str
    member_id: int
    fee_year: int
    amount: Decimal
    number: str = ""
    credited: bool = False
    """A credited invoice: its OCR still names the member, but a payment of it is queried."""
