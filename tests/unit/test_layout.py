"""Where code lives (docs/DEVELOPING.md): build/ makes the extension and needs nothing else; harness/
drives browsers for tests and tools alike; tools/ holds the instruments; tests/ is imported by nobody."""

import ast
import subprocess

import pytest

from harness.paths import ROOT

SOURCES = [p for folder in ("build", "harness", "tools", "tests") for p in (ROOT / folder).rglob("*.py")
           if "node_modules" not in p.parts] + [ROOT / "tasks.py"]  # not The Lounge's installed packages


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


def test_no_installed_packages_are_tracked():
    # A worktree's node_modules symlink was committed twice (.gitignore's "node_modules/" missed a
    # symlink): on a fresh clone it points at itself and The Lounge can't install.
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert [p for p in tracked.splitlines() if "node_modules" in p.split("/")] == []
