"""The results file is written with the figures of the run before beside the new ones, read
back from the file that run wrote, including one written before issue 18 renamed `open`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from benchmarks import run
from benchmarks.previous import read_previous
from benchmarks.run import Figure, Target

BEFORE_ISSUE_18 = """# Benchmarks (issue 7)

- Date: 2026-12-05 02:13, 3.2 minutes
- Machine: Linux, AMD EPYC, 2 CPUs
- Python 3.11.7; textual 8.2.8
- Code: commit e13305a, no uncommitted changes in the app

## Summary

- Targets that hold at every scale: `save`.

### 1× register (`register-1x.json`, 1.9 MB)

| figure | median | baseline | ratio | target | holds |
| --- | ---: | ---: | ---: | --- | --- |
| `open` | 53.2 ms | 15.5 ms | 3.43× | ≤ 1.5× | **no** |
| `key-register` | 20.0 ms | 65.5 ms | 0.31× | ≤ 50 ms | yes |

- `open`: Open the database. Runs: 53.9 ms.

### Growth from 1× to 3×

| figure | 1× | 3× | growth | growth of the best runs | holds |
| --- | ---: | ---: | ---: | ---: | --- |
| `open` | 53.2 ms | 189.4 ms | 1.19 | 1.13 | **no** |
"""


def test_an_older_file_gives_its_figures_by_column_name_and_open_under_its_new_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "results.md"
    path.write_text(BEFORE_ISSUE_18, encoding="utf-8")
    previous = read_previous(path)
    assert previous is not None
    assert previous.cell(1.0, "open-all", "median") == "53.2 ms"
    assert previous.cell(1.0, "open", "median") == "—", "not the same figure any more"
    assert previous.cell(1.0, "key-register", "ratio") == "0.31×"
    assert (3.0, "open") not in previous.figures, "the growth table is no register's"
    assert previous.header[0] == "Date: 2026-12-05 02:13, 3.2 minutes"


def test_no_file_or_no_table_gives_no_previous_run(tmp_path: Path) -> None:
    assert read_previous(tmp_path / "missing.md") is None
    (tmp_path / "empty.md").write_text("# Benchmarks\n", encoding="utf-8")
    assert read_previous(tmp_path / "empty.md") is None


def test_the_new_file_has_the_previous_figures_beside_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "results.md"
    out.write_text(BEFORE_ISSUE_18, encoding="utf-8")
    register = tmp_path / "register-1x.json"
    register.write_text('{"members": {}}', encoding="utf-8")
    monkeypatch.setattr(run, "data_path", lambda scale: register)
    figures = [
        Figure("open-all", "every record", [0.040], baseline_runs=[0.016]),
        Figure("open", "the open", [0.019], baseline_runs=[0.016], target=Target("ratio", 2)),
    ]
    run.write_results(
        out, {1.0: figures}, "python -m benchmarks.run", False, ((0, 0, 0), (0, 0, 0)),
        datetime(2026, 12, 5, 11, 0), 1.0, "- Code: commit abc1234",
    )  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert "| median before | ratio before |" in text
    assert "| `open-all` | 40.0 ms |" in text and "| 53.2 ms | 3.43× |" in text
    open_row = next(line for line in text.splitlines() if line.startswith("| `open` |"))
    assert open_row.endswith("| — | — |")
    assert "commit e13305a" in text, "which run the figures before are from"
