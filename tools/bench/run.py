"""`invoke bench`: Buoy beside no extension, an empty content script (twice) and the minimal
button, in real Debian Chromium, on the same pages, in the same run, interleaved round by round."""

import json
import os
import subprocess
import tempfile
import time
from functools import partial
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness import chromium
from harness.chromium_page import button_box
from harness.lounge import run_lounge
from harness.nudge_page import in_buoy_world
from harness.server import serve_fixtures
from tools.bench import probe
from tools.bench.background import wake_ms
from tools.bench.lounge import lounge_busy_chat
from tools.bench.nudges import matching_cost
from tools.bench.pages import bench_hosts, write_pages
from tools.bench.reading import reading_cost
from tools.bench.report import CHANGE_FIGURES, markdown, page_table, targets
from tools.bench.stats import paired, summary
from tools.bench.variants import Variant, comparison_variants

LOAD_PAGES = ("chat", "long-chat")


def _registered_scripts(context, timeout=10.0, settled=0.5):
    """Buoy's dynamically registered content scripts, once the worker has registered them all: it
    registers them one after another (the button, then the nudge watcher), so the same answer for
    `settled` seconds."""
    worker = chromium.service_worker(context)
    end = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < end:
        scripts = worker.evaluate("chrome.scripting.getRegisteredContentScripts()")
        if scripts != last:
            last, since = scripts, time.monotonic()
        elif scripts and time.monotonic() - since >= settled:
            return scripts
        time.sleep(0.05)
    raise RuntimeError("Buoy registered no content script")


def buoy_variant(context, dist: Path, name="buoy") -> Variant:
    manifest = json.loads((dist / "manifest.json").read_text())
    static = manifest.get("content_scripts", [])
    dynamic = _registered_scripts(context)
    files = {f for s in static for f in s.get("js", [])} | {f for s in dynamic for f in s.get("js", [])}
    run_at = sorted({s.get("run_at", "document_idle") for s in static} | {s.get("runAt", "document_idle") for s in dynamic})
    return Variant(name, dist, tuple(dist / f for f in sorted(files)), "/".join(run_at) + " (registered by the worker)")


def sizes(variants, dist: Path) -> dict:
    out = {v.name: {"per_page_load_bytes": sum(f.stat().st_size for f in v.content_scripts),
                    "files": {f.name: f.stat().st_size for f in v.content_scripts}}
           for v in variants if v.extension}
    out["packages"] = {z.name: z.stat().st_size for z in sorted(dist.parent.glob("*.zip"))}
    return out


def _load_round(contexts, variants, url, record, round_no, clicks=None):
    for v in variants[round_no % len(variants):] + variants[:round_no % len(variants)]:  # rotate the order
        page, cdp, figures = probe.load_page(contexts[v.name], url)
        if record is not None:
            for name, value in figures.items():
                record[v.name].setdefault(name, []).append(value)
        if clicks is not None and v.name == "buoy":
            box = button_box(page)  # after the figures: never counted against Buoy
            if box:
                for name, value in probe.click_panel(page, cdp, box).items():
                    clicks.setdefault(name, []).append(value)
        page.close()


def _without_watcher(page):
    """Takes the nudge watcher out of the page, as turning nudges off does."""
    if not in_buoy_world(page, "Boolean(globalThis.buoyNudges && (globalThis.buoyNudges.teardown(), true))"):
        raise RuntimeError("no nudge watcher in the busy chat to take out")


BUSY = {"none": ("none", None), "minimal": ("minimal", None), "buoy": ("buoy", None),
        "buoy without nudges": ("buoy", _without_watcher)}  # name -> (context, prepare)


