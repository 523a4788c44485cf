"""Errors the domain raises; messages are Swedish because they reach the user as they are."""

from __future__ import annotations


class FieldErrors(ValueError):
    """One or more fields failed their rules: ``{field name: Swedish message}``.

    Forms show each message next to its field; the CLI prints them as ``--field: message``.
    """

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.errors.items()))
