"""The hostile-page corpus (tests/fixtures/hostile/), shared by both browsers' tests.

Each case is one page served under a real listed site's name. Both browsers check the same things:
the button is drawn where its settings put it (bottom-right, 16 px gap, 56 px, or straight above
that, clear of the page's own controls), in its own colour, a real click opens the real help, and
the page's own scripts can neither see, click nor redirect it.
"""

import json
import re
from dataclasses import dataclass

from build.button_look import look_file
from harness.paths import ROOT
from harness.png import pixels
from harness.waiting import wait_for

# The default look (data/button-look.json), as content/button.js draws it: GAP px from the corner.
_LOOK = json.loads((ROOT / "extension" / "data" / "button-look.json").read_text(encoding="utf-8"))
SIZE = _LOOK["sizes"][_LOOK["default"]["size"]]
DEFAULT_LOOK_FILE = look_file(**_LOOK["default"])
GAP = int(re.search(r"const GAP = (\d+);", (ROOT / "extension" / "content" / "button.js").read_text(encoding="utf-8"))[1])
BUTTON_COLOURS = [(0x1D, 0x4E, 0xD8), (0x1E, 0x40, 0xAF)]  # background, and its :hover shade
WINDOW = (1280, 800)


@dataclass(frozen=True)
class Case:
    page: str  # tests/fixtures/hostile/<page>.html
    host: str  # a listed site's host, so the button is meant to be there
    window: tuple = WINDOW  # viewport in device pixels
    zoom: float = 1.0  # browser zoom: device pixels per CSS pixel (the CSS viewport shrinks)
    fullscreen_tap: tuple | None = None  # a real tap here makes the game go fullscreen

    @property
    def id(self):
        return self.page

    @property
    def viewport(self):
        """The CSS-pixel viewport the page sees."""
        return round(self.window[0] / self.zoom), round(self.window[1] / self.zoom)


CASES = [
    Case("css-hide", "discord.com"),
    Case("css-layers", "web.whatsapp.com"),
    Case("delete-observer", "web.telegram.org"),
    Case("delete-timer", "www.messenger.com"),
    Case("spa-body", "www.reddit.com"),
    Case("spa-root", "www.tiktok.com"),
    Case("cookie-wall", "www.youtube.com"),
    Case("modal-dialog", "www.twitch.tv"),
    Case("swallow-input", "www.roblox.com"),
    Case("fullscreen-canvas", "www.animaljam.com", fullscreen_tap=(200, 200)),
    Case("fullscreen-div", "www.habbo.com", fullscreen_tap=(200, 200)),
    Case("csp-strict", "www.snapchat.com"),
    Case("rtl", "steamcommunity.com"),
    Case("tiny", "www.moviestarplanet.com", window=(360, 640)),
    Case("css-zoom", "www.moviestarplanet2.com"),
    Case("browser-zoom", "ptb.discord.com", zoom=1.75),
    Case("monkey-patch", "canary.discord.com"),
]


def expected_box(viewport):
    """Where the button must be drawn in a viewport of (width, height) CSS px, with nothing of the
    page's to press in that corner."""
    width, height = viewport
    return {"x": width - GAP - SIZE, "y": height - GAP - SIZE, "width": SIZE, "height": SIZE}


# A page-world script that resolves once Buoy has looked at the page's layout since its button was
# drawn: it looks in the page's next frame (content/button.js, settle), and an idle callback comes
# only after a frame; two, to be sure of one whole frame.
BUTTON_SETTLED = ("new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(true), { timeout: 2000 }),"
                  " { timeout: 2000 }))")


def button_once_settled(box, run):
    """The button's box once it is drawn and Buoy has looked at the page since: `box()` finds it
    (None until drawn), `run(script)` runs a script in the page's world. For a driver or a page."""
    wait_for(box, message="Buoy button drawn")
    run(BUTTON_SETTLED)
    return wait_for(box, message="Buoy button drawn")


def corner_strip(viewport):
    """Where the button may be drawn: the right edge, GAP px in, from its corner up to 40 % of the
    height above it (where it goes to keep the page's own controls clear)."""
    home = expected_box(viewport)
    top = max(0, home["y"] - 0.4 * viewport[1] - 1)
    return {"x": home["x"], "y": top, "width": SIZE, "height": home["y"] + SIZE + 1 - top}


