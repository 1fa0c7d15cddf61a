"""The nudge watcher's reading alone (content/nudge-read.js's skipped() and lines(), the code that
runs in the chat page for each new message): microseconds a message in each chat-app fixture's
markup (tests/fixtures/chat-apps/), over English tuning lines drawn as that app draws them and
read as a MutationObserver hands them over. Run in the page's main world, where the busy chats'
other costs (the app's own work, the observer, the messages to the background) are left out; in
the content script's world each DOM call costs more, so these are for comparing builds, side by
side in interleaved rounds, not for adding to the busy-chat figures."""

import json
from pathlib import Path

from harness.chromium import CHROMIUM
from tools.bench.stats import paired, summary
from tools.eval_nudges_page import APPS, NAMES, ORIGIN, REPLAY, serve

# All the messages arrive first (their records kept), then one timed pass reads them, as the
# watcher reads a slice: the clock is read twice a fixture, not around each message.
READ = "async ({ texts, names, build }) => {" + REPLAY + """
  const records = [];
  texts.forEach((text, i) => {
    window.receive(names[i % names.length], text);
    records.push(...watch.takeRecords());
  });
  const start = performance.now();
  read(records, []);
  return (performance.now() - start) * 1000 / texts.length;
}"""


def reading_cost(p, root: Path, builds: dict[str, Path], rounds: int, lines: int = 3000) -> dict:
    """{"lines": n, "us": {build: {app: summary}}, "change": {app: paired (first build - second)}}:
    `builds` (name -> a dist/chromium folder) read the first `lines` English tuning lines in each
    fixture, in an order that alternates round by round, in a headless Chromium of `p` (Playwright)."""
    tune = (root / "tests" / "nudges" / "tune.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in tune if line.strip()][:lines]
    names = list(builds)
    us = {name: {app: [] for app in APPS} for name in names}

    browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
    try:
        for r in range(rounds):
            for name in names[r % len(names):] + names[:r % len(names)]:
                for app in APPS:
                    page = browser.new_page()
                    page.route(f"{ORIGIN}/**", lambda route: serve(route, builds))
                    page.goto(f"{ORIGIN}/chat-apps/{app}.html")
                    us[name][app].append(page.evaluate(READ, {"texts": texts, "names": list(NAMES), "build": name}))
                    page.close()
    finally:
        browser.close()
    change = {app: paired(us[names[0]][app], us[names[1]][app]) for app in APPS} if len(names) > 1 else None
    return {"lines": len(texts), "us": {name: {app: summary(v) for app, v in by_app.items()} for name, by_app in us.items()},
            "change": change}
