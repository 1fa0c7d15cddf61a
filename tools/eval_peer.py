"""Score the nudge sets with a peer built the way Roblox's Sentinel scores messages (issue 15).

The peer: all-MiniLM-L6-v2 embeddings (tools/minilm.py), the tuning part's risky lines as
Sentinel's positive examples and its harmless lines as its negative examples, Sentinel's
per-message score and aggregation (tools/peer_score.py). Two operating points:
- "sentinel": a message counts when its score reaches Sentinel's min_score_to_consider (0.1);
- "budget": the lowest threshold that keeps the tuning part's false alarms within the budget
  Buoy's learned stage was chosen at (nudge-model.json, cross_validation.false_alarms_at_most).
The tuning part is scored leave-one-out (each line against all the others: Sentinel's
prevent_exact_match, made strict), so its figures are cross-validated; the budget threshold is
picked on those same scores, so the tuning part meets the budget by construction. It is scored
again leave-one-writer-out ("others": each line against the other writers' lines only), as lines
by a new hand would be: the sealed part shares its writers with the examples. The sealed part
is scored against the whole tuning part and only counted: its lines never leave `evaluate`.
Wiring: `print(format_report(evaluate(root)))`; needs requirements-peer.txt.
"""

import hashlib
import json
import time
from pathlib import Path

import numpy as np

from tools.eval_nudges import _pct as pct
from tools.eval_nudges import _score as count_cases
from tools.peer_score import MIN_SCORE, TOP_K, max_score, message_score, skewness
from tools.split_nudge_set import NEW_HAND

PARTS = ("tune", "sealed", NEW_HAND)
OTHERS = "others"  # the tuning part again, each line against the other writers' lines only
CHUNK = 1024
CACHE = "dist/peer"  # embeddings per file, keyed by its hash and tools/minilm.py's


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _embedded(embed, texts: list[str], path: Path, cache: Path | None) -> np.ndarray:
    if cache is None:
        return embed(texts)
    import tools.minilm  # its source names the model's hash: a new model or forward pass is a new key

    key = hashlib.sha256(path.read_bytes() + Path(tools.minilm.__file__).read_bytes()).hexdigest()[:16]
    file = cache / f"{path.stem}-{key}.npy"
    if not file.exists():
        cache.mkdir(parents=True, exist_ok=True)
        np.save(file, embed(texts))
    return np.load(file)


def _nearest(sims: np.ndarray, k: int) -> np.ndarray:
    """Column indices of each row's k highest similarities, highest first."""
    k = min(k, sims.shape[1])
    top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(sims, top, 1), axis=1, kind="stable")
    return np.take_along_axis(top, order, 1)


def _score(queries: np.ndarray, index: np.ndarray, moves: list, hide: tuple | None = None) -> list[tuple]:
    """(score, move) for each query against the index (the tuning part; moves[i] None = harmless).

    hide = (query keys, index keys): index line i is never a neighbour of query q when their keys are
    equal (the line itself, or its writer's lines). Queries are scored CHUNK at a time: the tuning
    part against itself at once is gigabytes.
    """
    positive = np.flatnonzero([bool(move) for move in moves])
    negative = np.flatnonzero([not move for move in moves])
    scored = []
    for start in range(0, len(queries), CHUNK):
        sims = queries[start:start + CHUNK] @ index.T
        if hide is not None:
            sims[hide[0][start:start + CHUNK, None] == hide[1][None, :]] = -np.inf
        on_pos, on_neg = sims[:, positive], sims[:, negative]
        near_pos, near_neg = _nearest(on_pos, TOP_K), _nearest(on_neg, TOP_K)
        scored += [message_score([(float(on_pos[r, j]), moves[positive[j]]) for j in near_pos[r] if on_pos[r, j] > -np.inf],
                                 [(float(on_neg[r, j]), None) for j in near_neg[r] if on_neg[r, j] > -np.inf])
                   for r in range(len(sims))]  # a hidden example is never a neighbour, even when a side is short
    return scored


def _budget_threshold(harmless_scores: list[float], budget: float) -> float:
    """The lowest threshold that flags at most `budget` (a share) of these harmless lines."""
    allowed = int(budget * len(harmless_scores))
    ranked = sorted(harmless_scores, reverse=True)
    return float(np.nextafter(ranked[allowed], np.inf)) if allowed < len(ranked) else 0.0


