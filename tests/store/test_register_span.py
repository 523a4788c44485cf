"""The register's dated records, read as stored text: which years the demo covers."""

from __future__ import annotations

from pathlib import Path

from secretariat_tui.domain.register_span import YearSpan
from secretariat_tui.store.database import open_database
from secretariat_tui.store.register_span import covered_years, record_years
from tests.demo_copy import copy_of_demo, shipped_demo_untouched  # noqa: F401


def test_the_demo_covers_its_first_member_to_its_last_records(tmp_path: Path) -> None:
    with open_database(copy_of_demo(tmp_path), create=False) as db:
        years = record_years(db)
        assert min(years) == 2017, "the first member joined in 2017"
        assert max(years) == 2026
        assert covered_years(db, 2030) == YearSpan(2017, 2030)


def test_a_new_register_covers_this_year(tmp_path: Path) -> None:
    with open_database(tmp_path / "ny.json") as db:
        assert record_years(db) == set()
        assert covered_years(db, 2026) == YearSpan(2026, 2026)
