"""The nudge engine run in Node, as the unit tests ask it: a snippet of ES module code that sees
`input` (a JSON payload) with compile() and normalise() imported, and the rules' own matcher."""

import json
import subprocess

from harness.paths import ROOT

RULES = json.loads((ROOT / "extension/data/nudges.json").read_text(encoding="utf-8"))
NOT_TYPOS = json.loads((ROOT / "extension/data/nudge-typos.json").read_text(encoding="utf-8"))["languages"]["en"]["not_typos"]


def _node(script: str, payload) -> list:
    """Run an ES module snippet that sees `input` (the JSON payload) and prints JSON."""
    match_js = json.dumps((ROOT / "extension/nudge/match.js").as_uri())
    normalise_js = json.dumps((ROOT / "extension/nudge/normalise.js").as_uri())
    module = (f"import {{ compile }} from {match_js};\nimport {{ normalise }} from {normalise_js};\n"
              "import { readFileSync } from 'node:fs';\nconst input = JSON.parse(readFileSync(0, 'utf8'));\n" + script)
    out = subprocess.run(["node", "--input-type=module", "-e", module],
                         input=json.dumps(payload), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def match(texts, rules=None) -> list:
    rules = rules or RULES["languages"]["en"]
    return _node("const m = compile(input.rules, { notTypos: input.notTypos });"
                 " console.log(JSON.stringify(input.texts.map(t => m.match(t))));",
                 {"rules": rules, "texts": texts, "notTypos": NOT_TYPOS})
