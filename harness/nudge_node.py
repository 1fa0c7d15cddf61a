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


def nudged(texts) -> list:
    """The move the whole engine (rules, typos, learned stage) nudges for, each line on its own."""
    nudger_js = json.dumps((ROOT / "extension/nudge/nudger.js").as_uri())
    data = {name: json.loads((ROOT / f"extension/data/{file}.json").read_text(encoding="utf-8"))
            for name, file in (("nudges", "nudges"), ("typos", "nudge-typos"), ("model", "nudge-model"))}
    return _node(f"import {{ createNudger }} from {nudger_js};\nconst nudge = createNudger(input.data);"
                 " console.log(JSON.stringify(input.texts.map((t, i) => nudge(t, String(i))?.move ?? null)));",
                 {"data": data, "texts": texts})


def pattern_errors(rules: dict) -> list[str]:
    """Each pattern of one language compiled alone in JavaScript: the ones that fail, with why."""
    one_by_one = [{**rules, "moves": [{**move, "patterns": [p]}]} for move in rules["moves"] for p in move["patterns"]]
    errors = _node("console.log(JSON.stringify(input.map(r => { try { compile(r); return null; }"
                   " catch (e) { return r.moves[0].patterns[0] + ': ' + e.message; } })));", one_by_one)
    return [e for e in errors if e]
