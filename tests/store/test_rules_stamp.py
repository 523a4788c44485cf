"""The stamp names the rules by their sources: every module the record check is made of is
among them, a change to any voids every stamp, and unreadable sources stamp nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from secretariat_tui.store import rules_stamp as stamp_module
from secretariat_tui.store.check_stamp import stamp_path
from secretariat_tui.store.database import open_database
from secretariat_tui.store.rules_stamp import RULE_SOURCES, rules_stamp

ROOT = Path(__file__).resolve().parents[2]

IMPORTED_BY_THE_CHECK = """
import sys
import secretariat_tui.store.record_schema
print("\\n".join(m for m in sys.modules if m.startswith("secretariat_tui.")))
"""


def test_the_sources_are_every_module_the_record_check_is_made_of() -> None:
    """A new import in ``record_schema`` (a choice from another domain module) must be named
    in ``RULE_SOURCES``, or a change to it would leave old stamps standing."""
    found = subprocess.run(
        [sys.executable, "-c", IMPORTED_BY_THE_CHECK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    modules = {name.removeprefix("secretariat_tui.") for name in found}
    packages = {"domain", "store"}
    as_files = {name.replace(".", "/") + ".py" for name in modules - packages}
    assert as_files == set(RULE_SOURCES)


def test_opening_a_stamped_file_loads_no_schema() -> None:
    """What the stamp is for: a file the program wrote opens without the register domains."""
    script = (
        "import sys, tempfile, pathlib\n"
        "from secretariat_tui.store.database import open_database\n"
        "path = pathlib.Path(tempfile.mkdtemp()) / 'a.json'\n"
        "open_database(path).close()\n"
        "for name in list(sys.modules):\n"
        "    if name.startswith('secretariat_tui.store.record_'):\n"
        "        del sys.modules[name]\n"
        "open_database(path).close()\n"
        "print('record_schema' in ' '.join(sys.modules))\n"
    )
    # The first open made the file (and checked nothing); after dropping the modules, the
    # second open of the stamped file must not load them again.
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_a_change_to_any_source_gives_other_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "secretariat_tui"
    for name in RULE_SOURCES:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("# rules\n", encoding="utf-8")
    (package / "store" / "rules_stamp.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(stamp_module, "__file__", str(package / "store" / "rules_stamp.py"))
    rules_stamp.cache_clear()
    before = rules_stamp()
    (package / "domain" / "activities.py").write_text("# rules, one more category\n")
    rules_stamp.cache_clear()
    after = rules_stamp()
    assert before is not None and after is not None and before != after
    (package / "domain" / "board.py").unlink()
    rules_stamp.cache_clear()
    assert rules_stamp() is None
    rules_stamp.cache_clear()


def test_without_readable_sources_every_open_checks_and_nothing_is_stamped(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stamp_module, "RULE_SOURCES", ("store/not-there.py",))
    rules_stamp.cache_clear()
    try:
        open_database(db_path).close()
        open_database(db_path).close()
        assert not stamp_path(db_path).exists()
    finally:
        rules_stamp.cache_clear()
