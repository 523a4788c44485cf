"""Tests of the shipped demo read a copy of it, and prove the shipped file was never touched."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo.json"


def copy_of_demo(folder: Path) -> Path:
    copy = folder / "demo-copy.json"
    shutil.copyfile(DEMO, copy)
    return copy


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module", autouse=True)
def shipped_demo_untouched() -> Iterator[None]:
    """Import into a test module: data/demo.json is byte-identical after all its tests ran."""
    before = _sha256(DEMO)
    yield
    assert _sha256(DEMO) == before, "data/demo.json was modified by the tests"
