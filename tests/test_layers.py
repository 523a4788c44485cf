"""The core layers stay reachable without the TUI: domain, store, exports and imports never
import textual, and only the store imports tinydb. Each package is imported whole in a fresh
interpreter, so a module pulled in by any other test cannot hide or fake a violation.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = ROOT / "secretariat_tui"

PROBE = """
import importlib, json, pkgutil, sys
name = sys.argv[1]
package = importlib.import_module(name)
imported = [name]
for info in pkgutil.walk_packages(package.__path__, name + "."):
    importlib.import_module(info.name)
    imported.append(info.name)
print(json.dumps({
    "imported": imported,
    "textual": sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")),
    "tinydb": sorted(m for m in sys.modules if m == "tinydb" or m.startswith("tinydb.")),
}))
"""

LAYERS = {
    # package: may it import tinydb?
    "secretariat_tui.domain": False,
    "secretariat_tui.store": True,
    "secretariat_tui.exports": False,
    "secretariat_tui.imports": False,
}


def probe(package: str, extra_path: Path | None = None) -> dict[str, list[str]]:
    env_path = [str(extra_path)] if extra_path else []
    code = f"import sys; sys.path[:0] = {env_path!r}\n{PROBE}"
    result = subprocess.run(
        [sys.executable, "-c", code, package],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, list[str]] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def modules_on_disk(package: str) -> set[str]:
    folder = ROOT.joinpath(*package.split("."))
    names = set()
    for path in folder.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_core_layer_never_imports_textual(package: str) -> None:
    report = probe(package)
    assert set(report["imported"]) == modules_on_disk(package), "every module must be imported"
    assert report["textual"] == [], f"{package} pulls in the TUI"


@pytest.mark.parametrize("package", sorted(p for p, allowed in LAYERS.items() if not allowed))
def test_only_the_store_imports_tinydb(package: str) -> None:
    report = probe(package)
    assert report["tinydb"] == [], f"{package} reaches into TinyDB; go through the store"


def test_the_store_really_is_the_tinydb_layer() -> None:
    """Sanity: the probe sees tinydb where it is, so an empty list above means something."""
    report = probe("secretariat_tui.store")
    assert "secretariat_tui.store.database" in report["imported"]
    assert "tinydb" in report["tinydb"]


def test_the_probe_catches_a_module_that_imports_textual(tmp_path: Path) -> None:
    package = tmp_path / "leaky"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "inner" / "view.py").write_text("import textual.app\n")
    report = probe("leaky", extra_path=tmp_path)
    assert "leaky.inner.view" in report["imported"]
    assert "textual" in report["textual"]
