"""Chat nudges tolerate misspellings of their own words (issue 15), never of ordinary words.

The matcher reads a word one slip from a word of nudges.json (extension/nudge/typos.js) as that
word, unless the slip spells a real word listed in data/nudge-typos.json, which
build/nudge_typos.mjs makes from the dictionary scripts/setup.sh installs.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from harness.nudge_node import RULES, _node, match
from harness.paths import ROOT
from tasks import DICTIONARIES

TYPOS = json.loads((ROOT / "extension/data/nudge-typos.json").read_text(encoding="utf-8"))
NOT_TYPOS = TYPOS["languages"]["en"]["not_typos"]

pytestmark = pytest.mark.skipif(not shutil.which("node"), reason="needs node")


def typo_map(words, real) -> dict:
    typos_js = json.dumps((ROOT / "extension/nudge/typos.js").as_uri())
    return _node(f"import {{ typoMap }} from {typos_js};\n"
                 "console.log(JSON.stringify(Object.fromEntries(typoMap(input.words, input.real))));",
                 {"words": words, "real": real})


def test_each_kind_of_slip_is_read_as_the_word():
    got = typo_map(["send", "selfie", "discord", "address"], [])
    assert {slip: got.get(slip) for slip in ["sned", "sendd", "selfe", "discrod", "disvord", "adress"]} == {
        "sned": "send", "sendd": "send", "selfe": "selfie", "discrod": "discord", "disvord": "discord",
        "adress": "address"}


def test_short_words_real_words_and_ambiguous_slips_are_left_alone():
    got = typo_map(["pics", "send", "sent", "hours", "house"], ["sand"])
    assert got["snet"] == "sent" and got["sedn"] == "send"
    assert "pic" not in got.values() and "sand" not in got  # too short to guess; a real word
    assert "sent" not in got and "send" not in got            # vocabulary is never rewritten
    assert got["hosue"] == "house" and "hous" not in got      # hours or house: no guess


def test_misspelt_cues_are_caught():
    lines = ["sned me a selfe", "add me on discrod", "r u allone", "ur so matuer for ur age"]
    assert match(lines) == ["pictures", "private", "alone", "flattery"]


def test_real_words_near_cues_stay_quiet():
    # "tents" and "cats" are one slip from "rents" (parents) and "chats": without the list of real
    # words the first would ask where the parents are, the second threaten with the child's chats.
    quiet = ["where are your tents", "i have all of your cats lol"]
    assert match(quiet) == [None, None]
    rules = {**RULES["languages"]["en"]}
    assert _node("const m = compile(input); console.log(JSON.stringify(["
                 "'where are your tents', 'i have all of your cats lol'].map(t => m.match(t))));", rules) == [
        "alone", "threat"]  # the same lines, had the matcher no list of real words


@pytest.mark.skipif(not all(Path(p).exists() for p in DICTIONARIES.values()),
                    reason="scripts/setup.sh installs wamerican, wfrench and wspanish")
def test_shipped_list_is_what_the_script_makes(tmp_path):
    for name in ("extension/data/nudges.json",):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    pairs = [f"{language}={path}" for language, path in DICTIONARIES.items()]
    subprocess.run(["node", str(ROOT / "build/nudge_typos.mjs"), str(tmp_path), *pairs], check=True, capture_output=True)
    made = json.loads((tmp_path / "extension/data/nudge-typos.json").read_text(encoding="utf-8"))
    assert made == TYPOS


def test_no_listed_real_word_is_rewritten():
    words = _node("console.log(JSON.stringify([...compile(input).words]));", RULES["languages"]["en"])
    assert set(typo_map(words, NOT_TYPOS)) & set(NOT_TYPOS) == set()
