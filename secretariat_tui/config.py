"""Where the database lives: ``--db PATH``, else ``$SECRETARIAT_DB``, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from secretariat_tui import APP_NAME

ENV_VAR = "SECRETARIAT_DB"
DB_FILENAME = "secretariat.json"


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | os.PathLike[str] | None) -> Path:
    """The first of: the command-line path, the environment variable, the default."""
    chosen = cli_value or os.environ.get(ENV_VAR) or default_db_path()
    return Path(chosen).expanduser()
