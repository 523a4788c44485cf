"""The core layers stay reachable without the TUI: domain, store, exports and imports never
import textual, and only the store imports tinydb. Our own arrows point one way too: the
domain imports nothing of ours but itself; the store never reaches the writers, the readers or
the front ends; exports and imports never reach the store or the front ends. Each package is
imported whole in a fresh interpreter, and what it pulled in is read from ``sys.modules``, so
an import through another module counts too, and a module pulled in by any other test cannot
hide or fake a violation.
"""

from __future__ import annotations

import functools
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
root = name.split(".")[0]
package = importlib.import_module(name)
imported = [name]
for info in pkgutil.walk_packages(package.__path__, name + "."):
    importlib.import_module(info.name)
    imported.append(info.name)
print(json.dumps({
    "imported": imported,
    "textual": sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")),
    "tinydb": sorted(m for m in sys.modules if m == "tinydb" or m.startswith("tinydb.")),
    "ours": sorted(m for m in sys.modules if m == root or m.startswith(root + ".")),
}))
"""

LAYERS = {
    # package: may it import tinydb?
    "secretariat_tui.domain": False,
    "secretariat_tui.store": True,
    "secretariat_tui.exports": False,
    "secretariat_tui.imports": False,
    "secretariat_tui.publish": False,
    "secretariat_tui.mail": False,
}


MAY_NOT_LOAD = {
    # layer: parts of our own package it may not load, directly or through another module
    "store": ("exports", "imports", "ui", "commands", "cli"),
    "exports": ("store", "ui", "commands", "cli"),
    "imports": ("store", "ui", "commands", "cli"),
    "publish": ("ui", "commands", "cli"),
    "mail": ("store", "ui", "commands", "cli"),
}
ONLY_ITSELF = ("domain",)
"""Layers that may load nothing of ours but themselves (and the package root they sit in)."""


def wrong_arrows(layer: str, ours: list[str]) -> list[str]:
    """The modules in ``ours`` that ``layer`` (``root.part``) may not have loaded."""
    root, part = layer.split(".")
    below = [(m, m.split(".")[1]) for m in ours if m.startswith(root + ".")]
    if part in ONLY_ITSELF:
        return [m for m, top in below if top != part]
    return [m for m, top in below if top in MAY_NOT_LOAD[part]]


@functools.cache
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


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_our_own_arrows_point_one_way(layer: str) -> None:
    report = probe(layer)
    assert layer in report["ours"], "the probe must see the layer itself"
    wrong = wrong_arrows(layer, report["ours"])
    assert not wrong, f"{layer} loads what it may not: {', '.join(wrong)}"


def test_the_probe_catches_arrows_the_wrong_way(tmp_path: Path) -> None:
    """A store that reaches the writers through a module of its own, a domain that reads
    the settings: both are found, and an allowed arrow (store to domain) is not."""
    root = tmp_path / "inverted"
    for part in ("store", "domain", "exports"):
        (root / part).mkdir(parents=True)
        (root / part / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "config.py").write_text("")
    (root / "exports" / "report.py").write_text("import inverted.domain\n")
    (root / "store" / "source.py").write_text("import inverted.domain, inverted.exports.report\n")
    (root / "domain" / "rules.py").write_text("import inverted.config\n")
    store = probe("inverted.store", extra_path=tmp_path)
    assert wrong_arrows("inverted.store", store["ours"]) == [
        "inverted.exports",
        "inverted.exports.report",
    ]
    domain = probe("inverted.domain", extra_path=tmp_path)
    assert wrong_arrows("inverted.domain", domain["ours"]) == ["inverted.config"]
