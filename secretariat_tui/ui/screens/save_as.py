"""Save a text as a file: the save-as dialog every preview uses, and what every save dialog
shares: the export folder beside the file name, the check before writing (the database's own
files refused, an existing file replaced only after a yes) and the message once written.

The folder is a field of its own, filled from the user's settings: a name typed without a
folder lands there, and a folder changed in any dialog becomes the export folder of the next.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_dir
from textual.app import App

from secretariat_tui.domain.errors import FieldErrors
from secretariat_tui.domain.fields import Field, Listed, Text
from secretariat_tui.store.errors import os_reason
from secretariat_tui.store.output_files import (
    OutputExists,
    OutputRefused,
    ResolvedOutput,
    in_folder,
    resolve_output,
    write_output_file,
)
from secretariat_tui.store.user_config import load_user_config, set_export_folder
from secretariat_tui.ui.screens.file_message import tell_file
from secretariat_tui.ui.widgets.record_form import AskFirst, RecordForm


@dataclass(frozen=True)
class Rendering:
    """One way to save the text: a label for the choice, the file ending and its bytes."""

    label: str
    suffix: str
    content: Callable[[], bytes]


def _required(what: str) -> Callable[[str], str]:
    def rule(text: str) -> str:
        if not text.strip():
            raise ValueError(f"Skriv {what}.")
        return text.strip()

    return rule


FOLDER_FIELD = Field("folder", "Mapp", Text(_required("en mapp")), required=True)
PATH_FIELD = Field("path", "Fil", Text(_required("ett filnamn")), required=True)
"""Where a save dialog writes: every dialog that writes a file asks for them the same way."""
SAVE_AS_FIELDS = (Field("format", "Format", Listed("format")), FOLDER_FIELD, PATH_FIELD)


def default_folder() -> Path:
    """The user's documents folder when it exists, else the current folder."""
    documents = Path(user_documents_dir())
    return documents if documents.is_dir() else Path.cwd()


def export_folder() -> Path:
    """The folder a save dialog opens on: the user's export folder."""
    return load_user_config().export_folder


def replace_question(path: Path) -> str:
    return f"Filen {path} finns redan. Ersätt den?"


def typed_path(values: Mapping[str, str]) -> Path:
    """The file a dialog's ``folder`` and ``path`` fields name (a full path typed as the
    name wins over the folder)."""
    return in_folder(values["path"].strip(), Path(values["folder"].strip()))


def save_target(
    values: Mapping[str, str], protected: Path, answered_yes: Collection[str]
) -> ResolvedOutput:
    """The file a save dialog may write, for its ``folder`` and ``path`` fields.

    The database's own files, folders and missing folders are the field's error; an
    existing file is replaced only after a yes to ``replace_question`` (``AskFirst``).
    """
    if not values["path"].strip():
        raise FieldErrors({"path": "Skriv ett filnamn."})
    if not values["folder"].strip():
        raise FieldErrors({"folder": "Skriv en mapp."})
    question = replace_question(typed_path(values))
    folder = Path(values["folder"].strip())
    try:
        return resolve_output(
            values["path"].strip(), protected, replace=question in answered_yes, folder=folder
        )
    except OutputExists:
        raise AskFirst(question, yes="Ersätt") from None
    except OutputRefused as err:
        raise FieldErrors({"path": str(err)}) from None


def keep_folder(typed: str) -> str:
    """A folder changed in a dialog is the export folder from now on: the line that says so
    (or why it could not be kept), "" when the folder is the export folder already."""
    folder = in_folder(typed.strip()).absolute()
    if folder == export_folder().expanduser().absolute():
        return ""
    try:
        set_export_folder(folder)
    except OSError as err:
        return f"Mappen {folder} kunde inte sparas som exportmapp: {os_reason(err)}."
    return f"Exportmappen är nu {folder}."


def tell_written(app: App[object], what: str, path: Path, folder_note: str = "") -> None:
    """The message that stays until closed: what was written where (and a new export folder)."""
    tell_file(app, [f"Skrev {what} till {path}.", *([folder_note] if folder_note else [])])


class SaveAsForm(RecordForm[Path]):
    """Writes the file when saved, then says where; dismisses with the path written."""

    def __init__(
        self,
        stem: str,
        renderings: Sequence[Rendering],
        *,
        protected: Path,
        what: str = "texten",
    ) -> None:
        self._renderings = {r.suffix: r for r in renderings}
        self._protected, self._what = protected, what
        first = renderings[0]
        super().__init__(
            "Spara som fil",
            {"format": first.suffix, "folder": str(export_folder()), "path": stem + first.suffix},
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
        """Writes the file (the form closes only when it is written); the path written."""
        target = save_target(values, self._protected, self.answered_yes)
        rendering = self._renderings[values["format"]]
        path = typed_path(values)
        try:
            write_output_file(target, rendering.content())
        except OSError as err:
            raise FieldErrors({"path": f"Kunde inte skriva {path}: {os_reason(err)}."}) from err
        tell_written(self.app, self._what, path, keep_folder(values["folder"]))
        return path
