"""The bench's table and targets, from the figures run.py gathered."""

from tools.bench.stats import paired, summary

KIB = 1024
FIGURES = {"script_ms": ("script", "ms"), "main_thread_ms": ("main thread", "ms"),
           "heap_kib": ("JS heap", "KiB"), "layout_shift": ("layout shift", "")}
FRAME_MS = 16
CHANGE_FIGURES = ("script_ms", "main_thread_ms", "heap_kib")  # Buoy against another build of it (--against)
PER_LOAD_LIMIT = 8 * KIB  # "a few KiB": what runs on every listed page load


def page_table(loads: dict) -> dict:
    """{page: {variant: {figure: summary of per-round (variant - no extension)}}}; `none` absolute."""
    table = {}
    for page, by_variant in loads.items():
        base = by_variant["none"]
        table[page] = {"none": {f: summary(base[f]) for f in FIGURES}}
        for variant, figures in by_variant.items():
            if variant != "none":
                table[page][variant] = {f: paired(figures[f], base[f]) for f in FIGURES}
    return table


def targets(loads, click, busy, sizes) -> list[dict]:
    """Each target: what is compared, the median (with its IQR), the limit, met or not."""
    out = []

    def add(name, stats, limit, noise=None):
        value = stats["median"]
        out.append({"target": name, "median": value, "q1": stats["q1"], "q3": stats["q3"], "limit": limit,
                    "noise": noise, "met": value is not None and value <= limit})

    for page, v in loads.items():
        noise = paired(v["twin"]["main_thread_ms"], v["floor"]["main_thread_ms"])
        add(f"{page}: script, Buoy - minimal button (ms)", paired(v["buoy"]["script_ms"], v["minimal"]["script_ms"]), 0.5)
        add(f"{page}: main thread, Buoy - minimal button (ms)",
            paired(v["buoy"]["main_thread_ms"], v["minimal"]["main_thread_ms"]), 1.0, noise)
        add(f"{page}: JS heap, Buoy - floor (KiB)", paired(v["buoy"]["heap_kib"], v["floor"]["heap_kib"]), 256)
    add("click to panel container painted (ms)", summary(click["container_painted_ms"]), FRAME_MS)
    # Any visible button costs a scrolling chat some main-thread time (see the minimal one), so Buoy
    # is held, as on page loads, to what it adds beyond the least a button can cost.
    for chat, b in busy.items():
        add(f"busy chat ({chat}): Buoy with nudges - minimal button, main thread (% of the page)",
            b["over_minimal_percent"], 2.0)
        add(f"busy chat ({chat}): nudge watcher, main thread (%)", b["watcher_percent"], 2.0)
        add(f"busy chat ({chat}): nudge watcher, script (%)", b["script_watcher_percent"], 2.0)
        add(f"busy chat ({chat}): Buoy's own code, from a trace (%)",
            {"median": b["own_percent"], "q1": None, "q3": None}, 2.0)
    per_load = {"median": sizes["buoy"]["per_page_load_bytes"] / KIB, "q1": None, "q3": None}
    add("code run on every page load (KiB)", per_load, PER_LOAD_LIMIT / KIB)
    return out


def _fmt(s, unit=""):
    if s["median"] is None:
        return "n/a"
    spread = f" [{s['q1']:.2f}, {s['q3']:.2f}]" if s.get("q1") is not None else ""
    return f"{s['median']:+.2f}{unit}{spread}" if unit != "abs" else f"{s['median']:.2f}{spread}"


