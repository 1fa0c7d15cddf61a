"""The JavaScript unit tests (tests/js/*.test.mjs, node:test) as part of the normal pytest run."""

import subprocess

from build.package import build_all
from harness.paths import DIST, ROOT


def test_js_unit_tests_pass():
    # They import the built modules (dist/chromium/lib): the data ships as built JS modules.
    # `invoke test` builds dist/ first; this covers a plain pytest run.
    if not (DIST / "chromium" / "manifest.json").exists():
        build_all(ROOT)
    run = subprocess.run(["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
