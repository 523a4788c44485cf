"""Paths, one place: the database (``--db PATH``, else ``$SECRETARIAT_DB``, else the user data
dir), the user's own settings file and the default export folder."""

from __future__ import annotations

import os
from pathlib import Path

from secretariat_tui import APP_NAME

ENV_VAR = "SECRETARIAT_DB"
DB_FILENAME = "secretariat.json"
CONFIG_ENV_VAR = "SECRETARIAT_CONFIG_DIR"
"""Where the user's own settings file lives instead of the user config dir (tests set it)."""
USER_CONFIG_FILENAME = "installningar.json"
EXPORT_FOLDER_NAME = "Kansliet"


def default_db_path() -> Path:
    from platformdirs import user_data_dir  # on use: most starts name the file (issue 18)

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """The first of: the command-line path, the environment variable, the default."""
    chosen = cli_value or os.environ.get(ENV_VAR) or default_db_path()
    return Path(chosen).expanduser()


def user_config_path() -> Path:
    """The user's own settings (per person and machine, so not in the register file)."""
    from platformdirs import user_config_dir

    folder = os.environ.get(CONFIG_ENV_VAR) or user_config_dir(APP_NAME, appauthor=False)
    return Path(folder).expanduser() / USER_CONFIG_FILENAME


def default_export_folder() -> Path:
    """``~/Dokument/Kansliet`` or the like: saved files land where the user looks for
    documents, never in the folder the program happened to be started from."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / EXPORT_FOLDER_NAME
