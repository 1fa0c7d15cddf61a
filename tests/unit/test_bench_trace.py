"""The bench's click figures and Buoy's own time come from the right trace events (synthetic
traces, in µs)."""

from tools.bench.stats import paired, summary
from tools.bench.trace import click_figures, own_main_thread_ms


def dispatch(kind, ts, dur=10, pid=1):
    return {"name": "EventDispatch", "pid": pid, "ts": ts, "dur": dur, "args": {"data": {"type": kind}}}


def paint(ts, dur=100, pid=1, frame="PAGE"):
    return {"name": "Paint", "pid": pid, "ts": ts, "dur": dur, "args": {"data": {"frame": frame}}}


TRACE = [
    paint(500),  # before the click: not the panel
    dispatch("pointerdown", 900), dispatch("pointerup", 1000), dispatch("click", 1100, dur=2000),
    paint(2500, pid=2, frame="OTHER"),  # another process: not the page
    paint(4000, dur=500),  # first page paint after the handler: the panel box
    paint(9000),
    {"name": "CommitLoad", "pid": 2, "ts": 20000, "args": {"data": {"frame": "PANEL", "isMainFrame": False}}},
    {"name": "MarkLoad", "pid": 2, "ts": 51000, "args": {"data": {"frame": "PANEL", "isMainFrame": False}}},
    {"name": "firstContentfulPaint", "pid": 2, "ts": 81000, "args": {"frame": "PANEL"}},
]


def test_click_figures_from_release():
    assert click_figures(TRACE) == {"container_painted_ms": 3.5, "content_loaded_ms": 50.0, "content_painted_ms": 80.0}


def test_missing_events_are_none_not_zero():
    assert click_figures(TRACE[:3]) == {"container_painted_ms": None, "content_loaded_ms": None, "content_painted_ms": None}
    no_panel = [e for e in TRACE if e["name"] != "CommitLoad"]
    assert click_figures(no_panel)["content_painted_ms"] is None


def test_panel_loaded_between_press_and_release_counts_negative():
    early = [dispatch("pointerdown", 900),
             {"name": "CommitLoad", "pid": 2, "ts": 950, "args": {"data": {"frame": "PANEL", "isMainFrame": False}}},
             {"name": "MarkLoad", "pid": 2, "ts": 980, "args": {"data": {"frame": "PANEL", "isMainFrame": False}}},
             *TRACE[2:]]
    assert click_figures(early)["content_loaded_ms"] == -0.02


def test_paired_differences_and_spread():
    assert paired([5, 7, 9], [1, 1, 1])["median"] == 6
    s = summary([1, 2, 3, 4, 5])
    assert (s["q1"], s["median"], s["q3"], s["n"]) == (2, 3, 4, 5)
    assert summary([None])["median"] is None


BUOY = "chrome-extension://buoy/"
WORLD = "Buoy: Get help"


def call(url, ts, dur, tdur=None, tid=1):
    return {"name": "FunctionCall", "ph": "X", "tid": tid, "ts": ts, "dur": dur, "tdur": tdur or dur,
            "args": {"data": {"url": url}}}


def test_own_time_counts_buoys_calls_and_modules_once_in_thread_time():
    trace = [
        call("https://discord.com/chat.js", 0, 5000),  # the page's own work
        call(BUOY + "content/nudge-watch.js", 100, 40, tdur=30),  # an observer callback: its thread time
        call(BUOY + "content/nudge-watch.js", 1000, 2000),  # an idle slice...
        call(BUOY + "nudge/engine.js", 1500, 500),  # ...and a call inside it: counted once
        call(BUOY + "content/nudge-watch.js", 1200, 100, tid=2),  # another thread: its own
        {"name": "v8.compileModule", "ph": "X", "tid": 1, "ts": 4000, "dur": 70, "args": {"data": {"url": BUOY + "nudge/match.js"}}},
        {"name": "v8.evaluateModule", "ph": "X", "tid": 1, "ts": 4100, "dur": 300, "args": {"worldName": WORLD}},
        {"name": "v8.evaluateModule", "ph": "X", "tid": 1, "ts": 4500, "dur": 900, "args": {"worldName": "Other"}},
        {"name": "FunctionCall", "ph": "I", "tid": 1, "ts": 5000, "args": {"data": {"url": BUOY + "x.js"}}},
    ]
    assert own_main_thread_ms(trace, BUOY, WORLD) == (30 + 2000 + 100 + 70 + 300) / 1000
    assert own_main_thread_ms(trace[:1], BUOY, WORLD) == 0
