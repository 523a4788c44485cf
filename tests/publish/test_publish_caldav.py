"""`calendar publish` against a real Radicale server on 127.0.0.1: what reaches the calendar
after a publish, a change, a move, a deletion and a category change; a second publish sends
nothing; other people's events are never touched; every failure is one Swedish line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result

from secretariat_tui.domain.calendar_publish import PASSWORD_ENV_VAR
from secretariat_tui.publish import caldav_server
from secretariat_tui.publish.caldav_server import CalendarServer, PublishError
from secretariat_tui.store.publish_record import load_record, record_path
from secretariat_tui.store.user_config import load_user_config
from tests.cli.calendar_helpers import empty_database, stored_activities
from tests.cli.helpers import ok, run
from tests.publish.radicale_server import (
    HOST,
    PASSWORD,
    USER,
    Radicale,
    free_port,
    server_events,
)

MAY = "Plattformsmöte maj"
SEPTEMBER = "Plattformsmöte september"


@pytest.fixture
def register(db_path: Path) -> Path:
    """Two platform meetings and a board meeting (not published by default)."""
    empty_database(db_path)
    for args in (
        ("--date", "2024-05-14", "--title", MAY, "--start", "18:00", "--end", "20:00"),
        ("--date", "2024-09-10", "--title", SEPTEMBER, "--category", "plattformsmöte"),
        ("--date", "2024-06-03", "--title", "Styrelsemöte juni", "--category", "styrelse"),
    ):
        category = () if "--category" in args else ("--category", "plattformsmöte")
        ok(db_path, "activities", "add", *args, *category)
    return db_path


@pytest.fixture
def requests_sent(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every request the publish makes, as ``METHOD url``."""
    from caldav.davclient import DAVClient

    sent: list[str] = []
    original = DAVClient.request

    def counted(self: DAVClient, url: str, method: str = "GET", *args: object, **kw: object):  # type: ignore[no-untyped-def]
        sent.append(f"{method} {url}")
        return original(self, url, method, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(DAVClient, "request", counted)
    yield sent


def publish(db_path: Path, server: Radicale, *extra: str) -> Result:
    return run(db_path, "calendar", "publish", "--url", server.calendar_url, "--user", USER, *extra)


def published(db_path: Path, server: Radicale, *extra: str) -> str:
    result = publish(db_path, server, *extra)
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


def failed(result: Result) -> str:
    """Exit 1 and one line on stderr; returns it."""
    assert result.exit_code == 1, (result.stdout, result.stderr, result.exception)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def activity_id(db_path: Path, title: str) -> str:
    return str(next(a.id for a in stored_activities(db_path) if a.title == title))


def titles(server: Radicale) -> set[str]:
    return {event["summary"] for event in server_events(server).values()}


def test_publish_puts_the_platform_meetings_on_the_calendar(
    register: Path, radicale: Radicale
) -> None:
    output = published(register, radicale)
    assert "2 nya, 0 ändrade, 0 tas bort, 0 oförändrade" in output
    assert f"ny: 2024-05-14 {MAY}" in output
    events = server_events(radicale)
    assert {e["summary"] for e in events.values()} == {MAY, SEPTEMBER}
    may = next(e for e in events.values() if e["summary"] == MAY)
    assert may["start"] == "2024-05-14T16:00:00+00:00"  # 18:00 in Stockholm, summer time
    assert all(uid.endswith("@secretariat-tui") for uid in events)
    assert "Kalendern är publicerad: 2 nya, 0 ändrade, 0 borttagna." in output


def test_a_second_publish_with_no_change_sends_nothing(
    register: Path, radicale: Radicale, requests_sent: list[str]
) -> None:
    published(register, radicale)
    before = server_events(radicale)
    requests_sent.clear()
    output = published(register, radicale)
    assert "Inget att ändra i kalendern (2 händelser som förut)." in output
    assert "inget skickades" in output
    assert [r.split()[0] for r in requests_sent] == ["PROPFIND"]  # the calendar is checked
    assert server_events(radicale) == before  # the same ETags: nothing was written


def test_a_changed_title_a_moved_and_a_deleted_meeting_reach_the_calendar(
    register: Path, radicale: Radicale, requests_sent: list[str]
) -> None:
    published(register, radicale)
    uids = {e["summary"]: uid for uid, e in server_events(radicale).items()}
    ok(
        register,
        "activities",
        "edit",
        activity_id(register, MAY),
        "--title",
        "Plattformsmöte 14 maj",
    )
    ok(register, "activities", "edit", activity_id(register, SEPTEMBER), "--date", "2024-09-17")
    requests_sent.clear()
    output = published(register, radicale)
    assert "0 nya, 2 ändrade, 0 tas bort" in output
    assert sum(r.startswith("PUT ") for r in requests_sent) == 2
    events = server_events(radicale)
    assert events[uids[MAY]]["summary"] == "Plattformsmöte 14 maj"  # updated by UID, not added
    assert events[uids[SEPTEMBER]]["start"] == "2024-09-17"
    assert len(events) == 2

    ok(register, "activities", "delete", activity_id(register, SEPTEMBER), "--yes")
    output = published(register, radicale)
    assert f"tas bort: 2024-09-17 {SEPTEMBER}" in output
    assert set(server_events(radicale)) == {uids[MAY]}


def test_a_meeting_moved_out_of_the_categories_leaves_the_calendar_and_comes_back(
    register: Path, radicale: Radicale
) -> None:
    published(register, radicale)
    ok(register, "activities", "edit", activity_id(register, MAY), "--category", "möte")
    published(register, radicale)
    assert titles(radicale) == {SEPTEMBER}
    output = published(register, radicale, "--categories", "plattformsmöte, möte, styrelse")
    assert "2 nya, 0 ändrade, 0 tas bort, 1 oförändrad" in output
    assert titles(radicale) == {MAY, SEPTEMBER, "Styrelsemöte juni"}


def test_an_event_someone_else_put_on_the_calendar_is_never_touched(
    register: Path, radicale: Radicale
) -> None:
    foreign = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Någon annan//SV\r\nBEGIN:VEVENT\r\n"
        "UID:annans-handelse@example.org\r\nDTSTAMP:20240101T000000Z\r\n"
        "DTSTART:20240520T080000Z\r\nSUMMARY:Någon annans möte\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with CalendarServer(radicale.calendar_url, USER, PASSWORD) as calendar:
        calendar.put("annans.ics", foreign.encode("utf-8"))
    before = server_events(radicale)["annans-handelse@example.org"]
    published(register, radicale)
    ok(register, "activities", "delete", activity_id(register, MAY), "--yes")
    ok(register, "activities", "delete", activity_id(register, SEPTEMBER), "--yes")
    published(register, radicale)
    assert server_events(radicale) == {"annans-handelse@example.org": before}


def test_dry_run_shows_the_plan_and_sends_nothing(
    register: Path, radicale: Radicale, requests_sent: list[str]
) -> None:
    output = published(register, radicale, "--dry-run")
    assert f"ny: 2024-05-14 {MAY}" in output and f"ny: 2024-09-10 {SEPTEMBER}" in output
    assert "Styrelsemöte" not in output
    assert requests_sent == []
    assert server_events(radicale) == {}
    assert not record_path().exists()


def test_url_and_user_are_remembered_and_the_password_never_stored(
    register: Path, radicale: Radicale
) -> None:
    published(register, radicale)
    config = load_user_config()
    assert (config.caldav_url, config.caldav_user) == (radicale.calendar_url, USER)
    again = run(register, "calendar", "publish")
    assert again.exit_code == 0, again.stderr
    assert "Kalendern var redan aktuell" in again.stdout
    for path in record_path().parent.iterdir():
        assert PASSWORD not in path.read_text(encoding="utf-8")


def test_without_url_it_says_how_to_give_one(register: Path) -> None:
    result = run(register, "calendar", "publish")
    assert result.exit_code == 2
    assert "ange --url ADRESS (sparas till nästa gång)" in result.stderr


def test_a_wrong_password_is_one_line_and_the_record_stays(
    register: Path, radicale: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    published(register, radicale)
    before = record_path().read_bytes()
    ok(register, "activities", "edit", activity_id(register, MAY), "--title", "Nytt namn")
    monkeypatch.setenv(PASSWORD_ENV_VAR, "fel-lösenord")
    line = failed(publish(register, radicale))
    assert f"fel användarnamn eller lösenord för {USER} (401)" in line
    assert record_path().read_bytes() == before
    assert titles(radicale) == {MAY, SEPTEMBER}


def test_no_server_on_the_port_is_one_line(register: Path, radicale: Radicale) -> None:
    url = f"http://{HOST}:{free_port()}/{USER}/plattformsmoten/"
    result = run(register, "calendar", "publish", "--url", url, "--user", USER)
    assert f"Kunde inte nå {HOST}:" in failed(result)
    assert load_record(url) == {}


def test_a_calendar_that_does_not_exist_is_one_line(register: Path, radicale: Radicale) -> None:
    url = f"{radicale.root}{USER}/finns-inte/"
    line = failed(run(register, "calendar", "publish", "--url", url, "--user", USER))
    assert f"Kalendern finns inte: {url} (servern svarade 404)" in line


def test_a_timeout_is_one_line(
    register: Path, radicale: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that accepts the connection and never answers."""
    import socket

    silent = socket.socket()
    silent.bind((HOST, 0))
    silent.listen(1)
    monkeypatch.setattr(caldav_server, "TIMEOUT_SECONDS", 1)
    url = f"http://{HOST}:{silent.getsockname()[1]}/{USER}/plattformsmoten/"
    try:
        line = failed(run(register, "calendar", "publish", "--url", url, "--user", USER))
    finally:
        silent.close()
    assert "svarade inte inom 1 sekunder" in line


def test_a_failure_half_way_keeps_what_went_through(
    register: Path, radicale: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second PUT fails: the first event is on the server and in the record; the next
    publish sends only the second."""
    original = CalendarServer.put
    calls: list[str] = []

    def second_fails(self: CalendarServer, name: str, data: bytes) -> str:
        calls.append(name)
        if len(calls) == 2:
            raise PublishError("servern gick ned")
        return original(self, name, data)

    monkeypatch.setattr(CalendarServer, "put", second_fails)
    line = failed(publish(register, radicale))
    assert "servern gick ned" in line and "(1 ny, 0 ändrade, 0 borttagna) är sparat" in line
    assert titles(radicale) == {MAY}
    assert len(load_record(radicale.calendar_url)) == 1
    monkeypatch.setattr(CalendarServer, "put", original)
    assert "1 ny, 0 ändrade, 0 tas bort, 1 oförändrad" in published(register, radicale)
    assert titles(radicale) == {MAY, SEPTEMBER}


def test_the_file_to_subscribe_to_has_the_calendars_uids(
    register: Path, radicale: Radicale, tmp_path: Path
) -> None:
    import icalendar

    folder = tmp_path / "webb"
    folder.mkdir()
    published(register, radicale)
    for _ in range(2):  # replaced, not refused, the second time
        assert "Skrev" in ok(register, "calendar", "publish", "--to", str(folder))
    parsed = icalendar.Calendar.from_ical((folder / "plattformsmoten.ics").read_bytes())
    uids = {str(e["UID"]) for e in parsed.walk("VEVENT")}
    assert uids == set(server_events(radicale))
    assert oct((folder / "plattformsmoten.ics").stat().st_mode & 0o777) == "0o600"


def test_a_tls_error_is_one_line(register: Path, radicale: Radicale) -> None:
    """https:// to a server that speaks plain HTTP: the TLS handshake fails."""
    url = f"https://{HOST}:{radicale.port}/{USER}/plattformsmoten/"
    line = failed(run(register, "calendar", "publish", "--url", url, "--user", USER))
    assert f"{HOST}:{radicale.port}: TLS-fel" in line
    assert load_record(url) == {}


def test_the_file_needs_an_existing_folder(register: Path, tmp_path: Path) -> None:
    result = run(register, "calendar", "publish", "--to", str(tmp_path / "saknas"))
    assert "finns inte" in failed(result)


def test_the_record_is_per_calendar(register: Path, radicale: Radicale) -> None:
    published(register, radicale)
    stored = json.loads(record_path().read_text(encoding="utf-8"))
    assert list(stored) == [radicale.calendar_url]
    assert all(entry["etag"] for entry in stored[radicale.calendar_url].values())
