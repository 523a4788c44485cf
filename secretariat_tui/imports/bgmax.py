"""Bankgirot's BgMax file (Bankgiro Inbetalningar) → the payments it reports, checked.

The layout is the public "Bankgiro Inbetalningar, Teknisk manual": fixed-width records of 80
characters in ISO 8859-1, each starting with its two-digit transaction code (TK):

- 01 start (layout name ``BGMAX``, version, timestamp, ``T`` test / ``P`` production),
- per deposit (avsnitt): 05 opening (receiving bankgiro, currency), then payments: 20 payment
  or 21 deduction, each followed by its 22/23 extra references, 25 information, 26 name,
  27 and 28 address, 29 organisation number; 15 deposit closes it (account, payment day,
  deposit serial, amount, number of payments),
- 70 end (the number of payment, deduction, extra-reference and deposit records).

Amounts are whole öre (never float). Every count and total the bank gives is checked
against the records: a file that does not add up, is cut short, or has a record we do not
know is refused whole with its line number, so nothing of a broken file is ever recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from secretariat_tui.domain.bank_lines import BankLine
from secretariat_tui.domain.text import text_problem

RECORD_WIDTH = 80
ENCODING = "latin-1"


class BgmaxError(ValueError):
    """The file cannot be read as BgMax; the Swedish message names the line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"Rad {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class BgmaxPayment:
    """One payment (TK20) or deduction (TK21) with the records that follow it."""

    line: int
    deduction: bool
    sender_bankgiro: str
    reference: str
    amount_ore: int
    reference_code: str
    channel: str
    serial: str
    """Bankgirot's own serial number of the payment (BGC-löpnummer)."""
    deduction_code: str = ""
    extra_references: tuple[str, ...] = ()
    information: tuple[str, ...] = ()
    name: str = ""
    address: str = ""
    postcode: str = ""
    town: str = ""
    country: str = ""
    org_number: str = ""


@dataclass(frozen=True)
class BgmaxDeposit:
    """One deposit: what came in to ``bankgiro`` on ``paid_on``, as the bank summed it."""

    bankgiro: str
    currency: str
    account: str
    paid_on: date
    serial: str
    amount_ore: int
    payments: tuple[BgmaxPayment, ...]


@dataclass(frozen=True)
class BgmaxFile:
    written: str
    """Bankgirot's timestamp of the file (``YYYYMMDDHHMMSSffffff``)."""
    test: bool
    deposits: tuple[BgmaxDeposit, ...]


def is_bgmax(data: bytes) -> bool:
    """Whether ``data`` starts as a BgMax file does (its start record)."""
    return data.lstrip(b"\xef\xbb\xbf").startswith(b"01BGMAX")


def read_bgmax(data: bytes) -> BgmaxFile:
    """The checked contents of a BgMax file, or BgmaxError naming the first faulty line."""
    # Split on line feeds alone: splitlines() would also split on Latin-1's 0x85 (NEL) and
    # other separators, turning a stray control byte into a bogus record on the next "line".
    return _Reader().read(data.decode(ENCODING).split("\n"))


@dataclass
class _Open:
    """A deposit being read: its opening record and the payments so far."""

    line: int
    bankgiro: str
    currency: str
    payments: list[BgmaxPayment] = field(default_factory=list)


_EXTRAS = frozenset({"22", "23", "25", "26", "27", "28", "29"})


