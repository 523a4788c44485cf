"""`settings show|set` for caldav-url, caldav-user and publish-categories."""

from __future__ import annotations

from pathlib import Path

from secretariat_tui.domain.activities import Category
from secretariat_tui.store.user_config import load_user_config
from tests.cli.calendar_helpers import empty_database
from tests.cli.helpers import ok, refused

URL = "https://moln.example.se/remote.php/dav/calendars/anna/plattform"


def test_the_publishing_settings_are_set_and_shown(db_path: Path) -> None:
    empty_database(db_path)
    assert ok(db_path, "settings", "set", "caldav-url", URL).startswith(
        f"Sparade caldav-url: {URL}/ –"
    )
    ok(db_path, "settings", "set", "caldav-user", "anna")
    ok(db_path, "settings", "set", "publish-categories", "plattformsmöte, medlemsfika")
    config = load_user_config()
    assert (config.caldav_url, config.caldav_user) == (URL + "/", "anna")
    assert config.publish_categories == (Category.PLATFORM_MEETING, Category.MEMBER_COFFEE)
    shown = ok(db_path, "settings", "show")
    assert f"caldav-url: {URL}/ –" in shown
    assert "publish-categories: plattformsmöte, medlemsfika –" in shown


def test_a_bad_publishing_setting_is_refused_in_one_line(db_path: Path) -> None:
    empty_database(db_path)
    assert "ingen kalenderadress" in refused(db_path, "settings", "set", "caldav-url", "moln")
    line = refused(db_path, "settings", "set", "publish-categories", "fika")
    assert "Okänd kategori ”fika”" in line
    assert load_user_config().caldav_url == ""
