"""`settings set name|org-number`: the association's details, read by their declared fields."""

from __future__ import annotations

import json
from pathlib import Path

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
