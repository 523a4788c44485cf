"""The settings table: defaults for a file that never set one, one record, checked on open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secretariat_tui.domain.settings import Settings, parse_retention_years
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseUnreadable
from secretariat_tui.store.settings import SettingsRepository


def test_a_file_without_settings_has_the_defaults(db_path: Path) -> None:
    with open_database(db_path) as db:
        assert SettingsRepository(db).get() == Settings(retention_years=2)
    assert "settings" not in json.loads(db_path.read_bytes()), "reading writes nothing"


def test_saving_twice_keeps_one_record_with_the_last_value(db_path: Path) -> None:
    with open_database(db_path) as db:
        SettingsRepository(db).save(Settings(retention_years=5))
        SettingsRepository(db).save(Settings(retention_years=7))
    assert json.loads(db_path.read_bytes())["settings"] == {"1": {"retention_years": 7}}
    with open_database(db_path) as db:
        assert SettingsRepository(db).get().retention_years == 7


def test_a_stored_value_out_of_range_is_refused_when_the_file_opens(db_path: Path) -> None:
    with open_database(db_path):
        pass
    document = json.loads(db_path.read_bytes())
    document["settings"] = {"1": {"retention_years": 99}}
    db_path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DatabaseUnreadable, match="retention_years.*1–20"):
        open_database(db_path)


@pytest.mark.parametrize("text, years", [("1", 1), (" 20 ", 20), ("3 år", 3)])
def test_retention_years_accepts_whole_years_1_to_20(text: str, years: int) -> None:
    assert parse_retention_years(text) == years


@pytest.mark.parametrize("text", ["0", "21", "-1", "2.5", "två", ""])
def test_retention_years_refuses_anything_else_in_swedish(text: str) -> None:
    with pytest.raises(ValueError, match="helt antal år, 1–20"):
        parse_retention_years(text)


def test_every_association_detail_round_trips_and_defaults_are_not_written(
    db_path: Path,
) -> None:
    from secretariat_tui.domain.settings import SmtpSecurity

    full = Settings(
        name="Föreningen",
        address="Box 1, 111 11 Stockholm",
        bankgiro="5402-9681",
        terms_days=14,
        ocr_length_digit=False,
        smtp_host="smtp.example.se",
        smtp_port=2525,
        smtp_security=SmtpSecurity.NONE,
        smtp_user="kansli",
    )
    with open_database(db_path) as db:
        SettingsRepository(db).save(full)
    with open_database(db_path) as db:
        assert SettingsRepository(db).get() == full
    with open_database(db_path) as db:
        SettingsRepository(db).save(Settings(name="Föreningen"))
    stored = json.loads(db_path.read_bytes())["settings"]["1"]
    assert stored == {"retention_years": 2, "name": "Föreningen"}, "no default is written"


def test_no_password_is_a_setting() -> None:
    from dataclasses import fields

    assert not [f.name for f in fields(Settings) if "password" in f.name or "secret" in f.name]