class _Reader:
    def __init__(self) -> None:
        self.deposits: list[BgmaxDeposit] = []
        self.open: _Open | None = None
        self.counts = {"20": 0, "21": 0, "22": 0, "15": 0}

    def read(self, lines: list[str]) -> BgmaxFile:
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            raise BgmaxError(1, "Filen är tom.")
        first = _record(lines[0], 1)
        if first[:2] != "01" or first[2:22].strip() != "BGMAX":
            raise BgmaxError(1, "Filen börjar inte med BgMax-filens startpost (01BGMAX).")
        written, test = first[24:44], first[44]
        for number, text in enumerate(lines[1:], start=2):
            record = _record(text, number)
            code = record[:2]
            if code == "70":
                self._end(record, number, last=number == len(lines))
                return BgmaxFile(written, test == "T", tuple(self.deposits))
            self._record(code, record, number)
        raise BgmaxError(
            len(lines), "Filen tar slut utan slutpost (70): den är avklippt, läs in hela filen."
        )

    def _record(self, code: str, record: str, line: int) -> None:
        if code == "05":
            if self.open is not None:
                raise BgmaxError(line, "Ny öppningspost (05) innan insättningsposten (15).")
            self.open = _Open(line, _digits(record, 3, 12, line).lstrip("0"), record[22:25])
        elif code in ("20", "21"):
            self._section(line).payments.append(_payment(record, line))
            self.counts[code] += 1
        elif code in _EXTRAS:
            payments = self._section(line).payments
            if not payments:
                raise BgmaxError(line, f"Post {code} utan betalningspost (20 eller 21) före.")
            payments[-1] = _extra(payments[-1], code, record, line)
            if code in ("22", "23"):
                self.counts["22"] += 1
        elif code == "15":
            self._deposit(record, line)
        elif code == "01":
            raise BgmaxError(line, "En andra startpost (01): två filer i en?")
        else:
            raise BgmaxError(line, f"Okänd posttyp ”{code}” (transaktionskod).")

    def _section(self, line: int) -> _Open:
        if self.open is None:
            raise BgmaxError(line, "Betalning utanför en insättning: öppningspost (05) saknas.")
        return self.open

    def _deposit(self, record: str, line: int) -> None:
        section = self._section(line)
        paid_on = _day(_digits(record, 38, 45, line), line)
        amount = int(_digits(record, 51, 68, line))
        count = int(_digits(record, 72, 79, line))
        payments = section.payments
        total = sum(-p.amount_ore if p.deduction else p.amount_ore for p in payments)
        if count != len(payments):
            raise BgmaxError(
                line,
                f"Insättningen säger {count} betalningar men raderna {section.line}–{line} "
                f"har {len(payments)}.",
            )
        if amount != total:
            raise BgmaxError(
                line,
                f"Insättningens belopp {_kronor(amount)} stämmer inte med betalningarna "
                f"(summa {_kronor(total)}).",
            )
        self.deposits.append(
            BgmaxDeposit(
                bankgiro=section.bankgiro,
                currency=record[68:71],
                account=record[2:37].strip(),
                paid_on=paid_on,
                serial=record[45:50],
                amount_ore=amount,
                payments=tuple(payments),
            )
        )
        self.counts["15"] += 1
        self.open = None

    def _end(self, record: str, line: int, *, last: bool) -> None:
        if self.open is not None:
            raise BgmaxError(
                line,
                f"Slutpost (70) innan insättningen från rad {self.open.line} har sin "
                "insättningspost (15): filen är avklippt eller trasig.",
            )
        if not last:
            raise BgmaxError(line + 1, "Rader efter slutposten (70).")
        said = {
            "20": int(_digits(record, 3, 10, line)),
            "21": int(_digits(record, 11, 18, line)),
            "22": int(_digits(record, 19, 26, line)),
            "15": int(_digits(record, 27, 34, line)),
        }
        names = {"20": "betalningsposter", "21": "avdragsposter", "22": "extra referenser"}
        names["15"] = "insättningar"
        for code, count in said.items():
            if count != self.counts[code]:
                raise BgmaxError(
                    line,
                    f"Slutposten säger {count} {names[code]} men filen har {self.counts[code]}.",
                )


