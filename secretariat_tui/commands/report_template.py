"""The Word template a report is written on: ``--template FIL.docx``, else the user's setting
(``settings set report-template``), else the one shipped with the program.

Read and checked before the database is opened, so a wrong template costs one line and no
work: a bad path, a name that is no ``.docx``, a file that cannot be read or that is no Word
document is refused with one Swedish line (exit 1), and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

import click

from secretariat_tui.word_template import (
    SETTING,
    TemplateUnusable,
    checked_template,
    users_template,
)

__all__ = ["SETTING", "report_template", "template_bytes"]

_FROM_SETTING = f"{SETTING} (inställningen; ändra med settings set {SETTING})"


def template_bytes(template: Path, origin: str, nothing: str = "Inget skrevs.") -> bytes:
    """The template's bytes, or a ClickException that begins with ``origin`` (the flag or
    the setting the path came from) and ends with ``nothing`` (what was not done)."""
    try:
        return checked_template(template)
    except TemplateUnusable as err:
        raise click.ClickException(f"{origin}: {err} {nothing}") from None


def report_template(fmt: str, given: Path | None) -> bytes | None:
    """The bytes to write a ``fmt`` report on (None: the shipped template, or no Word at all).

    ``--template`` with Markdown or text is refused rather than ignored: the user meant Word.
    """
    if given is not None and fmt != "docx":
        raise click.ClickException(
            f"--template gäller bara Word (--format docx), inte {fmt}; inget skrevs."
        )
    if fmt != "docx":
        return None
    if given is not None:
        return template_bytes(given, "--template")
    try:
        return users_template()
    except TemplateUnusable as err:
        raise click.ClickException(f"{_FROM_SETTING}: {err} Inget skrevs.") from None
