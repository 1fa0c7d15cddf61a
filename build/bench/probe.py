"""One measurement in one browser. Each function takes its figures from Chromium's DevTools
protocol around the page's own work; the bench looks nothing up between navigation and the
figures, so its own work (finding the button, reading layout shifts) is never counted."""

import time

from build.bench.trace import CATEGORIES, click_figures

SETTLE = 0.25  # s after `load`: longer than anything Buoy defers to idle on these pages
TIME_DOMAIN = "threadTicks"  # main-thread CPU time: waiting for a core (2 of them, 5 browsers) is not cost


def metrics(cdp) -> dict:
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}


def _delta_ms(after, before, name):
    return (after[name] - before[name]) * 1000


def load_page(context, url):
    """Open `url` in a new tab; return (page, cdp, figures) with figures measured from just before
    navigation to SETTLE after the load event: script and main-thread time, retained JS heap
    (after a full GC) and the page's own count of layout shifts."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": TIME_DOMAIN})
    before = metrics(cdp)
    page.goto(url, wait_until="load")
    time.sleep(SETTLE)
    after = metrics(cdp)
    cdp.send("HeapProfiler.collectGarbage")
    heap = metrics(cdp)["JSHeapUsedSize"]
    figures = {
        "script_ms": _delta_ms(after, before, "ScriptDuration"),
        "main_thread_ms": _delta_ms(after, before, "TaskDuration"),
        "heap_kib": heap / 1024,
        "layout_shift": page.evaluate("window.benchShift"),
    }
    return page, cdp, figures


def click_panel(page, cdp, box, hold=0.08):
    """A real mouse click on `box` (hover, press, hold like a person, release) under a trace;
    returns click_figures() of it."""
    events, done = [], []
    cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
    cdp.on("Tracing.tracingComplete", lambda e: done.append(True))
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp.send("Tracing.start", {"traceConfig": {"includedCategories": CATEGORIES}, "transferMode": "ReportEvents"})
    page.mouse.move(x, y)
    page.mouse.down()
    time.sleep(hold)
    page.mouse.up()
    time.sleep(0.8)  # the panel loads in the extension's process; the trace sees it from there
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(20)
    return click_figures(events)


def busy_chat(context, url, rate, seconds):
    """Main-thread time while the page appends `rate` messages a second for `seconds`."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": TIME_DOMAIN})
    page.goto(url, wait_until="load")
    time.sleep(SETTLE)
    before = metrics(cdp)
    page.evaluate("([rate, seconds]) => window.burst(rate, seconds)", [rate, seconds])
    time.sleep(seconds)
    while not page.evaluate("window.burstDone"):
        time.sleep(0.05)
    after = metrics(cdp)
    page.close()
    return {"main_thread_ms": _delta_ms(after, before, "TaskDuration"), "messages": rate * seconds}
