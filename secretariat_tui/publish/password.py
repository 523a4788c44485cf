"""The CalDAV password: from ``SECRETARIAT_CALDAV_PASSWORD``, else the system keyring.

Never from a file of ours: the settings hold the URL and the user only. ``keyring`` is an
optional extra (``pip install secretariat-tui[keyring]``); a keyring that is not installed,
or installed without a backend (a server, a container), is one Swedish line, not a crash.
"""

from __future__ import annotations

import os

from secretariat_tui.domain.calendar_publish import PASSWORD_ENV_VAR
from secretariat_tui.publish.caldav_server import PublishError

KEYRING_SERVICE = "secretariat-tui"


def keyring_name(url: str, user: str) -> str:
    """The keyring entry's user name: one password per server account."""
    from urllib.parse import urlsplit

    return f"{user}@{urlsplit(url).netloc}"


def caldav_password(url: str, user: str) -> str:
    """The password, or PublishError saying how to give one."""
    if password := os.environ.get(PASSWORD_ENV_VAR):
        return password
    how = (
        f"sätt {PASSWORD_ENV_VAR}, eller spara det i nyckelringen: "
        f"keyring set {KEYRING_SERVICE} {keyring_name(url, user)}"
    )
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        raise PublishError(
            f"Inget lösenord för kalendern: {how} (nyckelringen kräver "
            "pip install 'secretariat-tui[keyring]')."
        ) from None
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_name(url, user))
    except (KeyringError, RuntimeError, OSError) as err:
        raise PublishError(
            f"Nyckelringen kunde inte läsas ({type(err).__name__}); sätt {PASSWORD_ENV_VAR} i "
            "stället."
        ) from None
    if not stored:
        raise PublishError(f"Inget lösenord för kalendern: {how}.")
    return stored
