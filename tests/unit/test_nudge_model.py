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


@pytest.mark.parametrize("language", MODEL["languages"])
def test_trained_on_the_tuning_part_as_it_is(language):
    file = "tests/nudges/tune.jsonl" if language == "en" else f"tests/nudges/{language}/tune.jsonl"
    tune = (ROOT / file).read_bytes()
    assert MODEL["languages"][language]["trained_on"] == {"file": file, "sha256": hashlib.sha256(tune).hexdigest()}


# Retraining English takes about 25 s of CPU on this project's machine (18,000 tuning lines and
# their dressed copies, 2^15 buckets, 200 epochs), French and Spanish about 15 s each (5,800 lines
# and their dressed copies, and 3,900 English and Spanish or French harmless lines, bare and
# dressed), and several times as long while the suite's browsers share its 2 cores. invoke test
# hands a file's tests to one process, so they run one after the other there. Started all at once
# beside the suite's browsers instead, English was once starved past ten minutes.
@pytest.mark.heavy
@pytest.mark.timeout(600)
@pytest.mark.parametrize("language", MODEL["languages"])
def test_shipped_weights_are_what_the_script_makes(language):
    # Retrains with the shipped settings (the cross-validation that chose them takes minutes).
    out = subprocess.run(["node", str(ROOT / "build/train_nudge_model.mjs"), str(ROOT), "--retrain", language],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == {**MODEL, "languages": {language: MODEL["languages"][language]}}


def test_small_enough_to_ship():
    # The issue allows the package 3 MB more in all; each language's model is about 350 KB.
    assert MODEL_FILE.stat().st_size < 512 * 1024 * len(MODEL["languages"])


def test_data_rules_catch_weights_that_do_not_fit():
    assert check(MODEL, EVERYTHING) == []
    broken = copy.deepcopy(MODEL)
    broken["languages"]["en"]["classes"] = broken["languages"]["en"]["classes"][::-1]
    broken["languages"]["en"]["weights"] = broken["languages"]["en"]["weights"][8:]
    assert len(check(broken, EVERYTHING)) == 2


@pytest.mark.parametrize("line, risky", [("send me a pic of u in ur room", True), ("gg that was a fun round", False)])
def test_the_model_reads_lines_in_node_as_trained(line, risky):
    model_js = json.dumps((ROOT / "extension/nudge/model.js").as_uri())
    features_js = json.dumps((ROOT / "extension/nudge/features.js").as_uri())
    p = _node(f"import {{ loadModel }} from {model_js}; import {{ modelText }} from {features_js};\n"
              "const m = compile(input.rules); const score = loadModel(input.model);"
              " console.log(JSON.stringify([...score(modelText(m.read(input.line).line))]));",
              {"rules": RULES["languages"]["en"], "model": MODEL["languages"]["en"], "line": line})
    assert abs(sum(p) - 1) < 1e-9
    assert (1 - p[0] >= MODEL["languages"]["en"]["threshold"]) == risky


def test_times_and_dates_are_no_features_but_numbers_are():
    features_js = json.dumps((ROOT / "extension/nudge/features.js").as_uri())
    got = _node(f"import {{ features, modelText }} from {features_js};\n"
                "console.log(JSON.stringify(input.map(l => features(modelText(l), 14).sort((a, b) => a - b))));",
                ["send a pic", "10 02 am send a pic 3 12 2026", "send a pic 21 14 05", "send a pic 9 14 dm", "im 12", "im"])
    assert got[1] == got[0] and got[2] == got[0] and got[3] == got[0]  # "9:14 PM" reads "9 14 dm"
    assert got[4] != got[5]


def test_measuring_dresses_lines_in_formats_training_never_saw():
    decor_js = json.dumps((ROOT / "build/chat_decor.mjs").as_uri())
    trained, measured = _node(
        f"import {{ decorator }} from {decor_js};\n"
        "const draw = (d) => Array.from({ length: 3000 }, () => d('hi'));"
        " console.log(JSON.stringify([draw(decorator(15)), draw(decorator(1207, { held: true }))]));", None)
    def held(lines):  # a forum-style layout and badges only measuring uses
        return [line for line in lines if any(m in line for m in (" · ", "VIP", "Admin", "Premium", "Founder"))]
    assert held(measured) and not held(trained)
    train_js = (ROOT / "build/train_nudge_model.mjs").read_text(encoding="utf-8")
    eval_js = (ROOT / "tools/eval_nudges.mjs").read_text(encoding="utf-8")
    assert "TRAIN_SEED = 15;" in train_js and "DECOR_SEED = 1207;" in eval_js and "held: true" in eval_js
