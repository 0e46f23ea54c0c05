"""The import contract between the layers: ui -> sync -> orderdesk, never back.

- Nothing under orderdesk/ (the domain core) imports Qt (PySide6, shiboken6, PyQt*)
  or an HTTP library, nor orderdesk.ui / orderdesk.sync. orderdesk.cli is the one
  dispatcher allowed to reach orderdesk.ui and orderdesk.sync, and only lazily (inside a
  function), so `orderdesk init` never loads Qt.
- Nothing under sync/ (orderdesk.sync) imports Qt or orderdesk.ui.

Checked twice: statically, by parsing every file (so an import inside a function that
no test happens to call still counts), and dynamically, by importing every module in a
fresh interpreter and looking at sys.modules (so an import hidden in a dependency of
ours, or done through a computed name, counts too). The checkers are tested on
synthetic input at the bottom, so a checker that silently passes everything fails.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from importlib.util import resolve_name
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE_DIR = ROOT / "orderdesk"
SYNC_DIR = ROOT / "sync"

QT = ("PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt*")
HTTP = ("requests", "httpx", "fastapi", "starlette", "uvicorn", "urllib3", "aiohttp")
UI = ("orderdesk.ui",)
SYNC = ("orderdesk.sync",)

CORE_FORBIDDEN = QT + HTTP + UI + SYNC
SYNC_FORBIDDEN = QT + UI
#: What orderdesk.cli may import inside a function (never at module level).
CLI_LAZY_ALLOWED = UI + SYNC

#: Modules that do work when imported, so the dynamic check does not import them.
#: (Alembic's env.py runs the migrations.) The static check still reads them.
NOT_IMPORTABLE = {"orderdesk.migrations.env"}


def matches(name: str, patterns: tuple[str, ...]) -> str | None:
    """The pattern that module `name` falls under: a package and its submodules, or
    a prefix for patterns ending in '*'."""
    for pattern in patterns:
        if pattern.endswith("*"):
            if name.startswith(pattern[:-1]):
                return pattern
        elif name == pattern or name.startswith(pattern + "."):
            return pattern
    return None


# ---- static check ------------------------------------------------------------------

@dataclass(frozen=True)
class ImportRef:
    names: tuple[str, ...]  # absolute module names this statement may load
    line: int
    lazy: bool  # inside a function body, so it runs only when called


class _ImportCollector(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool) -> None:
        self.package = module if is_package else module.rpartition(".")[0]
        self.refs: list[ImportRef] = []
        self._function_depth = 0

    def _add(self, names: list[str], node: ast.AST) -> None:
        self.refs.append(ImportRef(tuple(names), node.lineno, self._function_depth > 0))

    def _visit_function(self, node: ast.AST) -> None:
        self._function_depth += 1
        self.generic_visit(node)
        self._function_depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _visit_function

    def visit_Import(self, node: ast.Import) -> None:
        self._add([alias.name for alias in node.names], node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            try:
                base = resolve_name("." * node.level + (node.module or ""), self.package)
            except ImportError:  # relative import beyond the top: not ours to judge
                return
        else:
            base = node.module or ""
        # `from orderdesk import ui` loads orderdesk.ui: count base.name as well.
        self._add([base] + [f"{base}.{alias.name}" for alias in node.names
                            if alias.name != "*"], node)

    def visit_Call(self, node: ast.Call) -> None:
        # importlib.import_module("x"), import_module("x"), __import__("x")
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if (called in {"import_module", "__import__"} and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            target = node.args[0].value
            if target.startswith("."):
                package = node.args[1].value if (
                    len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
                ) else self.package
                try:
                    target = resolve_name(target, package)
                except (ImportError, ValueError):
                    pass
            self._add([target], node)
        self.generic_visit(node)


def collect_imports(source: str, module: str, *, is_package: bool = False) -> list[ImportRef]:
    collector = _ImportCollector(module, is_package)
    collector.visit(ast.parse(source))
    return collector.refs


def violations(source: str, module: str, forbidden: tuple[str, ...], *,
               is_package: bool = False, lazy_allowed: tuple[str, ...] = ()) -> list[str]:
    """Human-readable violations of `forbidden` in one module's source."""
    found = []
    for ref in collect_imports(source, module, is_package=is_package):
        for name in ref.names:
            pattern = matches(name, forbidden)
            if pattern is None:
                continue
            if ref.lazy and matches(name, lazy_allowed):
                continue
            where = "inside a function" if ref.lazy else "at module level"
            found.append(f"{module}:{ref.line} imports {name} ({where}; "
                         f"{pattern} is forbidden here)")
            break
    return found


