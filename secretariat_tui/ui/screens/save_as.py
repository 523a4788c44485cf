"""Save a text as a file: the one save-as dialog (format and file name) every preview uses,
and the check every save dialog makes before it writes (the database's own files refused, an
existing file replaced only after a yes)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_dir

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
