"""Swedish organisationsnummer: ``NNNNNN-NNNN`` whose last digit is a Luhn check digit.

The format (where the hyphen may stand, which digits count) is ours, because the messages
are the user's; the check itself is python-stdnum's (``stdnum.se.orgnr``), a maintained
library, rather than a hand-written Luhn.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"^(\d{6})-?(\d{4})$", re.ASCII)


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn digit for the first nine digits (weights 2,1,2,1… from the left)."""
    from stdnum import luhn  # python-stdnum on use: ~30 ms at every start otherwise

    return int(luhn.calc_check_digit(nine_digits))


def normalise_org_number(text: str) -> str:
    """Return the number as ``NNNNNN-NNNN`` or raise ``ValueError`` with a Swedish message.

    Ten digits without the hyphen are accepted, since that is how numbers are often pasted.
    """
    from stdnum.exceptions import ValidationError
    from stdnum.se import orgnr  # python-stdnum on use: ~30 ms at every start otherwise

    match = _DIGITS.match(text.strip())
    if not match:
        raise ValueError("Organisationsnummer skrivs NNNNNN-NNNN (tio siffror).")
    digits = match.group(1) + match.group(2)
    try:
        orgnr.validate(digits)
    except ValidationError:
        expected = luhn_check_digit(digits[:9])
        raise ValueError(
            f"Kontrollsiffran stämmer inte: med de nio första siffrorna ska den vara {expected}."
        ) from None
    return f"{match.group(1)}-{match.group(2)}"
