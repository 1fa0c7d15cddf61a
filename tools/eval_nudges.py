"""Measure the chat nudges (issues 11, 15, 17): recall and false alarms per move, on both parts, and
conversations caught and falsely flagged, for each language of the rules.

`tests/nudges/tune.jsonl` is what the rules are tuned on: its misses and alarms are printed.
`tests/nudges/sealed.jsonl` was written by other hands from public guidance and split off once
(tools/split_nudge_set.py); `sealed-new-hand.jsonl` is later writers', none of whose lines
trained anything. Whoever tunes never reads them, so for them only counts are printed.
The engine is the shipped JavaScript, run by the machine's `node` through `tools/eval_nudges.mjs`,
so what is measured is what ships. Each part is also measured as chat apps draw its lines, with a
sender's name, badges and the time around the words (build/chat_decor.mjs, formats and a seed the
training never used): counts only, for both parts. Wiring: `print(format_report(evaluate(root)))`.
French and Spanish sets live in tests/nudges/fr/ and tests/nudges/es/, split the same way; each
line is read as on a page in the set's language: by that language first, then by every other
language whose common words it could be in (nudge/nudger.js).
"""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from tools.split_nudge_set import APP_TEXT, NEW_HAND

PARTS = ("tune", "sealed", NEW_HAND)  # the writers' chat lines: split once, and later writers', all sealed
SEALED = ("sealed", NEW_HAND, APP_TEXT)  # counts only, ever; the apps' own text is English only
RUNNER = Path(__file__).with_name("eval_nudges.mjs")


def languages(repo_root) -> list[str]:
    """The languages data/nudges.json has rules for, English first."""
    rules = json.loads((Path(repo_root) / "extension/data/nudges.json").read_text(encoding="utf-8"))
    return list(rules["languages"])


