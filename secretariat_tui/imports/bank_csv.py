"""A bank's CSV export of the association's account → bank lines, every fault with its line.

The Swedish internet banks each write their own headings: Swedbank ``Bokföringsdag,
Transaktionsdag, Referens, Beskrivning, Belopp`` (comma, decimal point, a ``*`` line above the
headings), Handelsbanken ``Reskontradatum;Transaktionsdatum;Text;Belopp;Saldo``, SEB
``Bokföringsdatum;Valutadatum;Verifikationsnummer;Text/mottagare;Belopp;Saldo``, Nordea
``Bokföringsdag;Belopp;Avsändare;Mottagare;Namn;Rubrik;Saldo;Valuta`` (decimal comma). They
are read with the CSV machinery of the other imports (encoding, separator, the user's
``--map`` and the reading remembered for the same headings): this module adds the bank's
heading words, for the first heading of a file that has one, and reads signed amounts.

Each row's identity is a hash of its date, amount and texts with how many identical rows came
before it in the file: the same export read again gives the same identities, and two equal
payments on one day stay two.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from secretariat_tui.domain.bank_lines import BankLine
from secretariat_tui.domain.dates import parse_date
from secretariat_tui.imports.csv_dialect import (
    UTF8_BOM,
    CsvFormatError,
    CsvRow,
    ImportPlan,
    PlanBuilder,
    Planned,
    RowFaults,
    read_table,
)
from secretariat_tui.imports.headings import Heading, heading_key

DATE, TEXT, MESSAGE, AMOUNT, REFERENCE = "Datum", "Text", "Meddelande", "Belopp", "Referens"
BANK_COLUMNS = (DATE, TEXT, MESSAGE, AMOUNT, REFERENCE)
REQUIRED = frozenset({DATE, AMOUNT})

BANK_WORDS: Mapping[str, tuple[str, ...]] = {
    DATE: (
        "Bokföringsdag",
        "Bokföringsdatum",
        "Bokförd",
        "Reskontradatum",
        "Transaktionsdag",
        "Transaktionsdatum",
        "Valutadag",
        "Valutadatum",
        "Date",
    ),
    TEXT: ("Beskrivning", "Text/mottagare", "Transaktionstext", "Rubrik", "Specifikation"),
    MESSAGE: ("Meddelande", "Namn", "Information", "Message"),
    AMOUNT: ("Transaktionsbelopp", "Belopp SEK", "Amount"),
    REFERENCE: ("Referens", "OCR", "OCR-nummer", "Reference"),
}

_NUMBER = re.compile(r"^[+-]?\d+([.,]\d{1,2})?$", re.ASCII)


def plan_bank_csv(
    data: bytes, *, chosen: Mapping[str, str | None] | None = None
) -> ImportPlan[BankLine]:
    """The file's rows as bank lines (``plan.new``) and its faulty rows (``plan.errors``).

    Raises CsvFormatError when the file as a whole cannot be read (encoding, headings).
    """
    body, skipped = _without_preamble(data)
    chosen = dict(chosen or {})
    try:
        found = read_table(body, columns=BANK_COLUMNS, required=(), chosen=chosen).headings
        table = read_table(
            body, columns=BANK_COLUMNS, required=REQUIRED, chosen=_bank_words(found, chosen)
        )
    except CsvFormatError as err:
        if not skipped:
            raise
        note = f"(Raderna räknas från rubrikraden; {skipped} rad med * före den räknas inte.)"
        where = err.line + skipped if err.line is not None else None
        raise CsvFormatError(f"{err} {note}", where, err.headings) from None
    plan: PlanBuilder[BankLine] = PlanBuilder(table.dialect, table.headings)
    seen: Counter[str] = Counter()
    for row, line in plan.checked(table.rows, _bank_line, BANK_COLUMNS):
        seen[line.identity] += 1
        identity = f"csv:{line.identity}:{seen[line.identity]}"
        plan.new.append(
            Planned(row.line + skipped, replace(line, identity=identity, line=row.line + skipped))
        )
    plan.errors = [replace(error, line=error.line + skipped) for error in plan.errors]
    return plan.build()


def _without_preamble(data: bytes) -> tuple[bytes, int]:
    """The file without the lines a bank writes above its headings (Swedbank's ``* …``)."""
    bom = UTF8_BOM if data.startswith(UTF8_BOM) else b""
    body, skipped = data[len(bom) :], 0
    while body.startswith(b"*"):
        body = body.partition(b"\n")[2]
        skipped += 1
    return bom + body, skipped


def _bank_words(found: tuple[Heading, ...], chosen: dict[str, str | None]) -> dict[str, str | None]:
    """``chosen`` with, for each column no heading names or the user chose, the first of the
    file's headings that is one of the banks' words for it."""
    taken = {h.column for h in found if h.column}
    given = {heading_key(name) for name in chosen}
    words = {heading_key(w): column for column, ws in BANK_WORDS.items() for w in ws}
    result = dict(chosen)
    for heading in found:
        column = words.get(heading_key(heading.found))
        if heading.column or column is None or column in taken:
            continue
        if heading_key(heading.found) in given:
            continue
        result[heading.found] = column
        taken.add(column)
    return result


def _bank_line(row: CsvRow) -> BankLine:
    faults: dict[str, str] = {}
    paid_on = _date(row.value(DATE), faults)
    amount = _amount(row.value(AMOUNT), faults)
    if faults or paid_on is None or amount is None:
        raise RowFaults(faults)
    text, message, reference = row.value(TEXT), row.value(MESSAGE), row.value(REFERENCE)
    key = "\x1f".join((paid_on.isoformat(), str(amount), text, message, reference))
    return BankLine(
        identity=hashlib.sha256(key.encode()).hexdigest()[:24],
        line=row.line,
        paid_on=paid_on,
        amount=amount,
        reference=reference,
        message=" ".join(part for part in (text, message) if part),
    )


def _date(text: str, faults: dict[str, str]) -> date | None:
    """ISO, or as some banks write it: ``2024/01/15``, ``20240115``."""
    cleaned = text.strip().replace("/", "-")
    if re.fullmatch(r"\d{8}", cleaned):
        cleaned = f"{cleaned[:4]}-{cleaned[4:6]}-{cleaned[6:]}"
    try:
        return parse_date(cleaned)
    except ValueError as err:
        faults[DATE] = str(err)
        return None


def _amount(text: str, faults: dict[str, str]) -> Decimal | None:
    """``1 500,00``, ``-250.50``, ``1500`` → kronor with sign; a bank never writes öre > 2."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    cleaned = cleaned.lower().removesuffix("kr").removesuffix("sek")
    if "," in cleaned and "." in cleaned:  # 1.500,00 or 1,500.00: the first is thousands
        cleaned = cleaned.replace("." if cleaned.index(".") < cleaned.index(",") else ",", "")
    if not cleaned:
        faults[AMOUNT] = "Beloppet saknas."
        return None
    if not _NUMBER.match(cleaned):
        faults[AMOUNT] = f"”{text.strip()}” är inget belopp."
        return None
    try:
        return Decimal(cleaned.replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation:
        faults[AMOUNT] = f"”{text.strip()}” är inget belopp."
        return None
