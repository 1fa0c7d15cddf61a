"""The nudges' learned stage (issue 15): shipped weights are what build/train_nudge_model.mjs makes
from the tuning part, they fit the rules' moves, and they stay small.
"""

import copy
import hashlib
import json
import subprocess

import pytest

from build.data_rules.nudge_model import check
from harness.nudge_node import RULES, _node
from harness.paths import ROOT

MODEL_FILE = ROOT / "extension/data/nudge-model.json"
MODEL = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
EVERYTHING = {"nudges": RULES}


def test_trained_on_the_tuning_part_as_it_is():
    tune = (ROOT / "tests/nudges/tune.jsonl").read_bytes()
    assert MODEL["trained_on"] == {"file": "tests/nudges/tune.jsonl", "sha256": hashlib.sha256(tune).hexdigest()}


def test_shipped_weights_are_what_the_script_makes():
    # Retrains with the shipped settings (the cross-validation that chose them takes minutes).
    out = subprocess.run(["node", str(ROOT / "build/train_nudge_model.mjs"), str(ROOT), "--retrain"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == MODEL


def test_small_enough_to_ship():
    assert MODEL_FILE.stat().st_size < 512 * 1024  # the issue allows the package 3 MB more in all


def test_data_rules_catch_weights_that_do_not_fit():
    assert check(MODEL, EVERYTHING) == []
    broken = copy.deepcopy(MODEL)
    broken["languages"]["en"]["classes"] = broken["languages"]["en"]["classes"][::-1]
    broken["languages"]["en"]["weights"] = broken["languages"]["en"]["weights"][8:]
    assert len(check(broken, EVERYTHING)) == 2


@pytest.mark.parametrize("line, risky", [("send me a pic of u in ur room", True), ("gg that was a fun round", False)])
def test_the_model_reads_lines_in_node_as_trained(line, risky):
    model_js = json.dumps((ROOT / "extension/nudge/model.js").as_uri())
    p = _node(f"import {{ loadModel }} from {model_js};\n"
              "const m = compile(input.rules); const score = loadModel(input.model);"
              " console.log(JSON.stringify([...score(m.read(input.line).line)]));",
              {"rules": RULES["languages"]["en"], "model": MODEL["languages"]["en"], "line": line})
    assert abs(sum(p) - 1) < 1e-9
    assert (1 - p[0] >= MODEL["languages"]["en"]["threshold"]) == risky
