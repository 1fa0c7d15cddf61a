"""How a test finds Buoy on a page. The button sits in a closed shadow root that page scripts
(and so Playwright's selectors) can't enter; Chromium's DevTools protocol can, like a screen reader."""

from harness.hostile import button_once_settled
from harness.waiting import wait_for


def _walk(node):
    yield node
    for child in node.get("children", []) + node.get("shadowRoots", []):
        yield from _walk(child)


def _attrs(node):
    flat = node.get("attributes", [])
    return dict(zip(flat[::2], flat[1::2], strict=True))


def button_box(page):
    """The Buoy button's border box {x, y, width, height} in CSS px, or None if it isn't drawn."""
    cdp = page.context.new_cdp_session(page)
    try:
        doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        node = next((n for n in _walk(doc) if n.get("nodeName") == "BUTTON" and "buoy-button" in _attrs(n).get("class", "")), None)
        if not node:
            return None
        try:
            quad = cdp.send("DOM.getBoxModel", {"backendNodeId": node["backendNodeId"]})["model"]["border"]
        except Exception:
            return None  # in the DOM but not rendered
        xs, ys = quad[0::2], quad[1::2]
        return {"x": min(xs), "y": min(ys), "width": max(xs) - min(xs), "height": max(ys) - min(ys)}
    finally:
        cdp.detach()


def panel_open(page):
    """Whether the in-page panel's frame is in the page, read through the closed shadow root (Playwright
    may list a frame late or keep a detached one; the DOM itself is the truth)."""
    cdp = page.context.new_cdp_session(page)
    try:
        doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        return any(n.get("nodeName") == "IFRAME" and "panel/panel.html" in _attrs(n).get("src", "") for n in _walk(doc))
    finally:
        cdp.detach()


def accessible_buttons(page):
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        return [n.get("name", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") == "button"]
    finally:
        cdp.detach()


def wait_for_button(page):
    """The button's box once it is drawn and has moved clear of the page's controls."""
    return button_once_settled(lambda: button_box(page), page.evaluate)


def frame_box(page, url_part):
    """The box {x, y, right, bottom} of the page's iframe whose src has `url_part` (the panel's)."""
    cdp = page.context.new_cdp_session(page)
    try:
        doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        node = next(n for n in _walk(doc) if n.get("nodeName") == "IFRAME" and url_part in _attrs(n).get("src", ""))
        quad = cdp.send("DOM.getBoxModel", {"backendNodeId": node["backendNodeId"]})["model"]["border"]
    finally:
        cdp.detach()
    return {"x": min(quad[0::2]), "y": min(quad[1::2]), "right": max(quad[0::2]), "bottom": max(quad[1::2])}


def centre(box):
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def click_button(page):
    x, y = centre(wait_for_button(page))
    page.mouse.click(x, y)


def _frame_url(frame):
    # Playwright may not have an out-of-process frame's URL yet; the frame itself knows it. (Asking
    # has no time limit: pytest-timeout turns a frame that never answers into a failure.)
    try:
        url = frame.url
        return url if url and url != "about:blank" else frame.evaluate("location.href")
    except Exception:
        return ""


def panel_frame(page):
    # page.frames, not main_frame.child_frames: Playwright sometimes lists the out-of-process
    # extension frame without linking it to its parent (seen on hostile pages, about 1 run in 20).
    # A detached frame is skipped before asking it anything: evaluating in a frame that is going away
    # can block until Playwright's own timeout.
    frames = [f for f in page.frames if f is not page.main_frame and not f.is_detached()]
    return next((f for f in frames if "/panel/panel.html" in _frame_url(f)), None)


def _diagnose(page):
    cdp = page.context.new_cdp_session(page)
    try:
        doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        iframes = [_attrs(n).get("src") for n in _walk(doc) if n.get("nodeName") == "IFRAME"]
        targets = [(t["type"], t["url"][:80]) for t in cdp.send("Target.getTargets")["targetInfos"] if t["type"] == "iframe"]
        return f"iframes in DOM: {iframes}; iframe targets: {targets}; frames: {[f.url for f in page.frames]}"
    finally:
        cdp.detach()


def escape_from_panel(page, panel):
    """Escape pressed in the in-page panel the way a child does: it closes the panel. Chromium
    answers a DevTools key event once the focused frame has handled it, and the panel's frame
    removes itself on Escape: when the removal wins (a loaded machine), the answer never comes and
    the call never returns. A CI run hung on the release, and later on the press itself (three
    minutes, then a rerun). So the press is sent without waiting for that answer, as a real key is:
    the wait is for its effect, the panel gone; the key is then released on the page."""
    panel.focus("h1")
    # Playwright's sync API waits for every call; its event loop runs the press as a task that
    # nobody waits on, taken along by the next calls (wait_for's). A press still unanswered when the
    # browser closes fails then, unread.
    pressed = page._loop.create_task(page._impl_obj.keyboard.down("Escape"))
    pressed.add_done_callback(lambda task: task.cancelled() or task.exception())
    wait_for(lambda: not panel_open(page), message="Escape closed the panel")
    page.keyboard.up("Escape")


def wait_for_panel(page):
    wait_for(lambda: panel_open(page), message="panel frame in the page")
    try:
        frame = wait_for(lambda: panel_frame(page), message="panel frame")
    except AssertionError as e:
        raise AssertionError(f"{e}: {_diagnose(page)}") from None
    frame.wait_for_selector("main[data-country]")
    return frame
