"""The driver over WebDriver BiDi (harness/firefox.py), for Firefox ESR with Buoy installed.
BiDi can't enter the button's closed shadow root: the button and the nudge prompt are found where
the default look puts them and proven by the pixels drawn there; the panel is the moz-extension
frame the browser lists among the tab's children."""

import base64
import json

from harness.driver import Driver
from harness.firefox import BUOY_ID, BidiError
from harness.png import pixels
from harness.waiting import wait_for

BUTTON_BOX = """() => {
  const button = document.querySelector("buoy-help")?.openOrClosedShadowRoot?.querySelector("button.buoy-button");
  const r = button?.getBoundingClientRect();
  return r && r.width && r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
}"""
CREAM = (0xFE, 0xF3, 0xC7)  # the prompt's background (content/button.js .buoy-nudge)
# Layout of content/button.js for the default look: the prompt 300 px wide, 16 px from the right
# edge, its bottom 84 px up (gap + button + 12); 12 px padding; two 44 px buttons, 8 px apart.
RIGHT, BOTTOM, WIDTH, PAD, ROW, GAP = 16, 84, 300, 12, 44, 8


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

    def errors(self, tab):
        return [e.get("text") for e in self.ff.received("log.entryAdded")
                if e.get("level") == "error" and e.get("source", {}).get("context") == tab]

    def goto(self, tab, url):
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
        # rest) from Firefox's start-up on: all of them count.
        return lambda: list(self.ff.proxy.hosts)

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

    def press(self, target, *keys):
        try:
            self.ff.press(target, *keys)
        except BidiError as error:
            # A key that closes its own tab (quick exit's second Escape) takes the tab away before
            # the release arrives; what the key did is for the test to check.
            if "DiscardedBrowsingContextError" not in str(error):
                raise

    # -- Buoy's button and panel ----------------------------------------------------------------

    def button_box(self, tab):
        # BiDi can't enter the closed shadow root, but Buoy's own content-script world can
        # (Element.openOrClosedShadowRoot, for extensions only): asked there, through the scripting API.
        url = self.ff.evaluate(tab, "location.href")
        answers = self.extension(f"""chrome.tabs.query({{}})
          .then((tabs) => Promise.all(tabs.filter((t) => t.url === {json.dumps(url)}).map((t) =>
            chrome.scripting.executeScript({{ target: {{ tabId: t.id }}, func: {BUTTON_BOX} }}).then(([a]) => a.result))))""")
        assert len(answers) <= 1, f"{len(answers)} tabs on {url}: the button's tab is ambiguous"
        return answers[0] if answers else None

    def panel(self, tab):
        try:
            return self.frame(tab, "/panel/panel.html")
        except BidiError:
            return None  # the page re-rendered and the frame was rebuilt: look again

    def frames(self, tab):
        tree = self.ff.send("browsingContext.getTree", {"root": tab})["contexts"]
        return [c["url"] for c in tree[0].get("children") or []]

    def extension_url(self, path):
        return self.ff.extension_url(path)

    def escape_panel(self, tab, panel):
        self.press(panel, "Escape")  # the panel goes on the key going down
        wait_for(lambda: self.panel(tab) is None, message="Escape closed the panel")

    # -- nudges ----------------------------------------------------------------------------------

    def _prompt(self, tab):
        """Where the prompt's Get help and Not now are, and a strip of its own background."""
        vw, vh = self.viewport(tab)
        left, bottom = vw - RIGHT - WIDTH, vh - BOTTOM
        half = (WIDTH - 2 * PAD - GAP) / 2
        top = bottom - PAD - ROW
        return {"help": {"x": left + PAD, "y": top, "width": half, "height": ROW},
                "dismiss": {"x": left + PAD + half + GAP, "y": top, "width": half, "height": ROW},
                "strip": {"x": left + PAD, "y": bottom - PAD + 2, "width": WIDTH - 2 * PAD, "height": PAD - 4}}

    def nudge(self, tab):
        prompt = self._prompt(tab)
        rows = pixels(self.screenshot(tab, prompt.pop("strip")))
        drawn = all(all(abs(a - b) <= 6 for a, b in zip(px, CREAM, strict=True)) for row in rows for px in row)
        return prompt if drawn else None

    def watching(self, tab):
        # The tab's URL finds it from Buoy's side: Buoy's content-script world is asked through the
        # scripting API, from one of its own pages.
        url = self.ff.evaluate(tab, "location.href")
        return self.extension(f"""chrome.tabs.query({{ url: {url.split('#')[0]!r} }})
          .then(([tab]) => chrome.scripting.executeScript({{ target: {{ tabId: tab.id }},
            func: () => Boolean(globalThis.buoyNudges) }}))
          .then(([answer]) => answer.result)""")
