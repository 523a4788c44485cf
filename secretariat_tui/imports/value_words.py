"""The words a spreadsheet uses for a choice, mapped to the choice: one table for CSV and xlsx.

Our own files write a choice by its Swedish label (``Fullt medlemskap``) and older ones by its
value (``full``); a coordinator's own sheet says ``Fullt``, ``Ordinarie`` or ``Förening``.
Each is read here, in any case and spacing, so a file imports without editing its cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from secretariat_tui.domain.members import MemberKind, MembershipForm

E = TypeVar("E", bound=Enum)

SYNONYMS: Mapping[type[Enum], Mapping[Any, tuple[str, ...]]] = {
    # Per enum: the choices are StrEnums, and MemberKind.INDIVIDUAL == "individual" ==
    # MembershipForm.INDIVIDUAL, so one dict keyed by the choices would mix the two up.
    MemberKind: {
        MemberKind.ORGANISATION: ("org", "organisationer", "förening", "organization", "company"),
        MemberKind.INDIVIDUAL: ("person", "enskild", "privatperson", "individ", "privat"),
    },
    MembershipForm: {
        MembershipForm.FULL: (
            "fullt",
            "full",
            "ordinarie",
            "ordinarie medlem",
            "ordinarie medlemskap",
            "fullvärdigt",
            "full member",
            "full membership",
        ),
        MembershipForm.INDIVIDUAL: (
            "individuell",
            "individuellt",
            "enskild",
            "personligt",
            "individuell medlem",
            "individual membership",
        ),
        MembershipForm.NETWORKING: (
            "nätverk",
            "nätverkande",
            "nätverksmedlem",
            "nätverksmedlemskap",
            "network",
            "networking membership",
        ),
    },
}


def word_key(text: str) -> str:
    """A cell as compared: any case, runs of spaces as one."""
    return " ".join(text.split()).casefold()


def choice_words(enum: type[E]) -> dict[str, E]:
    """Every word ``enum``'s choices are read from: label, value and the synonyms above."""
    words: dict[str, E] = {}
    synonyms = SYNONYMS.get(enum, {})
    for item in enum:
        label = str(getattr(item, "label", item.value))
        for word in (*synonyms.get(item, ()), str(item.value), label):
            words[word_key(word)] = item
    return words
