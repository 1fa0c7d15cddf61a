"""The JavaScript unit tests (tests/js/*.test.mjs, node:test) as part of the normal pytest run."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent


def test_js_unit_tests_pass(dist):
    # They import the built modules (dist/chromium/lib): the data ships as built JS modules.
    run = subprocess.run(["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
