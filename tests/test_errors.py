"""Newswatch's errors live in one module, and the modules that depend on it stay apart:
every error class is defined in tasks/errors.py, which imports nothing of the project,
and warehouse/ needs nothing of tasks/ but those errors."""

from __future__ import annotations

import ast
from pathlib import Path

import tasks.errors

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = [p.parent for p in ROOT.glob("*/__init__.py")
            if p.parent.name not in ("tests", "bench")]
ERRORS = ROOT / "tasks" / "errors.py"


def modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in package.rglob("*.py"))


def project_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names
            if name.split(".")[0] in {package.name for package in PACKAGES}}


def test_every_error_class_is_defined_in_tasks_errors():
    ours = {name for name, value in vars(tasks.errors).items()
            if isinstance(value, type) and issubclass(value, Exception)}
    elsewhere = []
    for path in modules():
        if path == ERRORS:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(base, ast.Name) and base.id in ours | {"Exception"}
                    for base in node.bases):
                elsewhere.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert elsewhere == []
    assert len(ours) > 5  # the walk found the tree it checks against


def test_the_errors_module_is_a_leaf_and_the_warehouse_needs_only_it():
    assert project_imports(ERRORS) == set()
    warehouse = {name for path in (ROOT / "warehouse").rglob("*.py")
                 for name in project_imports(path)}
    assert {name for name in warehouse if not name.startswith("warehouse")} == {"tasks.errors"}