def _busy(contexts, measure, rounds, messages, own):
    """No extension, the minimal button, Buoy, Buoy with its nudge watcher taken out, and the build
    `--against` names if any ("before", nudges on), each `measure`d (a probe.busy_chat) in a rotating
    order round by round; then one traced run for Buoy's own code (`own`), and one for the other
    build's. Every figure is a per-round difference as a percentage of that round's page (main
    thread) without any extension. Main-thread time moves by tens of percent from round to round
    here (layout and paint follow the scheduler); script time, where all of the watcher's work is,
    moves less, and the trace counts Buoy's code alone."""
    busy = BUSY | ({"before": ("before", None)} if "before" in contexts else {})
    runs = {name: [] for name in busy}
    names = list(busy)
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            context, prepare = busy[name]
            runs[name].append(measure(contexts[context], prepare=prepare))
    none = [f["main_thread_ms"] for f in runs["none"]]

    def percent(a, b, figure="main_thread_ms"):
        return summary([100 * (x[figure] - y[figure]) / n for x, y, n in zip(runs[a], runs[b], none, strict=True)])

    own_ms = measure(contexts["buoy"], own=own)["own_ms"]
    none_ms = summary(none)
    out = {"rounds": rounds, "messages": messages, "none_ms": none_ms,
           "ms": {name: summary([f["main_thread_ms"] for f in values]) for name, values in runs.items()},
           "script_ms": {name: summary([f["script_ms"] for f in values]) for name, values in runs.items()},
           "added_percent": percent("buoy", "none"), "minimal_percent": percent("minimal", "none"),
           "over_minimal_percent": percent("buoy", "minimal"), "watcher_percent": percent("buoy", "buoy without nudges"),
           "script_over_minimal_percent": percent("buoy", "minimal", "script_ms"),
           "script_watcher_percent": percent("buoy", "buoy without nudges", "script_ms"),
           "own_ms": own_ms, "own_percent": 100 * own_ms / none_ms["median"]}
    if "before" in busy:  # a change to what runs in a busy chat, against the build before it, same rounds
        out["script_change_percent"] = percent("buoy", "before", "script_ms")
        out["before_own_ms"] = measure(contexts["before"], own=own)["own_ms"]
    return out


def _close_extension_tabs(context, origin, wait=5.0):
    """Buoy opens its welcome page on install: closed, so every browser measures with the same tabs."""
    end = time.monotonic() + wait
    while time.monotonic() < end:
        tabs = [page for page in context.pages if page.url.startswith(origin)]
        for tab in tabs:
            tab.close()
        if tabs:
            return
        context.pages[0].wait_for_timeout(100)  # Playwright learns of new tabs only while called


