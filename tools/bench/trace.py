"""Click-to-panel figures from a Chromium trace (categories devtools.timeline and loading).

All trace timestamps share one monotonic clock across processes, so a click in the page's
renderer and a paint in the panel's (the extension's) renderer can be subtracted directly.
"""

CATEGORIES = ["devtools.timeline", "loading"]
OWN_CATEGORIES = ["devtools.timeline", "v8"]  # calls with their script's URL; module compile and evaluation


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


def _ours(event, origin, world):
    args = event.get("args", {})
    if event["name"] in ("FunctionCall", "v8.compileModule"):
        return args.get("data", {}).get("url", "").startswith(origin)
    return event["name"] == "v8.evaluateModule" and args.get("worldName") == world  # no URL: its world


def own_main_thread_ms(events: list[dict], origin: str, world: str) -> float:
    """The page's main-thread time spent running Buoy's own code (scripts from `origin`, modules
    evaluated in its isolated `world`, named for the extension), read from a trace:
    every call into it (observer callbacks, timers, idle slices, with the web API work they do) and
    its modules' compile and evaluation, in thread time like the rest of the bench. A call made
    inside another of Buoy's counts once. What Buoy makes the page itself do (an observer's records)
    is not in it: that shows only in the differential figures."""
    ours = sorted((e for e in events if e.get("ph") == "X" and _ours(e, origin, world)), key=lambda e: (e["tid"], e["ts"]))
    total, end = 0, {}
    for e in ours:
        if e["ts"] < end.get(e["tid"], -1):
            continue  # nested in one already counted
        end[e["tid"]] = e["ts"] + e.get("dur", 0)
        total += e.get("tdur", e.get("dur", 0))
    return total / 1000
