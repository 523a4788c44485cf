"""BgMax files written by hand from the layout in Bankgirot's "Bankgiro Inbetalningar,
Teknisk manual": each record is 80 characters, its fields at the positions the manual gives
(1-based, inclusive), numbers right-aligned with zeros, texts left-aligned with blanks.
"""

from __future__ import annotations

from collections.abc import Sequence


def record(code: str, *fields: tuple[int, int, str | int]) -> str:
    """One 80-character record: ``code`` in positions 1–2, each field at (first, last)."""
    text = list(code.ljust(80))
    for first, last, value in fields:
        width = last - first + 1
        cell = str(value).zfill(width) if isinstance(value, int) else value.ljust(width)
        assert len(cell) == width, (first, last, value)
        text[first - 1 : last] = cell
    return "".join(text)


def start(test: str = "P") -> str:
    return record(
        "01", (3, 22, "BGMAX"), (23, 24, 1), (25, 44, "20260302120000123456"), (45, 45, test)
    )


def opening(bankgiro: int = 9912346) -> str:
    return record("05", (3, 12, bankgiro), (23, 25, "SEK"))


def payment(
    amount_ore: int,
    reference: str = "",
    serial: str = "000000000001",
    *,
    code: str = "20",
    reference_code: int = 2,
    sender: int = 0,
    deduction_code: str = "",
) -> str:
    fields: list[tuple[int, int, str | int]] = [
        (3, 12, sender),
        (13, 37, reference),
        (38, 55, amount_ore),
        (56, 56, reference_code),
        (57, 57, 1),
        (58, 69, serial),
        (70, 70, 0),
    ]
    if deduction_code:
        fields.append((71, 71, deduction_code))
    return record(code, *fields)


def name(text: str, extra: str = "") -> str:
    return record("26", (3, 37, text), (38, 72, extra))


def org(digits: str) -> str:
    return record("29", (3, 14, digits))


def deposit(day: str, serial: int, amount_ore: int, count: int) -> str:
    return record(
        "15",
        (3, 37, "00000000000000000008105009042783853"),
        (38, 45, day),
        (46, 50, serial),
        (51, 68, amount_ore),
        (69, 71, "SEK"),
        (72, 79, count),
    )


def end(payments: int, deductions: int, references: int, deposits: int) -> str:
    return record(
        "70", (3, 10, payments), (11, 18, deductions), (19, 26, references), (27, 34, deposits)
    )


def file_bytes(records: Sequence[str]) -> bytes:
    """As Bankgirot delivers it: ISO 8859-1, CR LF between records."""
    return "\r\n".join(records).encode("latin-1") + b"\r\n"


def two_deposits() -> list[str]:
    """Two deposits: the first with two payments (one by OCR, one with a name and organisation
    number in Latin-1), the second with a payment and a deduction."""
    return [
        start(),
        opening(),
        payment(150000, "2026000106", "000000000011"),
        payment(30000, "Medlemsavgift", "000000000012", reference_code=1),
        name("Föreningen Ånge Älv Öst"),
        org("008020016013"),
        record("25", (3, 52, "Avgift 2026")),
        deposit("20260302", 1, 180000, 2),
        opening(),
        payment(50000, "", "000000000021", reference_code=0),
        name("Kalle Åström"),
        record("27", (3, 37, "Storgatan 1"), (38, 46, "123 45")),
        record("28", (3, 37, "Växjö")),
        record("22", (3, 12, 0), (13, 37, "Extra ref"), (38, 55, 0), (56, 56, 1)),
        payment(10000, "", "000000000022", code="21", reference_code=0, deduction_code="1"),
        deposit("20260303", 2, 40000, 2),
        end(3, 1, 1, 2),
    ]
