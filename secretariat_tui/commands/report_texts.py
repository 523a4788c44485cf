"""`secretariat report text|texts|status`: the annual report's written texts, year by year.

The texts are the report's sections no register holds (``domain.report_outline``); a year
without its own text shows last year's, marked as not updated, until it is saved for the
year. A text is written from a file (``--from-file``, ``-`` for standard in) or in the user's
editor (``--edit``: ``$VISUAL``, else ``$EDITOR``, on a temporary file only the user can
read); ``--keep`` makes a carried-over text the year's own unchanged. One line per paragraph;
a line starting with ``- `` is a bullet, ``1. `` a numbered item, as in the draft.

The editor runs with the database closed, so the TUI can keep the file meanwhile; the save
after it is refused if the year's text was changed elsewhere during the edit (the edited
text is kept in a file of its own and named, so nothing written is lost).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from secretariat_tui.commands.common import CliContext
from secretariat_tui.commands.field_options import YEAR
from secretariat_tui.domain.report_outline import WRITTEN_SECTIONS, ReportSection, written_section
from secretariat_tui.domain.report_texts import ReportText, state_label, written_text
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.report_texts import ReportTextRepository
from secretariat_tui.user_editor import EditorError, decoded, edit_text

STDIN = "-"
SECTION_HELP = "Textdelen: " + ", ".join(s.key for s in WRITTEN_SECTIONS) + "."


@click.group("report")
def report() -> None:
    """Verksamhetsberättelsens texter: skriv dem, visa dem och se vilka som återstår."""


def _section(key: str) -> ReportSection:
    try:
        return written_section(key)
    except ValueError as err:
        raise click.ClickException(str(err)) from None


def _title(section: ReportSection, text: ReportText | None) -> str:
    heading = text.heading if text is not None and text.heading else section.heading
    return f"{section.key}: {heading or '(ingen rubrik, inledningen)'}"


@report.command("text")
@click.option("--year", type=YEAR, required=True, help="Verksamhetsåret.")
@click.option("--section", "key", required=True, metavar="DEL", help=SECTION_HELP)
@click.option(
    "--from-file",
    "source",
    type=click.Path(dir_okay=False, allow_dash=True),  # a path: never a text check
    metavar="FIL",
    help="Spara texten i FIL (UTF-8; - för standard in). En tom fil tar bort årets text.",
)
@click.option("--edit", is_flag=True, help="Skriv texten i $VISUAL eller $EDITOR och spara den.")
@click.option("--keep", is_flag=True, help="Gör förra årets text till årets, oförändrad.")
@click.option("--heading", default=None, help="Årets egen rubrik för delen (tom: dispositionens).")
@click.pass_obj
def text_command(
    obj: CliContext,
    year: int,
    key: str,
    source: str | None,
    edit: bool,
    keep: bool,
    heading: str | None,
) -> None:
    """Visa en textdel för ett år, eller spara den (--from-file, --edit, --keep, --heading)."""
    section = _section(key)
    if (source is not None) + edit + keep > 1:
        raise click.UsageError("Välj en av --from-file, --edit och --keep.")
    with obj.reading() as db:
        current = ReportTextRepository(db).for_year(year).get(key)
    if source is None and not edit and not keep and heading is None:
        _show(section, current, year)
        return
    kept_heading = current.heading if current is not None else ""
    new_heading = kept_heading if heading is None else heading
    body: str | None
    if source is not None:
        body = _read_source(source)
    elif edit:
        body = _edited(section, current, year)
        if body is None:
            click.echo("Texten är oförändrad; inget sparades.")
            return
    elif current is None:
        raise click.ClickException(
            f"{key} {year} har ingen text att behålla; skriv den med --from-file eller --edit."
        )
    else:
        body = current.text
    _save(obj, current, year, key, body, new_heading, keep_on_conflict=edit)


def _show(section: ReportSection, text: ReportText | None, year: int) -> None:
    """The text on standard out (so it can be saved back); its state on standard error."""
    if text is None:
        click.echo(f"{section.key} {year}: tom. Här hör hemma: {section.hint}.", err=True)
        return
    if text.carried_from is not None or text.heading:
        click.echo(f"{_title(section, text)} ({state_label(text)})", err=True)
    click.echo(text.text)


def _read_source(source: str) -> str:
    """The file's text, or one Swedish line: unreadable, or not UTF-8 (a BOM is allowed)."""
    name = "standard in" if source == STDIN else source
    try:
        data = (
            sys.stdin.buffer.read() if source == STDIN else Path(source).expanduser().read_bytes()
        )
    except OSError as err:
        raise click.ClickException(
            f"Kunde inte läsa {name}: {os_reason(err)}. Inget sparades."
        ) from None
    return _decoded(data, name)