def _record(text: str, line: int) -> str:
    """The line as an 80-character record (trailing blanks may have been trimmed away)."""
    text = text.removeprefix("\ufeff").rstrip("\r")
    if len(text) > RECORD_WIDTH:
        raise BgmaxError(line, f"Raden är {len(text)} tecken; en BgMax-post är högst 80.")
    if len(text) < 2:
        raise BgmaxError(line, "Tom eller för kort rad: ingen transaktionskod.")
    problem = text_problem(text)
    if problem:
        raise BgmaxError(line, f"{problem} Filen är trasig eller ingen BgMax-fil.")
    return text.ljust(RECORD_WIDTH)


def _digits(record: str, first: int, last: int, line: int) -> str:
    """The field at positions ``first``–``last`` (1-based, as the manual counts), all digits."""
    value = record[first - 1 : last]
    if not (value.isascii() and value.isdigit()):
        raise BgmaxError(line, f"Position {first}–{last} ska vara siffror men är ”{value}”.")
    return value


def _day(text: str, line: int) -> date:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise BgmaxError(line, f"”{text}” är inget datum (ÅÅÅÅMMDD).") from None


def _kronor(ore: int) -> str:
    sign = "-" if ore < 0 else ""
    return f"{sign}{abs(ore) // 100},{abs(ore) % 100:02d} kr"


def _payment(record: str, line: int) -> BgmaxPayment:
    deduction = record[:2] == "21"
    return BgmaxPayment(
        line=line,
        deduction=deduction,
        sender_bankgiro=_digits(record, 3, 12, line).lstrip("0"),
        reference=record[12:37].strip(),
        amount_ore=int(_digits(record, 38, 55, line)),
        reference_code=_digits(record, 56, 56, line),
        channel=_digits(record, 57, 57, line),
        serial=record[57:69].strip(),
        deduction_code=record[70] if deduction else "",
    )


def _extra(payment: BgmaxPayment, code: str, record: str, line: int) -> BgmaxPayment:
    """``payment`` with what record ``code`` adds to it."""
    if code in ("22", "23"):
        _digits(record, 38, 55, line)  # an amount, checked even though the deposit omits it
        return replace(payment, extra_references=(*payment.extra_references, record[12:37].strip()))
    if code == "25":
        return replace(payment, information=(*payment.information, record[2:52].strip()))
    if code == "26":
        name = " ".join(part for part in (record[2:37].strip(), record[37:72].strip()) if part)
        return replace(payment, name=name)
    if code == "27":
        return replace(payment, address=record[2:37].strip(), postcode=record[37:46].strip())
    if code == "28":
        return replace(payment, town=record[2:37].strip(), country=record[37:72].strip())
    return replace(payment, org_number=_digits(record, 3, 14, line))


def bgmax_lines(found: BgmaxFile) -> list[BankLine]:
    """Each payment and deduction as a bank line, known by receiving bankgiro, deposit day
    and Bankgirot's serial number (the reference and amount when a serial is missing), so
    the same file read twice gives the same identities."""
    lines = []
    for deposit in found.deposits:
        for payment in deposit.payments:
            serial = payment.serial or f"{payment.reference}/{payment.amount_ore}"
            identity = f"bgmax:{deposit.bankgiro}:{deposit.paid_on.isoformat()}:{serial}"
            sign = -1 if payment.deduction else 1
            words = (*payment.information, *payment.extra_references)
            lines.append(
                BankLine(
                    identity=identity,
                    line=payment.line,
                    paid_on=deposit.paid_on,
                    amount=Decimal(sign * payment.amount_ore).scaleb(-2),
                    reference=payment.reference,
                    message=" ".join(w for w in words if w),
                    payer=payment.name,
                    org_number=org_number_of(payment.org_number),
                )
            )
    return lines


def org_number_of(digits: str) -> str:
    """TK29's twelve digits (``005562736032``) as ``556273-6032``; "" when absent or not one."""
    ten = digits.strip()[-10:]
    return f"{ten[:6]}-{ten[6:]}" if len(ten) == 10 and ten.strip("0") else ""
