"""OCR reference numbers for bankgiro and plusgiro payments (Bankgirot's "OCR-kontroll").

An OCR reference is the payer's reference that the bank checks before it accepts a payment,
and that comes back in the bank's file (BgMax) so a payment finds its invoice by itself. Its
last digit is a Luhn (mod 10) check digit over everything before it. With the "variable
length" control the digit before it is a length digit: the number of digits of the whole
reference, check and length digit included, mod 10; the length digit is itself under the
check digit (Bankgirot, Bankgiro Inbetalningar användarmanual, 5.2: ``1234567890`` →
``123456789023``). An association's bank agreement says which control applies, so it is a
setting (``ocr_length_digit``). A reference is 2–25 digits.

The base is the fee year followed by the invoice number, at least four digits (``2025`` and
invoice 7 → ``20250007``): the invoice number alone is already unique and never changes
(``domain.invoices``), so the reference is unique and stable too; the year in front keeps it
long enough that a stray number in a bank message is not taken for it (a bare ``7`` would
be), has no leading zero for a bank to drop, and tells the payer which year is paid.

The Luhn arithmetic is python-stdnum's (``stdnum.luhn``), not a copy of our own.
"""

from __future__ import annotations

MIN_DIGITS = 2
MAX_DIGITS = 25
_SEPARATORS = str.maketrans("", "", " -.\u00a0")


def ocr_base(fee_year: int, invoice_number: int) -> str:
    """The digits an invoice's reference is made from: the year, then the number (≥ 4 digits)."""
    if invoice_number < 1:
        raise ValueError(f"Fakturanummer {invoice_number} går inte: numren börjar på 1.")
    return f"{fee_year}{invoice_number:04d}"


def make_ocr(base: str, *, length_digit: bool) -> str:
    """``base`` with the length digit (when the agreement asks for one) and the check digit."""
    from stdnum import luhn  # python-stdnum on use: ~30 ms at every start otherwise

    if not (base.isascii() and base.isdigit()):
        raise ValueError(f"”{base}” går inte att göra till ett OCR-nummer: bara siffror.")
    digits = base + (str((len(base) + 2) % 10) if length_digit else "")
    reference = digits + luhn.calc_check_digit(digits)
    if len(reference) > MAX_DIGITS:
        raise ValueError(f"OCR-numret blir för långt: högst {MAX_DIGITS} siffror.")
    return reference


def check_ocr(text: str, *, length_digit: bool) -> str:
    """The reference as digits (spaces and hyphens dropped), or ValueError in Swedish that says
    what is wrong: not digits, too short or long, the length digit, the check digit."""
    from stdnum import luhn  # python-stdnum on use: ~30 ms at every start otherwise

    digits = text.strip().translate(_SEPARATORS)
    if not digits:
        raise ValueError("Fyll i ett OCR-nummer.")
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"”{text.strip()}” är inget OCR-nummer: bara siffror.")
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        raise ValueError(
            f"Ett OCR-nummer har {MIN_DIGITS}–{MAX_DIGITS} siffror; ”{digits}” har {len(digits)}."
        )
    if luhn.checksum(digits) != 0:
        expected = luhn.calc_check_digit(digits[:-1])
        raise ValueError(
            f"Kontrollsiffran i OCR-numret {digits} stämmer inte: den ska vara {expected}."
        )
    if length_digit and int(digits[-2]) != len(digits) % 10:
        raise ValueError(
            f"Längdsiffran i OCR-numret {digits} stämmer inte: numret har {len(digits)} "
            f"siffror, så den näst sista ska vara {len(digits) % 10}."
        )
    return digits