def _measure(lines: list[dict], scored: list[tuple], threshold: float, move_ids: list[str]) -> dict:
    """Counted exactly as eval-nudges counts Buoy's nudges; no line's text is kept."""
    cases = [line | {"got": move if score >= threshold else None}
             for line, (score, move) in zip(lines, scored, strict=True)]
    counts = count_cases(cases, move_ids)
    return {"overall": counts["overall"], "moves": counts["moves"]}


def _conversations(conversations: list[dict], scores: list[list[float]], threshold: float) -> dict:
    """Flagged conversations under Sentinel's default aggregation and under max_score."""
    out = {}
    for name, flags in (("skewness", lambda s: skewness(s) > 0), ("max_score", lambda s: max_score(s) > 0)):
        flagged = [flags([x if x >= threshold else 0.0 for x in s]) for s in scores]  # min_score_to_consider
        out[name] = {"risky": sum(c["risky"] for c in conversations),
                     "caught": sum(f for c, f in zip(conversations, flagged, strict=True) if c["risky"]),
                     "harmless": sum(not c["risky"] for c in conversations),
                     "flagged": sum(f for c, f in zip(conversations, flagged, strict=True) if not c["risky"])}
    return out


def _cost(embed, texts: list[str], index: np.ndarray, moves: list) -> dict:
    """Milliseconds per line on this machine: embedding in batches and one at a time, then scoring."""
    batch, single = texts[:256], texts[:32]
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = embed(batch)
    batched = {"wall": (time.perf_counter() - wall) / len(batch), "cpu": (time.process_time() - cpu) / len(batch)}
    wall, cpu = time.perf_counter(), time.process_time()
    for text in single:
        embed([text])
    alone = {"wall": (time.perf_counter() - wall) / len(single), "cpu": (time.process_time() - cpu) / len(single)}
    wall = time.perf_counter()
    _score(vectors, index, moves)
    scoring = (time.perf_counter() - wall) / len(batch)
    return {"batched_ms": {k: 1000 * v for k, v in batched.items()},
            "alone_ms": {k: 1000 * v for k, v in alone.items()}, "scoring_ms": 1000 * scoring}


def evaluate(repo_root, embed=None, timing: bool = True) -> dict:
    """Return {"thresholds", "parts": {part: {point: {"overall", "moves"}}}, "conversations", "cost"}.

    `embed(texts) -> unit vectors` defaults to MiniLM (cached in dist/peer/); tests pass their own.
    """
    repo_root = Path(repo_root).resolve()
    nudges = repo_root / "tests/nudges"
    cache = None
    if embed is None:
        from tools.minilm import embed
        cache = repo_root / CACHE
    rules = json.loads((repo_root / "extension/data/nudges.json").read_text(encoding="utf-8"))
    move_ids = [m["id"] for m in rules["languages"]["en"]["moves"]]
    model = json.loads((repo_root / "extension/data/nudge-model.json").read_text(encoding="utf-8"))
    budget = model["languages"]["en"]["cross_validation"]["false_alarms_at_most"]
    lines = {part: _read(nudges / f"{part}.jsonl") for part in PARTS}
    vectors = {part: _embedded(embed, [x["text"] for x in lines[part]], nudges / f"{part}.jsonl", cache)
               for part in PARTS}
    index, moves = vectors["tune"], [x["move"] for x in lines["tune"]]
    itself, writers = np.arange(len(index)), np.array([x["set"] for x in lines["tune"]])
    scored = {"tune": _score(index, index, moves, hide=(itself, itself)),
              **{part: _score(vectors[part], index, moves) for part in PARTS[1:]},
              OTHERS: _score(index, index, moves, hide=(writers, writers))}
    harmless = [score for (score, _), line in zip(scored["tune"], lines["tune"], strict=True) if not line["move"]]
    thresholds = {"sentinel": MIN_SCORE, "budget": _budget_threshold(harmless, budget)}
    lines[OTHERS] = lines["tune"]
    parts = {part: {point: _measure(lines[part], scored[part], t, move_ids) for point, t in thresholds.items()}
             for part in (*PARTS, OTHERS)}
    conversations = {}
    for part in PARTS:
        path = nudges / f"conversations-{part}.jsonl"
        convs = _read(path)
        flat = [text for c in convs for text in c["lines"]]
        flat_scores = iter(score for score, _ in _score(_embedded(embed, flat, path, cache), index, moves))
        scores = [[next(flat_scores) for _ in c["lines"]] for c in convs]
        conversations[part] = {point: _conversations(convs, scores, t) for point, t in thresholds.items()}
    return {"thresholds": thresholds, "budget": budget, "parts": parts, "conversations": conversations,
            "index": {"positive": sum(map(bool, moves)), "negative": sum(not m for m in moves)},
            "cost": _cost(embed, [x["text"] for x in lines["tune"]], index, moves) if timing else None}


