"""Every request URL Chromium's DevTools protocol sees, per page and for Buoy's service worker,
plus Playwright's browser-wide log: the Chromium half of "nothing leaves the device"."""

import json

from playwright.sync_api import Error as PlaywrightError

from harness.waiting import wait_for


class Recorder:
    def __init__(self, context, worker):
        self.urls = []
        self.worker = worker
        context.on("request", lambda r: self.urls.append(r.url))  # browser-wide, frames and popups too
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)
        self._watch_worker(context, worker.url)

    def watch(self, page):
        """A page closing as recording starts (a tab the last test left, closed at its end) can ask
        for nothing more: it is let go, not watched (a suite run failed enabling its log)."""
        try:
            cdp = page.context.new_cdp_session(page)
            cdp.on("Network.requestWillBeSent", lambda e: self.urls.append(e["request"]["url"]))
            cdp.send("Network.enable")
        except PlaywrightError as error:
            if "has been closed" not in error.message:
                raise

    def _watch_worker(self, context, url):
        """The service worker has no Playwright page: reach it through a page's session (non-flat)."""
        page = next((p for p in context.pages if not p.is_closed()), None) or context.new_page()
        cdp = context.new_cdp_session(page)
        target = next(t for t in cdp.send("Target.getTargets")["targetInfos"]
                      if t["type"] == "service_worker" and t["url"] == url)
        session = cdp.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": False})["sessionId"]
        answers = []

        def received(event):
            message = json.loads(event["message"])
            if message.get("method") == "Network.requestWillBeSent":
                self.urls.append(message["params"]["request"]["url"])
            answers.append(message)

        cdp.on("Target.receivedMessageFromTarget", received)
        cdp.send("Target.sendMessageToTarget",
                 {"sessionId": session, "message": json.dumps({"id": 1, "method": "Network.enable"})})
        pump = page.wait_for_timeout  # Playwright delivers events only while it waits
        wait_for(lambda: pump(20) or any(m.get("id") == 1 for m in answers), message="worker network log on")

    def seen(self):
        """Every URL requested so far, the worker's own fetches included."""
        return self.urls + self.worker.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
