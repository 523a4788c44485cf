"""Kronor as exact decimals (never float): parsing what people type and Swedish formatting."""

from __future__ import annotations

import re
from decimal import Decimal

ORE = Decimal("0.01")
# A membership fee or payment above this is a typo (an extra zero or two), not money.
MAXIMUM = Decimal(1_000_000)
_AMOUNT = re.compile(r"^\d+([.,]\d{1,2})?$", re.ASCII)


def parse_amount(text: str) -> Decimal:
    """``1500``, ``1 500``, ``1500,50``, ``1500.50`` or ``1 500 kr`` → Decimal; else ValueError.

    Negative amounts are refused: a refund is not a payment.
    """
    if not text.strip():
        raise ValueError("Fyll i ett belopp i kronor.")
    cleaned = text.strip().lower().removesuffix("kr").removesuffix("sek").strip()
    cleaned = cleaned.replace("\u00a0", "").replace(" ", "")
    if cleaned.startswith("-"):
        raise ValueError(f"Beloppet kan inte vara negativt: ”{text.strip()}”.")
    if not _AMOUNT.match(cleaned):
        raise ValueError(
            f"”{text.strip()}” är inget belopp: skriv kronor, t.ex. 1500 eller 1500,50."
        )
    if len(cleaned.split(",")[0].split(".")[0]) > len(str(MAXIMUM)):
        raise ValueError(f"Beloppet är orimligt stort (högst {format_kronor(MAXIMUM)}).")
    amount = Decimal(cleaned.replace(",", ".")).quantize(ORE)
    if amount > MAXIMUM:
        raise ValueError(f"Beloppet är orimligt stort (högst {format_kronor(MAXIMUM)}).")
    return amount


def format_kronor(amount: Decimal) -> str:
    """Swedish style: ``1 500 kr``, ``1 500,50 kr`` (no öre shown when there are none)."""
    whole = amount == amount.to_integral_value()
    text = f"{amount:,.0f}" if whole else f"{amount:,.2f}"
    text = text.replace(",", " ").replace(".", ",")
    return f"{text} kr"


def plain_amount(amount: Decimal) -> str:
    """For CSV and JSON: ``1500`` or ``1500.50`` with a point, no thousands separator."""
    return f"{amount:.0f}" if amount == amount.to_integral_value() else f"{amount:.2f}"


def typed_amount(amount: Decimal) -> str:
    """As a Swedish user types it in a form or Excel shows it: ``1500`` or ``1500,50``."""
    return plain_amount(amount).replace(".", ",")
