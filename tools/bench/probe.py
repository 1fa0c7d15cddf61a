"""One measurement in one browser. Each function takes its figures from Chromium's DevTools
protocol around the page's own work; the bench looks nothing up between navigation and the
figures, so its own work (finding the button, reading layout shifts) is never counted."""

import time

from tools.bench.trace import CATEGORIES, OWN_CATEGORIES, click_figures, own_main_thread_ms

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
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    def click():
        page.mouse.move(x, y)
        page.mouse.down()
        time.sleep(hold)
        page.mouse.up()
        time.sleep(0.8)  # the panel loads in the extension's process; the trace sees it from there

    return click_figures(_trace(page, cdp, CATEGORIES, click))


def _trace(page, cdp, categories, during):
    """The trace events of `categories` recorded while `during()` runs in `page`."""
    events, done = [], []
    cdp.on("Tracing.dataCollected", lambda e: events.extend(e["value"]))
    cdp.on("Tracing.tracingComplete", lambda e: done.append(True))
    cdp.send("Tracing.start", {"traceConfig": {"includedCategories": categories}, "transferMode": "ReportEvents"})
    during()
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(20)  # Playwright hands over CDP events only while it is called
    return events


def page_burst(rate, seconds):
    """The bench's own chat page (pages/chat.html): its script appends `rate` messages a second."""
    def burst(page):
        page.evaluate("([rate, seconds]) => window.burst(rate, seconds)", [rate, seconds])
        time.sleep(seconds)
        while not page.evaluate("window.burstDone"):
            time.sleep(0.05)
    return burst


def busy_chat(context, url, burst, own=None, prepare=None, ready=None):
    """Main-thread and script time while `burst(page)` brings a busy chat's messages, measured once
    the chat is shown (`ready(page)`, if given) and after `prepare(page)` if given. With
    `own=(origin, world)` the run is traced instead and also gives the time spent in Buoy's own code
    (tracing costs the page too: not compared with untraced runs)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": TIME_DOMAIN})
    page.goto(url, wait_until="load")
    if ready:
        ready(page)
    time.sleep(SETTLE)
    if prepare:
        prepare(page)
    before = metrics(cdp)

    def during():
        burst(page)
        time.sleep(2)  # the watcher's last batch: read BATCH_MS (1 s) after it arrived, when idle

    figures = {}
    if own:
        figures["own_ms"] = own_main_thread_ms(_trace(page, cdp, OWN_CATEGORIES, during), *own)
    else:
        during()
    after = metrics(cdp)
    figures["main_thread_ms"] = _delta_ms(after, before, "TaskDuration")
    figures["script_ms"] = _delta_ms(after, before, "ScriptDuration")
    page.close()
    return figures
