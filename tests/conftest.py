"""Shared test settings and the build under test."""

import pytest

from harness.private_build import private_build
from harness.suite_order import heavy_first


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    """The build under test, made once per test session in a folder of its own: dist/ is shared by
    everyone working here, and a rebuild during a run would swap files under a running browser."""
    return private_build(tmp_path_factory.mktemp("dist"))


def pytest_terminal_summary(terminalreporter):
    """Why each rerun test failed the first time: `-rR` names it, this keeps the evidence in CI's
    log (the end of the error; a hang shows where every thread was)."""
    for report in terminalreporter.stats.get("rerun", []):
        terminalreporter.write_sep("-", f"first failure of {report.nodeid}")
        terminalreporter.write_line("\n".join(report.longreprtext.splitlines()[-40:]))


def pytest_collection_modifyitems(items):
    heavy_first(items)
