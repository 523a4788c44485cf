"""One reader of the Word template for the command line and the TUI: the same reasons, each
beginning with the file, whichever front end names where the file came from."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from secretariat_tui.commands.report_template import report_template
from secretariat_tui.store.user_config import set_report_template
from secretariat_tui.ui.screens.export import users_word_template
from secretariat_tui.word_template import TemplateUnusable, checked_template, users_template

SHIPPED = Path(__file__).parents[1] / "secretariat_tui/exports/templates/verksamhetsberattelse.docx"


def test_a_good_template_is_read_and_a_bad_one_refused_naming_the_file(tmp_path: Path) -> None:
    assert checked_template(SHIPPED) == SHIPPED.read_bytes()
    text = tmp_path / "mall.txt"
    text.write_text("ingen mall")
    fake = tmp_path / "mall.docx"
    fake.write_bytes(b"inte en zip")
    for path, reason in (
        (tmp_path / "borta.docx", "finns inte"),
        (text, "är ingen Word-fil (.docx)"),
        (fake, ""),
    ):
        with pytest.raises(TemplateUnusable) as refused:
            checked_template(path)
        assert str(refused.value).startswith(str(path)) and reason in str(refused.value)


def test_no_setting_is_the_shipped_template_in_both_front_ends() -> None:
    assert users_template() is None
    assert users_word_template() is None
    assert report_template("docx", None) is None


def test_the_command_line_and_the_tui_give_the_same_reason(tmp_path: Path) -> None:
    missing = tmp_path / "borta.docx"
    set_report_template(missing)
    with pytest.raises(click.ClickException) as by_cli:
        report_template("docx", None)
    with pytest.raises(ValueError) as by_tui:
        users_word_template()
    reason = f"{missing} finns inte."
    setting = "report-template (inställningen; ändra med settings set report-template)"
    assert by_cli.value.message == f"{setting}: {reason} Inget skrevs."
    assert str(by_tui.value) == f"Word-mallen {reason}"
