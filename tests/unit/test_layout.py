"""Where code lives (docs/DEVELOPING.md): build/ makes the extension and needs nothing else; harness/
drives browsers for tests and tools alike; tools/ holds the instruments; tests/ is imported by nobody."""

import ast

import pytest

from harness.paths import ROOT

SOURCES = [p for folder in ("build", "harness", "tools", "tests") for p in (ROOT / folder).rglob("*.py")] + [ROOT / "tasks.py"]


def imported(path):
    """Top-level package names `path` imports, at any depth (function-local imports too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_layout_checker_sees_imports():
    assert {"harness", "pytest"} <= imported(ROOT / "tests" / "e2e" / "conftest.py")


@pytest.mark.parametrize("path", [p for p in SOURCES if p.is_relative_to(ROOT / "build")], ids=lambda p: str(p.relative_to(ROOT)))
def test_build_imports_only_build(path):
    assert not imported(path) & {"tests", "harness", "tools"}


def test_nothing_imports_tests():
    assert [str(p.relative_to(ROOT)) for p in SOURCES if "tests" in imported(p)] == []
