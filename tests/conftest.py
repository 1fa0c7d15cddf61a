"""Shared test settings and the build under test."""

import pytest

from harness.private_build import private_build


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    """The build under test, made once per test session in a folder of its own: dist/ is shared by
    everyone working here, and a rebuild during a run would swap files under a running browser."""
    return private_build(tmp_path_factory.mktemp("dist"))
