"""The driver over WebDriver BiDi (harness/firefox.py), for Firefox ESR with Buoy installed.
BiDi can't enter the button's closed shadow root; Buoy's own content-script world can, so the
button and the nudge prompt are read there (in_buoy_world); the panel is the moz-extension frame
the browser lists among the tab's children."""

import base64
import json

from harness.driver import Driver
from harness.firefox import BUOY_ID, BidiError
from harness.waiting import wait_for

# Run in Buoy's own content-script world, where Element.openOrClosedShadowRoot (for extensions
# only) opens the button's closed shadow root, which BiDi can't enter.
ROOT = 'document.querySelector("buoy-help")?.openOrClosedShadowRoot'
BOX = "(el) => { const r = el?.getBoundingClientRect(); return r && r.width && r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null; }"
BUTTON_BOX = f"""() => ({BOX})({ROOT}?.querySelector("button.buoy-button"))"""
NUDGE = f"""() => {{
  const box = {BOX};
  const prompt = {ROOT}?.querySelector("[role=status][popover]");
  if (!prompt?.matches(":popover-open") || !box(prompt)) return null;
  return {{ box: box(prompt), text: prompt.querySelector("p").textContent, role: prompt.getAttribute("role"),
           live: prompt.getAttribute("aria-live"), help: box(prompt.querySelector("button.go")),
           dismiss: box(prompt.querySelector("button.later")) }};
}}"""
WATCHING = "() => Boolean(globalThis.buoyNudges)"


class FirefoxDriver(Driver):
    name = "firefox"
    extension_id = BUOY_ID
    FRAME_GONE = (BidiError,)

    def __init__(self, ff):
        """`ff`: a harness.firefox.Firefox from harness.browsers.uk_child_firefox."""
        self.ff = ff
        # Firefox's background has no realm BiDi can reach: a page of Buoy's own stands in for it,
        # opened once, so that asking never opens a tab (which would become the active one).
        self.probe = ff.open_extension_page("panel/panel.html")
        ff.subscribe("log.entryAdded")  # for errors()

    # -- tabs and pages ----------------------------------------------------------------------

    def open(self, url=None, *, viewport=None, zoom=1.0, init_script=None):
        tab = self.ff.new_tab()
        if init_script:
            self.ff.send("script.addPreloadScript", {"functionDeclaration": f"() => {{ {init_script} }}", "contexts": [tab]})
        if viewport or zoom != 1:
            width, height = viewport or (1280, 800)
            self.ff.send("browsingContext.setViewport", {"context": tab, "viewport": {"width": width, "height": height},
                                                         "devicePixelRatio": zoom})
        if url:
            self.goto(tab, url)
        return tab

    def open_phone(self, url, width, height):
        # BiDi sets the viewport and pixel ratio; it has no touch emulation: taps are touch pointers.
        return self.open(url, viewport=(width, height), zoom=2)

    def errors(self, tab):
        return [e.get("text") for e in self.ff.received("log.entryAdded")
                if e.get("level") == "error" and e.get("source", {}).get("context") == tab]

    def goto(self, tab, url):
        self.before_web_page(url)
        self.ff.navigate(tab, url)

    def show(self, tab):
        self.ff.send("browsingContext.activate", {"context": tab})

    def close(self, tab):
        self.ff.close_tab(tab)

    def tabs(self):
        return [(t["context"], t["url"]) for t in self.ff.tabs()]

    def find_tab(self, url_end):
        return wait_for(lambda: next((tab for tab, url in self.tabs() if url.endswith(url_end)), None),
                        message=f"a tab on …{url_end}")

    def frame(self, target, url_part):
        tree = self.ff.send("browsingContext.getTree", {"root": target})["contexts"]
        return next((c["context"] for c in tree[0].get("children") or [] if url_part in c["url"]), None)

    def screenshot(self, tab, clip):
        data = self.ff.send("browsingContext.captureScreenshot", {"context": tab, "clip": {"type": "box", **clip}})["data"]
        return base64.b64decode(data)

    def record_requests(self):
        # Every request of Firefox's goes through the harness's proxy, which sees hosts (TLS hides the
        # rest) from Firefox's start-up on: all of them count. BiDi's network events give the URLs.
        self.ff.subscribe("network.beforeRequestSent")
        start = len(self.ff.received("network.beforeRequestSent"))

        def hosts():
            return list(self.ff.proxy.hosts)
        hosts.urls = lambda: [e["request"]["url"] for e in self.ff.received("network.beforeRequestSent")[start:]]
        return hosts

    # -- script --------------------------------------------------------------------------------

    def run(self, target, expression):
        return self.ff.evaluate(target, expression)

    def call(self, target, function, *args):
        return self.ff.call(target, function, *args)

    def extension(self, expression):
        return self.ff.evaluate(self.probe, expression)

    # -- input ---------------------------------------------------------------------------------

    def click(self, target, x, y):
        self.ff.click(target, x, y)

    def tap(self, target, x, y):
        finger = {"type": "pointer", "id": "finger", "parameters": {"pointerType": "touch"}, "actions": [
            {"type": "pointerMove", "x": int(x), "y": int(y)},
            {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}
        self.ff.send("input.performActions", {"context": target, "actions": [finger]})

    def press(self, target, *keys):
        try:
            self.ff.press(target, *keys)
        except BidiError as error:
            # A key that closes its own tab (quick exit's second Escape) takes the tab away before
            # the release arrives; what the key did is for the test to check.
            if "DiscardedBrowsingContextError" not in str(error):
                raise

    # -- Buoy's button and panel ----------------------------------------------------------------

    def in_buoy_world(self, tab, function):
        """Call `function` in Buoy's content-script world of the tab's page, through the scripting API
        from one of Buoy's pages; the tab is found by its URL (None where Buoy may not run)."""
        url = self.ff.evaluate(tab, "location.href")
        answers = self.extension(f"""chrome.tabs.query({{}})
          .then((tabs) => Promise.all(tabs.filter((t) => t.url === {json.dumps(url)}).map((t) =>
            chrome.scripting.executeScript({{ target: {{ tabId: t.id }}, func: {function} }}).then(([a]) => a.result))))""")
        assert len(answers) <= 1, f"{len(answers)} tabs on {url}: which one is meant is unclear"
        return answers[0] if answers else None

    def button_box(self, tab):
        return self.in_buoy_world(tab, BUTTON_BOX)

    def panel(self, tab):
        try:
            return self.frame(tab, "/panel/panel.html")
        except BidiError:
            return None  # the page re-rendered and the frame was rebuilt: look again

    def frame_box(self, tab, frame):
        # The difference of the two viewports' places on the screen.
        x, y = (self.run(frame, f"mozInnerScreen{a}") - self.run(tab, f"mozInnerScreen{a}") for a in "XY")
        width, height = self.run(frame, "[innerWidth, innerHeight]")
        return {"x": x, "y": y, "right": x + width, "bottom": y + height}

    def frames(self, tab):
        tree = self.ff.send("browsingContext.getTree", {"root": tab})["contexts"]
        return [c["url"] for c in tree[0].get("children") or []]

    def extension_url(self, path):
        return self.ff.extension_url(path)

    def escape_panel(self, tab, panel):
        self.press(panel, "Escape")  # the panel goes on the key going down
        wait_for(lambda: self.panel(tab) is None, message="Escape closed the panel")

    # -- nudges ----------------------------------------------------------------------------------

    def nudge(self, tab):
        return self.in_buoy_world(tab, NUDGE)

    def watching(self, tab):
        return bool(self.in_buoy_world(tab, WATCHING))
