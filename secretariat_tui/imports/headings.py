"""Which of a file's own column headings is which of our columns.

A coordinator's spreadsheet has its own headings ("Organisation; Kontaktperson; E-post;
Medlemstyp"); renaming them by hand before the first import is the chore this removes. Each
heading is matched to a column of the register's file format, in this order:

1. the column's own name (``Namn``; case, spaces and punctuation aside: ``E-post`` = ``Epost``);
2. what the user chose (``--map "Organisation=Namn"``, or the preview's column form);
3. a synonym from ``SYNONYMS``, for a column no heading named exactly.

A heading matched to nothing is ignored, and the preview says so; nothing is guessed silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from secretariat_tui.domain.member_fields import FIELD_LABELS
from secretariat_tui.domain.payment_fields import PAYMENT_LABELS

IGNORED = "ignoreras"
"""What the preview says of a heading no column takes, and what ``--map`` takes to ignore one."""

SYNONYMS: Mapping[str, tuple[str, ...]] = {
    # members (the columns are the member fields' labels)
    FIELD_LABELS["name"]: (
        "Organisation",
        "Organisationsnamn",
        "Förening",
        "Föreningens namn",
        "Föreningsnamn",
        "Medlem",
        "Medlemsnamn",
        "Name",
        "Organization",
        "Organisation name",
    ),
    FIELD_LABELS["kind"]: ("Medlemskategori", "Kategori", "Type", "Member type"),
    FIELD_LABELS["form"]: (
        "Medlemstyp",
        "Form",
        "Medlemskap",
        "Medlemsskap",
        "Membership",
        "Membership type",
    ),
    FIELD_LABELS["org_number"]: (
        "Orgnr",
        "Org nr",
        "Org.nr",
        "Organisationsnr",
        "Organization number",
        "Org number",
    ),
    FIELD_LABELS["contact_person"]: ("Kontakt", "Kontaktpersoner", "Contact", "Contact person"),
    FIELD_LABELS["email"]: (
        "E-postadress",
        "Mail",
        "Mejl",
        "Mejladress",
        "Mailadress",
        "Email",
        "E-mail",
    ),
    FIELD_LABELS["phone"]: ("Tel", "Telefonnummer", "Mobil", "Mobilnummer", "Phone"),
    FIELD_LABELS["address"]: ("Adress", "Address", "Postal address"),
    FIELD_LABELS["joined"]: (
        "Inträde",
        "Inträdesdatum",
        "Medlem från",
        "Medlem sedan datum",
        "Startdatum",
        "Joined",
        "Member since",
    ),
    # payments
    "Avgiftsår": ("År", "Avgiftsåret", "Year", "Fee year"),
    PAYMENT_LABELS["amount"]: ("Summa", "Betalt", "Belopp kr", "Amount"),
    PAYMENT_LABELS["paid_on"]: ("Datum", "Betalningsdatum", "Betald", "Date", "Paid on"),
    PAYMENT_LABELS["reference"]: ("Ref", "OCR", "Verifikation", "Reference"),
    PAYMENT_LABELS["note"]: ("Anteckningar", "Kommentar", "Notering", "Note", "Comment"),
}


def heading_key(text: str) -> str:
    """A heading as compared: ``E-post`` = ``epost`` = `` E post ``; ``Org.nr`` = ``orgnr``."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@dataclass(frozen=True)
class Heading:
    """One heading of the file and the column it is read as (None: ignored)."""

    found: str
    column: str | None

    def describe(self) -> str:
        """``Organisation → Namn``; ``Anteckningar → ignoreras``."""
        return f"{self.found} → {self.column or IGNORED}"


class HeadingError(ValueError):
    """A ``--map`` the file or the format cannot take; the message is Swedish."""


def parse_choices(texts: Iterable[str], columns: Sequence[str]) -> dict[str, str | None]:
    """``["Organisation=Namn", "Övrigt="]`` → ``{heading: column or None}``.

    The right side must be one of ``columns`` (any case) or empty / ``ignoreras``.
    """
    known = {heading_key(column): column for column in columns}
    chosen: dict[str, str | None] = {}
    for text in texts:
        found, sep, target = text.partition("=")
        if not sep or not found.strip():
            raise HeadingError(
                f"”{text}” går inte att läsa: skriv filens rubrik, = och kolumnen, "
                "t.ex. ”Organisation=Namn” (eller ”Övrigt=” för att hoppa över en kolumn)."
            )
        key = heading_key(target)
        if key and key != IGNORED and key not in known:
            raise HeadingError(
                f"”{target.strip()}” är ingen kolumn här; kolumnerna är {', '.join(columns)} "
                f"(eller tomt för att hoppa över)."
            )
        chosen[found.strip()] = known.get(key)
    return chosen


def map_headings(
    found: Sequence[str], columns: Sequence[str], chosen: Mapping[str, str | None]
) -> tuple[Heading, ...]:
    """Each of ``found`` (the file's headings, in order) with the column it is read as.

    A column is given to one heading at most: an exact name first, then the user's choice,
    then the first heading with a synonym of it. Two headings that name one column exactly,
    or that the user gave the same column, are both kept, for ``read_table`` to refuse.
    """
    known = {heading_key(column): column for column in columns}
    chosen = {heading_key(name): column for name, column in chosen.items()}
    result: list[str | None] = [None] * len(found)
    taken: set[str] = set()
    for position, name in enumerate(found):
        column = known.get(heading_key(name))
        if column is not None and heading_key(name) not in chosen:
            result[position] = column
            taken.add(column)
    for position, name in enumerate(found):
        if heading_key(name) in chosen:
            result[position] = chosen[heading_key(name)]
            if result[position]:
                taken.add(str(result[position]))
    synonyms = {
        heading_key(word): column
        for column, words in SYNONYMS.items()
        if column in columns
        for word in words
    }
    for position, name in enumerate(found):
        key = heading_key(name)
        guess = synonyms.get(key)
        if result[position] is None and key not in chosen and guess and guess not in taken:
            result[position] = guess
            taken.add(guess)
    return tuple(Heading(name, column) for name, column in zip(found, result, strict=True))


def unknown_choices(chosen: Mapping[str, str | None], found: Sequence[str]) -> list[str]:
    """Headings the user named that the file does not have (a typo in ``--map``)."""
    keys = {heading_key(name) for name in found}
    return [name for name in chosen if heading_key(name) not in keys]


def heading_set(found: Iterable[str]) -> list[str]:
    """The headings of a file as one key, order and spelling aside: to remember a reading."""
    return sorted({heading_key(name) for name in found if name.strip()})
