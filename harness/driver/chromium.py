"""The driver over Playwright and the DevTools protocol, for Debian's Chromium with Buoy loaded.
Buoy's button and prompt sit in a closed shadow root; DevTools reads it, like a screen reader."""

import base64
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError

from harness import chromium, chromium_page, nudge_page
from harness.chromium_network import Recorder
from harness.driver import Driver
from harness.waiting import wait_for


class ChromiumDriver(Driver):
    name = "chromium"
    extension_id = chromium.EXTENSION_ID
    FRAME_GONE = (PlaywrightError,)

    def __init__(self, context):
        """`context`: a persistent context from harness.browsers.uk_child_chromium."""
        self.context = context
        self.worker = context.buoy_worker

    def _cdp(self, send):
        """One DevTools call on a page of its own (Playwright keeps no browser-wide session for a
        persistent context); the page stays for the next call."""
        probe = next((p for p in self.context.pages if not p.is_closed() and p.url == "about:blank"), None)
        cdp = self.context.new_cdp_session(probe or self.context.new_page())
        try:
            return send(cdp)
        finally:
            cdp.detach()

    # -- tabs and pages ----------------------------------------------------------------------

    def open(self, url=None, *, viewport=None, zoom=1.0, init_script=None):
        page = self.context.new_page()
        page.errors = []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        if init_script:
            page.add_init_script(init_script)
        if zoom != 1:
            # Browser zoom, as the page sees it: fewer, larger CSS pixels (Chromium has no zoom
            # command over DevTools; this is the viewport and devicePixelRatio a real zoom gives).
            width, height = viewport
            page.context.new_cdp_session(page).send("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": zoom, "mobile": False})
        elif viewport:
            page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        if url:
            self.goto(page, url)
        self.show(page)  # a hidden tab is throttled
        return page

    def open_phone(self, url, width, height):
        page = self.open()
        # Device emulation lasts as long as the DevTools session that set it: the tab keeps it.
        page.phone = page.context.new_cdp_session(page)
        page.phone.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
        page.phone.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
        self.goto(page, url)
        return page

    def errors(self, tab):
        return tab.errors

    def goto(self, tab, url):
        self.before_web_page(url)
        tab.goto(url)

    def show(self, tab):
        tab.bring_to_front()

    def close(self, tab):
        if isinstance(tab, str):  # a tab Playwright doesn't list (opened by Buoy): its target id
            try:
                self._cdp(lambda cdp: cdp.send("Target.closeTarget", {"targetId": tab}))
            except PlaywrightError as error:  # it closed itself since it was listed: what we wanted
                if "No target with given id" not in error.message:
                    raise
        else:
            tab.close()

    def tabs(self):
        # DevTools, not context.pages: Playwright doesn't list the tabs the extension opens.
        targets = self._cdp(lambda cdp: cdp.send("Target.getTargets")["targetInfos"])
        return [(t["targetId"], t["url"]) for t in targets if t["type"] == "page"]

    def find_tab(self, url_end):
        # Asking DevTools for the tabs also lets Playwright take in the events that list new pages.
        return wait_for(lambda: any(url.endswith(url_end) for _, url in self.tabs())
                        and next((p for p in self.context.pages if p.url.endswith(url_end)), None),
                        message=f"a tab on …{url_end}")

    def frame(self, target, url_part):
        return next((f for f in target.frames if f is not target.main_frame and url_part in f.url), None)

    def screenshot(self, tab, clip):
        # Straight from DevTools: Playwright's own screenshot re-applies its viewport, undoing a zoom.
        cdp = tab.context.new_cdp_session(tab)
        try:
            return base64.b64decode(cdp.send("Page.captureScreenshot", {"format": "png", "clip": {**clip, "scale": 1}})["data"])
        finally:
            cdp.detach()

    def record_requests(self):
        recorder = Recorder(self.context, self.worker)
        local = ("data:", "blob:", "about:", "chrome-extension:", "chrome:")

        def hosts():
            urls = [urlsplit(url) for url in recorder.seen() if not url.startswith(local)]
            return [f"{u.hostname}:{u.port or {'https': 443, 'http': 80}[u.scheme]}" for u in urls]
        hosts.urls = recorder.seen
        return hosts

    # -- script --------------------------------------------------------------------------------

    def run(self, target, expression):
        return target.evaluate(expression)  # a script too: DevTools runs it whole, past a page's CSP

    def call(self, target, function, *args):
        return target.evaluate(f"(args) => ({function})(...args)", list(args))

    def extension(self, expression):
        return self.worker.evaluate(f"async () => ({expression})")

    # -- input ---------------------------------------------------------------------------------

    def click(self, target, x, y):
        target.mouse.click(x, y)  # a tab's coordinates; in a panel, click_in() finds its own

    def tap(self, target, x, y):
        page = target
        if hasattr(target, "page"):  # the panel's frame: its point in the tab
            page = target.page
            box = self.frame_box(page, target)
            x, y = box["x"] + x, box["y"] + y
        point = [{"x": x, "y": y, "radiusX": 8, "radiusY": 8, "force": 1, "id": 1}]
        page.phone.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        page.phone.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    def fill(self, target, selector, text):
        target.fill(selector, text)

    def click_in(self, target, selector):
        target.locator(selector).click()  # real input over DevTools, into an out-of-process frame too

    def press(self, target, *keys):
        page = target.page if hasattr(target, "page") else target
        for key in keys:
            try:
                page.keyboard.press(key)
            except PlaywrightError as error:
                # A key that closes its own tab (quick exit's second Escape) takes the tab away before
                # the release arrives (a loaded CI run); what the key did is for the test to check.
                if "has been closed" not in error.message:
                    raise

    # -- Buoy's button and panel ----------------------------------------------------------------

    def button_box(self, tab):
        return chromium_page.button_box(tab)

    def panel(self, tab):
        return chromium_page.panel_frame(tab) if chromium_page.panel_open(tab) else None

    def extension_url(self, path):
        return chromium.extension_url(path)

    def frame_box(self, tab, frame):
        return chromium_page.frame_box(tab, "panel/panel.html")  # the one panel frame in the tab

    def frames(self, tab):
        return [f.url for f in tab.frames if f is not tab.main_frame]

    def wait_for_panel(self, tab):
        return chromium_page.wait_for_panel(tab)

    def escape_panel(self, tab, panel):
        chromium_page.escape_from_panel(tab, panel)

    # -- nudges ----------------------------------------------------------------------------------

    def nudge(self, tab):
        return nudge_page.nudge(tab)

    def watching(self, tab):
        return nudge_page.watching(tab)