def format_report(results: dict, buoy: dict | None = None) -> str:
    """The peer's figures; `buoy` (tools/eval_nudges.evaluate's result) adds Buoy's overall rows beside them."""
    t, n = results["thresholds"], results["index"]
    w = max(len(part) for part in (*PARTS, "conversations"))  # the part column
    lines = [f"Peer: Roblox Sentinel's per-message score (top {TOP_K} neighbours) on all-MiniLM-L6-v2 embeddings;",
             f"examples: the tuning part ({n['positive']} risky lines positive, {n['negative']} harmless negative).",
             "tune is scored leave-one-out; the sealed parts against the whole tuning part, counts only;",
             f"{OTHERS}: the tuning part, each line against the lines of its other writers only.",
             f"points: sentinel = score >= {t['sentinel']:.3f} (Sentinel's min_score_to_consider); "
             f"budget = score >= {t['budget']:.3f} (tuning false alarms <= {results['budget']:.1%})",
             "",
             f"{'point':<8} {'part':<{w}} {'move':<9} {'risky':>5} {'caught':>6} {'recall':>7} "
             f"{'flagged':>7} {'false alarms':>12}"]
    for point in t:  # columns as eval-nudges prints them: per move, caught = the move named right
        for part, by_point in results["parts"].items():
            s = by_point[point]
            for move, m in list(s["moves"].items()) + [("overall", s["overall"])]:
                lines.append(f"{point:<8} {part:<{w}} {move:<9} {m['risky']:>5} {m['caught']:>6} {pct(m['recall']):>7} "
                             f"{m['flagged']:>7} {pct(m['false_alarms']):>12}")
            lines.append(f"{point:<8} {part:<{w}} (overall: any flag; right move {pct(s['overall']['right_move'])}, "
                         f"{s['overall']['harmless']} harmless lines)")
    lines += ["", f"{'conversations':<{w}} {'point':<8} {'aggregation':<11} {'risky caught':>12} "
                  f"{'harmless flagged':>16}"]
    for part, by_point in results["conversations"].items():
        for point, by_aggregation in by_point.items():
            for name, c in by_aggregation.items():
                lines.append(f"{part:<{w}} {point:<8} {name:<11} {c['caught']:>5} / {c['risky']:<4} "
                             f"{c['flagged']:>8} / {c['harmless']}")
    lines.append("(skewness, Sentinel's default, is 0 for fewer than 10 messages; max_score: any line counts)")
    if buoy:
        lines += ["", f"{'side by side':<28} {'part':<{w}} {'recall':>7} {'right move':>10} {'false alarms':>12}"]
        for part in PARTS:
            rows = [("Buoy's rules", buoy["parts"][part]["overall"])]
            rows += [(f"peer at {point} point", results["parts"][part][point]["overall"]) for point in t]
            lines += [f"{name:<28} {part:<{w}} {pct(o['recall']):>7} {pct(o['right_move']):>10} "
                      f"{pct(o['false_alarms']):>12}" for name, o in rows]
    if results["cost"]:
        c = results["cost"]
        lines += ["", f"cost per line, this machine: embedding {c['batched_ms']['cpu']:.1f} ms CPU "
                      f"({c['batched_ms']['wall']:.1f} ms wall) in batches, {c['alone_ms']['cpu']:.1f} ms CPU "
                      f"({c['alone_ms']['wall']:.1f} ms wall) one line at a time; scoring {c['scoring_ms']:.2f} ms"]
    return "\n".join(lines)
