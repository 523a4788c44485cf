"""The association's payment numbers as printed on an invoice: bankgiro, plusgiro, Swish.

python-stdnum has no Swedish bankgiro or plusgiro module, so the documented rules are applied
here, with its Luhn for the check digit: a bankgiro number is 7 or 8 digits and a plusgiro
number 2 to 8, each ending in a Luhn (mod 10) check digit over the whole number (Bankgirot;
PlusGirot). They are written as the banks print them (``5402-9681``, ``28 65 43-4``) so an
invoice shows what the payer types. A Swish number is the ten digits Swish gives (``123 456
78 90`` for an association's Swish Företag); no check digit exists to test.
"""

from __future__ import annotations

_SEPARATORS = str.maketrans("", "", " -\u00a0")


def _digits(text: str, what: str, example: str) -> str:
    digits = text.strip().translate(_SEPARATORS)
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(
            f"Ett {what} har bara siffror (t.ex. {example}); ”{text.strip()}” går inte."
        )
    return digits


def _luhn(digits: str, what: str) -> None:
    from stdnum import luhn  # python-stdnum on use: ~30 ms at every start otherwise

    if luhn.checksum(digits) != 0:
        expected = luhn.calc_check_digit(digits[:-1])
        raise ValueError(
            f"Kontrollsiffran i {what}numret stämmer inte: den sista siffran ska vara {expected}."
        )


def normalise_bankgiro(text: str) -> str:
    """``54029681`` → ``5402-9681``; ``2973675`` → ``297-3675``; else ValueError in Swedish."""
    digits = _digits(text, "bankgironummer", "5402-9681")
    if len(digits) not in (7, 8):
        raise ValueError(
            f"Ett bankgironummer har 7 eller 8 siffror; ”{text.strip()}” har {len(digits)}."
        )
    _luhn(digits, "bankgiro")
    return f"{digits[:-4]}-{digits[-4:]}"


def normalise_plusgiro(text: str) -> str:
    """``41054685`` → ``410 54 68-5``; ``42`` → ``4-2``: pairs from the right, then the check
    digit after a hyphen, as PlusGirot prints them; else ValueError in Swedish."""
    digits = _digits(text, "plusgironummer", "28 65 43-4")
    if not 2 <= len(digits) <= 8:
        raise ValueError(f"Ett plusgironummer har 2–8 siffror; ”{text.strip()}” har {len(digits)}.")
    _luhn(digits, "plusgiro")
    body = digits[:-1]
    pairs = [body[max(end - 2, 0) : end] for end in range(len(body), 0, -2)][::-1]
    if len(pairs) > 1 and len(pairs[0]) == 1:
        pairs[:2] = [pairs[0] + pairs[1]]
    return " ".join(pairs) + "-" + digits[-1]


def normalise_swish(text: str) -> str:
    """Ten digits → ``123 456 78 90``; else ValueError in Swedish."""
    digits = _digits(text, "Swishnummer", "123 456 78 90")
    if len(digits) != 10:
        raise ValueError(f"Ett Swishnummer har 10 siffror; ”{text.strip()}” har {len(digits)}.")
    return f"{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
