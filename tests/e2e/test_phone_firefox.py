"""The Firefox twin of test_phone_chromium.py: Firefox ESR's viewport set to a phone's 360 and 412
CSS px over WebDriver BiDi, and touch taps (pointerType "touch"): the button is drawn inside the
screen, a tap opens the panel, which fits the width with nothing to scroll sideways, and a tap
inside it works. It is desktop Firefox at phone size, not Firefox for Android (see the README)."""

import pytest

from tests.e2e.buoy_firefox import button_drawn, centre, panel_frame, wait_for_panel
from tests.e2e.conftest import wait_for

pytestmark = pytest.mark.firefox
PHONES = {"360x780": (360, 780), "412x915": (412, 915)}


def tap(ff, context, x, y):
    """A finger down and up at (x, y) in `context`'s viewport."""
    finger = {"type": "pointer", "id": "finger", "parameters": {"pointerType": "touch"}, "actions": [
        {"type": "pointerMove", "x": int(x), "y": int(y)},
        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}
    ff.send("input.performActions", {"context": context, "actions": [finger]})


@pytest.mark.parametrize("phone", PHONES)
def test_button_and_panel_at_phone_width_with_touch(firefox, phone):
    width, height = PHONES[phone]
    tab = firefox.new_tab()
    try:
        firefox.send("browsingContext.setViewport", {"context": tab, "viewport": {"width": width, "height": height},
                                                     "devicePixelRatio": 2})
        firefox.navigate(tab, "https://discord.com/channels/1")
        assert firefox.evaluate(tab, "innerWidth") == width
        box = wait_for(lambda: button_drawn(firefox, tab), message="Buoy button drawn at phone width")
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height

        tap(firefox, tab, *centre(box))
        frame = wait_for(lambda: panel_frame(firefox, tab), message="a tap opened the panel")
        wait_for_panel(firefox, frame)
        # Where the frame sits in the tab: the difference of their viewports' screen positions.
        left = firefox.evaluate(frame, "mozInnerScreenX") - firefox.evaluate(tab, "mozInnerScreenX")
        inner = firefox.evaluate(frame, "innerWidth")
        assert left >= 0 and left + inner <= width, (left, inner)
        assert firefox.evaluate(frame, "document.documentElement.scrollWidth <= innerWidth"), "the panel scrolls sideways"

        x, y = firefox.evaluate(frame, """(() => { const r = document.querySelector('button[data-situation]').getBoundingClientRect();
                                                  return [r.x + r.width / 2, r.y + r.height / 2]; })()""")
        tap(firefox, frame, x, y)
        wait_for(lambda: firefox.evaluate(frame, "!!document.querySelector('main[data-situation]')"),
                 message="a tap in the panel opened a situation")
    finally:
        firefox.close_tab(tab)
