"""No module outside the fence modules touches a private name of Textual, Rich or TinyDB.

The fences (``FENCES``) may; they are pinned and have canary tests. Every other module of
``secretariat_tui`` is parsed and, with the module imported so its classes are real, each of
these is a finding:

1. **An import of a private module or name** of the three libraries: ``import textual._x``,
   ``from tinydb._y import z``, ``from textual.widgets import _z``.
2. **A private name on something that is not ``self``, ``cls`` or ``super()``**:
   ``table._update_table(...)``, ``screen._modal_binding_chain``, ``getattr(app, "_x")``;
   unless the name is one of ours, that is, defined somewhere in ``secretariat_tui`` (a
   function, class, variable or ``self._name =`` attribute) and not as an override of a
   library's own private name. A library object's private name is never ours, so it is found
   whatever the object is called.
3. **A library's private name on ``self``, ``cls`` or ``super()``, or redefined**, in a class
   that inherits from a Textual, Rich or TinyDB class: ``super()._update_dimensions(())``,
   ``self._row_locations[...] = ``, ``def _handle_exception``. A library class's private names
   are its own attributes and every ``self._name`` in its source, along its whole MRO. Our
   own ``self._rows`` in a widget is fine unless Textual uses ``_rows`` itself (then ours
   would silently shadow it, which is a finding too).

Dunder and name-mangled names (``__x``) are left out, as are the few underscore names the
standard library documents as public (``namedtuple._replace`` and its kin).
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import textwrap
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.private_api import Canary, pinned_version

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "secretariat_tui"
LIBRARIES = ("textual", "rich", "tinydb")
FENCES = {
    "secretariat_tui/ui/textual_compat.py",
    "secretariat_tui/store/tinydb_compat.py",
}
PUBLIC_BY_CONVENTION = {"_replace", "_asdict", "_fields", "_make", "_field_defaults"}
"""The standard library's namedtuple API: documented, public, and spelled with an underscore."""

ALLOWED: set[tuple[str, str]] = set()
"""Touches allowed outside the fences: none (the stale-entry test keeps it honest)."""


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def from_library(cls: type) -> bool:
    return cls.__module__.split(".")[0] in LIBRARIES


@functools.cache
def library_private_names(cls: type) -> frozenset[str]:
    """A library class's own private attributes, and every ``self._name`` in its source."""
    names = {name for name in vars(cls) if is_private(name)}
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):
        return frozenset(names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr) and on_self(node.value):
            names.add(node.attr)
    return frozenset(names)


def inherited_private_names(cls: type | None) -> frozenset[str]:
    if not isinstance(cls, type):
        return frozenset()
    bases = [base for base in cls.__mro__ if from_library(base)]
    return frozenset().union(*(library_private_names(base) for base in bases))


def on_self(node: ast.expr) -> bool:
    """``self``, ``cls`` or ``super()``: the object whose class we wrote."""
    if isinstance(node, ast.Name):
        return node.id in ("self", "cls")
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"
    )


@dataclass
class Finding:
    path: str
    line: int
    name: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.name} ({self.why})"


