"""End-to-end fixtures: the loopback fixture server and real browsers with Buoy (from harness/)."""

import shutil
from contextlib import ExitStack
from pathlib import Path

import pytest

from harness import chromium
from harness.browsers import UK
from harness.driver.pool import BrowserPool
from harness.driver.start import start_driver
from harness.firefox import BUOY_ID
from harness.hostile import CASES
from harness.policy import chromium_policy, firefox_policy_prefs
from harness.server import serve_fixtures

BROWSERS = [pytest.param("chromium", marks=pytest.mark.chromium),
            pytest.param("firefox", marks=[pytest.mark.firefox, pytest.mark.skipif(
                not shutil.which("firefox-esr"), reason="firefox-esr not installed")])]


def pytest_generate_tests(metafunc):
    """A test that starts its own browsers (a restart, say) asks for `kind`: it runs once per browser."""
    if "kind" in metafunc.fixturenames:
        metafunc.parametrize("kind", BROWSERS)


def pytest_collection_modifyitems(config, items):
    """Each browser test may run once more after a failure. Real browsers driven over DevTools and
    BiDi on a 2-core machine now and then lose a frame or an event (the git log names the ones
    fixed); one retry keeps such a miss from failing CI, while a broken feature still fails twice,
    and pytest reports every rerun (R).
    A test marked `only("chromium", reason=...)` is a check one browser alone can make: it is not
    collected for the other."""
    here = Path(__file__).parent
    kept, dropped = [], []
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.flaky(reruns=1))
        only = item.get_closest_marker("only")
        if only and not only.kwargs.get("reason"):
            raise pytest.UsageError(f"{item.nodeid}: only({only.args[0]!r}) needs a reason=")
        runs_in = getattr(item, "callspec", None) and item.callspec.params.get("driver")
        if only and runs_in and runs_in != only.args[0]:
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


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
def upstream(server):
    """The port that answers every host name the module's browsers ask for: the fixture server,
    unless a module serves something else (a real chat app)."""
    return server.port


@pytest.fixture(scope="module")
def child():
    """Where the module's browsers are (harness.browsers.Child): the UK, unless a module says."""
    return UK


@pytest.fixture(scope="module")
def school_policy():
    """Buoy's settings as a school's enterprise policy sets them (harness/policy.py), or None."""
    return None


@pytest.fixture(scope="session")
def browsers(dist, server, tmp_path_factory):
    """Browsers kept open between modules that want the same one (harness/driver/pool.py)."""
    pool = BrowserPool(dist, server.port, lambda: tmp_path_factory.mktemp("chromium-profile"))
    yield pool
    pool.close()


@pytest.fixture(autouse=True)
def own_browsers_alone(request):
    """A test that starts browsers of its own (it asks for `kind`, or its module says OWN_BROWSER:
    a restart, the store images) does so with the shared ones closed: Playwright's sync API drives
    one Chromium client at a time. A test that starts none (it reads the build, say) leaves them."""
    starts_browsers = "kind" in request.fixturenames or hasattr(request.module, "OWN_BROWSER")
    if starts_browsers and "driver" not in request.fixturenames:
        request.getfixturevalue("browsers").close()


@pytest.fixture(scope="module", params=BROWSERS)
def driver(request, dist, server, upstream, child, school_policy, browsers, tmp_path_factory):
    """One browser of each kind with Buoy per test module, behind the one driver interface
    (harness/driver/): every test that asks for `buoy` runs in both. Modules that want the usual
    browser share one, tidied between them; a module gets its own when it serves another app, sets a
    school policy, says `OWN_BROWSER = "why"` (a test of what a fresh install does, say), or defines
    prepare_chromium_profile(profile), run on the profile between a first start and the real one."""
    prepare = getattr(request.module, "prepare_chromium_profile", None)
    if not (school_policy or prepare or upstream != server.port or hasattr(request.module, "OWN_BROWSER")):
        yield browsers.get(request.param, child)
        browsers.tidy(request.param)
        return
    browsers.close(request.param)  # one browser of a kind at a time: the machine has 2 cores
    with ExitStack() as stack:
        if request.param == "chromium":
            if school_policy:
                try:
                    stack.enter_context(chromium_policy(school_policy, chromium.EXTENSION_ID))
                except PermissionError as error:
                    pytest.skip(str(error))
            profile = tmp_path_factory.mktemp("chromium-profile")
            stack.callback(shutil.rmtree, profile, ignore_errors=True)  # after the browser closed
            if prepare:  # a module that needs the profile set up as after an earlier run
                with start_driver("chromium", dist, upstream, profile, child) as first:
                    first.set_up()  # installed and set up: the profile now has Buoy's entry
                prepare(profile)
            yield stack.enter_context(start_driver("chromium", dist, upstream, profile, child))
        else:
            prefs = school_policy and firefox_policy_prefs(school_policy, BUOY_ID, tmp_path_factory.mktemp("policy"))
            yield stack.enter_context(start_driver("firefox", dist, upstream, None, child, prefs))


@pytest.fixture
def buoy(driver):
    """The module's browser for one test; the tabs the test opened are closed after it."""
    before = {tab for tab, _ in driver.tabs()}
    yield driver
    for tab, _ in driver.tabs():
        if tab not in before:
            driver.close(tab)
