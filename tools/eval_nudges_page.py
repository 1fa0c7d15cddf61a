"""Measure the nudges in the page (issue 15): every line of a part drawn by each chat-app fixture's own
markup (tests/fixtures/chat-apps/, copies of six apps' real markup), read by the watcher's own reading
(content/nudge-read.js's added(), skipped() and lines(), over the records a MutationObserver reports, as the
watcher files them) in real Chromium, then judged by the shipped engine the way the watcher judges
them: each message it read (the whole line and the words alone) in turn, in one conversation, a
nudge at any of them counts.

Counts only, as for every sealed part: `invoke eval-nudges --in-page`. Beside the engine's own
figures on the bare lines, the difference is what reading a real page costs or adds.
"""

import json
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.chromium import CHROMIUM
from harness.paths import ROOT
from tools.eval_nudges import _run, _score_conversations
from tools.split_nudge_set import APP_TEXT

FIXTURES = ROOT / "tests" / "fixtures" / "chat-apps"
APPS = sorted(p.stem for p in FIXTURES.glob("*.html"))
PARTS = ("sealed", APP_TEXT)
NAMES = ("sam", "kyra2011", "xX_Pixel_Xx", "lomi", "noah.exe")  # senders, in turn
ORIGIN = "https://buoy.invalid"  # answered from disk by the route below, never the network

# The watcher's reading as these tools replay it (also tools/bench/reading.py): content/nudge-read.js
# from the build served at /<build>/, an observer over the whole page, and read(records, found)
# reading each new node the records hold, as the watcher does.
REPLAY = """
  globalThis.buoyLocale = "en"; // the button's words say it in the extension; the reading imports its words by it
  const { lines, skipped, makeRepeats, ...reading } = await import(`/${build}/content/nudge-read.js`);
  // A build before added() (bench --against) read every added node by itself.
  const added = reading.added ?? ((record) => (record.type === "characterData" ? [record.target] : record.addedNodes));
  const watch = new MutationObserver(() => {});
  watch.observe(document, { childList: true, subtree: true, characterData: true });
  const read = (records, found) => {
    for (const record of records) {
      for (const node of added(record)) if (node.isConnected && !skipped(node)) lines(node, found);
    }
  };
"""

READ = "async ({ texts, names, build }) => {" + REPLAY + """
  const repeated = makeRepeats(); // a message an app draws twice (a chat list's preview) is read once
  return texts.map((text, i) => {
    window.receive(names[i % names.length], text);
    const found = [];
    read(watch.takeRecords(), found);
    return found.filter((readings) => !repeated(readings, i, 0));
  });
}"""


def serve(route, builds: dict[str, Path]):
    """Answers ORIGIN from disk: /<build>/... from that build's folder (`builds`: name -> a
    dist/chromium folder), anything else from tests/fixtures/."""
    path = route.request.url.removeprefix(ORIGIN).lstrip("/")
    build, _, rest = path.partition("/")
    file = builds[build] / rest if build in builds else FIXTURES.parent / path
    if not file.is_file():
        route.fulfill(status=404)
        return
    types = {".html": "text/html", ".js": "text/javascript"}
    route.fulfill(path=file, content_type=types.get(file.suffix, "application/octet-stream"))


def read_in_fixtures(dist: Path, texts: list[str]) -> dict[str, list[list[str]]]:
    """{app: what the watcher read of each text, drawn as that app draws a message}."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page()
        page.route(f"{ORIGIN}/**", lambda route: serve(route, {"dist": dist}))
        read = {}
        for app in APPS:
            page.goto(f"{ORIGIN}/chat-apps/{app}.html")
            read[app] = page.evaluate(READ, {"texts": texts, "names": list(NAMES), "build": "dist"})
        browser.close()
    return read


def evaluate(root=ROOT, dist=None) -> dict:
    """{app: {part: conversation scores}}; a message is risky if its line is."""
    root = Path(root).resolve()
    dist = Path(dist or root / "dist" / "chromium")
    parts = {part: [json.loads(line) for line in (root / f"tests/nudges/{part}.jsonl").read_text(encoding="utf-8").splitlines()
                    if line.strip()] for part in PARTS}
    texts = [row["text"] for part in PARTS for row in parts[part]]
    read = read_in_fixtures(dist, texts)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        sets = Path(tmp) / "tests" / "nudges"
        sets.mkdir(parents=True)
        (Path(tmp) / "extension").symlink_to(root / "extension")
        for app in APPS:
            pieces = iter(read[app])
            for part in PARTS:
                name = f"{app}-{part}"
                (sets / f"{name}.jsonl").write_text("")
                (sets / f"conversations-{name}.jsonl").write_text("".join(
                    json.dumps({"lines": next(pieces) or [""], "risky": row["move"] is not None}) + "\n" for row in parts[part]))
        raw = _run(Path(tmp), None, "en", 0, parts=[f"{app}-{part}" for app in APPS for part in PARTS])
    for app in APPS:
        results[app] = {part: _score_conversations(raw["conversations"][f"{app}-{part}"]) | {"misses": None, "alarms": None}
                        for part in PARTS}
    return results


def format_report(results: dict) -> str:
    lines = [f"{'in the page':<12} {'sealed caught':>14} {'sealed flagged':>15} {'app text flagged':>17}"]
    for app, parts in results.items():
        sealed, text = parts["sealed"], parts[APP_TEXT]
        lines.append(f"{app:<12} {sealed['caught']:>5} of {sealed['risky']:<5} {sealed['flagged']:>6} of {sealed['harmless']:<5} "
                     f"{text['flagged']:>7} of {text['harmless']}")
    return "\n".join(lines)
