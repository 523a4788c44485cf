"""Server passwords (the CalDAV calendar, the SMTP server): from an environment variable,
else the system keyring.

Never from a file of ours: the settings hold the server and the user only. ``keyring`` is an
optional extra (``pip install secretariat-tui[keyring]``); a keyring that is not installed,
or installed without a backend (a server, a container), is one Swedish line, not a crash.
"""

from __future__ import annotations

import os

from secretariat_tui.domain.calendar_publish import PASSWORD_ENV_VAR
from secretariat_tui.publish.caldav_server import PublishError

KEYRING_SERVICE = "secretariat-tui"


class PasswordMissing(Exception):
    """No password could be found; ``str(err)`` says in Swedish how to give one."""


def keyring_name(url: str, user: str) -> str:
    """The keyring entry's user name: one password per server account."""
    from urllib.parse import urlsplit

    return f"{user}@{urlsplit(url).netloc}"


def stored_password(env_var: str, account: str, what: str) -> str:
    """The password from ``env_var``, else the keyring entry ``account``; PasswordMissing
    naming ``what`` ("kalendern", "e-postservern") and both ways to give one when neither has it.
    """
    if password := os.environ.get(env_var):
        return password
    how = f"sätt {env_var}, eller spara det i nyckelringen: keyring set {KEYRING_SERVICE} {account}"
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        raise PasswordMissing(
            f"Inget lösenord för {what}: {how} (nyckelringen kräver "
            "pip install 'secretariat-tui[keyring]')."
        ) from None
    try:
        stored = keyring.get_password(KEYRING_SERVICE, account)
    except (KeyringError, RuntimeError, OSError) as err:
        raise PasswordMissing(
            f"Nyckelringen kunde inte läsas ({type(err).__name__}); sätt {env_var} i stället."
        ) from None
    if not stored:
        raise PasswordMissing(f"Inget lösenord för {what}: {how}.")
    return stored


def caldav_password(url: str, user: str) -> str:
    """The password, or PublishError saying how to give one."""
    try:
        return stored_password(PASSWORD_ENV_VAR, keyring_name(url, user), "kalendern")
    except PasswordMissing as err:
        raise PublishError(str(err)) from None
