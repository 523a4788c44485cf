"""The register's own settings, stored in the file (so every session and command agrees).

How many years after a membership ended its personal data is kept before ``members
retention`` lists it for erasure: two years by default, long enough for a late question about
a past year's fee or annual meeting, short enough to keep no one for ever. And the
association's own details (name, organisation number, address, payment numbers, invoice
terms, the e-mail sender and its SMTP server), declared as fields in ``association_fields``:
a detail added there and here is in the form, ``settings set`` and the file at once.

No password is a setting: the file is copied, backed up and shared, so the SMTP password
comes from ``SECRETARIAT_SMTP_PASSWORD`` or the system keyring when mail is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

RETENTION_MIN = 1
RETENTION_MAX = 20
DEFAULT_RETENTION_YEARS = 2
DEFAULT_TERMS_DAYS = 30
TERMS_MAX = 365


class SmtpSecurity(StrEnum):
    """How the connection to the SMTP server is protected."""

    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"

    @property
    def label(self) -> str:
        return {
            "starttls": "STARTTLS (port 587)",
            "ssl": "SSL/TLS (port 465)",
            "none": "Ingen kryptering (port 25)",
        }[self.value]

    @property
    def default_port(self) -> int:
        return {"starttls": 587, "ssl": 465, "none": 25}[self.value]


@dataclass(frozen=True)
class Settings:
    retention_years: int = DEFAULT_RETENTION_YEARS
    """Years after the end of a membership before its personal data should be erased."""
    name: str = ""
    """The association's name ("" until set: the overview's first-run path asks for it)."""
    org_number: str = ""
    """The association's organisation number, ``NNNNNN-NNNN`` (checked), or ""."""
    address: str = ""
    """The association's postal address as printed on an invoice, lines split by commas."""
    bankgiro: str = ""
    """``NNNN-NNNN`` (checked), or ""; an invoice needs this or ``plusgiro``."""
    plusgiro: str = ""
    """``NN NN NN-N`` (checked), or ""."""
    swish: str = ""
    """Ten digits as ``123 456 78 90``, or ""."""
    terms_days: int = DEFAULT_TERMS_DAYS
    """Days from an invoice's date to its due date."""
    ocr_length_digit: bool = True
    """The OCR reference carries Bankgirot's length digit. On by default: a reference with it
    also passes a bank's check-digit-only control, not the other way round."""
    sender_email: str = ""
    """The From address of e-mailed invoices and reminders."""
    smtp_host: str = ""
    smtp_port: int | None = None
    """None: the usual port for ``smtp_security``."""
    smtp_security: SmtpSecurity = SmtpSecurity.STARTTLS
    smtp_user: str = ""
    """The login on the SMTP server; the password is never stored (see the module's docstring)."""

    @property
    def port(self) -> int:
        """The SMTP port to connect to: the one set, or the usual one for the security."""
        return self.smtp_port or self.smtp_security.default_port


def parse_retention_years(text: str) -> int:
    """``"3"`` → 3; anything but a whole number of years 1–20 is a ValueError in Swedish."""
    cleaned = text.strip().removesuffix("år").strip()
    if not cleaned.isdigit() or not RETENTION_MIN <= int(cleaned) <= RETENTION_MAX:
        raise ValueError(
            f"Lagringstiden måste vara ett helt antal år, {RETENTION_MIN}–{RETENTION_MAX}; "
            f"”{text.strip()}” går inte."
        )
    return int(cleaned)


def parse_terms_days(text: str) -> int:
    """``"30"`` → 30; a whole number of days 1–365, else a ValueError in Swedish."""
    cleaned = text.strip().removesuffix("dagar").strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or not 1 <= int(cleaned) <= TERMS_MAX:
        raise ValueError(
            f"Betalningsvillkoret är ett antal dagar, 1–{TERMS_MAX}; ”{text.strip()}” går inte."
        )
    return int(cleaned)


def parse_port(text: str) -> int:
    """A TCP port 1–65535, else a ValueError in Swedish."""
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or not 1 <= int(cleaned) <= 65535:
        raise ValueError(f"En port är ett tal 1–65535; ”{cleaned}” går inte.")
    return int(cleaned)


def parse_host(text: str) -> str:
    """A server's name or address: no spaces, no scheme (``smtp.example.se``)."""
    host = text.strip().lower()
    if "://" in host or any(c.isspace() for c in host) or "/" in host:
        raise ValueError(
            f"Skriv bara serverns namn, t.ex. smtp.example.se (inte ”{text.strip()}”)."
        )
    return host
