"""The plan, the record and the password, without a server."""

from __future__ import annotations

import sys
import types
from datetime import date
from pathlib import Path

import pytest

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.calendar_publish import (
    PASSWORD_ENV_VAR,
    OutgoingEvent,
    Published,
    calendar_url,
    event_digest,
    parse_categories,
    plan_publish,
    resource_name,
)
from secretariat_tui.publish.caldav_server import PublishError
from secretariat_tui.publish.password import caldav_password
from secretariat_tui.store.publish_record import load_record, record_path, save_record
from secretariat_tui.store.user_config import load_user_config, set_publishing

EVENT = (
    b"BEGIN:VEVENT\r\nUID:a@secretariat-tui\r\nDTSTAMP:20240101T000000Z\r\n"
    b"SUMMARY:M\r\nEND:VEVENT\r\n"
)


def event(uid: str, summary: str = "M") -> OutgoingEvent:
    data = EVENT.replace(b"a@secretariat-tui", uid.encode()).replace(
        b"SUMMARY:M", b"SUMMARY:" + summary.encode()
    )
    return OutgoingEvent(uid, summary, date(2024, 5, 14), data)


def test_the_digest_ignores_the_stamp_only() -> None:
    later = EVENT.replace(b"20240101T000000Z", b"20250101T120000Z")
    assert event_digest(later) == event_digest(EVENT)
    assert event_digest(EVENT.replace(b"SUMMARY:M", b"SUMMARY:N")) != event_digest(EVENT)


def test_the_plan_creates_updates_deletes_and_leaves_the_rest() -> None:
    same, changed, new = event("same"), event("changed", "Nytt"), event("new")
    record = {
        "same": Published(same.digest),
        "changed": Published(event("changed").digest),
        "gone": Published("x", label="2024-01-01 Borta"),
    }
    plan = plan_publish([same, changed, new], record)
    assert (plan.create, plan.update, plan.delete, plan.unchanged) == (
        (new,),
        (changed,),
        ("gone",),
        1,
    )
    assert plan.summary() == "1 ny, 1 ändrad, 1 tas bort, 1 oförändrad."
    assert plan.lines(record)[-1] == "tas bort: 2024-01-01 Borta"
    assert plan_publish([same], {"same": Published(same.digest)}).empty


def test_resource_names_are_stable_and_safe() -> None:
    assert resource_name("abc@secretariat-tui") == "abc@secretariat-tui.ics"
    odd = resource_name("040000008200E00074C5B7101A82E008/../x y")
    assert odd == resource_name("040000008200E00074C5B7101A82E008/../x y")
    assert "/" not in odd and " " not in odd and odd.endswith(".ics")


def test_categories_and_urls_are_checked_in_swedish() -> None:
    assert parse_categories("Plattformsmöte, medlemsfika") == (
        Category.PLATFORM_MEETING,
        Category.MEMBER_COFFEE,
    )
    with pytest.raises(ValueError, match="Okänd kategori ”fika”"):
        parse_categories("fika")
    assert calendar_url(" https://moln.example.se/remote.php/dav/calendars/a/b ").endswith("/b/")
    with pytest.raises(ValueError, match="ingen kalenderadress"):
        calendar_url("moln.example.se/kalender")
    with pytest.raises(ValueError, match="ange --user"):
        calendar_url("https://anna:hemligt@moln.example.se/kalender/")


def test_the_record_is_kept_per_calendar_and_survives_a_bad_file() -> None:
    save_record("https://a/", {"u": Published("d", '"e"', "u.ics", "2024-05-14 M")})
    save_record("https://b/", {})
    assert load_record("https://a/") == {"u": Published("d", '"e"', "u.ics", "2024-05-14 M")}
    record_path().write_text("[inte ett register", encoding="utf-8")
    assert load_record("https://a/") == {}


def test_the_publishing_settings_are_remembered_without_a_password() -> None:
    assert load_user_config().publish_categories == (Category.PLATFORM_MEETING,)
    set_publishing(url="https://a/", user="anna", categories=(Category.BOARD,))
    set_publishing(url="https://b/")
    config = load_user_config()
    assert (config.caldav_url, config.caldav_user, config.publish_categories) == (
        "https://b/",
        "anna",
        (Category.BOARD,),
    )


def test_the_password_comes_from_the_environment_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV_VAR, "lösen")
    monkeypatch.setitem(sys.modules, "keyring", None)
    assert caldav_password("https://a/", "anna") == "lösen"


def test_no_keyring_installed_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)
    monkeypatch.setitem(sys.modules, "keyring", None)
    with pytest.raises(
        PublishError, match=f"sätt {PASSWORD_ENV_VAR}.*secretariat-tui\\[keyring\\]"
    ):
        caldav_password("https://a/", "anna")


def fake_keyring(monkeypatch: pytest.MonkeyPatch, get_password: object) -> None:
    keyring = types.ModuleType("keyring")
    errors = types.ModuleType("keyring.errors")

    class KeyringError(Exception):
        pass

    class NoKeyringError(KeyringError, RuntimeError):
        pass

    errors.KeyringError = KeyringError  # type: ignore[attr-defined]
    errors.NoKeyringError = NoKeyringError  # type: ignore[attr-defined]
    keyring.errors = errors  # type: ignore[attr-defined]
    keyring.get_password = get_password(NoKeyringError)  # type: ignore[attr-defined,operator]
    monkeypatch.setitem(sys.modules, "keyring", keyring)
    monkeypatch.setitem(sys.modules, "keyring.errors", errors)
    monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)


def test_a_keyring_without_a_backend_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_backend(error: type[Exception]) -> object:
        def get(service: str, name: str) -> str:
            raise error("No recommended backend was available.")

        return get

    fake_keyring(monkeypatch, no_backend)
    with pytest.raises(PublishError, match="Nyckelringen kunde inte läsas \\(NoKeyringError\\)"):
        caldav_password("https://moln.example.se/k/", "anna")


def test_the_keyring_gives_the_password_per_account(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []

    def stored(error: type[Exception]) -> object:
        def get(service: str, name: str) -> str | None:
            asked.append((service, name))
            return "från-nyckelringen"

        return get

    fake_keyring(monkeypatch, stored)
    assert caldav_password("https://moln.example.se/k/", "anna") == "från-nyckelringen"
    assert asked == [("secretariat-tui", "anna@moln.example.se")]


def test_the_record_file_is_beside_the_settings(tmp_path: Path) -> None:
    from secretariat_tui.config import user_config_path

    assert record_path().parent == user_config_path().parent