def box_in_strip(png: bytes, strip):
    """The button's box in a screenshot of corner_strip(), found by its colour 10 px in from its left
    edge (inside the disc, left of its label): the longest run of it, at least 30 px; else None."""
    rows = pixels(png)
    sx, sy = len(rows[0]) / strip["width"], len(rows) / strip["height"]
    column = [_is_button_colour(row[int(10 * sx)]) for row in rows]
    best, start = (0, 0), None
    for y, coloured in enumerate([*column, False]):
        if coloured and start is None:
            start = y
        elif not coloured and start is not None:
            best, start = max(best, (y - start, start)), None
    length, first = best
    if length < 30 * sy:
        return None
    middle = strip["y"] + (first + length / 2) / sy
    return {"x": strip["x"], "y": round(middle - SIZE / 2), "width": SIZE, "height": SIZE}


# What a child presses on a page, in the page's own words: its buttons, links, fields and text boxes.
# A page-world script: the ones drawn topmost (Buoy's own host aside) at the given points of `box`
# (fractions of its width and height), as "tag#id" strings; none: nothing there a child would press.
CONTROLS_UNDER = """(box, points) => {
  const CONTROL = "a[href], button, input, select, textarea, [role=button], [contenteditable]";
  const found = new Set();
  for (const [x, y] of points) {
    const el = document.elementsFromPoint(box.x + x * box.width, box.y + y * box.height)
      .find((e) => e.localName !== "buoy-help" && e !== document.documentElement && e !== document.body);
    const control = el?.closest(CONTROL);
    if (control) found.add(`${control.localName}#${control.id}`);
  }
  return [...found];
}"""
# Where the button itself is: its middle and towards its corners (a disc's rim covers little).
BUTTON_POINTS = [[0.5, 0.5], [0.2, 0.2], [0.8, 0.2], [0.2, 0.8], [0.8, 0.8]]
# Its whole square: a control anywhere in it is a reason to move.
SQUARE_POINTS = [[x / 10, y / 10] for x in range(1, 10) for y in range(1, 10)]


def clip_around(box, half=22):
    """A 44x44 CSS px square centred on the box: the smallest target the button may be."""
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    return {"x": cx - half, "y": cy - half, "width": 2 * half, "height": 2 * half}


def _is_button_colour(rgb, tolerance=12):
    return any(all(abs(a - b) <= tolerance for a, b in zip(rgb, c, strict=True)) for c in BUTTON_COLOURS)


def drawn_button(png: bytes) -> bool:
    """True when a screenshot of clip_around(box) shows the button filling it: its colour near the
    centre (around the label) and 20 px out on all four sides, so the drawn disc spans at least 44 px."""
    rows = pixels(png)
    h, w = len(rows), len(rows[0])
    sx, sy = w / 44, h / 44  # device pixels per CSS pixel
    at = lambda x, y: rows[min(h - 1, int(y * sy))][min(w - 1, int(x * sx))]  # noqa: E731
    edges = [(2, 22), (42, 22), (22, 2), (22, 42)]
    middle = [(x, y) for x in range(16, 29) for y in range(16, 29)]
    share = sum(_is_button_colour(at(x, y)) for x, y in middle) / len(middle)
    return all(_is_button_colour(at(x, y)) for x, y in edges) and share >= 0.4


# What the page's own scripts can learn (run in the page's world). None of it may reveal Buoy.
PAGE_VIEW = """() => {
  const hosts = [...document.querySelectorAll("buoy-help")];
  const html = document.documentElement.outerHTML;
  const urls = performance.getEntries().map((e) => e.name).join(" ");
  const frames = [];
  for (let i = 0; i < window.length; i++) {
    try { frames.push(String(window[i].location.href)); } catch { frames.push("cross-origin"); }
  }
  return {
    shadowRoots: hosts.map((el) => el.shadowRoot === null ? "closed" : "OPEN"),
    extensionUrl: /(chrome|moz)-extension:/.test(html + " " + urls + " " + frames.join(" ")),
    frames,
  };
}"""

# The page clicks for the child: every press event, dispatched at the button's place.
SYNTHETIC_CLICK = """([x, y]) => {
  const target = document.elementFromPoint(x, y) ?? document.body;
  const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, button: 0, view: window };
  for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
    const Kind = type.startsWith("pointer") ? PointerEvent : MouseEvent;
    target.dispatchEvent(new Kind(type, init));
  }
}"""

# The page navigates every cross-origin frame it can reach (the panel, if it is one) to its own page.
HIJACK_FRAMES = """(url) => {
  let tried = 0;
  for (let i = 0; i < window.length; i++) {
    let foreign = false;
    try { void window[i].location.href; } catch { foreign = true; }
    if (foreign) { window[i].location = url; tried += 1; }
  }
  return tried;
}"""

HIJACK_URL = "https://phish.example.org/help"
