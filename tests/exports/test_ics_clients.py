"""The ICS export imported by two real calendar clients, calcurse and khal.

Each client runs in a temporary home with its own data folder, configuration, time zone and
locale, so nothing depends on the developer's machine. A client that is not installed skips
its tests with the reason, unless ``REQUIRE_ICS_CLIENTS`` is set (CI sets it in ``.ci/run``):
then a missing client is a failure, so the check cannot quietly stop running.

Both listings are read into the same shape, ``(day, start, end, title)`` with "YYYY-MM-DD HH:MM"
times and empty times for an all-day item, and an item appears once for each day it covers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from secretariat_tui.domain.calendar import CalendarItem, calendar_items
from secretariat_tui.domain.date_entry import time_text
from secretariat_tui.exports.ics_calendar import IcsFilter, export_ics
from secretariat_tui.imports.ics_calendar import plan_ics_import
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)
from tests.exports.ics_samples import (
    LATER_STAMP,
    LONG_TITLE,
    NEXT_YEAR,
    ONE_DAY,
    OVER_DST_END,
    PLATFORM,
    SAMPLES,
    STAMP,
    SUMMER,
    WINTER,
)
from tests.imports.test_ics_edges import EDGES
from tests.imports.test_ics_round_trip import EDGE_ACTIVITIES

STOCKHOLM = "Europe/Stockholm"
TIMEOUT = 120

Listed = tuple[str, str, str, str]
"""(day it is listed on, start, end, title); start and end are empty for an all-day item."""

EXPECTED_IN_STOCKHOLM: list[Listed] = [
    ("2024-01-16", "2024-01-16 18:00", "2024-01-16 20:00", WINTER.title),
    ("2024-03-01", "", "", ONE_DAY.title),
    ("2024-05-23", "2024-05-23 13:00", "2024-05-23 16:00", PLATFORM.title),
    ("2024-06-18", "2024-06-18 18:00", "2024-06-18 18:00", SUMMER.title),
    ("2024-10-26", "2024-10-26 09:00", "2024-10-27 16:00", OVER_DST_END.title),
    ("2024-10-27", "2024-10-26 09:00", "2024-10-27 16:00", OVER_DST_END.title),
    ("2024-11-21", "", "", LONG_TITLE),
    ("2024-11-22", "", "", LONG_TITLE),
    ("2025-01-10", "", "", NEXT_YEAR.title),
]


def shown(client: Client, expected: list[Listed]) -> list[Listed]:
    """``expected`` as ``client`` shows it: an event without DTEND (written as ending at its
    start) is a point in calcurse and lasts khal's default hour, both placed at its start."""

    def end(start: str, stop: str) -> str:
        if not start or start != stop:
            return stop
        later = datetime.fromisoformat(start) + client.no_end_length
        return f"{later:%Y-%m-%d %H:%M}"

    return sorted((day, start, end(start, stop), title) for day, start, stop, title in expected)


def client_binary(name: str, *candidates: Path) -> Path:
    """The installed client, or a skip (a failure when REQUIRE_ICS_CLIENTS is set)."""
    found = next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)
    on_path = shutil.which(name)
    if found is None and on_path:
        found = Path(on_path)
    if found is None:
        reason = f"{name} is not installed, so the ICS export was not imported into it"
        if os.environ.get("REQUIRE_ICS_CLIENTS", "") not in ("", "0"):
            pytest.fail(f"{reason}; REQUIRE_ICS_CLIENTS is set, so this is a failure")
        pytest.skip(reason)
    return found


