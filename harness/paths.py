"""Where things are in the repository, for the harness and everything that uses it."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
FIXTURES = ROOT / "tests" / "fixtures"  # the pages the fixture server answers with
