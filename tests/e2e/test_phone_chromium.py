"""Buoy at phone width with touch (Firefox for Android is declared in the manifest): in Chromium's
device emulation at 360 and 412 CSS px, the button is drawn inside the screen and a tap opens the
panel, which fits the screen's width with nothing to scroll sideways, and a tap inside it works.
What emulation can't show (a real phone's browser chrome, keyboard, Firefox for Android itself) is
listed in the README."""

import pytest

from tests.e2e.buoy_page import _attrs, _walk, centre, panel_open, wait_for_button, wait_for_panel
from tests.e2e.conftest import ROOT, wait_for

pytestmark = pytest.mark.chromium
PHONES = {"360x780": (360, 780), "412x915": (412, 915)}
# The fixture chat as a phone gets it: chat sites' mobile pages ask for the device's width (Discord's
# does, with this tag); without it a phone lays the page out 980 px wide and zooms out.
MOBILE_CHAT = (ROOT / "tests" / "fixtures" / "chat.html").read_text().replace(
    '<meta charset="utf-8">', '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">', 1)


def tap(cdp, x, y):
    """A real touch: finger down and up at (x, y), as a phone's touchscreen sends it."""
    point = [{"x": x, "y": y, "radiusX": 8, "radiusY": 8, "force": 1, "id": 1}]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def panel_box(cdp):
    doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    node = next(n for n in _walk(doc) if n.get("nodeName") == "IFRAME" and "panel/panel.html" in _attrs(n).get("src", ""))
    quad = cdp.send("DOM.getBoxModel", {"backendNodeId": node["backendNodeId"]})["model"]["border"]
    return {"x": min(quad[0::2]), "y": min(quad[1::2]), "right": max(quad[0::2]), "bottom": max(quad[1::2])}


@pytest.mark.parametrize("phone", PHONES)
def test_button_and_panel_at_phone_width_with_touch(page, phone):
    width, height = PHONES[phone]
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    cdp.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    page.route("https://discord.com/channels/lobby", lambda route: route.fulfill(body=MOBILE_CHAT, content_type="text/html"))
    page.goto("https://discord.com/channels/lobby")
    assert page.evaluate("[innerWidth, matchMedia('(pointer: coarse)').matches, navigator.maxTouchPoints > 0]") == [width, True, True]

    box = wait_for_button(page)
    assert box["width"] >= 44 and box["height"] >= 44  # a child's fingertip
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height

    tap(cdp, *centre(box))
    wait_for(lambda: panel_open(page), message="a tap opened the panel")
    panel = wait_for_panel(page)
    frame = panel_box(cdp)
    assert frame["x"] >= 0 and frame["right"] <= width and frame["bottom"] <= height, frame
    assert panel.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the panel scrolls sideways"

    # A tap inside the panel: the first situation opens its steps.
    x, y = panel.evaluate("""() => { const r = document.querySelector('button[data-situation]').getBoundingClientRect();
                                     return [r.x + r.width / 2, r.y + r.height / 2]; }""")
    tap(cdp, frame["x"] + x, frame["y"] + y)
    panel.wait_for_selector("main[data-situation]")
    assert panel.evaluate("document.documentElement.scrollWidth <= innerWidth")
    cdp.detach()
