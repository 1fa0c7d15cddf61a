"""The peer evaluation (tools/eval_peer.py) on made-up vectors: neighbours, thresholds, the sealed part.

The real model is not needed: a word-hashing embedder stands in for MiniLM (tests/unit/test_minilm.py
tests the model where it is installed). The sealed lines are read here only to count them in the report.
"""

import json
import zlib
from pathlib import Path

import pytest

np = pytest.importorskip("numpy", reason="the peer evaluation needs numpy (requirements-peer.txt)")

from tools.eval_peer import PARTS, _budget_threshold, _nearest, _score, evaluate, format_report  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEALED = PARTS[1:]  # every part but the tuning part: scored against it, counts only


def words_embed(texts):
    """Bag of words hashed into 64 dimensions, unit length: a stand-in that makes shared words near."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for row, text in enumerate(texts):
        out[row, 0] = 0.01  # no line is the zero vector
        for word in text.lower().split():
            out[row, zlib.crc32(word.encode()) % 64] += 1
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_nearest_lists_each_rows_highest_first():
    sims = np.array([[0.1, 0.9, 0.5, 0.7], [0.8, 0.2, 0.3, 0.1]])
    assert _nearest(sims, 3).tolist() == [[1, 3, 2], [0, 2, 1]]
    assert _nearest(sims, 9).shape == (2, 4)


def test_hidden_examples_are_never_neighbours():
    index = np.eye(4, dtype=np.float32)  # four lines, each alike only to itself
    moves = ["gifts", "threat", None, None]
    assert [score for score, _ in _score(index, index, moves)][:2] != [0.0, 0.0]  # itself: a perfect match
    assert [score for score, _ in _score(index, index, moves, hide=(np.arange(4), np.arange(4)))] == [0.0] * 4


def test_a_line_near_risky_examples_scores_and_names_their_move():
    index = np.array([[1, 0], [0.96, 0.28], [0, 1], [0.28, 0.96]], dtype=np.float32)
    moves = ["pictures", "pictures", None, None]
    (near_risky, move), (near_harmless, _) = _score(np.array([[0.99, 0.14], [0.14, 0.99]]), index, moves)
    assert near_risky > 0.1 and move == "pictures"
    assert near_harmless == 0.0


def test_the_budget_threshold_flags_at_most_the_budget():
    scores = [0.0] * 90 + [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]
    threshold = _budget_threshold(scores, 0.03)
    assert sum(s >= threshold for s in scores) == 3
    assert sum(s >= _budget_threshold(scores, 0.025) for s in scores) == 2  # 2.5 of 100: two, not three
    assert _budget_threshold([0.2] * 100, 0.03) > 0.2  # ties at the edge stay unflagged


def test_the_budget_is_the_one_buoy_was_chosen_at(results):
    model = json.loads((ROOT / "extension/data/nudge-model.json").read_text(encoding="utf-8"))
    assert results["budget"] == model["languages"]["en"]["cross_validation"]["false_alarms_at_most"]
    assert f"tuning false alarms <= {results['budget']:.1%}" in format_report(results)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """The peer run as `invoke eval-peer` runs it, on every sealed line, with every eighth tuning line
    as its examples: these tests check what is counted and printed, and the tuning part scored
    against itself (twice) was nearly all of a minute."""
    root = tmp_path_factory.mktemp("peer")
    (root / "extension").symlink_to(ROOT / "extension")
    sets = root / "tests/nudges"
    sets.mkdir(parents=True)
    for path in (ROOT / "tests/nudges").glob("*.jsonl"):
        if path.name != "tune.jsonl":
            (sets / path.name).symlink_to(path)
    tune = (ROOT / "tests/nudges/tune.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (sets / "tune.jsonl").write_text("".join(tune[::8]), encoding="utf-8")
    return evaluate(root, embed=words_embed, timing=False)


def _lines(name):
    return [json.loads(line) for line in (ROOT / "tests/nudges" / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("part", SEALED)
def test_every_sealed_line_is_counted(results, part):
    sealed = _lines(f"{part}.jsonl")
    for point in results["thresholds"]:
        overall = results["parts"][part][point]["overall"]
        assert (overall["risky"], overall["harmless"]) == (sum(bool(c["move"]) for c in sealed),
                                                           sum(not c["move"] for c in sealed))
    assert results["conversations"][part]["sentinel"]["max_score"]["risky"] == sum(
        c["risky"] for c in _lines(f"conversations-{part}.jsonl"))


def test_sealed_lines_are_never_printed(results):
    texts = [c["text"] for part in SEALED for c in _lines(f"{part}.jsonl")]
    texts += [t for part in SEALED for c in _lines(f"conversations-{part}.jsonl") for t in c["lines"]]
    texts = [t for t in texts if len(t) > 12]  # a short line can be part of the header by chance
    printed = format_report(results) + json.dumps(results)
    leaked = sum(t in printed for t in texts)  # a count: a failure must not print them either
    assert leaked == 0