def modules_under(folder: Path, package: str) -> list[tuple[str, Path]]:
    """(dotted name, file) for every .py file under folder, which imports as package."""
    result = []
    for path in sorted(folder.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(folder).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        result.append((".".join([package, *parts]), path))
    return result


CORE_MODULES = modules_under(CORE_DIR, "orderdesk")
SYNC_MODULES = modules_under(SYNC_DIR, "orderdesk.sync")


def _is_cli(module: str) -> bool:
    return module == "orderdesk.cli" or module.startswith("orderdesk.cli.")


def test_core_and_sync_have_modules() -> None:
    # Guards against a path change that would leave the checks below with nothing.
    assert any(m == "orderdesk.db" for m, _ in CORE_MODULES)
    assert any(m == "orderdesk.sync" for m, _ in SYNC_MODULES)


def test_core_imports_no_qt_http_ui_or_sync_statically() -> None:
    problems = []
    for module, path in CORE_MODULES:
        problems += violations(
            path.read_text(encoding="utf-8"), module, CORE_FORBIDDEN,
            is_package=path.name == "__init__.py",
            lazy_allowed=CLI_LAZY_ALLOWED if _is_cli(module) else (),
        )
    assert not problems, "the core must stay free of Qt and HTTP:\n" + "\n".join(problems)


def test_sync_imports_no_qt_or_ui_statically() -> None:
    problems = []
    for module, path in SYNC_MODULES:
        problems += violations(path.read_text(encoding="utf-8"), module, SYNC_FORBIDDEN,
                               is_package=path.name == "__init__.py")
    assert not problems, "sync must not reach into Qt or the UI:\n" + "\n".join(problems)


# ---- dynamic check -----------------------------------------------------------------

_PROBE = textwrap.dedent("""
    import importlib, json, sys

    modules, patterns = json.loads(sys.argv[1]), json.loads(sys.argv[2])

    def bad(name):
        for p in patterns:
            if (name.startswith(p[:-1]) if p.endswith("*")
                    else name == p or name.startswith(p + ".")):
                return True
        return False

    seen = {n for n in sys.modules if bad(n)}
    report = {"leaks": {}, "errors": {}}
    if seen:
        report["leaks"]["<interpreter start-up>"] = sorted(seen)
    for module in modules:
        try:
            importlib.import_module(module)
        except BaseException as exc:
            report["errors"][module] = f"{type(exc).__name__}: {exc}"
            continue
        new = {n for n in sys.modules if bad(n)} - seen
        if new:
            # Report the packages, not each submodule, and blame the first importer.
            report["leaks"][module] = sorted({n.split(".")[0] if not n.startswith(
                "orderdesk.") else ".".join(n.split(".")[:2]) for n in new})
            seen |= new
    print(json.dumps(report))
""")


def probe_imports(modules: list[str], forbidden: tuple[str, ...], cwd: Path) -> dict:
    """Import `modules` in order in a fresh interpreter; report which ones pulled in a
    forbidden module (first importer gets the blame) and which failed to import."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(modules), json.dumps(list(forbidden))],
        cwd=cwd, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, f"import probe crashed:\n{proc.stdout}\n{proc.stderr}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _importable(modules: list[tuple[str, Path]]) -> list[str]:
    return [m for m, _ in modules
            if m not in NOT_IMPORTABLE and not m.endswith(".__main__") and not _is_cli(m)]


def _format(report: dict) -> str:
    lines = [f"{m} loads {', '.join(names)}" for m, names in report["leaks"].items()]
    lines += [f"{m} failed to import: {err}" for m, err in report["errors"].items()]
    return "\n".join(lines)


def test_importing_the_core_loads_no_qt_http_ui_or_sync(tmp_path: Path) -> None:
    # Run outside the repo so the package resolves as installed, not from the cwd.
    report = probe_imports(_importable(CORE_MODULES), CORE_FORBIDDEN, tmp_path)
    assert not report["leaks"] and not report["errors"], _format(report)


def test_importing_sync_loads_no_qt_or_ui(tmp_path: Path) -> None:
    report = probe_imports(_importable(SYNC_MODULES), SYNC_FORBIDDEN, tmp_path)
    assert not report["leaks"] and not report["errors"], _format(report)


# ---- the checkers catch what they should ---------------------------------------------

@pytest.mark.parametrize(("source", "module", "expected"), [
    ("import PySide6", "orderdesk.x", "PySide6"),
    ("from PySide6.QtCore import QObject", "orderdesk.x", "PySide6.QtCore"),
    ("import shiboken6", "orderdesk.x", "shiboken6"),
    ("from PyQt5 import QtWidgets", "orderdesk.x", "PyQt5"),
    ("import requests", "orderdesk.x", "requests"),
    ("import urllib3.util", "orderdesk.x", "urllib3.util"),
    ("def f():\n    import httpx\n", "orderdesk.services.x", "httpx"),
    ("class A:\n    from fastapi import FastAPI\n", "orderdesk.x", "fastapi"),
    ("import importlib\nimportlib.import_module('PySide6.QtWidgets')", "orderdesk.x",
     "PySide6.QtWidgets"),
    ("__import__('aiohttp')", "orderdesk.x", "aiohttp"),
    ("from orderdesk import ui", "orderdesk.services.x", "orderdesk.ui"),
    ("from ..sync import client", "orderdesk.services.x", "orderdesk.sync"),
    ("from .. import ui", "orderdesk.services.x", "orderdesk.ui"),
    ("import orderdesk.sync.client", "orderdesk.models.x", "orderdesk.sync.client"),
    # the CLI may dispatch to the UI lazily, never at module level
    ("from orderdesk.ui.app import run", "orderdesk.cli.app", "orderdesk.ui.app"),
    # ...and never imports Qt or HTTP itself, not even lazily
    ("def serve():\n    import uvicorn\n", "orderdesk.cli.serve", "uvicorn"),
])
def test_static_checker_flags_forbidden_core_import(source: str, module: str,
                                                    expected: str) -> None:
    lazy = CLI_LAZY_ALLOWED if _is_cli(module) else ()
    found = violations(source, module, CORE_FORBIDDEN, lazy_allowed=lazy)
    assert len(found) == 1 and f"imports {expected} " in found[0], found


@pytest.mark.parametrize(("source", "module"), [
    ("import sqlalchemy\nfrom orderdesk.models import Base", "orderdesk.x"),
    ("import requests_toolbelt_like_name", "orderdesk.x"),  # a prefix is not a match
    ("from . import models", "orderdesk.services"),
    ("def app():\n    from orderdesk.ui.app import run\n", "orderdesk.cli.app"),
    ("def sync():\n    importlib.import_module('orderdesk.sync.client')", "orderdesk.cli.x"),
])
def test_static_checker_passes_allowed_core_import(source: str, module: str) -> None:
    lazy = CLI_LAZY_ALLOWED if _is_cli(module) else ()
    assert violations(source, module, CORE_FORBIDDEN, lazy_allowed=lazy) == []


@pytest.mark.parametrize(("source", "flagged"), [
    ("from PySide6.QtCore import QThread", True),
    ("from orderdesk.ui import main_window", True),
    ("from ..ui import widgets", True),
    ("import fastapi\nimport requests\nfrom orderdesk.models import Base", False),
])
def test_static_checker_sync_rules(source: str, flagged: bool) -> None:
    found = violations(source, "orderdesk.sync.client", SYNC_FORBIDDEN)
    assert bool(found) is flagged, found


def test_import_probe_catches_a_leaking_module(tmp_path: Path) -> None:
    package = tmp_path / "fakecore"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "clean.py").write_text("import json\n")
    (package / "leaky.py").write_text("import urllib3\n")
    (package / "broken.py").write_text("raise RuntimeError('boom')\n")
    report = probe_imports(["fakecore", "fakecore.clean", "fakecore.leaky", "fakecore.broken"],
                           CORE_FORBIDDEN, tmp_path)
    assert report["leaks"] == {"fakecore.leaky": ["urllib3"]}
    assert report["errors"] == {"fakecore.broken": "RuntimeError: boom"}