def clean_env(home: Path, zone: str) -> dict[str, str]:
    """No real home, config or locale leaks in: the client sees only the temporary folder."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "TZ": zone,
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "PYTHONUTF8": "1",
    }


def run(command: list[str | Path], env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"{command[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def parse_listing(output: str, day_prefix: str, day_suffix: str = "") -> list[Listed]:
    """Lines ``<prefix>YYYY-MM-DD<suffix>`` open a day; ``EV|start|end|all-day|title`` items."""
    listed: list[Listed] = []
    day = ""
    for line in output.splitlines():
        if line.startswith("EV|"):
            _, start, end, all_day, title = line.split("|", 4)
            listed.append((day, "", "", title) if all_day == "True" else (day, start, end, title))
        elif line.startswith(day_prefix) and line.endswith(day_suffix) and line.strip():
            day = line.removeprefix(day_prefix).removesuffix(day_suffix)
            date.fromisoformat(day)  # a heading that is not a day is a parse error
        else:
            assert not line.strip(), f"unexpected line in the listing: {line!r}"
    return sorted(listed)


@dataclass
class Calcurse:
    """``calcurse -D DIR -C DIR -i FILE`` into an empty data folder, then ``-Q`` to list.

    calcurse converts a UTC time to local wall-clock time (from ``TZ``) when it imports.
    """

    binary: Path
    home: Path
    zone: str = STOCKHOLM
    no_end_length = timedelta(0)

    def import_file(self, path: Path) -> str:
        folder = self.home / "calcurse"
        folder.mkdir(parents=True, exist_ok=True)
        report = run([self.binary, "-D", folder, "-C", folder, "-i", path], self.env)
        assert " 0 skipped" in report, report
        return report

    def listing(self, start: str = "2024-01-01", days: int = 800) -> list[Listed]:
        folder = self.home / "calcurse"
        timed = "EV|%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|False|%m\n"
        whole_day = "EV|||True|%m\n"
        output = run(
            [
                self.binary,
                *("-D", folder, "-C", folder),
                *("--input-datefmt", "4", "--output-datefmt", "%Y-%m-%d"),
                *("-Q", "--from", start, "--days", str(days)),
                f"--format-apt={timed}",
                f"--format-recur-apt={timed}",
                f"--format-event={whole_day}",
                f"--format-recur-event={whole_day}",
            ],
            self.env,
        )
        return parse_listing(output, "", ":")

    @property
    def env(self) -> dict[str, str]:
        return clean_env(self.home, self.zone)


@dataclass
class Khal:
    """``khal import --batch -a kansliet FILE`` into a vdir, then ``khal list``.

    The configuration names the zone as khal's default and local time zone.
    """

    binary: Path
    home: Path
    zone: str = STOCKHOLM
    no_end_length = timedelta(hours=1)

    @property
    def vdir(self) -> Path:
        return self.home / "vdir" / "kansliet"

    @property
    def config(self) -> Path:
        config = self.home / "khal.conf"
        if not config.exists():
            self.vdir.mkdir(parents=True)
            config.write_text(
                "[calendars]\n"
                "[[kansliet]]\n"
                f"path = {self.vdir}\n"
                "type = calendar\n"
                "[locale]\n"
                "timeformat = %H:%M\n"
                "dateformat = %Y-%m-%d\n"
                "longdateformat = %Y-%m-%d\n"
                "datetimeformat = %Y-%m-%d %H:%M\n"
                "longdatetimeformat = %Y-%m-%d %H:%M\n"
                f"default_timezone = {self.zone}\n"
                f"local_timezone = {self.zone}\n"
                "[default]\n"
                "default_calendar = kansliet\n"
                "[sqlite]\n"
                f"path = {self.home / 'khal.db'}\n",
                encoding="utf-8",
            )
        return config

    def import_file(self, path: Path) -> str:
        return run(
            [self.binary, "-c", self.config, "import", "--batch", "-a", "kansliet", path], self.env
        )

    def listing(self, start: str = "2024-01-01", end: str = "2026-03-01") -> list[Listed]:
        output = run(
            [
                self.binary,
                *("-c", self.config, "list"),
                *("--day-format", "DAY|{date}"),
                "--format",
                "EV|{start-date} {start-time}|{end-date} {end-time}|{all-day}|{title}",
                start,
                end,
            ],
            self.env,
        )
        return parse_listing(output, "DAY|")

    @property
    def env(self) -> dict[str, str]:
        return clean_env(self.home, self.zone)


Client = Calcurse | Khal
MakeClient = Callable[..., Client]


def make_calcurse(home: Path, zone: str = STOCKHOLM) -> Calcurse:
    return Calcurse(client_binary("calcurse", Path("/usr/bin/calcurse")), home, zone)


def make_khal(home: Path, zone: str = STOCKHOLM) -> Khal:
    return Khal(client_binary("khal", Path(sys.executable).parent / "khal"), home, zone)


@pytest.fixture(params=[make_calcurse, make_khal], ids=["calcurse", "khal"])
def make_client(request: pytest.FixtureRequest) -> MakeClient:
    maker: MakeClient = request.param
    return maker


def write(tmp_path: Path, data: bytes, name: str = "kansliet.ics") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_client_lists_each_event_at_its_stockholm_time_and_on_its_days(
    make_client: MakeClient, tmp_path: Path
) -> None:
    client = make_client(tmp_path / "home")
    client.import_file(write(tmp_path, export_ics(SAMPLES, stamp=STAMP).data))
    assert client.listing() == shown(client, EXPECTED_IN_STOCKHOLM)


def test_a_client_in_utc_shows_the_same_instants_an_hour_or_two_earlier(
    make_client: MakeClient, tmp_path: Path
) -> None:
    """A file of floating local times would show 18:00 here too: these are instants."""
    client = make_client(tmp_path / "home", "UTC")
    client.import_file(write(tmp_path, export_ics([WINTER, SUMMER, ONE_DAY], stamp=STAMP).data))
    assert client.listing() == shown(
        client,
        [
            ("2024-01-16", "2024-01-16 17:00", "2024-01-16 19:00", WINTER.title),
            ("2024-03-01", "", "", ONE_DAY.title),
            ("2024-06-18", "2024-06-18 16:00", "2024-06-18 16:00", SUMMER.title),
        ],
    )


def test_client_shows_the_demo_autumn_platform_meeting_at_13(
    make_client: MakeClient, tmp_path: Path
) -> None:
    with open_database(copy_of_demo(tmp_path)) as db:
        items = CalendarRepository(db).items()
    autumn = IcsFilter(start=date(2024, 9, 1), end=date(2024, 12, 31), platform_meetings_only=True)
    client = make_client(tmp_path / "home")
    client.import_file(write(tmp_path, export_ics(items, filter=autumn, stamp=STAMP).data))
    assert client.listing() == [
        ("2024-11-14", "2024-11-14 13:00", "2024-11-14 16:00", "Höstens plattformsmöte")
    ]


def test_calcurse_imports_every_event_and_skips_none(tmp_path: Path) -> None:
    calcurse = make_calcurse(tmp_path / "home")
    report = calcurse.import_file(write(tmp_path, export_ics(SAMPLES, stamp=STAMP).data))
    assert "4 apps / 3 events / 0 todos / 0 skipped" in report


def test_khal_reimport_of_a_later_export_updates_instead_of_duplicating(tmp_path: Path) -> None:
    khal = make_khal(tmp_path / "home")
    khal.import_file(write(tmp_path, export_ics(SAMPLES, stamp=STAMP).data, "first.ics"))
    khal.import_file(write(tmp_path, export_ics(SAMPLES, stamp=LATER_STAMP).data, "second.ics"))
    assert khal.listing() == shown(khal, EXPECTED_IN_STOCKHOLM)
    stored = sorted(khal.vdir.glob("*.ics"))
    assert len(stored) == 7, "one file per UID"
    assert all(b"DTSTAMP:20250304T100000Z" in path.read_bytes() for path in stored)


def test_a_missing_client_skips_but_fails_when_clients_are_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("REQUIRE_ICS_CLIENTS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        client_binary("calcurse-that-is-not-there", tmp_path / "nothing")
    monkeypatch.setenv("REQUIRE_ICS_CLIENTS", "1")
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_ICS_CLIENTS is set"):
        client_binary("calcurse-that-is-not-there", tmp_path / "nothing")


def edge_items() -> list[CalendarItem]:
    """Activities at both summer-time changes, as the register holds them."""
    chosen = {
        "Vårnatt, första giltiga tid",
        "Höstnatt, första 02:30",
        "Höstnatt, andra 02:30",
        "Över omställningen",
    }
    edges = [a for a in EDGE_ACTIVITIES if a.title in chosen]
    return calendar_items(replace(a, uid=f"edge-{n}", id=n) for n, a in enumerate(edges, 1))


def test_clients_show_the_times_at_both_changes_as_the_register_does(
    make_client: MakeClient, tmp_path: Path
) -> None:
    """The two 02:30 of the autumn night look alike on a Stockholm clock; in UTC they are an
    hour apart, and the end of the second pass lies after the start of the first."""
    data = export_ics(edge_items(), stamp=STAMP).data
    stockholm = make_client(tmp_path / "stockholm")
    stockholm.import_file(write(tmp_path, data))
    assert stockholm.listing("2025-01-01") == [
        ("2025-03-30", "2025-03-30 03:00", "2025-03-30 04:00", "Vårnatt, första giltiga tid"),
        ("2025-10-26", "2025-10-26 01:30", "2025-10-26 02:30", "Över omställningen"),
        ("2025-10-26", "2025-10-26 02:30", "2025-10-26 02:45", "Höstnatt, första 02:30"),
        ("2025-10-26", "2025-10-26 02:30", "2025-10-26 03:15", "Höstnatt, andra 02:30"),
    ]
    in_utc = make_client(tmp_path / "utc", "UTC")
    in_utc.import_file(write(tmp_path, data))
    assert in_utc.listing("2025-01-01") == [
        ("2025-03-30", "2025-03-30 01:00", "2025-03-30 02:00", "Vårnatt, första giltiga tid"),
        ("2025-10-25", "2025-10-25 23:30", "2025-10-26 01:30", "Över omställningen"),
        ("2025-10-26", "2025-10-25 23:30", "2025-10-26 01:30", "Över omställningen"),
        ("2025-10-26", "2025-10-26 00:30", "2025-10-26 00:45", "Höstnatt, första 02:30"),
        ("2025-10-26", "2025-10-26 01:30", "2025-10-26 02:15", "Höstnatt, andra 02:30"),
    ], "the second 02:30 is 01:30Z, not 00:30Z; two hours over the change, not one"


def registered(data: bytes) -> dict[str, tuple[str, str]]:
    """Each imported event's (start, end) as the register reads it: ``HH:MM``, and
    ``vintertid`` after a time of the repeated hour's second pass."""
    return {
        a.title: (time_text(a.starts_at), time_text(a.ends_at))
        for a in plan_ics_import(data, []).added
    }


