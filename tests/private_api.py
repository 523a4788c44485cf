"""Loud failures for the canary tests of the fence modules (``*_compat.py``).

Each fence module reaches into one library's private names, and the library is pinned to the
exact version its canaries passed with. A canary that fails says which private name moved,
the version installed, the version pinned and the fence module to adapt, so an upgrade that
breaks one is a clear message in the test run, not a crash in front of a user.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def pinned_version(distribution: str) -> str | None:
    """The ``name==X.Y.Z`` pin of ``distribution`` in pyproject.toml, or None if not pinned."""
    dependencies = tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]
    for requirement in dependencies:
        found = re.fullmatch(rf"{re.escape(distribution)}==([\w.]+)", requirement.strip())
        if found:
            return found.group(1)
    return None


@dataclass(frozen=True)
class Canary:
    """The private names one fence module relies on in one library."""

    distribution: str
    fence: str
    """The fence module, as a path: ``secretariat_tui/ui/textual_compat.py``."""

    def require(self, holds: bool, private_name: str, expected: str) -> None:
        """Fail, naming ``private_name`` and the versions, unless ``holds``."""
        if not holds:
            pytest.fail(self.message(private_name, expected), pytrace=False)

    def attribute(self, owner: Any, private_name: str) -> Any:
        """``owner.<private_name>``, or a failure that names it."""
        label = f"{getattr(owner, '__qualname__', type(owner).__qualname__)}.{private_name}"
        self.require(hasattr(owner, private_name), label, "exists")
        return getattr(owner, private_name)

    def message(self, private_name: str, expected: str) -> str:
        return (
            f"{self.distribution} {version(self.distribution)} broke a private name: "
            f"{private_name} — expected: {expected}. {self.fence} relies on it, tested with "
            f"{self.distribution}=={pinned_version(self.distribution)} (pyproject.toml). "
            f"Adapt the fence module (its docstring says why each name is used) or find a "
            f"public way, then move the pin."
        )
