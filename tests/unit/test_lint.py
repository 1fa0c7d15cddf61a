"""The habits CI holds us to: ruff on the Python, ESLint on the JavaScript, Mozilla's addons-linter on the
Firefox build."""

import json
import shutil
import subprocess

import pytest

from build.store_listing import load_listing
from harness.paths import ROOT

LINTER = ROOT / "node_modules" / ".bin" / "addons-linter"
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
NPM_TOOLS = pytest.mark.skipif(not LINTER.exists() or not ESLINT.exists() or not shutil.which("node"),
                               reason="npm dev tools not installed (scripts/setup.sh)")


def test_ruff_is_clean():
    result = subprocess.run(["ruff", "check", "build", "harness", "tools", "tests", "tasks.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@NPM_TOOLS
def test_eslint_is_clean():
    # eslint.config.mjs: each folder's globals (page, content script, Node) and the extension's promises
    # (no network API, no eval, no markup from strings) as errors.
    result = subprocess.run([str(ESLINT), "--max-warnings", "0", "."], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr


@NPM_TOOLS
def test_firefox_build_passes_addons_linter(dist):
    # As AMO runs it on upload (not --self-hosted). Each warning left is one a reviewer is told about,
    # with its reason, in the Firefox listing's notes (build/store/listing.json): any other fails.
    result = subprocess.run([str(LINTER), "--output", "json", str(dist / "firefox")],
                            cwd=ROOT, capture_output=True, text=True, timeout=180)
    report = json.loads(result.stdout)
    assert report["errors"] == [], report["errors"]
    assert report["summary"]["errors"] == 0
    accepted = [(w["code"], w["file"]) for w in load_listing()["accepted_linter_warnings"]]
    assert sorted((w["code"], w["file"]) for w in report["warnings"]) == sorted(accepted), report["warnings"]
    assert report["notices"] == []