def test_clients_and_the_register_read_the_edge_fixtures_alike(
    make_client: MakeClient, tmp_path: Path
) -> None:
    """A TZID time in the spring gap is 03:30 everywhere (RFC 5545 §3.3.5), and PT2H from
    01:30 on the autumn night ends at 02:30, the second pass (RFC 5545 §3.3.6).

    Not compared: the same file's ``P1D`` from 10:00 the day before, which both clients end
    at 09:00 (24 exact hours) where RFC 5545 §3.3.6 and the register make a day nominal
    (10:00); and a UTC event from the first 02:30 to the second 02:00, which calcurse,
    keeping wall-clock times, refuses as an end before its start."""
    spring = (EDGES / "spring_gap_tzid.ics").read_bytes()
    autumn = (EDGES / "autumn_duration.ics").read_bytes()
    client = make_client(tmp_path / "home")
    client.import_file(write(tmp_path, spring, "spring.ics"))
    client.import_file(write(tmp_path, autumn, "autumn.ics"))
    listed = {title: (start, end) for _, start, end, title in client.listing("2025-01-01")}
    night, hours = "Nattjour när klockan ställs fram", "Två timmar över omställningen"
    assert listed[night] == ("2025-03-30 03:30", "2025-03-30 04:00")
    assert registered(spring)[night] == ("03:30", "04:00")
    assert listed[hours] == ("2025-10-26 01:30", "2025-10-26 02:30")
    assert registered(autumn)[hours] == ("01:30", "02:30 vintertid")
