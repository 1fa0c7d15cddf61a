"""Hostile pages in real Chromium: the button survives every page in tests/fixtures/hostile/, is
drawn and usable, opens the real help, and the page can't see, click or redirect it."""

import base64
import json

import pytest

from harness.chromium_page import button_box, centre, panel_frame, wait_for_panel
from harness.hostile import (
    CASES,
    HIJACK_FRAMES,
    HIJACK_URL,
    PAGE_VIEW,
    SYNTHETIC_CLICK,
    clip_around,
    drawn_button,
    expected_box,
)
from harness.waiting import wait_for

pytestmark = [pytest.mark.chromium, pytest.mark.usefixtures("hostile_server")]


def open_case(browser, case):
    page = browser.new_page()
    if case.zoom != 1:
        # Browser zoom, as the page sees it: fewer, larger CSS pixels (Chromium has no zoom command
        # over DevTools; this is the same viewport and devicePixelRatio a real zoom gives).
        width, height = case.viewport
        page.context.new_cdp_session(page).send("Emulation.setDeviceMetricsOverride",
                                                {"width": width, "height": height, "deviceScaleFactor": case.zoom, "mobile": False})
    else:
        page.set_viewport_size({"width": case.window[0], "height": case.window[1]})
    page.goto(f"https://{case.host}/")
    if case.fullscreen_tap:
        page.mouse.click(*case.fullscreen_tap)
        wait_for(lambda: page.evaluate("!!document.fullscreenElement"), message="the game went fullscreen")
    return page


def drawn_where_expected(page, case):
    """The button's box if it is drawn at its place, in its colour, at least 44x44; else None."""
    box = button_box(page)
    if box != expected_box(case.viewport):
        return None
    # Straight from DevTools: Playwright's own screenshot re-applies its viewport, undoing the zoom.
    cdp = page.context.new_cdp_session(page)
    try:
        shot = cdp.send("Page.captureScreenshot", {"format": "png", "clip": {**clip_around(box), "scale": 1}})
    finally:
        cdp.detach()
    return box if drawn_button(base64.b64decode(shot["data"])) else None


def panel_in_dom(page):
    cdp = page.context.new_cdp_session(page)
    try:
        return "/panel/panel.html" in json.dumps(cdp.send("DOM.getDocument", {"depth": -1, "pierce": True}))
    finally:
        cdp.detach()


def other_frames(page):
    return [f.url for f in page.frames if "phish" in f.url]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_hostile_page(browser, case):
    page = open_case(browser, case)
    try:
        box = wait_for(lambda: drawn_where_expected(page, case), message=f"button drawn on {case.id}")
        x, y = centre(box)

        seen = page.evaluate(PAGE_VIEW)
        assert "OPEN" not in seen["shadowRoots"] and not seen["extensionUrl"], seen

        page.evaluate(SYNTHETIC_CLICK, [x, y])
        assert panel_frame(page) is None, "a page-made click opened the panel"

        # A page that rebuilds itself re-mounts the button, and with it the panel's frame: Playwright
        # then loses track of that frame (it stays in the DOM, working). Press once the page settled.
        page.wait_for_function("document.documentElement.dataset.settled !== 'no'")
        x, y = centre(wait_for(lambda: drawn_where_expected(page, case), message="button drawn"))
        page.mouse.click(x, y)
        wait_for(lambda: panel_in_dom(page), message="panel frame in the button's shadow root")
        panel = wait_for_panel(page)
        text = panel.inner_text("main")
        assert "Childline" in text and "0800 1111" in text, text
        assert not page.evaluate("!!document.fullscreenElement"), "pressing the button leaves fullscreen"
        seen = page.evaluate(PAGE_VIEW)
        assert "OPEN" not in seen["shadowRoots"] and not seen["extensionUrl"], seen

        # The page tries to point the panel's frame at its own page. Chromium doesn't count frames in
        # a shadow tree in window.frames, so the page can't reach it: the panel stays as it was.
        assert page.evaluate(HIJACK_FRAMES, HIJACK_URL) == 0
        assert "Childline" in wait_for_panel(page).inner_text("main") and not other_frames(page)
    finally:
        page.close()