def run_bench(root: Path, rounds=15, chat_rounds=4, chat_seconds=10, rate=50, run_at="document_start",
              pages=LOAD_PAGES, warm_up=True, out: Path | None = None, log=print, against: Path | None = None) -> dict:
    """Run everything; return the result (and write it to `out` as JSON). Needs `invoke build` first.
    The smoke test passes one page and no warm-up round (first loads compile and cache: not counted),
    which also measures the matching cost in one pass, without warming the JIT first.
    `against`: another build of Buoy (a dist/chromium folder), loaded as "before" in the same rounds,
    so a change is compared with what it changes under the same noise."""
    dist = root / "dist" / "chromium"
    if not (dist / "manifest.json").exists():
        raise FileNotFoundError("no dist/chromium: run `invoke build` first")
    hosts = bench_hosts(root / "extension" / "data" / "sites.json")
    with tempfile.TemporaryDirectory(prefix="buoy-bench-") as tmp_name, sync_playwright() as p:
        tmp = Path(tmp_name)
        write_pages(tmp / "pages")
        (tmp / "tls").mkdir()
        with serve_fixtures(tmp / "tls", tmp / "pages") as server, run_lounge(tmp / "lounge") as lounge:
            server.routes = {host: f"{page}.html" for page, host in hosts.items()}
            variants = comparison_variants(tmp / "extensions", list(hosts.values()), run_at)
            contexts = {}
            app = {hosts["lounge"]: lounge.port}
            try:
                for v in variants:
                    contexts[v.name] = chromium.start(p, tmp / "profiles" / v.name, v.extension, server.port, extra_hosts=app)
                contexts["buoy"] = chromium.start(p, tmp / "profiles" / "buoy", dist, server.port, extra_hosts=app)
                _close_extension_tabs(contexts["buoy"], chromium.extension_url(""))
                variants.append(buoy_variant(contexts["buoy"], dist))
                if against:
                    contexts["before"] = chromium.start(p, tmp / "profiles" / "before", against, server.port, extra_hosts=app)
                    _close_extension_tabs(contexts["before"], chromium.extension_url(""))
                    variants.append(buoy_variant(contexts["before"], against, "before"))
                t0 = time.monotonic()
                log("browsers ready")
                loads = {page: {v.name: {} for v in variants} for page in pages}
                clicks = {}
                for page in pages if warm_up else ():
                    _load_round(contexts, variants, f"https://{hosts[page]}/", None, 0)
                for r in range(rounds):
                    log(f"{time.monotonic() - t0:5.1f}s round {r + 1}/{rounds}")
                    for page in pages:
                        _load_round(contexts, variants, f"https://{hosts[page]}/", loads[page], r,
                                    clicks if page == "chat" else None)
                busy = busy_app = nudges = reading = None  # chat_rounds=0: page loads only, while exploring
                if chat_rounds:
                    log(f"{time.monotonic() - t0:5.1f}s busy chat: {chat_rounds} rounds of {chat_seconds} s")
                    own = (chromium.extension_url(""), _extension_name(root))
                    messages = rate * chat_seconds
                    page_chat = partial(probe.busy_chat, url=f"https://{hosts['busy-chat']}/",
                                        burst=probe.page_burst(rate, chat_seconds))
                    busy = _busy(contexts, page_chat, chat_rounds, messages, own)
                    log(f"{time.monotonic() - t0:5.1f}s busy chat in The Lounge: {chat_rounds} rounds of {chat_seconds} s")
                    app_chat = lounge_busy_chat(lounge, hosts["lounge"], rate, chat_seconds)
                    busy_app = _busy(contexts, app_chat, chat_rounds, messages, own)
                    # nudges are on by default in the busy chat too
                    nudges = matching_cost(contexts["buoy"], root, *((20, 50) if warm_up else (0, 1)))
                    log(f"{time.monotonic() - t0:5.1f}s reading new messages in the chat-app fixtures")
                    reading = reading_cost(p, root, {"buoy": dist} | ({"before": against} if against else {}),
                                           chat_rounds * 2, 3000 if warm_up else 50)
                log(f"{time.monotonic() - t0:5.1f}s the background's wake")
                wake = wake_ms({name: contexts[name] for name in ("buoy", "before") if name in contexts}, max(rounds, 3))
                version = contexts["buoy"].browser.version if contexts["buoy"].browser else ""
            finally:
                for context in contexts.values():
                    context.close()
        size = sizes(variants, dist)  # before the temp folder (holding the comparisons) goes
    result = {
        "chromium": version or _chromium_version(), "cpus": os.cpu_count(), "rounds": rounds,
        "hosts": hosts, "run_at": {v.name: v.run_at for v in variants if v.extension},
        "pages": page_table(loads),
        "click": {name: summary(values) for name, values in clicks.items()},
        "busy_chat": busy, "busy_app": busy_app, "nudges": nudges, "reading": reading, "sizes": size,
        "background_wake": {name: summary(values) for name, values in wake.items()},
        "change": {page: {f: paired(v["buoy"][f], v["before"][f]) for f in CHANGE_FIGURES}
                   for page, v in loads.items()} if against else None,
        "targets": targets(loads, clicks, {"chat page": busy, "The Lounge": busy_app} if busy else {}, size),
    }
    result["markdown"] = markdown(result)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")
    return result


def _extension_name(root: Path) -> str:
    """Chromium names an extension's isolated world after it (in the bench's English)."""
    messages = json.loads((root / "extension" / "_locales" / "en" / "messages.json").read_text(encoding="utf-8"))
    return messages["extensionName"]["message"]


def _chromium_version() -> str:
    return subprocess.run([chromium.CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
