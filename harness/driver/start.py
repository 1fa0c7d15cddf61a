"""Start a browser of either kind, set up as a child's with Buoy, behind the driver."""

from contextlib import contextmanager

from harness.browsers import UK, uk_child_chromium, uk_child_firefox
from harness.driver.chromium import ChromiumDriver
from harness.driver.firefox import FirefoxDriver


@contextmanager
def start_driver(kind, dist, port, profile, child=UK, firefox_prefs=None, restartable=False):
    """`kind` ("chromium" or "firefox") with Buoy from the build in `dist`, every host answered on
    `port`. Chromium always keeps its profile in `profile`; Firefox only when `restartable` (then
    Buoy is installed for good, so a start on the same profile is a browser restart)."""
    if kind == "chromium":
        with uk_child_chromium(dist / "chromium", profile, port, child) as context:
            yield ChromiumDriver(context)
    else:
        with uk_child_firefox(dist / "firefox", port, child, firefox_prefs, profile if restartable else None) as ff:
            yield FirefoxDriver(ff)
