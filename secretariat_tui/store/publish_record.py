"""What was published to each CalDAV calendar: per calendar URL, UID → digest, ETag, name.

Kept per user, beside the user's settings (``config.user_config_path``), not in the register
file, because it describes a calendar server's state as this user's account last left it:
the URL and the account are this user's settings, a publish must work on a register opened
read-only or a demo copy, and writing the register (lock, backup, check stamp) for a network
call's bookkeeping would make every publish look like a change of the register. The cost: two
coordinators publishing to the same calendar each know only their own publishes, so an event
the other published and later removed stays until that one publishes again.

A file that cannot be read or holds something else counts as empty: the next publish then
creates (which replaces, the names being stable) rather than failing. Written atomically,
owner-only, like the settings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from secretariat_tui.config import user_config_path
from secretariat_tui.domain.calendar_publish import Published
from secretariat_tui.store.atomic import atomic_write_bytes
from secretariat_tui.store.user_config import OWNER_ONLY_FOLDER

RECORD_FILENAME = "publicerad-kalender.json"
Record = dict[str, Published]


def record_path() -> Path:
    return user_config_path().parent / RECORD_FILENAME


def load_record(url: str, path: Path | None = None) -> Record:
    """What was published to the calendar at ``url`` (empty when nothing, or unreadable)."""
    calendars = _read(path or record_path())
    events = calendars.get(url)
    if not isinstance(events, dict):
        return {}
    return {
        uid: Published(
            digest=entry["digest"],
            etag=_text(entry.get("etag")),
            href=_text(entry.get("href")),
            label=_text(entry.get("label")),
        )
        for uid, entry in events.items()
        if isinstance(entry, dict) and isinstance(entry.get("digest"), str)
    }


def save_record(url: str, record: Mapping[str, Published], path: Path | None = None) -> None:
    """Replace the record of ``url`` (the other calendars' stay); OSError when it cannot."""
    target = path or record_path()
    calendars = _read(target)
    calendars[url] = {
        uid: {"digest": p.digest, "etag": p.etag, "href": p.href, "label": p.label}
        for uid, p in sorted(record.items())
    }
    target.parent.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
    text = json.dumps(calendars, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(target, text.encode("utf-8"))


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
