"""Click-to-panel figures from a Chromium trace (categories devtools.timeline and loading).

All trace timestamps share one monotonic clock across processes, so a click in the page's
renderer and a paint in the panel's (the extension's) renderer can be subtracted directly.
"""

CATEGORIES = ["devtools.timeline", "loading"]


def _dispatch(events, kind):
    return next((e for e in events if e["name"] == "EventDispatch" and e["args"]["data"]["type"] == kind), None)


def click_figures(events: list[dict]) -> dict:
    """From the release of a real click on the button (the page's renderer receiving `pointerup`):
    - container_painted_ms: the end of the page's first paint after the click handler returned,
      i.e. the frame that draws the panel box is recorded (raster and display follow off the main
      thread, usually within the same frame);
    - content_loaded_ms: the panel document's load event;
    - content_painted_ms: the panel document's first contentful paint (its help is on screen).
    A figure the trace does not show is None."""
    press, release, click = (_dispatch(events, kind) for kind in ("pointerdown", "pointerup", "click"))
    if not press or not release or not click:
        return {"container_painted_ms": None, "content_loaded_ms": None, "content_painted_ms": None}
    start, handled = release["ts"], click["ts"] + click.get("dur", 0)
    paints = sorted((e for e in events if e["name"] == "Paint" and e["pid"] == click["pid"] and e["ts"] >= handled
                     and e["args"]["data"].get("frame")), key=lambda e: e["ts"])
    # The panel: a subframe committed after the press (the bench pages have no frames of their own).
    # Buoy starts loading it at the press, so it may have loaded before the release (a negative figure).
    children = {e["args"]["data"]["frame"] for e in events if e["name"] == "CommitLoad"
                and not e["args"]["data"].get("isMainFrame", True) and e["ts"] >= press["ts"]}

    def first(name, frame_of):
        hits = [e["ts"] for e in events if e["name"] == name and e["ts"] >= press["ts"] and frame_of(e) in children]
        return (min(hits) - start) / 1000 if hits else None

    return {
        "container_painted_ms": (paints[0]["ts"] + paints[0].get("dur", 0) - start) / 1000 if paints else None,
        "content_loaded_ms": first("MarkLoad", lambda e: e["args"]["data"].get("frame")),
        "content_painted_ms": first("firstContentfulPaint", lambda e: e["args"].get("frame")),
    }
