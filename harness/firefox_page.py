"""How a Firefox test finds Buoy on a page (the Firefox twin of buoy_page.py). Page scripts can't
enter the button's closed shadow root, and BiDi can't either, so the button is found where its
default look puts it and proven by the pixels drawn there; the panel is the moz-extension frame
the browser lists among the tab's children."""

import base64

from harness.firefox import BidiError
from harness.hostile import clip_around, drawn_button, expected_box
from harness.waiting import wait_for


def viewport(ff, tab):
    return tuple(ff.evaluate(tab, "[innerWidth, innerHeight]"))


def button_drawn(ff, tab):
    """The button's expected box if the button is drawn there (its colour across a 44 px square)."""
    box = expected_box(viewport(ff, tab))
    png = ff.send("browsingContext.captureScreenshot", {"context": tab, "clip": {"type": "box", **clip_around(box)}})
    return box if drawn_button(base64.b64decode(png["data"])) else None


def centre(box):
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def panel_frame(ff, tab):
    """The context of the tab's moz-extension panel frame, or None."""
    try:
        tree = ff.send("browsingContext.getTree", {"root": tab})["contexts"][0]
    except BidiError:
        return None
    return next((c["context"] for c in tree.get("children") or [] if "/panel/panel.html" in c["url"]), None)


def wait_for_panel(ff, context):
    """Wait until the panel page in `context` has picked a country; returns its text."""
    wait_for(lambda: ff.evaluate(context, "!!document.querySelector('main[data-country]')"), message="panel ready")
    return ff.evaluate(context, "document.querySelector('main').innerText")


def open_panel(ff, tab):
    """A real click at the button's centre; returns the panel frame's context once it is ready."""
    ff.click(tab, *centre(wait_for(lambda: button_drawn(ff, tab), message="Buoy button drawn")))
    frame = wait_for(lambda: panel_frame(ff, tab), message="panel frame")
    wait_for_panel(ff, frame)
    return frame


def click_in(ff, context, selector):
    """A real click at the centre of `selector` in `context` (scrolled into view first)."""
    x, y = ff.call(context, """(selector) => {
      const el = document.querySelector(selector);
      el.scrollIntoView({ block: "center" });
      const r = el.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    }""", selector)
    ff.click(context, x, y)