def _decoded(data: bytes, name: str) -> str:
    try:
        return decoded(data, name)
    except EditorError as err:
        raise click.ClickException(str(err)) from None


def _edited(section: ReportSection, current: ReportText | None, year: int) -> str | None:
    """What the user wrote in the editor (``user_editor``: an owner-only temporary file,
    removed afterwards), starting from the year's text or last year's; None when unchanged."""
    start = current.text + "\n" if current is not None else ""
    prefix = f"verksamhetstext-{year}-{section.key}-"
    try:
        return edit_text(start, prefix=prefix, environ=os.environ, instead="använd --from-file")
    except EditorError as err:
        raise click.ClickException(str(err)) from None


def _save(
    obj: CliContext,
    before: ReportText | None,
    year: int,
    key: str,
    body: str,
    heading: str,
    *,
    keep_on_conflict: bool = False,
) -> None:
    try:
        text = written_text(year, key, body, heading)
    except ValueError as err:
        raise click.ClickException(f"{key}: {err} Inget sparades.") from None
    with obj.database(create=False) as db:
        texts = ReportTextRepository(db)
        if texts.for_year(year).get(key) != before:
            kept = f" Din text finns kvar i {_kept(body, year, key)}." if keep_on_conflict else ""
            raise click.ClickException(
                f"{key} {year} ändrades någon annanstans medan du skrev; inget sparades.{kept}"
            )
        saved = texts.save(text)
        now = texts.for_year(year).get(key)
    if saved is None:
        click.echo(f"Ingen egen text för {key} {year} längre; delen är {state_label(now)}.")
    else:
        click.echo(f"Sparade {key} {year} ({state_label(now)}).")


def _kept(body: str, year: int, key: str) -> str:
    """The edited text in an owner-only file of its own, so a refused save loses nothing."""
    fd, name = tempfile.mkstemp(prefix=f"verksamhetstext-{year}-{key}-", suffix=".txt")
    with os.fdopen(fd, "wb") as handle:
        handle.write(body.encode("utf-8"))
    return name


@report.command("texts")
@click.option("--year", type=YEAR, required=True, help="Verksamhetsåret.")
@click.pass_obj
def texts_command(obj: CliContext, year: int) -> None:
    """Visa årets alla textdelar i berättelsens ordning, med om de är klara."""
    with obj.reading() as db:
        texts = ReportTextRepository(db).for_year(year)
    parts = []
    for section in WRITTEN_SECTIONS:
        text = texts.get(section.key)
        body = text.text if text is not None else f"[Att skriva: {section.hint}]"
        parts.append(f"== {_title(section, text)} ({state_label(text)}) ==\n{body}")
    click.echo("\n\n".join(parts))


@report.command("status")
@click.option("--year", type=YEAR, required=True, help="Verksamhetsåret.")
@click.pass_obj
def status_command(obj: CliContext, year: int) -> None:
    """Vilka textdelar som är klara, ej uppdaterade sedan förra året, eller tomma."""
    with obj.reading() as db:
        texts = ReportTextRepository(db).for_year(year)
    labels = {s.key: state_label(texts.get(s.key)) for s in WRITTEN_SECTIONS}
    key_width, label_width = max(map(len, labels)), max(map(len, labels.values()))
    for section in WRITTEN_SECTIONS:
        label = labels[section.key]
        heading = section.heading or "(inledningen)"
        click.echo(f"{section.key:<{key_width}}  {label:<{label_width}}  {heading}".rstrip())
    done = sum(1 for text in texts.values() if text.carried_from is None)
    click.echo(f"{done} av {len(WRITTEN_SECTIONS)} klara för {year}.")
