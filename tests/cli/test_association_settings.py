"""`settings set name|org-number`: the association's details, read by their declared fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secretariat_tui.store.database import open_database
from secretariat_tui.store.settings import SettingsRepository
from tests.cli.helpers import ok, refused


def _empty_file(db_path: Path) -> Path:
    with open_database(db_path):
        pass
    return db_path


def test_the_name_and_number_are_stored_beside_the_retention_and_shown(db_path: Path) -> None:
    _empty_file(db_path)
    ok(db_path, "settings", "set", "retention-years", "5")
    assert ok(db_path, "settings", "set", "name", " Plattformen ").startswith(
        "Sparade name: Plattformen"
    )
    assert ok(db_path, "settings", "set", "org-number", "8020000009").startswith(
        "Sparade org-number: 802000-0009"
    ), "ten digits without the hyphen are written NNNNNN-NNNN"
    assert json.loads(db_path.read_bytes())["settings"]["1"] == {
        "retention_years": 5,
        "name": "Plattformen",
        "org_number": "802000-0009",
    }
    shown = ok(db_path, "settings", "show").splitlines()
    assert shown[0].startswith("retention-years: 5 år")
    assert shown[1].startswith("name: Plattformen – ")
    assert shown[2].startswith("org-number: 802000-0009 – ")


def test_setting_the_retention_keeps_the_association_details(db_path: Path) -> None:
    _empty_file(db_path)
    ok(db_path, "settings", "set", "name", "Plattformen")
    ok(db_path, "settings", "set", "retention-years", "4")
    with open_database(db_path) as db:
        settings = SettingsRepository(db).get()
    assert (settings.name, settings.retention_years) == ("Plattformen", 4)


def test_a_wrong_check_digit_is_refused_with_the_expected_digit_and_nothing_stored(
    db_path: Path,
) -> None:
    before = _empty_file(db_path).read_bytes()
    line = refused(db_path, "settings", "set", "org-number", "802000-0001")
    assert "org-number: Kontrollsiffran stämmer inte" in line
    assert "ska den vara 9" in line
    assert db_path.read_bytes() == before


def test_an_empty_text_clears_a_detail_and_show_says_it_is_not_set(db_path: Path) -> None:
    _empty_file(db_path)
    ok(db_path, "settings", "set", "name", "Plattformen")
    ok(db_path, "settings", "set", "name", "")
    assert json.loads(db_path.read_bytes())["settings"]["1"] == {"retention_years": 2}
    assert "name: (inte satt)" in ok(db_path, "settings", "show")


def test_payment_and_mail_details_are_checked_normalised_stored_and_shown(db_path: Path) -> None:
    _empty_file(db_path)
    assert "bankgiro: 5402-9681" in ok(db_path, "settings", "set", "bankgiro", "54029681")
    assert "plusgiro: 410 54 68-5" in ok(db_path, "settings", "set", "plusgiro", "41054685")
    assert "swish: 123 456 78 90" in ok(db_path, "settings", "set", "swish", "1234567890")
    ok(db_path, "settings", "set", "address", "Box 1, 111 11 Stockholm")
    ok(db_path, "settings", "set", "terms-days", "20")
    ok(db_path, "settings", "set", "ocr-length-digit", "nej")
    ok(db_path, "settings", "set", "sender-email", "kansli@example.se")
    ok(db_path, "settings", "set", "smtp-host", "smtp.example.se")
    ok(db_path, "settings", "set", "smtp-port", "2525")
    ok(db_path, "settings", "set", "smtp-security", "ssl")
    ok(db_path, "settings", "set", "smtp-user", "kansli")
    with open_database(db_path) as db:
        settings = SettingsRepository(db).get()
    assert (settings.terms_days, settings.ocr_length_digit, settings.port) == (20, False, 2525)
    assert settings.smtp_security.value == "ssl" and settings.smtp_user == "kansli"
    shown = ok(db_path, "settings", "show")
    for line in ("terms-days: 20", "ocr-length-digit: nej", "smtp-security: ssl", "swish: 123"):
        assert line in shown
    assert "password" not in json.dumps(json.loads(db_path.read_bytes())["settings"])


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("bankgiro", "5402-9682", "Kontrollsiffran i bankgironumret stämmer inte"),
        ("bankgiro", "12345", "7 eller 8 siffror"),
        ("plusgiro", "410 54 68-6", "Kontrollsiffran i plusgironumret"),
        ("swish", "12345", "10 siffror"),
        ("terms-days", "0", "1–365"),
        ("smtp-port", "70000", "1–65535"),
        ("smtp-security", "tls", "starttls, ssl, none"),
        ("smtp-host", "https://smtp.example.se", "bara serverns namn"),
        ("sender-email", "kansliet", "ser inte rätt ut"),
        ("ocr-length-digit", "kanske", "ja eller nej"),
    ],
)
def test_a_bad_detail_is_refused_naming_it_and_nothing_is_stored(
    db_path: Path, name: str, value: str, words: str
) -> None:
    before = _empty_file(db_path).read_bytes()
    line = refused(db_path, "settings", "set", name, value)
    assert line.startswith(f"Error: {name}: ")
    assert words in line
    assert db_path.read_bytes() == before


def test_an_empty_port_and_terms_go_back_to_the_usual(db_path: Path) -> None:
    _empty_file(db_path)
    ok(db_path, "settings", "set", "smtp-port", "2525")
    ok(db_path, "settings", "set", "terms-days", "10")
    ok(db_path, "settings", "set", "smtp-port", "")
    ok(db_path, "settings", "set", "terms-days", "")
    with open_database(db_path) as db:
        settings = SettingsRepository(db).get()
    assert (settings.smtp_port, settings.port, settings.terms_days) == (None, 587, 30)
