"""The user's own settings file: kept per user and machine, owner-only, and never a reason not
to start (an unreadable or foreign file counts as the defaults)."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from secretariat_tui import config
from secretariat_tui.store.user_config import (
    UserConfig,
    load_user_config,
    read_template_file,
    remember_choices,
    save_user_config,
    set_export_folder,
    set_report_template,
)


def test_the_tests_never_touch_the_real_settings_or_documents() -> None:
    """conftest points both at a folder of the test's own."""
    home = Path.home()
    assert home not in config.user_config_path().parents
    assert home not in config.default_export_folder().parents


def test_the_environment_variable_moves_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.CONFIG_ENV_VAR, str(tmp_path / "här"))
    assert config.user_config_path() == tmp_path / "här" / config.USER_CONFIG_FILENAME


def test_the_default_export_folder_is_kansliet_in_the_documents_folder() -> None:
    assert config.default_export_folder().name == "Kansliet"
    assert load_user_config() == UserConfig(export_folder=config.default_export_folder())


def test_a_folder_and_choices_survive_a_restart_owner_only(tmp_path: Path) -> None:
    set_export_folder(tmp_path / "ut")
    remember_choices("report", {"section": "board", "format": "md"})
    remember_choices("month", {"format": "txt"})
    loaded = load_user_config()
    assert loaded.export_folder == tmp_path / "ut"
    assert loaded.choices("report") == {"section": "board", "format": "md"}
    assert loaded.choices("month") == {"format": "txt"}
    assert loaded.choices("calendar") == {}
    path = config.user_config_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "text",
    ["", "{inte json", "[1, 2]", '{"export_folder": 7, "last_choices": "x"}', "\udcff"],
)
def test_an_unreadable_or_foreign_file_counts_as_the_defaults(text: str) -> None:
    path = config.user_config_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    assert load_user_config() == UserConfig()


def test_a_relative_folder_is_kept_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next session may start in another folder."""
    monkeypatch.chdir(tmp_path)
    assert set_export_folder(Path("rapporter")).export_folder == tmp_path / "rapporter"


def test_save_writes_what_load_reads(tmp_path: Path) -> None:
    wanted = UserConfig(export_folder=tmp_path, last_choices={"calendar": {"platform": "ja"}})
    save_user_config(wanted)
    assert load_user_config() == wanted


def test_the_report_template_is_kept_absolute_and_forgotten_with_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = tmp_path / "installningar.json"
    set_export_folder(tmp_path / "ut", settings)
    assert set_report_template(Path("mall.docx"), settings).report_template == (
        tmp_path / "mall.docx"
    )
    loaded = load_user_config(settings)
    assert loaded.report_template == tmp_path / "mall.docx"
    assert loaded.export_folder == tmp_path / "ut", "the folder is kept beside it"
    assert set_report_template(None, settings).report_template is None
    assert "report_template" not in json.loads(settings.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stored", ['""', "3", "null", '["mall.docx"]'])
def test_a_template_entry_of_another_kind_counts_as_none(tmp_path: Path, stored: str) -> None:
    settings = tmp_path / "installningar.json"
    settings.write_text(f'{{"report_template": {stored}}}', encoding="utf-8")
    assert load_user_config(settings).report_template is None


def test_a_template_file_is_read_or_refused_in_swedish(tmp_path: Path) -> None:
    template = tmp_path / "Mall.DOCX"
    template.write_bytes(b"PK bytes")
    assert read_template_file(template) == b"PK bytes"
    for path, says in [
        (tmp_path / "saknas.docx", "saknas.docx finns inte."),
        (tmp_path / "mall.dotx", "mall.dotx är ingen Word-fil (.docx)."),
        (tmp_path, "är ingen Word-fil"),
    ]:
        with pytest.raises(ValueError, match=re.escape(says)):
            read_template_file(path)
    folder = tmp_path / "mapp.docx"
    folder.mkdir()
    with pytest.raises(ValueError, match="mapp.docx är en mapp"):
        read_template_file(folder)
