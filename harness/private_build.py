"""A build of the extension in a folder of its own, for a test session or a tool: dist/ is shared by
everyone working here, and a rebuild during a run would swap files under a running browser."""

import json
from pathlib import Path

from build.manifest import BROWSERS
from build.package import build_browser
from build.validate import validate
from harness.paths import ROOT


def private_build(out: Path) -> Path:
    data = validate(ROOT / "extension" / "data")
    for browser in BROWSERS:
        build_browser(ROOT / "extension", out, browser, data)
    assert json.loads((out / "chromium" / "manifest.json").read_text())["manifest_version"] == 3
    return out