def markdown(result: dict) -> str:
    """The whole result as markdown tables (what the README's Performance section shows)."""
    lines = [f"Chromium {result['chromium']}, {result['cpus']} CPUs, {result['rounds']} rounds; "
             f"medians of per-round differences against no extension [IQR]. Content scripts run at: "
             + ", ".join(f"{k} {v}" for k, v in result["run_at"].items()) + ".", ""]
    variants = [v for v in next(iter(result["pages"].values())) if v != "none"]
    for page, table in result["pages"].items():
        lines += [f"**{page}** (no extension, absolute: script {table['none']['script_ms']['median']:.1f} ms, "
                  f"main thread {table['none']['main_thread_ms']['median']:.1f} ms, "
                  f"heap {table['none']['heap_kib']['median']:.0f} KiB)", "",
                  "| | " + " | ".join(label + (f" ({unit})" if unit else "") for label, unit in FIGURES.values()) + " |",
                  "|---" * (len(FIGURES) + 1) + "|"]
        for v in variants:
            lines.append(f"| {v} | " + " | ".join(_fmt(table[v][f]) for f in FIGURES) + " |")
        lines.append("")
    for page, change in (result.get("change") or {}).items():
        lines += [f"**{page}, this build - the build it is measured against** (per round): " + ", ".join(
            f"{FIGURES[f][0]} {_fmt(change[f])} {FIGURES[f][1]}" for f in CHANGE_FIGURES), ""]
    c = result["click"]
    lines += ["**Buoy's panel**, from the release of a real mouse click (ms): "
              f"container painted {_fmt(c['container_painted_ms'], 'abs')}, "
              f"content loaded {_fmt(c['content_loaded_ms'], 'abs')}, "
              f"content painted {_fmt(c['content_painted_ms'], 'abs')}", ""]
    for title, b in (("Busy chat, the bench's page", result["busy_chat"]), ("Busy chat in The Lounge", result["busy_app"])):
        if b is None:
            continue
        lines += [f"**{title}** ({b['messages']} messages, {b['rounds']} rounds): no extension "
                  f"{_fmt(b['none_ms'], 'abs')} ms of main thread; added, as % of that: minimal button "
                  f"{_fmt(b['minimal_percent'])}, Buoy with nudges {_fmt(b['added_percent'])}, of which the nudge "
                  f"watcher {_fmt(b['watcher_percent'])} (in script time {_fmt(b['script_watcher_percent'])}); "
                  f"in one traced run Buoy's own code took {b['own_ms']:.1f} ms ({b['own_percent']:.2f} %)"
                  + (f"; this build - the build it is measured against, in script time {_fmt(b['script_change_percent'])} "
                     f"(traced, that build's own code took {b['before_own_ms']:.1f} ms)" if "before_own_ms" in b else ""), ""]
    if n := result["nudges"]:
        lines += [f"**Nudge matching** (nudge/engine.js in an extension page, {n['lines']} evaluation lines): "
                  f"{n['us_per_line']:.1f} µs a line", ""]
    if r := result.get("reading"):
        lines += [f"**Reading a new message** (content/nudge-read.js alone, in the page's main world, {r['lines']} "
                  "English tuning lines in each chat-app fixture, µs a message): " + "; ".join(
                      f"{app} {_fmt(s, 'abs')}" + (f" ({_fmt(r['change'][app])} against the other build)" if r["change"] else "")
                      for app, s in r["us"]["buoy"].items()), ""]
    lines += ["**Background wake**, stopped then asked one message from an extension page (ms): " + ", ".join(
        f"{name} {_fmt(w, 'abs')}" for name, w in result["background_wake"].items()), ""]
    s = result["sizes"]
    lines += ["**Sizes** (bytes): " + ", ".join(f"{v} content script {d['per_page_load_bytes']}"
                                                 for v, d in s.items() if v != "packages")
              + "; packages " + ", ".join(f"{k} {n}" for k, n in s["packages"].items()), "",
              "| target | median [IQR] | limit | twin noise | met |", "|---|---|---|---|---|"]
    for t in result["targets"]:
        noise = _fmt(t["noise"]) if t["noise"] else ""
        lines.append(f"| {t['target']} | {_fmt(t)} | {t['limit']:g} | {noise} | {'met' if t['met'] else 'NOT met'} |")
    return "\n".join(lines)
