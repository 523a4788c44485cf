"""Swedish alphabetical order without a system locale: å, ä, ö come after z."""

from __future__ import annotations

# Characters after "z" in code-point order keep å < ä < ö at the end of the alphabet.
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "é": "e", "ü": "y"})


def swedish_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH)
