"""The habits CI holds us to: ruff on the Python, Mozilla's addons-linter on the Firefox build."""

import json
import shutil
import subprocess

import pytest

from harness.paths import ROOT

LINTER = ROOT / "node_modules" / ".bin" / "addons-linter"


def test_ruff_is_clean():
    result = subprocess.run(["ruff", "check", "build", "harness", "tools", "tests", "tasks.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not LINTER.exists() or not shutil.which("node"), reason="npm dev tools not installed (scripts/setup.sh)")
def test_firefox_build_passes_addons_linter(dist):
    result = subprocess.run([str(LINTER), "--self-hosted", "--output", "json", str(dist / "firefox")],
                            cwd=ROOT, capture_output=True, text=True, timeout=180)
    report = json.loads(result.stdout)
    assert report["errors"] == [], report["errors"]
    assert report["summary"]["errors"] == 0
