"""The nudge engine's matching cost per chat line (issue 11), in Buoy's own build in Chromium: the
shipped nudge/engine.js, which the background runs, over every line of the evaluation sets, one
question a line (risky lines run their patterns, most harmless ones leave after one lookup). The busy
chat measures what the watcher costs the page itself."""

import json
from pathlib import Path

from harness.chromium import extension_url
from tools.eval_nudges import PARTS

MEASURE = """async ([lines, warm, passes]) => {
  const { cuesFor } = await import("/nudge/engine.js");
  for (let i = 0; i < warm; i++) for (const line of lines) cuesFor([[line]], "");  // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < passes; i++) for (const line of lines) cuesFor([[line]], "");
  return (performance.now() - start) * 1000 / (passes * lines.length);
}"""


def evaluation_lines(root: Path) -> list[str]:
    return [json.loads(line)["text"] for part in PARTS
            for line in (root / "tests" / "nudges" / f"{part}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def matching_cost(context, root: Path, warm=20, passes=50) -> dict:
    """{"lines": n, "us_per_line": µs} measured in an extension page of the `context` running Buoy,
    over `passes` passes after `warm` to warm up the JIT (about 25 µs a line: 20 and 50 passes over
    the 21,000 lines take 40 s)."""
    lines = evaluation_lines(root)
    page = context.new_page()
    try:
        page.goto(extension_url("options/options.html"))
        return {"lines": len(lines), "us_per_line": page.evaluate(MEASURE, [lines, warm, passes])}
    finally:
        page.close()