def _run(repo_root: Path, rules: dict | None, language: str, passes: int, parts: list[str] | None = None) -> dict:
    node = shutil.which("node")
    if not node:
        raise RuntimeError("eval-nudges needs node (20 or later) on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        rules_file = repo_root / "extension/data/nudges.json"
        if rules is not None:  # a changed rule set, e.g. from a test
            rules_file = Path(tmp) / "nudges.json"
            rules_file.write_text(json.dumps(rules), encoding="utf-8")
        sets = repo_root / "tests/nudges" / ("" if language == "en" else language)
        parts = parts or [part for part in (*PARTS, APP_TEXT) if (sets / f"{part}.jsonl").exists()]
        out = subprocess.run([node, str(RUNNER), str(repo_root), str(rules_file), language, str(passes), *parts],
                             capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _right(case: dict) -> bool:
    """The nudge names the line's move, or another move the writer said it also makes."""
    return case["got"] == case["move"] or case["got"] in case.get("also", ())


def _score(cases: list[dict], move_ids: list[str]) -> dict:
    risky = [c for c in cases if c["move"]]
    harmless = [c for c in cases if not c["move"]]
    moves = {}
    for move in move_ids:
        mine = [c for c in risky if c["move"] == move]
        caught = sum(_right(c) for c in mine)
        flagged = sum(c["got"] == move for c in harmless)
        moves[move] = {"risky": len(mine), "caught": caught, "recall": _rate(caught, len(mine)),
                       "flagged": flagged, "false_alarms": _rate(flagged, len(harmless))}
    caught = sum(c["got"] is not None for c in risky)  # a nudge appears, whichever move
    flagged = sum(c["got"] is not None for c in harmless)
    return {
        "overall": {"risky": len(risky), "caught": caught, "recall": _rate(caught, len(risky)),
                    "right_move": _rate(sum(_right(c) for c in risky), len(risky)),
                    "harmless": len(harmless), "flagged": flagged, "false_alarms": _rate(flagged, len(harmless))},
        "moves": moves,
        "misses": [c for c in risky if not _right(c)],
        "alarms": [c for c in harmless if c["got"] is not None],
    }


def _score_conversations(conversations: list[dict]) -> dict:
    risky = [c for c in conversations if c["risky"]]
    harmless = [c for c in conversations if not c["risky"]]
    caught = sum(c["got"] is not None for c in risky)  # a nudge at any of its lines
    flagged = sum(c["got"] is not None for c in harmless)
    return {"risky": len(risky), "caught": caught, "recall": _rate(caught, len(risky)),
            "harmless": len(harmless), "flagged": flagged, "false_alarms": _rate(flagged, len(harmless)),
            "misses": [c for c in risky if c["got"] is None], "alarms": [c for c in harmless if c["got"] is not None]}


def evaluate(repo_root, rules: dict | None = None, language: str = "en", timing: bool = True,
             parts: list[str] | None = None) -> dict:
    """Return {"parts": {part: {"overall", "moves", "misses", "alarms", "conversations", "decorated"}},
    "micros_per_line", "node"}: every part of the language's sets, or only `parts`."""
    repo_root = Path(repo_root).resolve()
    if rules is None:
        rules = json.loads((repo_root / "extension/data/nudges.json").read_text(encoding="utf-8"))
    move_ids = [m["id"] for m in rules["languages"][language]["moves"]]
    raw = _run(repo_root, rules, language, 300 if timing else 0, parts)
    parts = {part: _score(raw["parts"][part], move_ids) | {"decorated": _score(raw["decorated"][part], move_ids)["overall"]}
             for part in raw["parts"]}
    for part, talks in raw["conversations"].items():
        parts[part]["conversations"] = _score_conversations(talks)
    for part in set(SEALED) & set(parts):  # counts only, even to code that calls this
        parts[part] |= {"misses": None, "alarms": None}
        if "conversations" in parts[part]:
            parts[part]["conversations"] |= {"misses": None, "alarms": None}
    model = json.loads((repo_root / "extension/data/nudge-model.json").read_text(encoding="utf-8"))
    learned = model["languages"].get(language)  # French and Spanish are rules only (issue 17)
    return {"parts": parts, "cross_validation": learned and learned["cross_validation"],
            "micros_per_line": raw["microsPerLine"], "node": raw["node"]}


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def format_report(results: dict) -> str:
    width = max(len(part) for part in results["parts"] if part != APP_TEXT)
    lines = [f"{'part':<{width}} {'move':<9} {'risky':>5} {'caught':>6} {'recall':>7} {'flagged':>7} {'false alarms':>12}"]
    for part, scores in results["parts"].items():
        if part == APP_TEXT:
            lines.append(f"{'app text':<{width + 10}} {scores['overall']['flagged']:>7} {_pct(scores['overall']['false_alarms']):>12}"
                         f"  (of {scores['overall']['harmless']} lines chat apps draw themselves, sealed)")
            continue
        rows = list(scores["moves"].items()) + [("overall", scores["overall"])]
        for move, s in rows:
            lines.append(f"{part:<{width}} {move:<9} {s['risky']:>5} {s['caught']:>6} {_pct(s['recall']):>7} "
                         f"{s['flagged']:>7} {_pct(s['false_alarms']):>12}")
        total = scores["overall"]["harmless"]
        lines.append(f"{part:<{width}} ({total} harmless lines; false alarms are flagged harmless lines / {total})")
        dressed = scores["decorated"]
        lines.append(f"{part:<{width}} {'decorated':<9} {dressed['risky']:>5} {dressed['caught']:>6} {_pct(dressed['recall']):>7} "
                     f"{dressed['flagged']:>7} {_pct(dressed['false_alarms']):>12}  (lines with a name, badge and time)")
        talks = scores["conversations"]
        lines.append(f"{part:<{width}} {'talks':<9} {talks['risky']:>5} {talks['caught']:>6} {_pct(talks['recall']):>7} "
                     f"{talks['flagged']:>7} {_pct(talks['false_alarms']):>12}  (conversations: a nudge at any line)")
        if part in SEALED:  # counts only: its lines must never reach whoever tunes the rules
            continue
        lines += [f"      missed: {c['text']!r} ({c['move']} -> {c['got']})" for c in scores["misses"]]
        lines += [f"      alarm:  {c['text']!r} (-> {c['got']})" for c in scores["alarms"]]
        lines += [f"      missed conversation: {c['lines']!r}" for c in talks["misses"]]
        lines += [f"      alarm conversation:  {c['lines']!r} (at line {c['at'] + 1}: {c['got']})" for c in talks["alarms"]]
    cv = results.get("cross_validation")
    if cv:  # the tuning part trained the learned stage, so its own figures above flatter it
        lines.append(f"tune, learned stage out of fold ({cv['folds']}-fold, lines of {cv['lines_of']}, rules included): "
                     f"{cv['caught']}/{cv['risky']} caught ({_pct(cv['caught'] / cv['risky']).strip()}), "
                     f"{cv['flagged']}/{cv['harmless']} false alarms ({_pct(cv['flagged'] / cv['harmless']).strip()}); "
                     f"decorated {cv['dressed']['caught']}/{cv['risky']} caught, {cv['dressed']['flagged']}/{cv['harmless']} false alarms")
    if results.get("micros_per_line") is not None:
        lines.append(f"matching cost: {results['micros_per_line']:.1f} µs per line, Node {results['node']}")
    return "\n".join(lines)


def report_all(repo_root) -> str:
    """Every language's report, one after another."""
    return "\n\n".join(f"== {language} ==\n{format_report(evaluate(repo_root, language=language))}"
                       for language in languages(repo_root))


if __name__ == "__main__":
    print(report_all(Path(__file__).parent.parent))
