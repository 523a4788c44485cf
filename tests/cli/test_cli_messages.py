"""click's own usage errors reach the coordinator in Swedish, still on one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run_process


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("members", "list", "--format", "xml"),
            "ogiltigt värde för '--format': 'xml' är inte ett av",
        ),
        (("members", "lst"), "okänt kommando 'lst'. Menade du 'list'?"),
        (("members", "show"), "argumentet saknas: 'ID'."),
        (("members", "show", "abc"), "'abc' är inget heltal"),
        (("members", "list", "--bogus"), "okänd flagga '--bogus'."),
        (("fees", "status", "--year", "3000"), "3000 ligger utanför 1900–2100"),
    ],
)
def test_usage_errors_are_one_swedish_line(
    db_path: Path, args: tuple[str, ...], expected: str
) -> None:
    result = run_process(db_path, *args)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("secretariat: ")
    assert expected in line
