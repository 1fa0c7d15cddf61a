"""Shared test settings and the build under test."""

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DIST = ROOT / "dist"


@pytest.fixture(scope="session")
def dist():
    """The build under test (`invoke test` builds first; this covers a plain pytest run)."""
    from build.package import build_all

    if not (DIST / "chromium" / "manifest.json").exists():
        build_all(ROOT)
    return DIST
