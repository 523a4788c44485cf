"""Swedish organisationsnummer: ``NNNNNN-NNNN`` whose last digit is a Luhn check digit."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"^(\d{6})-?(\d{4})$", re.ASCII)


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn digit for the first nine digits (weights 2,1,2,1… from the left)."""
    total = 0
    for position, char in enumerate(nine_digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def normalise_org_number(text: str) -> str:
    """Return the number as ``NNNNNN-NNNN`` or raise ``ValueError`` with a Swedish message.

    Ten digits without the hyphen are accepted, since that is how numbers are often pasted.
    """
    match = _DIGITS.match(text.strip())
    if not match:
        raise ValueError("Organisationsnummer skrivs NNNNNN-NNNN (tio siffror).")
    digits = match.group(1) + match.group(2)
    expected = luhn_check_digit(digits[:9])
    if int(digits[9]) != expected:
        raise ValueError(
            f"Kontrollsiffran stämmer inte: med de nio första siffrorna ska den vara {expected}."
        )
    return f"{match.group(1)}-{match.group(2)}"