@dataclass
class Walk(ast.NodeVisitor):
    """One module: its findings of kinds 1 and 3, the private names it defines, and the
    private names it reaches on other objects (kind 2, decided once every module is read)."""

    path: str
    namespace: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    defined: set[str] = field(default_factory=set)
    reached: list[Finding] = field(default_factory=list)
    scopes: list[tuple[str, frozenset[str], bool]] = field(default_factory=list)
    """Each enclosing class or def: its name, the library private names of the class it is
    (or is in), and whether it is a class."""

    @property
    def inherited(self) -> frozenset[str]:
        return self.scopes[-1][1] if self.scopes else frozenset()

    @property
    def in_class_body(self) -> bool:
        return bool(self.scopes) and self.scopes[-1][2]

    def find(self, node: ast.AST, name: str, why: str) -> None:
        self.findings.append(Finding(self.path, getattr(node, "lineno", 0), name, why))

    def resolve(self, node: ast.ClassDef) -> type | None:
        """The class object, by its place in the module, else by its bases' names."""
        found: Any = self.namespace
        for name in [*(scope[0] for scope in self.scopes), node.name]:
            found = found.get(name) if isinstance(found, dict) else getattr(found, name, None)
        if isinstance(found, type):
            return found
        try:
            bases = tuple(eval(ast.unparse(b), dict(self.namespace)) for b in node.bases)
            return type(node.name, tuple(b for b in bases if isinstance(b, type)), {})
        except Exception:  # noqa: BLE001  (a class we cannot rebuild: no inherited names)
            return None

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.define(node, node.name)
        inherited = inherited_private_names(self.resolve(node))
        self.scopes.append((node.name, inherited, True))
        self.generic_visit(node)
        self.scopes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.define(node, node.name)
        self.scopes.append((node.name, self.inherited, False))
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def define(self, node: ast.AST, name: str) -> None:
        """A name defined here: ours, unless a class body redefines its library's private name."""
        if not is_private(name):
            return
        if self.in_class_body and name in self.inherited:
            self.find(node, name, "redefines a private name its library class has")
        else:
            self.defined.add(name)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Store):
            self.define(node, node.id)

    def visit_alias(self, node: ast.alias) -> None:
        if node.asname and is_private(node.asname):
            self.defined.add(node.asname)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        self.reach(node, node.value, node.attr, isinstance(node.ctx, ast.Store))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        reflective = isinstance(node.func, ast.Name) and node.func.id in (
            "getattr",
            "setattr",
            "hasattr",
            "delattr",
        )
        if reflective and len(node.args) >= 2:
            target, name = node.args[0], node.args[1]
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                self.reach(node, target, name.value, node.func.id == "setattr")
        self.generic_visit(node)

    def reach(self, node: ast.AST, receiver: ast.expr, name: str, stored: bool) -> None:
        if not is_private(name) or name in PUBLIC_BY_CONVENTION:
            return
        if on_self(receiver):
            if name in self.inherited:
                self.find(node, name, "a private name of the library class it inherits")
            elif stored:
                self.defined.add(name)
        else:
            line = getattr(node, "lineno", 0)
            self.reached.append(Finding(self.path, line, name, "a private name on another object"))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.check_import(node, alias.name, None)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            self.check_import(node, node.module or "", alias.name)
        self.generic_visit(node)

    def check_import(self, node: ast.AST, module: str, name: str | None) -> None:
        parts = module.split(".")
        if parts[0] not in LIBRARIES or getattr(node, "level", 0):
            return
        private = [p for p in [*parts, name or ""] if is_private(p)]
        if private:
            self.find(node, ".".join([module, *([name] if name else [])]), "a private import")


def walk_source(path: str, source: str, namespace: dict[str, Any]) -> Walk:
    walk = Walk(path, namespace)
    walk.visit(ast.parse(source))
    return walk


def decide(walks: list[Walk], allowed: set[tuple[str, str]]) -> list[Finding]:
    """Every finding, with kind 2 decided against the private names all modules define."""
    ours = set().union(*(w.defined for w in walks))
    found = [f for w in walks for f in w.findings]
    found += [f for w in walks for f in w.reached if f.name not in ours]
    return [f for f in found if (f.path, f.name) not in allowed]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def our_modules() -> list[Walk]:
    walks = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        module: ModuleType | None = None
        if path.name != "__main__.py":  # importing it would start the program
            module = importlib.import_module(module_name(path))
        namespace = vars(module) if module else {}
        walks.append(walk_source(relative, path.read_text(encoding="utf-8"), namespace))
    return walks


def test_no_module_outside_the_fences_touches_a_private_name_of_the_libraries() -> None:
    walks = [w for w in our_modules() if w.path not in FENCES]
    found = decide(walks, ALLOWED)
    assert not found, "Move these into a fence module (see its docstring):\n" + "\n".join(
        map(str, found)
    )


def test_no_allowed_exception_outlives_its_reason() -> None:
    walks = [w for w in our_modules() if w.path not in FENCES]
    needed = {(f.path, f.name) for f in decide(walks, set())}
    assert needed >= ALLOWED, f"no longer needed; delete from ALLOWED: {ALLOWED - needed}"


def test_the_fences_are_where_the_private_names_are() -> None:
    """Sanity: the same walk over the fences finds what they are there for, so an empty list
    above means the other modules are clean, not that the walk sees nothing."""
    fences = {w.path: w for w in our_modules() if w.path in FENCES}
    assert set(fences) == FENCES
    found = {(f.path.split("/")[-1], f.name) for f in decide(list(fences.values()), set())}
    assert {
        ("textual_compat.py", "_handle_exception"),
        ("textual_compat.py", "_CONTROL_STRIP_TRANSLATE"),
        ("tinydb_compat.py", "_update_table"),
        ("tinydb_compat.py", "_get_next_id"),
        ("tinydb_compat.py", "_read_table"),
        ("tinydb_compat.py", "_tables"),
    } <= found


