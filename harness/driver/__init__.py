"""One driver, two browsers: the verbs Buoy's end-to-end tests, tools and screenshots use, each
implemented for Chromium over Playwright (chromium.py) and for Firefox ESR over WebDriver BiDi
(firefox.py). A test written against `Driver` runs in both; see docs/DEVELOPING.md.

A *tab* is whatever the browser's client calls one (a Playwright Page, a BiDi context id) and a
*panel* is the in-page panel's frame (a Playwright Frame, a BiDi context id): tests pass them back
to the driver and never look inside. Scripts run in the page's own world, as a page script would.
`extension()` runs in Buoy's own extension context, where `chrome.*` answers with promises in both.
"""

import json

from harness.hostile import (
    BUTTON_POINTS,
    CONTROLS_UNDER,
    DEFAULT_LOOK_FILE,
    SQUARE_POINTS,
    box_in_strip,
    button_once_settled,
    clip_around,
    corner_strip,
    drawn_button,
    expected_box,
)
from harness.waiting import wait_for

REGISTERED = "chrome.scripting.getRegisteredContentScripts().then(s => s.length)"
SETTINGS = "chrome.storage.sync.get('settings').then(r => r.settings ?? null)"


class Driver:
    name = ""  # "chromium" or "firefox": what pytest's -m selects, and what `only` marks name
    FRAME_GONE = ()  # what the client raises when a frame went away while being asked
    extension_id = ""  # Buoy's id in this browser (Chromium's from the build key, Firefox's gecko id)

    _registered = False  # Buoy's background registers the button's script just after install

    def set_up(self):
        """Wait until Buoy has set itself up after install (registered the button's script), as it
        has long before a child opens a chat; the first web page a tab goes to waits for it."""
        if not self._registered:
            wait_for(lambda: self.extension(REGISTERED), message="button content script registered")
            self._registered = True

    def before_web_page(self, url):
        if url.startswith("http"):
            self.set_up()

    # -- tabs and pages ----------------------------------------------------------------------

    def open(self, url=None, *, viewport=None, zoom=1.0, init_script=None):
        """A new tab, at `url` once loaded; `viewport` (CSS px) and browser `zoom` as given;
        `init_script` runs in the page's world before any of the page's own scripts."""
        raise NotImplementedError

    def open_phone(self, url, width, height):
        """A new tab at `url` as a phone shows it: `width` x `height` CSS px at twice the pixels,
        touch for input where the browser can emulate it (see tap())."""
        raise NotImplementedError

    def errors(self, tab):
        """Errors the tab's console logged (the page's own and uncaught ones) since it opened."""
        raise NotImplementedError

    def goto(self, tab, url):
        raise NotImplementedError

    def close(self, tab):
        raise NotImplementedError

    def show(self, tab):
        """Bring `tab` to the front, as a child switching back to it does."""
        raise NotImplementedError

    def tabs(self):
        """Every open tab as (tab id, URL), the ones Buoy opened included."""
        raise NotImplementedError

    def find_tab(self, url_end):
        """The open tab whose URL ends with `url_end` (one Buoy opened, say), once there is one."""
        raise NotImplementedError

    def frame(self, target, url_part):
        """The child frame of a tab or page whose URL contains `url_part`, or None."""
        raise NotImplementedError

    def extension_url(self, path):
        """The URL of one of Buoy's own pages in this browser."""
        raise NotImplementedError

    def open_extension_page(self, path, ready="body", init_script=None):
        """A new tab on one of Buoy's own pages ("options/options.html"), once `ready` matches."""
        tab = self.open(init_script=init_script)
        self.goto(tab, self.extension_url(path))
        self.wait_for_selector(tab, ready)
        return tab

    def screenshot(self, tab, clip):
        """PNG bytes of the box `clip` ({x, y, width, height} in CSS px) as the screen shows it."""
        raise NotImplementedError

    def record_requests(self):
        """Start recording what the browser asks the network for; returns a function that gives
        the "host:port" of every request since (the browser's own included; Firefox's from its
        start-up on), in order, and whose `urls()` gives the full URLs the browser logged."""
        raise NotImplementedError

    # -- script --------------------------------------------------------------------------------

    def run(self, target, expression):
        """Evaluate `expression` (or a whole script: its last value) in a tab's or panel's page
        world, past the page's CSP; promises are awaited."""
        raise NotImplementedError

    def call(self, target, function, *args):
        """Call the JS function declaration `function` there with JSON-like arguments."""
        raise NotImplementedError

    def extension(self, expression):
        """Evaluate `expression` in Buoy's extension context (its background or one of its pages)."""
        raise NotImplementedError

    # -- input ---------------------------------------------------------------------------------

    def click(self, target, x, y):
        """A real mouse click at viewport coordinates of a tab or panel."""
        raise NotImplementedError

    def press(self, target, *keys):
        """Real key presses in a tab or panel: names ("Escape", "Tab", "Enter") or characters."""
        raise NotImplementedError

    def click_in(self, target, selector):
        """A real click at the centre of `selector` in a tab, panel or extension page, once that is
        where it is (a page may still be scrolling or redrawing)."""
        x, y = wait_for(lambda: self.call(target, """(selector) => {
          const el = document.querySelector(selector);
          el.scrollIntoView({ block: "center", behavior: "instant" });
          const r = el.getBoundingClientRect();
          const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
          const hit = document.elementFromPoint(x, y);
          return (el.contains(hit) || hit?.closest("label")?.control === el) && [x, y];
        }""", selector), message=f"{selector} in view")
        self.click(target, x, y)

    def choose(self, target, selector, value):
        """Pick `value` in the <select> `selector`, as a person's choice fires it: input, then change."""
        self.call(target, """(selector, value) => { const el = document.querySelector(selector); el.value = value;
          for (const type of ["input", "change"]) el.dispatchEvent(new Event(type, { bubbles: true })); }""",
                  selector, value)

    def tap(self, target, x, y):
        """A finger down and up at (x, y) in a phone tab (open_phone) or the panel in it."""
        raise NotImplementedError

    def fill(self, target, selector, text):
        """Empty the field `selector`, then type `text` into it with real keys."""
        self.call(target, "(s) => { document.querySelector(s).value = ''; }", selector)
        self.click_in(target, selector)
        self.press(target, *text)

    def checked(self, target, selector):
        return self.call(target, "(s) => document.querySelector(s).checked", selector)

    def read(self, target, selector):
        """The text of `selector` as shown (innerText), or None if it isn't there."""
        return self.call(target, "(s) => document.querySelector(s)?.innerText ?? null", selector)

    def wait_for_selector(self, target, selector, message=None):
        def present():
            try:
                return self.call(target, "(s) => !!document.querySelector(s)", selector)
            except self.FRAME_GONE:  # it reloaded while being asked (the welcome page's preview does)
                return False
        wait_for(present, message=message or selector)

    # -- Buoy's button and panel ----------------------------------------------------------------

    def button_box(self, tab):
        """The button's box {x, y, width, height} in CSS px if it is drawn, else None."""
        raise NotImplementedError

    def wait_for_button(self, tab):
        """The button's box once it is drawn and has moved clear of the page's controls."""
        return button_once_settled(lambda: self.button_box(tab), lambda script: self.run(tab, script))

    def button_drawn_in_corner(self, tab):
        """The button's box if it is drawn where the default look puts it, else None: in its own
        colour, at least 44x44 (proven from the screen's pixels), in the bottom-right corner, or
        straight above it when the page has a control to press there, and never over one."""
        viewport = self.viewport(tab)
        strip = corner_strip(viewport)
        box = box_in_strip(self.screenshot(tab, strip), strip)
        if not box or not drawn_button(self.screenshot(tab, clip_around(box))):
            return None
        home = expected_box(viewport)
        moved = box["y"] < home["y"] - 1
        if self.call(tab, CONTROLS_UNDER, box, BUTTON_POINTS) or (moved and not self.call(tab, CONTROLS_UNDER, home, SQUARE_POINTS)):
            return None  # over the page's controls, or moved with nothing to keep clear
        return box

    def viewport(self, tab):
        return tuple(self.run(tab, "[innerWidth, innerHeight]"))

    def click_button(self, tab):
        box = self.wait_for_button(tab)
        self.click(tab, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def panel(self, tab):
        """The open panel's frame in `tab`, or None."""
        raise NotImplementedError

    def frame_box(self, tab, frame):
        """Where `frame` (the panel) sits in the tab's viewport: {x, y, right, bottom} in CSS px."""
        raise NotImplementedError

    def frames(self, tab):
        """The URLs of the frames in `tab` (the page's own and the panel's), its main frame aside."""
        raise NotImplementedError

    def panel_text(self, tab):
        """The help the panel shows, once it is ready; should the page rebuild itself and the
        panel's frame with it, the new frame is read."""
        def ready():
            try:
                panel = self.panel(tab)
                return panel and self.read(panel, "main[data-country]")
            except self.FRAME_GONE:
                return None
        return wait_for(ready, message="panel showing help")

    def wait_for_panel(self, tab):
        """The panel's frame once it has picked a country (its help is showing)."""
        panel = wait_for(lambda: self.panel(tab), message="panel frame")
        self.wait_for_selector(panel, "main[data-country]", message="panel ready")
        return panel

    def open_panel(self, tab):
        """A real click on the button; returns the panel once it is ready."""
        self.click_button(tab)
        return self.wait_for_panel(tab)

    def escape_panel(self, tab, panel):
        """Escape pressed in the panel, as a child does: it closes the panel."""
        raise NotImplementedError

    def situation(self, panel):
        """Which situation's help the panel shows (data-situation), or None."""
        return self.run(panel, "document.querySelector('main')?.dataset.situation ?? null")

    def choose_situation(self, panel, situation):
        self.click_in(panel, f"button[data-situation='{situation}']")
        wait_for(lambda: self.situation(panel) == situation, message=f"the {situation} screen")

    # -- nudges ----------------------------------------------------------------------------------

    def nudge(self, tab):
        """The nudge prompt if it is showing, or None: {"box", "text", "role", "live", "help",
        "dismiss"}, the last two its buttons' boxes."""
        raise NotImplementedError

    def wait_for_nudge(self, tab, timeout=10.0):
        """The prompt once it is drawn and its words are in (they are set just after it shows)."""
        return wait_for(lambda: (n := self.nudge(tab)) and n["text"] and n, timeout=timeout, message="nudge shown")

    def watching(self, tab):
        """Whether Buoy's nudge watcher runs in `tab` (asked in Buoy's content-script world)."""
        raise NotImplementedError

    # -- settings --------------------------------------------------------------------------------

    def settings(self):
        """Buoy's stored settings, or None for the defaults."""
        return self.extension(SETTINGS)

    def wait_for_setting(self, name, value):
        wait_for(lambda: (self.settings() or {}).get(name) == value, message=f"{name} saved as {value!r}")

    def reset_settings(self):
        """Back to the defaults, once the background has put the default button back everywhere."""
        self.extension("chrome.storage.sync.remove('settings')")
        wait_for(lambda: self.extension("""chrome.scripting.getRegisteredContentScripts({ids: ['buoy-button']})
            .then(([s]) => Boolean(s) && s.matches.includes('https://discord.com/*')
                           && s.matches.includes('https://youtube.com/*') && s.js.includes(DEFAULT_LOOK))"""
                                    .replace("DEFAULT_LOOK", json.dumps(DEFAULT_LOOK_FILE))),
                 message="default sites and look registered again")
