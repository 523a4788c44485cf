"""A text to read before it leaves the program (a reminder list, later reports): read it,
copy it to paste into an e-mail, or save it as a file in one of its formats."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_documents_dir
from rich.markup import escape
from textual import work
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Field, Listed, Text
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.output_files import (
    OutputExists,
    OutputRefused,
    ResolvedOutput,
    resolve_output,
    write_output_file,
)
from secretariat_tui.ui.clipboard import copy_outside, send_to_terminal
from secretariat_tui.ui.commands import Command, bindings
from secretariat_tui.ui.widgets.record_form import AskFirst, RecordForm


@dataclass(frozen=True)
class Rendering:
    """One way to save the text: a label for the choice, the file ending and its bytes."""

    label: str
    suffix: str
    content: Callable[[], bytes]


def _file_name(text: str) -> str:
    if not text.strip():
        raise ValueError("Skriv ett filnamn.")
    return text.strip()


PATH_FIELD = Field("path", "Fil", Text(_file_name), required=True)
"""Where a save dialog writes: every dialog that writes a file asks for it the same way."""
SAVE_AS_FIELDS = (Field("format", "Format", Listed("format")), PATH_FIELD)


def default_folder() -> Path:
    """The user's documents folder when it exists, else the current folder."""
    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.cwd()


def replace_question(path: Path) -> str:
    return f"Filen {path} finns redan. Ersätt den?"


def save_target(text: str, protected: Path, answered_yes: Collection[str]) -> ResolvedOutput:
    """The file a save dialog may write, for the path typed in its ``path`` field.

    The database's own files, folders and missing folders are the field's error; an
    existing file is replaced only after a yes to ``replace_question`` (``AskFirst``).
    """
    path = Path(text.strip()).expanduser()
    if not text.strip():
        raise FieldErrors({"path": "Skriv ett filnamn."})
    question = replace_question(path)
    try:
        return resolve_output(path, protected, replace=question in answered_yes)
    except OutputExists:
        raise AskFirst(question, yes="Ersätt") from None
    except OutputRefused as err:
        raise FieldErrors({"path": str(err)}) from None


class SaveAsForm(RecordForm[Path]):
    def __init__(self, stem: str, renderings: Sequence[Rendering], *, protected: Path) -> None:
        self._renderings = {r.suffix: r for r in renderings}
        self._protected = protected
        first = renderings[0]
        super().__init__(
            "Spara som fil",
            {"format": first.suffix, "path": str(default_folder() / f"{stem}{first.suffix}")},
            "Filen blir läsbar bara för dig (den innehåller kontaktuppgifter). "
            "Finns filen redan får du frågan om den ska ersättas.",
        )

    def form_fields(self) -> Sequence[Field]:
        return SAVE_AS_FIELDS

    def options_for(self, field: Field) -> tuple[tuple[str, str], ...]:
        return tuple((r.label, r.suffix) for r in self._renderings.values())

    def on_select_changed(self) -> None:
        """Keep the file ending in step with the chosen format."""
        chosen = str(self.field("format").value)
        path_input = self.field("path")
        current = Path(path_input.value)
        if current.suffix in self._renderings and current.suffix != chosen:
            path_input.value = str(current.with_suffix(chosen))

    def build(self, values: dict[str, str]) -> Path:
        """Writes the file (the form closes only when it is written); the path as typed."""
        target = save_target(values["path"], self._protected, self.answered_yes)
        rendering = self._renderings[values["format"]]
        path = Path(values["path"].strip()).expanduser()
        try:
            write_output_file(target, rendering.content())
        except OSError as err:
            raise FieldErrors({"path": f"Kunde inte skriva {path}: {os_reason(err)}."}) from err
        return path


class TextPreviewScreen(ModalScreen[None]):
    BINDINGS = bindings(
        Command("s", "save", "Spara som", "Spara som fil", id="save"),
        Command("c", "copy", "Kopiera", "Kopiera texten (för e-post)", id="copy"),
        Command("escape,q", "close", "Stäng", "Stäng", id="close"),
    )

    def __init__(
        self,
        title: str,
        text: str,
        stem: str,
        renderings: Sequence[Rendering],
        *,
        protected: Path,
        copy: str | None = None,
        copied: str = "texten",
    ) -> None:
        """``copy``: what ``c`` copies when it is not the whole text shown (a Bcc line under
        which the members without an address are listed); ``copied`` names it in the message."""
        super().__init__()
        self._title, self._text, self._stem, self._renderings = title, text, stem, renderings
        self._protected = protected
        self._copy, self._copied = (text if copy is None else copy), copied

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog preview"):
            yield Static(self._title, classes="title", markup=False)
            with VerticalScroll():
                yield Static(self._text, id="preview-text", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_save(self) -> None:
        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Sparade {escape(str(path))}.")

        form = SaveAsForm(self._stem, self._renderings, protected=self._protected)
        self.app.push_screen(form, saved)

    def action_copy(self) -> None:
        terminal = send_to_terminal(self.app, self._copy, os.environ)
        self._copy_outside(self.app, self._copy, terminal)

    @work(thread=True, exclusive=True, group="copy")
    def _copy_outside(self, app: App[Any], text: str, terminal: bool) -> None:
        """The clipboard programs may take up to their timeout: not on the app's own loop.
        The message goes to the app, which outlives this dialog."""
        copied = copy_outside(text, os.environ, terminal=terminal)
        severity: SeverityLevel = "information" if copied.confirmed else "warning"
        with suppress(RuntimeError):  # the app closed while the program ran: nobody to tell
            app.call_from_thread(
                app.notify, copied.message(self._copied), severity=severity, timeout=8
            )

    def action_close(self) -> None:
        self.dismiss(None)
