"""A real CalDAV server for the publish tests: Radicale, on 127.0.0.1 and a free port, its
storage and htpasswd file in the test's temporary folder, authentication on.

Nothing in these tests speaks to any other address: the URLs are built here, discovery is
off in the client, and the proxy variables are cleared so 127.0.0.1 is reached directly.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
USER = "kansliet"
PASSWORD = "hemligt-lösen-1"
CALENDAR = "plattformsmoten"


@dataclass(frozen=True)
class Radicale:
    port: int
    folder: Path

    @property
    def root(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def calendar_url(self) -> str:
        return f"{self.root}{USER}/{CALENDAR}/"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _config(folder: Path, port: int) -> Path:
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    config = folder / "radicale.conf"
    config.write_text(
        "[server]\n"
        f"hosts = {HOST}:{port}\n"
        "[auth]\n"
        "type = htpasswd\n"
        f"htpasswd_filename = {users}\n"
        "htpasswd_encryption = plain\n"
        "delay = 0\n"
        "[rights]\n"
        "type = owner_only\n"
        "[storage]\n"
        f"filesystem_folder = {folder / 'collections'}\n"
        "[web]\n"
        "type = none\n"
        "[logging]\n"
        "level = warning\n",
        encoding="utf-8",
    )
    return config


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.2):
        return True
    return False


@contextlib.contextmanager
def running_radicale(folder: Path) -> Iterator[Radicale]:
    """Start Radicale, wait until it accepts connections (15 s at most), stop it after."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = _config(folder, port)
    log = (folder / "radicale.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 15
        while not _answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "Radicale did not start: " + (folder / "radicale.log").read_text()
                )
            time.sleep(0.05)
        yield Radicale(port, folder)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def make_calendar(server: Radicale) -> None:
    """MKCALENDAR through the caldav client, as the user (owner_only: their own collection)."""
    from caldav.davclient import DAVClient

    with DAVClient(
        url=server.root, username=USER, password=PASSWORD, enable_rfc6764=False
    ) as client:
        client.principal().make_calendar(name="Plattformsmöten", cal_id=CALENDAR)


def server_events(server: Radicale, calendar: str = CALENDAR) -> dict[str, dict[str, str]]:
    """UID → SUMMARY, DTSTART and ETag of every event on the server, read by the caldav client."""
    from caldav.davclient import DAVClient

    with DAVClient(
        url=server.root, username=USER, password=PASSWORD, enable_rfc6764=False
    ) as client:
        found = client.calendar(url=f"{server.root}{USER}/{calendar}/").events()
        events: dict[str, dict[str, str]] = {}
        for event in found:
            component = event.icalendar_component
            events[str(component["UID"])] = {
                "summary": str(component["SUMMARY"]),
                "start": component.decoded("DTSTART").isoformat(),
                "etag": str(event.props.get("{DAV:}getetag", "")) if event.props else "",
            }
        return events
