"""Hostile pages in real Firefox ESR over WebDriver BiDi: the same corpus and checks as
test_hostile_chromium.py. Page scripts can't see the button (closed shadow root in an Xray-isolated
content script) and neither can BiDi, so the test computes where the button must be (bottom-right,
16 px gap, 56 px), proves it is drawn there from screenshot pixels, and clicks its centre."""

import base64

import pytest

from harness.firefox import BidiError
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

pytestmark = [pytest.mark.firefox, pytest.mark.usefixtures("hostile_server")]
TEST_REALM = "buoy-test"  # a BiDi sandbox: sees the real DOM, untouched by the page's patches


def open_case(ff, case):
    tab = ff.new_tab()
    width, height = case.viewport
    # Browser zoom as the page sees it: fewer, larger CSS pixels.
    ff.send("browsingContext.setViewport", {"context": tab, "viewport": {"width": width, "height": height},
                                            "devicePixelRatio": case.zoom})
    ff.navigate(tab, f"https://{case.host}/")
    if case.fullscreen_tap:
        ff.click(tab, *case.fullscreen_tap)
        wait_for(lambda: ff.evaluate(tab, "!!document.fullscreenElement", sandbox=TEST_REALM),
                 message="the game went fullscreen")
    return tab


def drawn_where_expected(ff, tab):
    """The box the button must have, if it is drawn there in its colour at least 44x44; else None."""
    box = expected_box(ff.evaluate(tab, "[innerWidth, innerHeight]", sandbox=TEST_REALM))
    shot = ff.send("browsingContext.captureScreenshot", {"context": tab, "clip": {"type": "box", **clip_around(box)}})
    return box if drawn_button(base64.b64decode(shot["data"])) else None


def child_frames(ff, tab):
    tree = ff.send("browsingContext.getTree", {"root": tab})["contexts"]
    return [(c["context"], c["url"]) for c in tree[0].get("children") or []]


def panel_frame(ff, tab):
    return next((context for context, url in child_frames(ff, tab) if "/panel/panel.html" in url), None)


def panel_text(ff, tab):
    def ready():
        frame = panel_frame(ff, tab)
        try:
            return frame and ff.evaluate(frame, "document.querySelector('main[data-country]')?.innerText")
        except BidiError:
            return None  # the page re-rendered and the frame was rebuilt: look again
    return wait_for(ready, message="panel showing help")


def navigate_panel(ff, tab, url):
    """Point the panel's frame at `url` as a page would, were it reachable. A page that rebuilds
    itself (spa-root) is let settle first; should the panel's frame still go away before the
    navigation starts (discarded, or the navigation aborted), it is found again."""
    wait_for(lambda: ff.evaluate(tab, "document.documentElement.dataset.settled !== 'no'", sandbox=TEST_REALM),
             message="the page stopped rebuilding itself")

    def navigated():
        try:
            ff.navigate(panel_frame(ff, tab), url, wait="none")
            return True
        except BidiError as error:
            if "discarded" not in str(error) and "NS_BINDING_ABORTED" not in str(error):
                raise
            return False
    wait_for(navigated, message="panel frame navigated")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_hostile_page(firefox, case):
    ff = firefox
    tab = open_case(ff, case)
    try:
        box = wait_for(lambda: drawn_where_expected(ff, tab), message=f"button drawn on {case.id}")
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

        seen = ff.call(tab, PAGE_VIEW)
        assert "OPEN" not in seen["shadowRoots"] and not seen["extensionUrl"], seen

        ff.call(tab, SYNTHETIC_CLICK, [x, y])
        assert panel_frame(ff, tab) is None, "a page-made click opened the panel"

        ff.click(tab, x, y)
        text = panel_text(ff, tab)
        assert "Childline" in text and "0800 1111" in text, text
        assert not ff.evaluate(tab, "!!document.fullscreenElement"), "pressing the button leaves fullscreen"
        seen = ff.call(tab, PAGE_VIEW)
        assert "OPEN" not in seen["shadowRoots"] and not seen["extensionUrl"], seen

        # The page tries to point the panel's frame at its own page. Firefox, like Chromium, leaves
        # frames in a shadow tree out of window.frames: the page can't reach it.
        assert ff.call(tab, HIJACK_FRAMES, HIJACK_URL) == 0
        assert "Childline" in panel_text(ff, tab)
        # Were it reachable, a navigated panel closes rather than show another page. (On the strict-CSP
        # page, frame-src 'none' stops the navigation itself; the extension's own frame was allowed.)
        try:
            navigate_panel(ff, tab, HIJACK_URL)
        except BidiError as error:
            assert case.id == "csp-strict" and "NS_ERROR_CONTENT_BLOCKED" in str(error), error
            assert "Childline" in panel_text(ff, tab)
        else:
            wait_for(lambda: not any("/panel/" in url or "phish" in url for _, url in child_frames(ff, tab)),
                     message="navigated panel closed")
            # Pressing the button left fullscreen, so the viewport (and the button) may have moved.
            box = wait_for(lambda: drawn_where_expected(ff, tab), message="button drawn again")
            ff.click(tab, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            assert "Childline" in panel_text(ff, tab)
    finally:
        ff.close_tab(tab)
