"""How a Chromium test sees Buoy's nudge (issue 11). The prompt lives in the button's closed shadow
root, so it is read through the DevTools protocol (DOM.getDocument with pierce), like chromium_page.py;
whether the watcher is in a tab is read in Buoy's own isolated world (Runtime, by context id)."""

import json

from harness.chromium import EXTENSION_ID
from harness.chromium_page import _attrs, _walk
from harness.paths import ROOT

EN = json.loads((ROOT / "extension" / "_locales" / "en" / "messages.json").read_text(encoding="utf-8"))
NUDGES = json.loads((ROOT / "extension" / "data" / "nudges.json").read_text(encoding="utf-8"))
# The situations a nudge can lead to: those its moves name, in any language.
NUDGE_SITUATIONS = sorted({move["situation"] for rules in NUDGES["languages"].values() for move in rules["moves"]})
NUDGE_TEXT = {situation: EN[f"nudge_{situation.replace('-', '_')}"]["message"] for situation in NUDGE_SITUATIONS}


def _box(cdp, node):
    try:
        quad = cdp.send("DOM.getBoxModel", {"backendNodeId": node["backendNodeId"]})["model"]["border"]
    except Exception:
        return None  # in the DOM but not rendered (a closed popover)
    xs, ys = quad[0::2], quad[1::2]
    return {"x": min(xs), "y": min(ys), "width": max(xs) - min(xs), "height": max(ys) - min(ys)}


def nudge(page):
    """The prompt as drawn: {"box", "text", "role", "live", "help", "dismiss"} (boxes in CSS px), or None."""
    cdp = page.context.new_cdp_session(page)
    try:
        doc = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
        # The prompt: the polite status region in Buoy's shadow root (it has no other).
        node = next((n for n in _walk(doc) if _attrs(n).get("role") == "status" and _attrs(n).get("popover")), None)
        box = node and _box(cdp, node)
        if not box:
            return None
        buttons = {_attrs(n).get("class"): n for n in _walk(node) if n.get("nodeName") == "BUTTON"}
        paragraph = next(n for n in _walk(node) if n.get("nodeName") == "P")
        return {
            "box": box,
            "text": "".join(n.get("nodeValue", "") for n in _walk(paragraph) if n.get("nodeType") == 3),
            "role": _attrs(node).get("role"), "live": _attrs(node).get("aria-live"),
            "help": _box(cdp, buttons["go"]), "dismiss": _box(cdp, buttons["later"]),
        }
    finally:
        cdp.detach()






def in_buoy_world(page, expression):
    """Evaluate `expression` in Buoy's content-script world of the page's main frame (not the page's)."""
    cdp = page.context.new_cdp_session(page)
    contexts = []
    cdp.on("Runtime.executionContextCreated", lambda e: contexts.append(e["context"]))
    try:
        cdp.send("Runtime.enable")
        ours = [c["id"] for c in contexts if c.get("origin", "").startswith(f"chrome-extension://{EXTENSION_ID}")
                and c.get("auxData", {}).get("type") == "isolated"]
        if not ours:
            return None
        answer = cdp.send("Runtime.evaluate", {"expression": expression, "contextId": ours[-1], "returnByValue": True})
        return answer["result"].get("value")
    finally:
        cdp.detach()


def watching(page) -> bool:
    """Whether the nudge watcher is running in this tab."""
    return bool(in_buoy_world(page, "Boolean(globalThis.buoyNudges)"))
