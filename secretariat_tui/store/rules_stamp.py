"""Which rules a file was checked under, told without loading them.

An open skips the check of every record when the file is the one the program last wrote or
checked under the same rules (``check_stamp``). The rules are the schemas of
``record_schema`` with the choices the domain declares, and the checks of ``record_check``; a
digest of the built schemas meant importing every register's domain at every start of every
command, a fifth of what ``secretariat members list`` may take (issue 18). So the rules are
named by the source of the modules they are made of: any change to one of them, even a
comment, voids every stamp, and the next open checks every record once more, which is all a
stamp saves. ``tests/store/test_rules_stamp.py`` holds ``RULE_SOURCES`` to what
``record_schema`` really imports.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from zlib import adler32, crc32

RULE_SOURCES = (
    "store/record_check.py",
    "store/record_schema.py",
    "domain/activities.py",
    "domain/board.py",
    "domain/collation.py",
    "domain/date_entry.py",
    "domain/dates.py",
    "domain/errors.py",
    "domain/local_time.py",
    "domain/mail_kind.py",
    "domain/members.py",
    "domain/report_outline.py",
    "domain/settings.py",
    "domain/submissions.py",
)
"""Relative to the package: every module whose code or declarations the record check uses."""


@cache
def rules_stamp() -> str | None:
    """A digest of the rules' sources, or None when they cannot be read (installed without
    sources): then no file counts as checked, and every open checks every record.

    Two 32-bit checksums, not a cryptographic hash: this tells a change of rules and guards
    against no adversary (whoever can write the stamp can write the file).
    """
    package = Path(__file__).resolve().parents[1]
    try:
        data = b"".join(
            name.encode() + b"\0" + (package / name).read_bytes() for name in RULE_SOURCES
        )
    except OSError:
        return None
    return f"{crc32(data):08x}{adler32(data):08x}"
