"""End-to-end fixtures: the built extension, the loopback fixture server, and real browsers."""

import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest

from tests.helpers import chromium
from tests.helpers.firefox import Firefox
from tests.helpers.proxy import Proxy
from tests.helpers.server import serve_fixtures

ROOT = Path(__file__).parent.parent.parent
DIST = ROOT / "dist"


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


def wait_for(predicate, timeout=10.0, interval=0.05, message="condition"):
    """Poll until predicate() is truthy; for readiness only, never to assert speed."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message}")


def wait_until_registered(worker):
    wait_for(lambda: worker.evaluate("chrome.scripting.getRegisteredContentScripts().then(s => s.length)"),
             message="button content script registered")


def uk_child():
    """A browser set up as a child's in the UK would be: UK time zone, British English."""
    return {"env": {**os.environ, "TZ": "Europe/London"}, "args": ["--lang=en-GB"]}


@pytest.fixture(scope="module")
def browser(dist, server, tmp_path_factory):
    """One Chromium with Buoy per test module; tests open their own pages."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        worker = chromium.service_worker(context)
        wait_until_registered(worker)
        context.buoy_worker = worker
        yield context
    shutil.rmtree(profile, ignore_errors=True)


FIREFOX_UUID = "3c9f2b7e-5a1d-4c6e-8f0b-9d2a7e4c1b55"  # fixed, so tests know the panel's moz-extension URL


@contextmanager
def child_firefox(extension: Path, port: int, zone="Europe/London", lang="en_GB.UTF-8"):
    """Firefox ESR started in time zone `zone` and locale `lang`, with Buoy from `extension` (a build's
    firefox/ folder) installed and nothing opened yet, every request sent to `port`. `ff.proxy.hosts`
    lists every host it asked for."""
    if not shutil.which("firefox-esr"):
        pytest.skip("firefox-esr not installed")
    # Firefox takes its time zone from TZ at start; the harness passes os.environ on.
    with Proxy(port) as proxy:
        with mock.patch.dict(os.environ, {"TZ": zone, "LANG": lang}):
            ff = Firefox(proxy.port, uuid=FIREFOX_UUID)
        with ff:
            ff.install_extension(extension)
            ff.proxy = proxy
            yield ff


@contextmanager
def uk_child_firefox(extension: Path, port: int, zone="Europe/London", lang="en_GB.UTF-8"):
    """Firefox ESR set up like a UK child's (or, given `zone` and `lang`, another country's; see
    child_firefox), with Buoy's button registered."""
    with child_firefox(extension, port, zone, lang) as ff:
        # The background registers the button's content script after install; ask an extension page.
        probe = ff.open_extension_page("panel/panel.html")
        wait_for(lambda: ff.evaluate(probe, "browser.scripting.getRegisteredContentScripts().then(s => s.length)"),
                 message="button content script registered")
        ff.close_tab(probe)
        yield ff


@pytest.fixture(scope="module")
def firefox(dist, server):
    """One Firefox ESR with Buoy per test module, set up like a UK child's, answered by `server`;
    tests open their own tabs."""
    with uk_child_firefox(dist / "firefox", server.port) as ff:
        yield ff


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()
