"""Browsers kept open from one test module to the next: starting Firefox or Chromium with Buoy is the
slowest thing most modules do, and most of them want the same browser (a child in the UK, the
fixture server, no policy). One browser of each kind stays open while the next module asks for the
same child; a module that asks for another child gets a new one, and the old one closes."""

import shutil
from contextlib import ExitStack

from harness.driver.start import start_driver


class BrowserPool:
    def __init__(self, dist, port, make_profile):
        self.dist, self.port, self.make_profile = dist, port, make_profile
        self.open = {}  # kind -> (child, driver, tabs it had once set up, ExitStack that closes it)

    def get(self, kind, child):
        """A browser of `kind` set up for `child`, as a fresh one would be for the next module:
        only the tabs it had once set up, Buoy's default settings."""
        if kind in self.open and self.open[kind][0] == child:
            return self.open[kind][1]
        self.close(kind)
        stack = ExitStack()
        profile = self.make_profile() if kind == "chromium" else None  # Firefox makes its own
        if profile:
            stack.callback(shutil.rmtree, profile, ignore_errors=True)  # after the browser closed
        driver = stack.enter_context(start_driver(kind, self.dist, self.port, profile, child))
        driver.set_up()
        self.open[kind] = (child, driver, {tab for tab, _ in driver.tabs()}, stack)
        return driver

    def tidy(self, kind):
        """After a module: close the tabs it left open and put the default settings back, so the
        next module finds the browser as it was."""
        _, driver, first_tabs, _ = self.open[kind]
        for tab, _ in driver.tabs():
            if tab not in first_tabs:
                driver.close(tab)
        if driver.settings() is not None:
            driver.reset_settings()

    def close(self, kind=None):
        for k in [kind] if kind else list(self.open):
            if k in self.open:
                self.open.pop(k)[3].close()
