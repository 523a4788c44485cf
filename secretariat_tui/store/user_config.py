"""The user's own settings on this machine: the export folder, the Word template the report is
written on, and the export dialogs' last choices.

Not in the register file: a path belongs to one person on one machine (a register on a shared
drive, opened from two laptops, has two documents folders). A small JSON file in the user's
config folder (``config.user_config_path``), written like the database: atomically and
readable by the owner only, in a folder only the owner may enter, since the folder names
where personal data is saved. A file that cannot be read, or holds something else than this
module wrote, counts as the defaults rather than an error: losing the last choices costs a few
keys, refusing to start would cost the day.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from secretariat_tui.config import default_export_folder, user_config_path
from secretariat_tui.store.atomic import atomic_write_bytes
from secretariat_tui.store.errors import os_reason

OWNER_ONLY_FOLDER = 0o700


@dataclass(frozen=True)
class UserConfig:
    export_folder: Path = field(default_factory=default_export_folder)
    """Where a file name typed without a folder is saved."""
    report_template: Path | None = None
    """The Word file the annual report is written on (None: the one shipped with the program).
    A path like the folder: the association's template is a file on this machine, and the
    register file (JSON, perhaps on a shared drive) is no place for a Word document's bytes."""
    last_choices: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Per kind of export ("calendar", "report", "month"): the values last exported with."""

    def choices(self, kind: str) -> Mapping[str, str]:
        return self.last_choices.get(kind, {})


def load_user_config(path: Path | None = None) -> UserConfig:
    """The stored settings, the defaults for any missing, unreadable or malformed."""
    try:
        raw = json.loads((path or user_config_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UserConfig()
    if not isinstance(raw, dict):
        return UserConfig()
    folder, template = raw.get("export_folder"), raw.get("report_template")
    choices = {
        str(kind): {str(k): v for k, v in values.items() if isinstance(v, str)}
        for kind, values in _dict(raw.get("last_choices")).items()
        if isinstance(values, dict)
    }
    return UserConfig(
        export_folder=Path(folder)
        if isinstance(folder, str) and folder
        else default_export_folder(),
        report_template=Path(template) if isinstance(template, str) and template else None,
        last_choices=choices,
    )


def save_user_config(config: UserConfig, path: Path | None = None) -> None:
    """Atomically, 0600 in a 0700 folder; OSError when it cannot be written."""
    target = path or user_config_path()
    target.parent.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
    document = {
        "export_folder": str(config.export_folder),
        "last_choices": {kind: dict(values) for kind, values in config.last_choices.items()},
    }
    if config.report_template is not None:
        document["report_template"] = str(config.report_template)
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(target, text.encode("utf-8"))


def set_export_folder(folder: Path, path: Path | None = None) -> UserConfig:
    """Remember ``folder`` (made absolute: the next session may start elsewhere)."""
    config = replace(load_user_config(path), export_folder=folder.expanduser().absolute())
    save_user_config(config, path)
    return config


def set_report_template(template: Path | None, path: Path | None = None) -> UserConfig:
    """Remember the report's Word template (made absolute), or forget it with None."""
    chosen = None if template is None else template.expanduser().absolute()
    config = replace(load_user_config(path), report_template=chosen)
    save_user_config(config, path)
    return config


def read_template_file(template: Path) -> bytes:
    """The bytes of the Word file named as the report's template; ValueError in Swedish when
    the name is no ``.docx`` or the file cannot be read. (Whether the bytes are a Word
    document is for ``exports.report_docx.check_template`` to say.)"""
    shown = template.expanduser()
    if shown.suffix.casefold() != ".docx":
        raise ValueError(f"{template} är ingen Word-fil (.docx).")
    try:
        return shown.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{template} finns inte.") from None
    except IsADirectoryError:
        raise ValueError(f"{template} är en mapp, ingen Word-fil.") from None
    except OSError as err:
        raise ValueError(f"{template} kan inte läsas: {os_reason(err)}.") from None


def remember_choices(kind: str, values: Mapping[str, str], path: Path | None = None) -> None:
    """Remember what one kind of export was last made with."""
    config = load_user_config(path)
    choices = {**config.last_choices, kind: dict(values)}
    save_user_config(replace(config, last_choices=choices), path)


def _dict(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}
