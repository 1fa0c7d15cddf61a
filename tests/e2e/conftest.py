"""End-to-end fixtures: the loopback fixture server and real browsers with Buoy (from harness/)."""

import shutil
from pathlib import Path

import pytest

from harness.browsers import uk_child_chromium, uk_child_firefox
from harness.hostile import CASES
from harness.server import serve_fixtures


def pytest_collection_modifyitems(items):
    """Each browser test may run once more after a failure. Real browsers driven over DevTools and
    BiDi on a 2-core machine now and then lose a frame or an event (the git log names the ones
    fixed); one retry keeps such a miss from failing CI, while a broken feature still fails twice,
    and pytest reports every rerun (R)."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.flaky(reruns=1))


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    with serve_fixtures(tmp_path_factory.mktemp("tls")) as s:
        yield s


@pytest.fixture(scope="module")
def hostile_server(server):
    """The fixture server, answering each hostile case's host with its hostile page."""
    for case in CASES:
        server.routes[case.host] = f"hostile/{case.page}.html"
    yield server
    for case in CASES:
        server.routes.pop(case.host, None)


@pytest.fixture(scope="module")
def browser(dist, server, tmp_path_factory):
    """One Chromium with Buoy per test module; tests open their own pages."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with uk_child_chromium(dist / "chromium", profile, server.port) as context:
        yield context
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def firefox(dist, server):
    """One Firefox ESR with Buoy per test module, set up like a UK child's, answered by `server`;
    tests open their own tabs."""
    if not shutil.which("firefox-esr"):
        pytest.skip("firefox-esr not installed")
    with uk_child_firefox(dist / "firefox", server.port) as ff:
        yield ff


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()
