"""The report texts table: one record per year and section, saved whole, empty = removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secretariat_tui.domain.report_texts import ReportText, written_text
from secretariat_tui.store.check_stamp import stamp_path
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import DatabaseUnreadable
from secretariat_tui.store.report_texts import ReportTextRepository
from secretariat_tui.store.schema import SCHEMA_VERSION
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)


def stored(path: Path) -> list[dict[str, object]]:
    return list(json.loads(path.read_bytes()).get("report_texts", {}).values())


def test_a_saved_text_is_one_record_and_saving_again_replaces_it_whole(db_path: Path) -> None:
    with open_database(db_path) as db:
        texts = ReportTextRepository(db)
        texts.save(written_text(2024, "kampanj", "Första.", "Kampanj 215"))
        texts.save(written_text(2024, "kampanj", "Andra."))
    assert stored(db_path) == [
        {"year": 2024, "section": "kampanj", "text": "Andra.", "heading": ""}
    ]
    with open_database(db_path) as db:
        assert ReportTextRepository(db).for_year(2024) == {
            "kampanj": ReportText(2024, "kampanj", "Andra.")
        }


def test_a_later_year_reads_the_text_carried_over_without_writing_it(db_path: Path) -> None:
    with open_database(db_path) as db:
        ReportTextRepository(db).save(written_text(2024, "nsp", "NSP."))
    with open_database(db_path) as db:
        found = ReportTextRepository(db).for_year(2026)
    assert found == {"nsp": ReportText(2026, "nsp", "NSP.", carried_from=2024)}
    assert len(stored(db_path)) == 1


def test_saving_a_carried_text_makes_it_the_years_own(db_path: Path) -> None:
    with open_database(db_path) as db:
        texts = ReportTextRepository(db)
        texts.save(written_text(2024, "nsp", "NSP."))
        carried = texts.for_year(2025)["nsp"]
        assert texts.save(carried) == ReportText(2025, "nsp", "NSP.")
        assert texts.for_year(2025)["nsp"].carried_from is None
    assert len(stored(db_path)) == 2


def test_an_empty_text_removes_the_years_record_and_the_earlier_one_shows_again(
    db_path: Path,
) -> None:
    with open_database(db_path) as db:
        texts = ReportTextRepository(db)
        texts.save(written_text(2024, "tip", "2024."))
        texts.save(written_text(2025, "tip", "2025."))
        assert texts.save(written_text(2025, "tip", "  \n")) is None
        assert texts.for_year(2025)["tip"].carried_from == 2024
    assert stored(db_path) == [{"year": 2024, "section": "tip", "text": "2024.", "heading": ""}]


def test_a_file_from_before_the_report_texts_opens_with_none(tmp_path: Path) -> None:
    """The demo as the version before wrote it: no table, a stamp under other rules."""
    path = copy_of_demo(tmp_path)
    document = json.loads(path.read_bytes())
    del document["report_texts"]
    path.write_text(json.dumps(document), encoding="utf-8")
    stamp_path(path).write_text("older-rules 1 2 3\n", encoding="ascii")
    with open_database(path) as db:
        assert ReportTextRepository(db).all() == []
        assert ReportTextRepository(db).for_year(2024) == {}
        assert json.loads(path.read_bytes())["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_a_stored_text_for_an_unknown_section_is_refused_when_the_file_opens(
    db_path: Path,
) -> None:
    with open_database(db_path):
        pass
    document = json.loads(db_path.read_bytes())
    document["report_texts"] = {"1": {"year": 2024, "section": "styrelse", "text": "T"}}
    db_path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(DatabaseUnreadable, match="section"):
        open_database(db_path)