KNOWN_TOUCHES = """
import textual._context
from textual._two_way_dict import TwoWayDict
from textual.widgets import _data_table
from tinydb.table import _private_helper
from textual.widgets import DataTable
from textual.screen import Screen


class Fast(DataTable):
    def show(self, rows):
        self._row_locations[rows[0]] = 0
        self._require_update_dimensions = True
        super()._update_dimensions(())

    def _update_dimensions(self, new_rows):
        pass


def insert(table, documents):
    doc_id = table._get_next_id()
    table._update_table(lambda t: t.update({doc_id: documents}))


def bindings(screen: Screen):
    return screen._modal_binding_chain, getattr(screen.app, "_exception")
"""

CLEAN = """
from collections import namedtuple
from textual.containers import Vertical
from textual.widgets import DataTable

Point = namedtuple("Point", "x y")
_CACHE: dict = {}


class Filtered(Vertical):
    def __init__(self):
        super().__init__()
        self._our_filter_words = []

    def _our_refresh(self, other: "Filtered"):
        return other._our_filter_words, _CACHE, Point(1, 2)._replace(x=3)


def helper(widget: Filtered):
    widget._our_refresh(widget)


class Table(DataTable):
    def cells(self):
        _data = {"a local": "named as DataTable's own, and not a touch"}
        return _data
"""


def namespace_of(source: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "probe"}
    exec(compile(source, "probe", "exec"), namespace)  # noqa: S102  (our own test source)
    return namespace


def test_the_walk_finds_each_known_kind_of_touch() -> None:
    source = KNOWN_TOUCHES.replace("from tinydb.table import _private_helper\n", "")
    walk = walk_source("probe.py", KNOWN_TOUCHES, namespace_of(source))
    found = {f.name for f in decide([walk], set())}
    assert found == {
        "textual._context",
        "textual._two_way_dict.TwoWayDict",
        "textual.widgets._data_table",
        "tinydb.table._private_helper",
        "_row_locations",
        "_require_update_dimensions",
        "_update_dimensions",
        "_get_next_id",
        "_update_table",
        "_modal_binding_chain",
        "_exception",
    }
    lines = sorted(f.line for f in decide([walk], set()) if f.name == "_update_dimensions")
    assert len(lines) == 2, "both the call through super() and the override are found"


def test_our_own_private_names_are_not_findings() -> None:
    walk = walk_source("probe.py", CLEAN, namespace_of(CLEAN))
    assert decide([walk], set()) == []


def test_an_allowed_touch_is_left_out_and_only_in_its_own_module() -> None:
    walk = walk_source("probe.py", KNOWN_TOUCHES, {})
    elsewhere = walk_source("other.py", KNOWN_TOUCHES, {})
    left = decide([walk, elsewhere], {("probe.py", "_modal_binding_chain")})
    assert ("probe.py", "_modal_binding_chain") not in {(f.path, f.name) for f in left}
    assert ("other.py", "_modal_binding_chain") in {(f.path, f.name) for f in left}


@pytest.mark.parametrize("distribution", LIBRARIES)
def test_each_library_is_pinned_to_the_version_its_canaries_ran_with(distribution: str) -> None:
    pinned = pinned_version(distribution)
    assert pinned is not None, f"pin {distribution} exactly in pyproject.toml (==)"
    assert version(distribution) == pinned, (
        f"{distribution} {version(distribution)} is installed but {pinned} is pinned: "
        "reinstall (make install) or run the canaries and move the pin"
    )


def test_a_broken_private_name_fails_with_its_name_and_both_versions() -> None:
    """The canaries' own canary: the message a broken upgrade would show."""
    canary = Canary("tinydb", "secretariat_tui/store/tinydb_compat.py")
    with pytest.raises(pytest.fail.Exception) as failure:
        canary.attribute(object(), "_gone")
    text = str(failure.value)
    assert "object._gone" in text and f"tinydb {version('tinydb')}" in text
    assert f"tinydb=={pinned_version('tinydb')}" in text and "tinydb_compat.py" in text
